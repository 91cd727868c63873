import { describe, expect, it } from "vitest";
import { classifyAddress, isPublicAddress } from "./ip-address-policy.js";

describe("classifyAddress", () => {
  // Every range the outbound guard refuses, with the class it reports (IANA IPv4 and IPv6
  // special-purpose address registries, RFC 6890 and its updates).
  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.0.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.255", "cgnat"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.88.99.1", "reserved"],
    ["198.18.0.1", "reserved"],
    ["198.19.255.255", "reserved"],
    ["192.0.2.1", "documentation"],
    ["198.51.100.7", "documentation"],
    ["203.0.113.9", "documentation"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fe80::1", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fec0::1", "reserved"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["3fff::1", "documentation"],
    ["100::1", "reserved"],
    ["64:ff9b:1::1", "reserved"],
    ["2001:2::1", "reserved"],
    ["::7f00:1", "reserved"], // IPv4-compatible (deprecated, RFC 4291 2.5.5.1)
    ["::ffff:0:7f00:1", "reserved"], // IPv4-translated (RFC 6145), outside 2000::/3
    ["5f00::1", "reserved"], // SRv6 SIDs (RFC 9602)
    ["4000::1", "reserved"], // not global unicast (outside 2000::/3)
    // Teredo (RFC 4380) tunnels to an obfuscated IPv4 client; refused whatever it embeds.
    ["2001::1", "teredo"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"],
    ["[::1]", "loopback"],
  ])("%s is %s", (address, range) => {
    expect(classifyAddress(address)).toMatchObject({ public: false, range });
    expect(isPublicAddress(address)).toBe(false);
  });

  // IPv6 forms that reach an IPv4 host are judged by the IPv4 address inside.
  it.each([
    ["::ffff:127.0.0.1", "loopback", "ipv4-mapped"],
    ["::ffff:7f00:1", "loopback", "ipv4-mapped"],
    ["::FFFF:A9FE:A9FE", "link-local", "ipv4-mapped"],
    ["::ffff:10.0.0.1", "private", "ipv4-mapped"],
    ["0:0:0:0:0:ffff:c0a8:101", "private", "ipv4-mapped"],
    ["64:ff9b::127.0.0.1", "loopback", "nat64"],
    ["64:ff9b::a00:1", "private", "nat64"],
    ["64:ff9b::a9fe:a9fe", "link-local", "nat64"],
    ["2002:7f00:1::", "loopback", "6to4"],
    ["2002:a00:1::1", "private", "6to4"],
    ["2002:c0a8:101:1::1", "private", "6to4"],
    ["2002:a9fe:a9fe::", "link-local", "6to4"],
    ["2002:6440:1::", "cgnat", "6to4"],
  ])("%s is %s via %s", (address, range, via) => {
    expect(classifyAddress(address)).toEqual({ public: false, range, via });
  });

  it.each([
    "93.184.215.14",
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "169.255.0.1",
    "2606:4700::1111",
    "2a00:1450:4001:82b::200e",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("%s is public", (address) => {
    expect(classifyAddress(address)).toMatchObject({ public: true });
    expect(isPublicAddress(address)).toBe(true);
  });

  // Anything that is not a canonical address literal is never called public: the guard
  // hands only resolver answers and WHATWG-normalized URL hosts to this function.
  it.each([
    "not-an-address",
    "",
    "2130706433",
    "0x7f.1",
    "0177.0.0.1",
    "127.1",
    "127.0.0.1.",
    "1.2.3.4.5",
    "fe80::1%eth0",
    "::ffff:127.0.0.1:80",
  ])("%j is not an address", (value) => {
    expect(classifyAddress(value)).toEqual({ public: false, range: "not-an-address" });
  });
});
