import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientIpOf, resolveClientIp, trustedProxies } from "./client-ip.js";

const none = trustedProxies([]);
const proxies = trustedProxies(["10.0.0.0/8", "2001:db8:ffff::/48", "192.0.2.10"]);

describe("resolveClientIp", () => {
  it.each([
    // [peer, X-Forwarded-For, trusted set, expected, why]
    [
      "203.0.113.5",
      "198.51.100.1",
      none,
      "203.0.113.5",
      "no trusted proxies: the header is ignored",
    ],
    [
      "203.0.113.5",
      "198.51.100.1",
      proxies,
      "203.0.113.5",
      "an untrusted peer's header is ignored",
    ],
    ["10.0.0.2", "198.51.100.1", proxies, "198.51.100.1", "a trusted peer names the client"],
    ["10.0.0.2", undefined, proxies, "10.0.0.2", "a trusted peer without the header"],
    ["10.0.0.2", "", proxies, "10.0.0.2", "an empty header"],
    [
      "10.0.0.2",
      "6.6.6.6, 198.51.100.1",
      proxies,
      "198.51.100.1",
      "the client's own spoofed entry is left of the real one",
    ],
    [
      "10.0.0.2",
      "6.6.6.6, 198.51.100.1, 10.1.2.3, 192.0.2.10",
      proxies,
      "198.51.100.1",
      "skips every trusted hop from the right",
    ],
    [
      "10.0.0.2",
      "10.9.9.9, 10.8.8.8",
      proxies,
      "10.9.9.9",
      "all hops trusted: the left-most is the best known",
    ],
    [
      "10.0.0.2",
      "garbage, 10.8.8.8",
      proxies,
      "10.8.8.8",
      "a malformed entry stops the walk at the last good hop",
    ],
    [
      "10.0.0.2",
      "198.51.100.1, garbage",
      proxies,
      "10.0.0.2",
      "a malformed right-most entry: the peer",
    ],
    [
      "::ffff:10.0.0.2",
      "198.51.100.1",
      proxies,
      "198.51.100.1",
      "an IPv4-mapped peer matches the IPv4 range",
    ],
    [
      "2001:db8:ffff:1::1",
      "2001:DB8:1::5",
      proxies,
      "2001:db8:1::5",
      "IPv6 proxies and clients, canonical",
    ],
    [
      "10.0.0.2",
      "[2001:db8:1::5]:4711",
      proxies,
      "2001:db8:1::5",
      "a bracketed IPv6 entry with a port",
    ],
    ["10.0.0.2", "198.51.100.1:4711", proxies, "198.51.100.1", "an IPv4 entry with a port"],
    ["10.0.0.2", "::ffff:198.51.100.1", proxies, "198.51.100.1", "an IPv4-mapped entry"],
    ["192.0.2.10", "198.51.100.1", proxies, "198.51.100.1", "a single trusted address"],
    ["192.0.2.11", "198.51.100.1", proxies, "192.0.2.11", "its neighbour is not trusted"],
    [null, "198.51.100.1", proxies, null, "no socket"],
    ["not-an-ip", "198.51.100.1", proxies, null, "a peer that is not an address"],
  ] as const)("%s + %j → %s (%s)", (peer, header, trusted, expected, _why) => {
    expect(resolveClientIp(peer, header, trusted)).toBe(expected);
  });

  it("reads at most 20 hops of a long header", () => {
    const header = ["198.51.100.1", ...Array.from({ length: 30 }, (_, i) => `10.0.0.${i + 1}`)];
    expect(resolveClientIp("10.0.0.2", header.join(", "), proxies)).toBe("10.0.0.11");
  });

  it("refuses a configuration that is not a CIDR", () => {
    expect(() => trustedProxies(["10.0.0.0/33"])).toThrow();
  });
});

describe("clientIpOf", () => {
  it("takes the peer from the node-server socket and the header from the request", async () => {
    const app = new Hono();
    app.get("/", (c) => c.text(String(clientIpOf(c, proxies))));
    const ask = (peer: string, header?: string) =>
      app.request(
        "/",
        { headers: header ? { "X-Forwarded-For": header } : {} },
        { incoming: { socket: { remoteAddress: peer } } },
      );
    expect(await (await ask("10.0.0.2", "198.51.100.1")).text()).toBe("198.51.100.1");
    expect(await (await ask("203.0.113.5", "198.51.100.1")).text()).toBe("203.0.113.5");
    expect(await (await app.request("/")).text()).toBe("null");
  });
});
