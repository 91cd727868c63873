import { isIPv4, isIPv6 } from "node:net";

/**
 * Client addresses as the log-in throttle and the proxy resolver see them: one spelling per
 * address, so `::ffff:192.0.2.1`, `192.0.2.1` and `2001:DB8::1` vs `2001:db8:0::1` never count
 * as different clients.
 */

/** The canonical form of an IP address (RFC 5952 for IPv6), or undefined if it is not one. */
export function canonicalIp(value: string): string | undefined {
  const address = value.trim().replace(/%[^%]*$/, ""); // zone ids (fe80::1%eth0) name a local link
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return undefined;
  const hextets = ipv6Hextets(address);
  // IPv4-mapped (RFC 4291 §2.5.5.2): a dual-stack socket reports IPv4 clients this way.
  if (hextets.slice(0, 5).every((h) => h === 0) && hextets[5] === 0xffff) {
    return ipv4FromHextets(hextets[6] ?? 0, hextets[7] ?? 0);
  }
  return formatIpv6(hextets);
}

/**
 * The throttle bucket of an address: IPv4 per address, IPv6 per /64. A single host or home
 * line is routinely given a whole /64 (RFC 4291 §2.5.4 fixes interface ids at 64 bits;
 * RFC 6177), so counting per /128 would give one attacker 2^64 fresh counters.
 */
export function addressBucket(value: string): string | undefined {
  const address = canonicalIp(value);
  if (!address || isIPv4(address)) return address;
  return `${formatIpv6([...ipv6Hextets(address).slice(0, 4), 0, 0, 0, 0])}/64`;
}

export interface Cidr {
  readonly address: string;
  readonly prefix: number;
  readonly family: "ipv4" | "ipv6";
}

/** `192.0.2.0/24`, `2001:db8::/32`, or a bare address (a /32 or /128). */
export function parseCidr(value: string): Cidr | undefined {
  const [rawAddress, rawPrefix, ...rest] = value.trim().split("/");
  if (rawAddress === undefined || rest.length > 0) return undefined;
  const address = canonicalIp(rawAddress);
  if (!address || rawAddress.includes("%")) return undefined;
  const family = isIPv4(address) ? "ipv4" : "ipv6";
  const max = family === "ipv4" ? 32 : 128;
  if (rawPrefix === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(rawPrefix) || Number(rawPrefix) > max) return undefined;
  return { address, prefix: Number(rawPrefix), family };
}

/** The eight 16-bit groups of a valid IPv6 address (checked by isIPv6 first). */
function ipv6Hextets(address: string): number[] {
  let text = address.toLowerCase();
  const lastColon = text.lastIndexOf(":");
  const tail = text.slice(lastColon + 1);
  if (tail.includes(".")) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split(".").map(Number);
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const headParts = head === "" ? [] : head.split(":");
  const tailParts = rest === undefined || rest === "" ? [] : rest.split(":");
  const zeros = rest === undefined ? [] : Array(8 - headParts.length - tailParts.length).fill("0");
  return [...headParts, ...zeros, ...tailParts].map((h) => Number.parseInt(h, 16));
}

function ipv4FromHextets(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** RFC 5952 §4: lower case, no leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(hextets: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && hextets[start + length] === 0) length++;
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
  }
  const groups = hextets.map((h) => h.toString(16));
  if (bestStart < 0) return groups.join(":");
  const before = groups.slice(0, bestStart).join(":");
  const after = groups.slice(bestStart + bestLength).join(":");
  return `${before}::${after}`;
}
