/** A TOTP authenticator of one user: pending until confirmed with a valid code. */
export interface TotpFactorRecord {
  readonly userId: string;
  /** Base32 shared secret, stored as-is (see the migration 0011 note on secrets at rest). */
  readonly secret: string;
  readonly createdAt: string;
  readonly confirmedAt: string | null;
  /** RFC 6238 time step of the last accepted code: no code is accepted twice. */
  readonly lastUsedStep: number | null;
  /** Salt for this user's recovery-code hashes. */
  readonly recoverySalt: string | null;
}

export interface SecondFactorRepository {
  findTotp(userId: string): Promise<TotpFactorRecord | undefined>;
  /** Starts (or restarts) enrolment; never replaces a confirmed factor. Returns false if one exists. */
  savePendingTotp(userId: string, secret: string, at: string): Promise<boolean>;
  /**
   * Confirms a pending factor for exactly this secret (a restarted enrolment invalidates the
   * old QR code) and records the step used. False if nothing matched.
   */
  confirmTotp(userId: string, secret: string, step: number, at: string): Promise<boolean>;
  /** Atomically records a step as used: false if it (or a later one) already was (replay). */
  useTotpStep(userId: string, step: number): Promise<boolean>;
  /** Removes the factor and every recovery code. */
  deleteTotp(userId: string): Promise<void>;
  /** Replaces every recovery code of the user with these hashes (and their salt). */
  replaceRecoveryCodes(
    userId: string,
    salt: string,
    codeHashes: readonly string[],
    at: string,
  ): Promise<void>;
  /** Atomically spends one unused code: false if unknown or already used. */
  useRecoveryCode(userId: string, codeHash: string, at: string): Promise<boolean>;
  unusedRecoveryCodes(userId: string): Promise<number>;
}
