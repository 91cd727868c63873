import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

const token = "t0k3n-abcdefghijklmnop";
const zone = "0123456789abcdef0123456789abcdef";

describe("CDN purge configuration", () => {
  it("has none unless a provider or a purge URL is set", () => {
    expect(loadConfig({}).cdnPurge).toBeUndefined();
  });

  it("keeps CDN_PURGE_URL alone meaning the generic POST of tags", () => {
    expect(loadConfig({ CDN_PURGE_URL: "https://purge.example.org/tags" }).cdnPurge).toEqual({
      provider: "generic",
      url: "https://purge.example.org/tags",
    });
  });

  it("reads each provider's settings", () => {
    expect(
      loadConfig({ CDN_PURGE_PROVIDER: "varnish", CDN_PURGE_URL: "http://127.0.0.1:6081/" })
        .cdnPurge,
    ).toEqual({ provider: "varnish", url: "http://127.0.0.1:6081/" });
    expect(
      loadConfig({
        CDN_PURGE_PROVIDER: "fastly",
        FASTLY_SERVICE_ID: "SU1Z0isxPaozGVKXdv0eY",
        FASTLY_API_TOKEN: token,
      }).cdnPurge,
    ).toEqual({
      provider: "fastly",
      serviceId: "SU1Z0isxPaozGVKXdv0eY",
      apiToken: token,
      url: undefined,
    });
    expect(
      loadConfig({
        CDN_PURGE_PROVIDER: "cloudflare",
        CLOUDFLARE_ZONE_ID: zone,
        CLOUDFLARE_API_TOKEN: token,
        CDN_PURGE_URL: "http://10.0.0.5:3128",
      }).cdnPurge,
    ).toEqual({
      provider: "cloudflare",
      zoneId: zone,
      apiToken: token,
      url: "http://10.0.0.5:3128",
    });
  });

  it("refuses settings that do not fit together, naming the variable", () => {
    const problem = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return "accepted";
      } catch (error) {
        return (error as { detail?: string }).detail ?? String(error);
      }
    };
    expect(problem({ CDN_PURGE_PROVIDER: "varnish" })).toMatch(/CDN_PURGE_URL/);
    expect(problem({ CDN_PURGE_PROVIDER: "fastly", FASTLY_API_TOKEN: token })).toMatch(
      /FASTLY_SERVICE_ID/,
    );
    expect(
      problem({
        CDN_PURGE_PROVIDER: "cloudflare",
        CLOUDFLARE_ZONE_ID: "zone",
        CLOUDFLARE_API_TOKEN: token,
      }),
    ).toMatch(/CLOUDFLARE_ZONE_ID: must be 32 hex digits/);
    expect(
      problem({
        CDN_PURGE_PROVIDER: "cloudflare",
        CLOUDFLARE_ZONE_ID: zone,
        CLOUDFLARE_API_TOKEN: "a b",
      }),
    ).toMatch(/CLOUDFLARE_API_TOKEN/);
    expect(problem({ CDN_PURGE_PROVIDER: "akamai", CDN_PURGE_URL: "https://x.example" })).toMatch(
      /CDN_PURGE_PROVIDER/,
    );
    expect(problem({ CDN_PURGE_URL: "ftp://purge.example.org/" })).toMatch(/CDN_PURGE_URL/);
  });
});
