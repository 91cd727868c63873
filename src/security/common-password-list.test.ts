import { describe, expect, it } from "vitest";
import { BundledCommonPasswords } from "./common-password-list.js";

describe("the bundled common-password list", () => {
  const list = new BundledCommonPasswords();

  it("knows the passwords attackers try first, whatever their case", async () => {
    for (const password of ["password123", "qwertyuiop", "QWERTYUIOP", "1qaz2wsx3edc", "123456"]) {
      expect(await list.isCommon(password), password).toBe(true);
    }
  });

  it("lets a long unusual passphrase through", async () => {
    expect(await list.isCommon("correct horse battery staple")).toBe(false);
    expect(await list.isCommon("the quick brown newsroom fox")).toBe(false);
  });

  it("holds the top 100,000 entries and no more", async () => {
    const size = await list.size();
    // The source list has case duplicates, so lower-casing leaves slightly fewer entries.
    expect(size).toBeGreaterThan(95_000);
    expect(size).toBeLessThanOrEqual(100_000);
  });

  it("loads the list once, however many checks run at the same time", async () => {
    const fresh = new BundledCommonPasswords();
    const results = await Promise.all([fresh.isCommon("letmein"), fresh.isCommon("dragon")]);
    expect(results).toEqual([true, true]);
    expect(fresh.loads).toBe(1);
  });
});
