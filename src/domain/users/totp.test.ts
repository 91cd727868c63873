import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  authenticatorParameters,
  matchTotpStep,
  newTotpSecret,
  type TotpParameters,
  totpUri,
} from "./totp.js";

// RFC 6238 Appendix B: the seeds are ASCII digits, 20/32/64 bytes for SHA-1/256/512.
const seeds = {
  SHA1: "12345678901234567890",
  SHA256: "12345678901234567890123456789012",
  SHA512: "1234567890123456789012345678901234567890123456789012345678901234",
} as const;
const vectors: [seconds: number, step: number, codes: Record<keyof typeof seeds, string>][] = [
  [59, 0x1, { SHA1: "94287082", SHA256: "46119246", SHA512: "90693936" }],
  [1111111109, 0x23523ec, { SHA1: "07081804", SHA256: "68084774", SHA512: "25091201" }],
  [1111111111, 0x23523ed, { SHA1: "14050471", SHA256: "67062674", SHA512: "99943326" }],
  [1234567890, 0x273ef07, { SHA1: "89005924", SHA256: "91819424", SHA512: "93441116" }],
  [2000000000, 0x3f940aa, { SHA1: "69279037", SHA256: "90698825", SHA512: "38618901" }],
  [20000000000, 0x27bc86aa, { SHA1: "65353130", SHA256: "77737706", SHA512: "47863826" }],
];

describe("TOTP (RFC 6238)", () => {
  for (const algorithm of ["SHA1", "SHA256", "SHA512"] as const) {
    it(`matches every Appendix B test vector for ${algorithm}, at its time step`, () => {
      const secret = Secret.fromLatin1(seeds[algorithm]).base32;
      const parameters: TotpParameters = { algorithm, digits: 8, periodSeconds: 30 };
      for (const [seconds, step, codes] of vectors) {
        const at = new Date(seconds * 1000);
        expect(matchTotpStep(secret, codes[algorithm], at, parameters), `T=${seconds}`).toBe(step);
        expect(matchTotpStep(secret, "00000000", at, parameters)).toBeUndefined();
      }
    });
  }

  it("accepts the previous and next step (clock drift) but nothing further", () => {
    const secret = newTotpSecret();
    const at = new Date("2026-11-20T10:00:15.000Z");
    const step = Math.floor(at.getTime() / 30_000);
    const codeAt = (offsetSteps: number) =>
      TOTP.generate({
        secret: Secret.fromBase32(secret),
        timestamp: at.getTime() + offsetSteps * 30_000,
      });
    expect(matchTotpStep(secret, codeAt(0), at)).toBe(step);
    expect(matchTotpStep(secret, codeAt(-1), at)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(1), at)).toBe(step + 1);
    expect(matchTotpStep(secret, codeAt(-2), at)).toBeUndefined();
    expect(matchTotpStep(secret, codeAt(2), at)).toBeUndefined();
  });

  it("tolerates spaces in a typed code and refuses anything that is not digits", () => {
    const secret = newTotpSecret();
    const at = new Date("2026-11-20T10:00:15.000Z");
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBeDefined();
    expect(matchTotpStep(secret, "", at)).toBeUndefined();
    expect(matchTotpStep(secret, "12345a", at)).toBeUndefined();
  });

  it("makes 160-bit secrets (RFC 4226 section 4) and a key URI authenticator apps read", () => {
    const secret = newTotpSecret();
    expect(Secret.fromBase32(secret).bytes.length).toBe(20);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, { issuer: "Meridian News", account: "eda@example.org" });
    expect(uri).toBe(
      `otpauth://totp/Meridian%20News:eda%40example.org?issuer=Meridian%20News&secret=${secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(authenticatorParameters).toEqual({ algorithm: "SHA1", digits: 6, periodSeconds: 30 });
  });
});
