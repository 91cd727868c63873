import { isIP } from "node:net";

/**
 * Which IP addresses an outbound request (wire pull, partner webhook) may connect to. Pure:
 * no DNS, no sockets, so every form can be table-tested. The ranges come from the IANA
 * IPv4 and IPv6 special-purpose address registries (RFC 6890 and its updates); anything
 * that is not reachable on the public internet, or that tunnels to an IPv4 host that is
 * not, is refused against server-side request forgery (OWASP SSRF Prevention Cheat Sheet).
 *
 * Only canonical literals are classified: dotted-quad decimal IPv4 and IPv6 without a zone.
 * Other spellings (`2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`) never reach this function
 * as hosts, because the WHATWG URL parser rewrites them to dotted quads first, and a string
 * that is not a canonical literal is reported as `not-an-address`, never as public.
 */

type BlockedRange =
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "cgnat"
  | "multicast"
  | "broadcast"
  | "unique-local"
  | "documentation"
  | "reserved"
  | "teredo"
  | "not-an-address";

/** How an IPv6 address reaches the IPv4 address inside it. */
type Ipv4Embedding = "ipv4-mapped" | "nat64" | "6to4";

export type AddressClass =
  | { readonly public: true }
  | { readonly public: false; readonly range: BlockedRange; readonly via?: Ipv4Embedding };

type Range = readonly [network: bigint, prefix: number, range: BlockedRange];

/** First match wins, so narrower ranges come before the wider ones that contain them. */
const ipv4Ranges: readonly Range[] = (
  [
    ["0.0.0.0", 8, "unspecified"], // "this network" (RFC 791, RFC 1122 3.2.1.3)
    ["10.0.0.0", 8, "private"], // RFC 1918
    ["100.64.0.0", 10, "cgnat"], // shared address space (RFC 6598)
    ["127.0.0.0", 8, "loopback"], // RFC 1122
    ["169.254.0.0", 16, "link-local"], // RFC 3927, including 169.254.169.254 cloud metadata
    ["172.16.0.0", 12, "private"], // RFC 1918
    ["192.0.0.0", 24, "reserved"], // IETF protocol assignments (RFC 6890)
    ["192.0.2.0", 24, "documentation"], // TEST-NET-1 (RFC 5737)
    ["192.88.99.0", 24, "reserved"], // deprecated 6to4 relay anycast (RFC 7526)
    ["192.168.0.0", 16, "private"], // RFC 1918
    ["198.18.0.0", 15, "reserved"], // benchmarking (RFC 2544)
    ["198.51.100.0", 24, "documentation"], // TEST-NET-2 (RFC 5737)
    ["203.0.113.0", 24, "documentation"], // TEST-NET-3 (RFC 5737)
    ["224.0.0.0", 4, "multicast"], // RFC 5771
    ["255.255.255.255", 32, "broadcast"], // limited broadcast (RFC 919)
    ["240.0.0.0", 4, "reserved"], // future use (RFC 1112)
  ] as const
).map(([network, prefix, range]) => [ipv4Value(network) ?? 0n, prefix, range]);

const ipv6Ranges: readonly Range[] = (
  [
    ["::", 128, "unspecified"], // RFC 4291 2.5.2
    ["::1", 128, "loopback"], // RFC 4291 2.5.3
    ["::", 96, "reserved"], // deprecated IPv4-compatible addresses (RFC 4291 2.5.5.1)
    ["64:ff9b:1::", 48, "reserved"], // local-use IPv4/IPv6 translation (RFC 8215)
    ["100::", 64, "reserved"], // discard-only (RFC 6666)
    ["2001::", 32, "teredo"], // RFC 4380: tunnels to an obfuscated IPv4 client
    ["2001::", 23, "reserved"], // IETF protocol assignments (RFC 2928)
    ["2001:db8::", 32, "documentation"], // RFC 3849
    ["3fff::", 20, "documentation"], // RFC 9637
    ["fc00::", 7, "unique-local"], // RFC 4193
    ["fe80::", 10, "link-local"], // RFC 4291 2.5.6
    ["fec0::", 10, "reserved"], // deprecated site-local (RFC 3879)
    ["ff00::", 8, "multicast"], // RFC 4291 2.7
  ] as const
).map(([network, prefix, range]) => [ipv6Value(network) ?? 0n, prefix, range]);

/** Global unicast (RFC 4291 2.4): every public IPv6 address lies in 2000::/3. */
const globalUnicast = ipv6Value("2000::") ?? 0n;

export function classifyAddress(address: string): AddressClass {
  const literal = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  const v4 = ipv4Value(literal);
  if (v4 !== null) return classifyIpv4(v4);
  const v6 = ipv6Value(literal);
  if (v6 === null) return { public: false, range: "not-an-address" };
  const embedded = embeddedIpv4(v6);
  if (embedded !== null) {
    const inner = classifyIpv4(embedded.address);
    return inner.public ? inner : { public: false, range: inner.range, via: embedded.via };
  }
  const range = match(v6, 128, ipv6Ranges);
  if (range !== null) return { public: false, range };
  if (!inPrefix(v6, globalUnicast, 3, 128)) return { public: false, range: "reserved" };
  return { public: true };
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).public;
}

function classifyIpv4(value: bigint): AddressClass {
  const range = match(value, 32, ipv4Ranges);
  return range === null ? { public: true } : { public: false, range };
}

/**
 * The IPv4 host an IPv6 address reaches: IPv4-mapped `::ffff:a.b.c.d` (RFC 4291 2.5.5.2),
 * the NAT64 well-known prefix `64:ff9b::/96` (RFC 6052) and 6to4 `2002:AABB:CCDD::/48`
 * (RFC 3056).
 */
function embeddedIpv4(value: bigint): { address: bigint; via: Ipv4Embedding } | null {
  const low32 = value & 0xffff_ffffn;
  if (value >> 32n === 0xffffn) return { address: low32, via: "ipv4-mapped" };
  if (value >> 32n === (ipv6Value("64:ff9b::") ?? 0n) >> 32n) {
    return { address: low32, via: "nat64" };
  }
  if (value >> 112n === 0x2002n) return { address: (value >> 80n) & 0xffff_ffffn, via: "6to4" };
  return null;
}

function match(value: bigint, bits: number, ranges: readonly Range[]): BlockedRange | null {
  for (const [network, prefix, range] of ranges) {
    if (inPrefix(value, network, prefix, bits)) return range;
  }
  return null;
}

function inPrefix(value: bigint, network: bigint, prefix: number, bits: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === network >> shift;
}

/** A canonical dotted-quad IPv4 address (no leading zeros, four parts) as a number. */
function ipv4Value(text: string): bigint | null {
  if (isIP(text) !== 4) return null;
  return text.split(".").reduce((sum, part) => (sum << 8n) | BigInt(Number(part)), 0n);
}

/** An IPv6 address without a zone index as a 128-bit number; null for anything else. */
function ipv6Value(text: string): bigint | null {
  // Zones (`fe80::1%eth0`) name a local interface; no public host has one.
  if (text.includes("%") || isIP(text) !== 6) return null;
  let groupsText = text;
  const tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (dotted !== undefined) {
    const v4 = ipv4Value(dotted);
    if (v4 === null) return null;
    tail.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    groupsText = text.slice(0, -dotted.length);
    if (groupsText.endsWith(":") && !groupsText.endsWith("::"))
      groupsText = groupsText.slice(0, -1);
  }
  const [headText = "", restText] = groupsText.split("::");
  const parse = (part: string) =>
    part === "" ? [] : part.split(":").map((g) => Number.parseInt(g, 16));
  const head = parse(headText);
  const rest = [...(restText === undefined ? [] : parse(restText)), ...tail];
  const missing = 8 - head.length - rest.length;
  if (missing < 0 || (restText === undefined && missing !== 0)) return null;
  const groups = [...head, ...Array<number>(missing).fill(0), ...rest];
  return groups.reduce((sum, group) => (sum << 16n) | BigInt(group), 0n);
}
