import { Secret, TOTP } from "otpauth";

/** RFC 6238 parameters. Authenticator apps reliably support only SHA-1, 6 digits, 30 s. */
export interface TotpParameters {
  readonly algorithm: "SHA1" | "SHA256" | "SHA512";
  readonly digits: 6 | 8;
  readonly periodSeconds: 30;
}

export const authenticatorParameters: TotpParameters = {
  algorithm: "SHA1",
  digits: 6,
  periodSeconds: 30,
};

/**
 * Steps accepted either side of the current one: RFC 6238 section 5.2 recommends at most
 * one step of network delay and clock drift.
 */
const driftSteps = 1;

/** A new shared secret, base32: 160 bits, the length RFC 4226 section 4 (R6) recommends. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The Key URI an authenticator app scans (otpauth://totp/Issuer:account?...). */
export function totpUri(secret: string, label: { issuer: string; account: string }): string {
  return new TOTP({
    issuer: label.issuer,
    label: label.account,
    secret: Secret.fromBase32(secret),
    algorithm: authenticatorParameters.algorithm,
    digits: authenticatorParameters.digits,
    period: authenticatorParameters.periodSeconds,
  }).toString();
}

/**
 * The time step (RFC 6238 "T") whose code this is, within one step of `at`; undefined if the
 * code matches none. Callers store the step to refuse a second use (ASVS 4.0.3 V2.8.4).
 */
export function matchTotpStep(
  secret: string,
  code: string,
  at: Date,
  parameters: TotpParameters = authenticatorParameters,
): number | undefined {
  const token = code.replace(/\s+/g, "");
  if (!new RegExp(`^\\d{${parameters.digits}}$`).test(token)) return undefined;
  const timestamp = at.getTime();
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secret),
    algorithm: parameters.algorithm,
    digits: parameters.digits,
    period: parameters.periodSeconds,
    timestamp,
    window: driftSteps,
  });
  if (delta === null) return undefined;
  return TOTP.counter({ period: parameters.periodSeconds, timestamp }) + delta;
}
