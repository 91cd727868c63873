import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { NewsdeskError } from "../error-catalogue.js";

/** Resolves a host name to every address it has (A and AAAA). */
export type HostResolver = (hostname: string) => Promise<readonly string[]>;

export const dnsResolver: HostResolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Addresses a partner's webhook may never point at without WEBHOOK_ALLOW_PRIVATE=1: an
 * operator (or an attacker with an administrator's session) could otherwise make the
 * server POST to its own loopback services, the cloud metadata endpoint or the internal
 * network (server-side request forgery). IANA special-purpose registries, RFC 6890.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8], // private (RFC 1918)
  ["100.64.0.0", 10], // carrier-grade NAT (RFC 6598)
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, including 169.254.169.254 cloud metadata
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // IETF protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and 255.255.255.255 broadcast
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // deprecated site-local
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address (v4 or v6, as a URL or resolver spells it) is not public. */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, "");
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, "ipv4");
  if (family !== 6) return true; // not an address at all: never treat it as public
  const embedded = embeddedIpv4(ip);
  if (embedded !== null) return blocked.check(embedded, "ipv4");
  return blocked.check(ip, "ipv6");
}

/**
 * The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64
 * (64:ff9b::/96) IPv6 address, which reaches that IPv4 host; null for other addresses.
 */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower)?.[1];
  if (dotted) return dotted;
  const hex = /^(?:::ffff:|::|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex?.[1] || !hex[2]) return null;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** Host names that always mean this machine or the local network, whatever DNS says. */
function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    name.endsWith(".local") ||
    name.endsWith(".internal") ||
    name.endsWith(".home.arpa")
  );
}

/**
 * Parses and checks a webhook URL: absolute http(s), no credentials, and unless
 * `allowPrivate` every address the host resolves to is public. Returns the normalized URL.
 */
export async function checkWebhookUrl(
  raw: string,
  options: { allowPrivate: boolean; resolve: HostResolver },
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw new NewsdeskError("WEBHOOK_URL_INVALID", {
      detail: "The webhook URL is not valid.",
      cause,
    });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new NewsdeskError("WEBHOOK_URL_INVALID", {
      detail: `Webhook URLs must be http(s), not ${url.protocol.replace(/:$/, "")}.`,
    });
  }
  if (url.username || url.password) {
    throw new NewsdeskError("WEBHOOK_URL_INVALID", {
      detail: "Webhook URLs may not carry a user name or password; the signature authenticates us.",
    });
  }
  if (!options.allowPrivate) await assertPublicHost(url.hostname, options.resolve);
  return url;
}

/** Refuses a host that is, or resolves to, a non-public address. */
export async function assertPublicHost(hostname: string, resolve: HostResolver): Promise<void> {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (isLocalName(host)) {
    throw new NewsdeskError("WEBHOOK_URL_PRIVATE", {
      detail: `${host} is a local host name.`,
    });
  }
  let addresses: readonly string[];
  if (isIP(host) !== 0) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch (cause) {
      throw new NewsdeskError("WEBHOOK_URL_UNRESOLVABLE", {
        detail: `${host} does not resolve to any address.`,
        cause,
      });
    }
    if (addresses.length === 0) {
      throw new NewsdeskError("WEBHOOK_URL_UNRESOLVABLE", {
        detail: `${host} does not resolve to any address.`,
      });
    }
  }
  const private_ = addresses.find((address) => isPrivateAddress(address));
  if (private_ !== undefined) {
    throw new NewsdeskError("WEBHOOK_URL_PRIVATE", {
      detail: `${host} is or resolves to ${private_}, which is not a public address.`,
      details: { address: private_ },
    });
  }
}
