import { BlockList, isIPv4 } from "node:net";
import type { Context } from "hono";
import { canonicalIp, parseCidr } from "../domain/users/ip-address.js";

/** The proxies whose `X-Forwarded-For` entries we believe (TRUSTED_PROXIES). */
export interface TrustedProxies {
  has(address: string): boolean;
}

/** Builds the set from CIDRs already checked by the config schema (`parseCidr`). */
export function trustedProxies(cidrs: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const value of cidrs) {
    const cidr = parseCidr(value);
    if (!cidr) throw new Error(`Not a CIDR: ${value}`);
    list.addSubnet(cidr.address, cidr.prefix, cidr.family);
  }
  return {
    has: (address) => {
      const canonical = canonicalIp(address);
      return canonical !== undefined && list.check(canonical, isIPv4(canonical) ? "ipv4" : "ipv6");
    },
  };
}

/** More hops than any real proxy chain; past it the rest of the header is not read. */
const maxHops = 20;

/**
 * The client's address. The socket peer is the truth unless it is one of our proxies; then
 * `X-Forwarded-For` is read from the right, skipping our own proxies, and the first address
 * that is not one of them is the client (MDN "X-Forwarded-For", Security and privacy
 * concerns: only the right-most entries, appended by proxies we run, can be trusted; anything
 * to their left was written by the client). If the chain runs out or an entry is not an
 * address, the last proxy that handed the request on is the best we know.
 */
export function resolveClientIp(
  peer: string | null | undefined,
  forwardedFor: string | null | undefined,
  trusted: TrustedProxies,
): string | null {
  const peerAddress = peer ? canonicalIp(peer) : undefined;
  if (!peerAddress) return null;
  if (!trusted.has(peerAddress) || !forwardedFor) return peerAddress;
  let client = peerAddress;
  const hops = forwardedFor.split(",").slice(-maxHops).reverse();
  for (const hop of hops) {
    const address = hopAddress(hop);
    if (!address) break;
    client = address;
    if (!trusted.has(address)) break;
  }
  return client;
}

/** One `X-Forwarded-For` entry: an address, optionally `[IPv6]:port` or `IPv4:port`. */
function hopAddress(hop: string): string | undefined {
  const text = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) return canonicalIp(bracketed[1]);
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  return canonicalIp(withPort?.[1] ?? text);
}

/** The Hono side: the socket address from @hono/node-server, and the header (all copies). */
export function clientIpOf(c: Context, trusted: TrustedProxies): string | null {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return resolveClientIp(incoming?.socket?.remoteAddress, c.req.header("x-forwarded-for"), trusted);
}
