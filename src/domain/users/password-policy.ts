import { NewsdeskError } from "../error-catalogue.js";

/** The list of passwords attackers try first (implemented in src/security from a bundled list). */
export interface CommonPasswords {
  /** Case-insensitive. */
  isCommon(password: string): Promise<boolean>;
}

/** Shorter local parts ("ab@…") would refuse half of all passphrases and protect nothing. */
const minimumLocalPartLength = 3;

/**
 * Screens a new password beyond its length (checked by `passwordSchema`): ASVS 4.0.3 V2.1.7
 * (refuse breached and common passwords) and NIST SP 800-63B 5.1.1.2 (refuse context-specific
 * words such as the user name). Applies wherever a password is chosen: account creation,
 * reset by an administrator, and self-service change.
 */
export async function assertAcceptablePassword(
  password: string,
  email: string,
  common: CommonPasswords,
): Promise<void> {
  if (await common.isCommon(password)) throw new NewsdeskError("PASSWORD_TOO_COMMON");
  const localPart = email.split("@")[0]?.trim().toLowerCase() ?? "";
  if (localPart.length >= minimumLocalPartLength && password.toLowerCase().includes(localPart)) {
    throw new NewsdeskError("PASSWORD_CONTAINS_EMAIL");
  }
}
