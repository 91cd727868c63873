import { describe, expect, it } from "vitest";
import { assertAcceptablePassword, type CommonPasswords } from "./password-policy.js";

const list: CommonPasswords = {
  isCommon: async (password) => ["1qaz2wsx3edc", "qwertyqwerty"].includes(password.toLowerCase()),
};

describe("password policy (NIST SP 800-63B 5.1.1.2, ASVS 4.0.3 V2.1.7)", () => {
  it("refuses a password from the common list with a stable code", async () => {
    await expect(
      assertAcceptablePassword("1QAZ2WSX3EDC", "eda@example.org", list),
    ).rejects.toMatchObject({ code: "PASSWORD_TOO_COMMON", status: 422 });
  });

  it("refuses a password that contains the email's local part, whatever the case", async () => {
    await expect(
      assertAcceptablePassword("my name is Eda.Editor!", "eda.editor@example.org", list),
    ).rejects.toMatchObject({ code: "PASSWORD_CONTAINS_EMAIL", status: 422 });
  });

  it("ignores local parts too short to mean anything", async () => {
    await expect(
      assertAcceptablePassword("a long and unusual passphrase", "ab@example.org", list),
    ).resolves.toBeUndefined();
  });

  it("accepts a long unusual passphrase", async () => {
    await expect(
      assertAcceptablePassword("correct horse battery staple", "eda@example.org", list),
    ).resolves.toBeUndefined();
  });
});
