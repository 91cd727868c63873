import { afterEach, describe, expect, it, vi } from "vitest";
import { sharedDataPresent } from "./shared-data.js";

describe("data from ../shared", () => {
  const missing = "/nonexistent/shared/seed/story.txt";

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("is present whatever the environment when the file exists", () => {
    expect(sharedDataPresent(import.meta.filename, "this file", { CI: "true" })).toBe(true);
    expect(sharedDataPresent(import.meta.filename, "this file", {})).toBe(true);
  });

  it("fails in CI when missing, naming what and where", () => {
    for (const CI of ["true", "1", "TRUE"]) {
      expect(() => sharedDataPresent(missing, "The reference page seed", { CI })).toThrow(
        `The reference page seed is missing: ${missing} not found. CI must check out ../shared`,
      );
    }
  });

  it("lets a developer without ../shared skip, with a warning", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (const env of [{}, { CI: "" }, { CI: "false" }, { CI: "0" }]) {
      expect(sharedDataPresent(missing, "The reference page seed", env)).toBe(false);
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(warn.mock.calls[0]?.[0]).toBe(
      `The reference page seed is missing: ${missing} not found; skipped (outside CI only).`,
    );
  });
});
