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

describe("DATABASE_URL", () => {
  it("accepts sqlite:, file: and postgres URLs, normalizing file: to sqlite:", () => {
    expect(loadConfig({ DATABASE_URL: "sqlite:/var/lib/newsdesk/db.sqlite" }).databaseUrl).toBe(
      "sqlite:/var/lib/newsdesk/db.sqlite",
    );
    expect(loadConfig({ DATABASE_URL: "file:./data/x.db" }).databaseUrl).toBe("sqlite:./data/x.db");
    expect(loadConfig({ DATABASE_URL: "file:///srv/newsdesk.db" }).databaseUrl).toBe(
      "sqlite:/srv/newsdesk.db",
    );
    expect(loadConfig({ DATABASE_URL: "postgresql://news@db:5432/news" }).databaseUrl).toBe(
      "postgresql://news@db:5432/news",
    );
  });

  it.each(["newsdesk", "./data/newsdesk.db", "mysql://db/x", "postgres:/oops", "sqlite:"])(
    "refuses %j, naming the accepted forms",
    (value) => {
      expect(() => loadConfig({ DATABASE_URL: value })).toThrow(
        expect.objectContaining({
          code: "CONFIG_INVALID",
          message: expect.stringContaining("sqlite:<path>, file:<path>"),
        }),
      );
    },
  );

  it("creates the development default's directory, but not an explicit path's unless asked", () => {
    expect(loadConfig({}).createDatabase).toBe(true);
    expect(loadConfig({ DATABASE_URL: "sqlite:/srv/x.db" }).createDatabase).toBe(false);
    expect(loadConfig({ DATABASE_URL: "sqlite:/srv/x.db" }, { create: true }).createDatabase).toBe(
      true,
    );
  });
});

describe("production mode", () => {
  const complete = {
    NODE_ENV: "production",
    DATABASE_URL: "postgres://news@db/news",
    PUBLIC_URL: "https://news.example.org",
    // Several instances on one PostgreSQL share one media store (src/config/media-config.test.ts).
    MEDIA_STORE: "s3://news-media/prod",
  };

  it("never seeds demo content, requires two-factor authentication, is off by default", () => {
    const config = loadConfig(complete);
    expect(config).toMatchObject({
      production: true,
      seedDemo: "never",
      requireSecondFactor: true,
    });
    expect(loadConfig({ ...complete, SEED_DEMO: "auto" }).seedDemo).toBe("never");
    expect(loadConfig({}).production).toBe(false);
    expect(loadConfig({ NODE_ENV: "development" }).production).toBe(false);
  });

  it("is also chosen with --production", () => {
    const { NODE_ENV: _, ...rest } = complete;
    expect(loadConfig(rest, { production: true }).production).toBe(true);
  });

  it.each([
    [{ DATABASE_URL: undefined }, "DATABASE_URL"],
    [{ PUBLIC_URL: undefined }, "PUBLIC_URL"],
    [{ SEED_DEMO: "always" }, "SEED_DEMO=always"],
  ])("refuses to start with %j", (change, named) => {
    expect(() => loadConfig({ ...complete, ...change })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID", message: expect.stringContaining(named) }),
    );
  });
});
