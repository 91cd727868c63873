import { describe, expect, it } from "vitest";
import { addressBucket, canonicalIp, parseCidr } from "./ip-address.js";

describe("canonicalIp", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    [" 192.0.2.1 ", "192.0.2.1"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::FFFF:c000:0201", "192.0.2.1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["2001:0db8:0000:0001:0000:0000:0000:0001", "2001:db8:0:1::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // RFC 5952 §4.2.3: the first of equal runs
    ["2001:db8:1:1:1:1:0:1", "2001:db8:1:1:1:1:0:1"], // a single zero group stays
    ["::", "::"],
    ["::1", "::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["64:ff9b::192.0.2.1", "64:ff9b::c000:201"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalIp(input)).toBe(expected);
  });

  it.each(["", "unknown", "192.0.2", "192.0.2.256", "1:2:3:4:5:6:7:8:9", "[::1]", "192.0.2.1:80"])(
    "refuses %j",
    (input) => {
      expect(canonicalIp(input)).toBeUndefined();
    },
  );
});

describe("addressBucket", () => {
  it("keeps IPv4 whole and counts IPv6 per /64", () => {
    expect(addressBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket("2001:db8:0:1:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(addressBucket("2001:DB8:0:1::1")).toBe("2001:db8:0:1::/64");
    expect(addressBucket("2001:db8:0:2::1")).toBe("2001:db8:0:2::/64");
    expect(addressBucket("::1")).toBe("::/64");
    expect(addressBucket("not an address")).toBeUndefined();
  });
});

describe("parseCidr", () => {
  it.each([
    ["10.0.0.0/8", { address: "10.0.0.0", prefix: 8, family: "ipv4" }],
    ["192.0.2.7", { address: "192.0.2.7", prefix: 32, family: "ipv4" }],
    ["2001:db8::/32", { address: "2001:db8::", prefix: 32, family: "ipv6" }],
    ["::1", { address: "::1", prefix: 128, family: "ipv6" }],
    [" 172.16.0.0/12 ", { address: "172.16.0.0", prefix: 12, family: "ipv4" }],
  ])("%s", (input, expected) => {
    expect(parseCidr(input)).toEqual(expected);
  });

  it.each([
    "10.0.0.0/33",
    "2001:db8::/129",
    "10.0.0.0/-1",
    "10.0.0.0/8/8",
    "example.org",
    "10.0.0.0/",
  ])("refuses %j", (input) => {
    expect(parseCidr(input)).toBeUndefined();
  });
});
