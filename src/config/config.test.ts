import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("TRUSTED_PROXIES", () => {
  it("is empty by default: X-Forwarded-For is never believed unless configured", () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: " " }).trustedProxies).toEqual([]);
  });

  it("takes comma-separated CIDRs and single addresses", () => {
    expect(
      loadConfig({ TRUSTED_PROXIES: "10.0.0.0/8, 2001:db8::/32,192.0.2.7" }).trustedProxies,
    ).toEqual(["10.0.0.0/8", "2001:db8::/32", "192.0.2.7"]);
  });

  it.each(["10.0.0.0/33", "proxy.internal", "10.0.0.0/8, *"])("refuses %j", (value) => {
    expect(() => loadConfig({ TRUSTED_PROXIES: value })).toThrow(
      expect.objectContaining({
        code: "CONFIG_INVALID",
        message: expect.stringContaining("TRUSTED_PROXIES"),
      }),
    );
  });
});
