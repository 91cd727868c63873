import { createHash } from "node:crypto";
import type { MirrorKind } from "./mirror-schema.js";

/** A v3 onion service name (rend-spec-v3 §6): 56 base32 characters, lower case. */
const onionHost = /^[a-z2-7]{56}\.onion$/;

/**
 * Names that never resolve on the public Internet: RFC 6761 special-use names, RFC 8375
 * `home.arpa`, ICANN's reserved `.internal`, mDNS `.local` (RFC 6762) and the private
 * suffixes routers hand out. A mirror readers cannot reach is no mirror.
 */
const privateSuffixes = [
  "localhost",
  "local",
  "internal",
  "test",
  "example",
  "invalid",
  "onion",
  "home.arpa",
  "lan",
  "intranet",
  "corp",
  "home",
];

/** A DNS label (RFC 1123 §2.1): letters, digits and inner hyphens; IDNs arrive as punycode. */
const dnsLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type MirrorUrlCheck =
  | { readonly ok: true; readonly url: string; readonly host: string; readonly prefix: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks and normalizes a mirror's address to the contract's form: origin plus optional
 * path prefix, no trailing slash, no query, fragment or credentials. `https` and `static`
 * mirrors are https:// on a public DNS name (no IP literals: readers share names, and a
 * certificate names one); `onion` mirrors are http:// or https:// on a v3 onion address
 * whose checksum is right (a mistyped address is caught before readers are sent to it).
 */
export function checkMirrorUrl(kind: MirrorKind, raw: string): MirrorUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: "The address is not a URL." };
  }
  if (url.username || url.password) {
    return { ok: false, reason: "The address must not contain a user name or password." };
  }
  if (url.search || url.hash || raw.includes("?") || raw.includes("#")) {
    return { ok: false, reason: "The address must not have a query or fragment." };
  }
  const prefix = url.pathname.replace(/\/+$/, "");
  // The parser resolves "/a/../b" to "/b"; an address written so is refused, not guessed at.
  const dotSegment = /\/\.\.?(?:\/|$)/;
  if (!/^(?:\/[\w.~-]+)*$/.test(prefix) || dotSegment.test(prefix) || dotSegment.test(raw)) {
    return {
      ok: false,
      reason: "The path prefix may hold letters, digits and . _ ~ - between slashes.",
    };
  }
  const host = url.hostname;
  if (kind === "onion") {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return { ok: false, reason: "An onion mirror's address starts with http:// or https://." };
    }
    if (!onionHost.test(host) || !onionChecksumValid(host)) {
      return {
        ok: false,
        reason: "The host is not a valid Tor v3 onion address (56 characters, then .onion).",
      };
    }
  } else {
    if (url.protocol !== "https:") {
      return { ok: false, reason: "A mirror's address must start with https://." };
    }
    if (!isPublicHostName(host)) {
      return { ok: false, reason: "The host must be a public DNS name, not an IP address." };
    }
  }
  return { ok: true, url: `${url.origin}${prefix}`, host: url.host, prefix };
}

function isPublicHostName(host: string): boolean {
  if (host.length > 253 || host.startsWith("[")) return false;
  const labels = host.split(".");
  if (labels.length < 2 || !labels.every((label) => dnsLabel.test(label))) return false;
  // A numeric last label is an IPv4 literal (or one in disguise, like 0x7f.1).
  if (/^(?:\d+|0x[0-9a-f]+)$/.test(labels.at(-1) ?? "")) return false;
  return !privateSuffixes.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
}

const base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * rend-spec-v3 §6 "Encoding onion addresses": base32(PUBKEY | CHECKSUM | VERSION), where
 * CHECKSUM = SHA3-256(".onion checksum" | PUBKEY | VERSION)[:2] and VERSION = 3.
 */
function onionChecksumValid(host: string): boolean {
  const name = host.slice(0, 56);
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of name) {
    buffer = (buffer << 5) | base32Alphabet.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  if (bytes.length !== 35 || bytes[34] !== 3) return false;
  const publicKey = Buffer.from(bytes.slice(0, 32));
  const digest = createHash("sha3-256")
    .update(".onion checksum")
    .update(publicKey)
    .update(Buffer.from([3]))
    .digest();
  return digest[0] === bytes[32] && digest[1] === bytes[33];
}
