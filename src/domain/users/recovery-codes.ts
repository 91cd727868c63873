import { createHash, randomBytes, randomInt } from "node:crypto";

/** Shown once after enrolment or regeneration; each works once. */
export const recoveryCodeCount = 10;

/**
 * Crockford's base32 alphabet (no i, l, o, u): read aloud or copied from paper without
 * confusing 0/o or 1/l. 20 characters carry 100 bits.
 */
const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
const codeLength = 20;
const groupLength = 5;

export function newRecoveryCodes(count: number = recoveryCodeCount): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let code = "";
    for (let i = 0; i < codeLength; i++) code += alphabet[randomInt(alphabet.length)];
    codes.add(code.match(new RegExp(`.{${groupLength}}`, "g"))?.join("-") ?? code);
  }
  return [...codes];
}

/** Case, spaces, dashes and look-alike letters (o→0, i/l→1) do not matter when typed. */
export function normalizeRecoveryCode(typed: string): string {
  return typed
    .toLowerCase()
    .replace(/[^0-9a-z]/g, "")
    .replaceAll("o", "0")
    .replace(/[il]/g, "1");
}

/** A per-user random salt for the codes' hashes. */
export function newRecoverySalt(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * ASVS 4.0.3 V2.6.2: look-up secrets with under 112 bits of entropy are stored salted and
 * hashed with an approved one-way function. 100 random bits make an offline search
 * infeasible even with SHA-256, so no slow hash is needed.
 */
export function hashRecoveryCode(salt: string, typed: string): string {
  return createHash("sha256")
    .update(`${salt}:${normalizeRecoveryCode(typed)}`)
    .digest("hex");
}
