import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newRecoverySalt,
  normalizeRecoveryCode,
  recoveryCodeCount,
} from "./recovery-codes.js";

describe("recovery codes (ASVS 4.0.3 V2.6)", () => {
  it("makes ten distinct codes of 100 random bits, grouped for reading aloud", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(recoveryCodeCount);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}(-[0-9a-hjkmnp-tv-z]{5}){3}$/);
  });

  it("reads a code typed in capitals, with spaces or look-alike letters, as the same code", () => {
    const [code = ""] = newRecoveryCodes(1);
    const typed = code.toUpperCase().replaceAll("-", " ").replaceAll("0", "O").replaceAll("1", "L");
    expect(normalizeRecoveryCode(typed)).toBe(code.replaceAll("-", ""));
  });

  it("hashes with a salt, so equal codes of two people do not hash alike", () => {
    const a = newRecoverySalt();
    const b = newRecoverySalt();
    expect(hashRecoveryCode(a, "abcde-fghjk")).toBe(hashRecoveryCode(a, "ABCDE FGHJK"));
    expect(hashRecoveryCode(a, "abcde-fghjk")).not.toBe(hashRecoveryCode(b, "abcde-fghjk"));
    expect(hashRecoveryCode(a, "abcde-fghjk")).not.toContain("abcde");
  });
});
