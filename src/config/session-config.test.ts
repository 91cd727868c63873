import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("session and two-factor configuration", () => {
  it("defaults to ASVS level 2 lifetimes and no mandatory second factor", () => {
    const config = loadConfig({});
    expect(config.sessionIdleMs).toBe(30 * 60_000);
    expect(config.sessionAbsoluteMs).toBe(12 * 3_600_000);
    expect(config.requireSecondFactor).toBe(false);
  });

  it("reads SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS and REQUIRE_2FA", () => {
    const config = loadConfig({
      SESSION_IDLE_MINUTES: "15",
      SESSION_ABSOLUTE_HOURS: "8",
      REQUIRE_2FA: "1",
    });
    expect(config.sessionIdleMs).toBe(15 * 60_000);
    expect(config.sessionAbsoluteMs).toBe(8 * 3_600_000);
    expect(config.requireSecondFactor).toBe(true);
  });

  it("refuses a zero or non-numeric lifetime", () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: "0" })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ SESSION_ABSOLUTE_HOURS: "forever" })).toThrow(
      /SESSION_ABSOLUTE_HOURS/,
    );
    expect(() => loadConfig({ REQUIRE_2FA: "yes" })).toThrow(/REQUIRE_2FA/);
  });
});
