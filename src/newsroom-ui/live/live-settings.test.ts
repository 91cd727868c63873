import { describe, expect, it } from "vitest";
import type { Capabilities } from "../shared/permissions.js";
import type { LivePage } from "./live-api.js";
import {
  keyPointsOf,
  keyPointsProblem,
  postingBlock,
  settingsChanged,
  settingsFormOf,
} from "./live-settings.js";

const page: LivePage = {
  storyId: "s1",
  status: "live",
  keyPoints: ["One", "Two"],
  reportersMayPost: true,
  coverageStartTime: null,
  coverageEndTime: null,
  version: 1,
  canPost: true,
  canModerate: false,
};

function capabilities(role: Capabilities["role"]): Capabilities {
  const editorial = role === "editor" || role === "service_admin" || role === "administrator";
  return {
    role,
    canWrite: role !== null,
    canPublish: editorial,
    canSetBanner: editorial,
    canTranslate: editorial,
    canManageUsers: false,
  };
}

describe("live settings", () => {
  it("reads key points one per line, trimmed, blank lines dropped", () => {
    expect(keyPointsOf(" One \r\n\n  Two\r Three ")).toEqual(["One", "Two", "Three"]);
  });

  it("refuses more than ten key points and lines over 300 characters", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `Point ${i}`).join("\n");
    expect(keyPointsProblem(eleven)).toEqual({ kind: "tooMany", count: 11 });
    expect(keyPointsProblem(`ok\n${"x".repeat(301)}`)).toEqual({ kind: "tooLong", line: 2 });
    // Characters, not UTF-16 units: 300 emoji are 300 characters.
    expect(keyPointsProblem("😀".repeat(300))).toBeNull();
    expect(keyPointsProblem(Array.from({ length: 10 }, () => "p").join("\n"))).toBeNull();
  });

  it("knows when the form differs from the page", () => {
    const form = settingsFormOf(page);
    expect(form.keyPointsText).toBe("One\nTwo");
    expect(settingsChanged(page, form)).toBe(false);
    expect(settingsChanged(page, { ...form, keyPointsText: "One\n\nTwo  " })).toBe(false);
    expect(settingsChanged(page, { ...form, keyPointsText: "One" })).toBe(true);
    expect(settingsChanged(page, { ...form, status: "ended" })).toBe(true);
    expect(settingsChanged(page, { ...form, reportersMayPost: false })).toBe(true);
  });

  it("names why someone cannot post", () => {
    expect(postingBlock(page, capabilities("reporter"))).toBeNull();
    const closed = { ...page, canPost: false };
    expect(postingBlock({ ...closed, status: "ended" }, capabilities("reporter"))).toBe("ended");
    expect(postingBlock({ ...closed, reportersMayPost: false }, capabilities("reporter"))).toBe(
      "reportersClosed",
    );
    expect(postingBlock(closed, capabilities("translator"))).toBe("noRole");
    expect(postingBlock(closed, capabilities(null))).toBe("noRole");
  });
});
