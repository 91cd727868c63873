import { z } from "zod";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { assertRecentlyAuthenticated, recentAuthenticationMs } from "./recent-authentication.js";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newRecoverySalt,
  normalizeRecoveryCode,
} from "./recovery-codes.js";
import type { SecondFactorRepository } from "./second-factor-repository.js";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp.js";
import type { User } from "./user-schema.js";

/** What the account screen shows. */
export interface SecondFactorStatus {
  readonly enabled: boolean;
  /** Enrolment started (QR code shown) but not yet confirmed with a code. */
  readonly pending: boolean;
  readonly recoveryCodesLeft: number;
}

/** A second factor offered with a password: a TOTP code or a recovery code. */
export interface SecondFactorProof {
  readonly otp?: string | undefined;
  readonly recoveryCode?: string | undefined;
}

export type SecondFactorCheck = "not-enrolled" | "missing" | "accepted" | "refused";

/** The caller's own account; sensitive changes need a recent log-in or re-authentication. */
export interface AccountSession {
  readonly user: User;
  readonly reauthenticatedAt?: string | null | undefined;
}

const confirmSchema = z.object({ code: z.string().trim().min(1).max(16) });

/**
 * Two-factor authentication with TOTP (RFC 6238) and single-use recovery codes
 * (ASVS 4.0.3 V2.6 look-up secrets, V2.8 one-time verifiers). Every person may enrol;
 * AuthService requires it of administrators and service admins when REQUIRE_2FA=1.
 */
export class SecondFactorService {
  readonly #factors: SecondFactorRepository;
  readonly #clock: Clock;
  readonly #issuer: string;
  readonly #recentMs: number;

  constructor(deps: {
    factors: SecondFactorRepository;
    clock: Clock;
    /** Shown in the authenticator app above the account (the publisher's name). */
    issuer: string;
    recentAuthenticationMs?: number;
  }) {
    this.#factors = deps.factors;
    this.#clock = deps.clock;
    this.#issuer = deps.issuer;
    this.#recentMs = deps.recentAuthenticationMs ?? recentAuthenticationMs;
  }

  async status(session: AccountSession): Promise<SecondFactorStatus> {
    const factor = await this.#factors.findTotp(session.user.id);
    const enabled = factor?.confirmedAt != null;
    return {
      enabled,
      pending: factor !== undefined && !enabled,
      recoveryCodesLeft: enabled ? await this.#factors.unusedRecoveryCodes(session.user.id) : 0,
    };
  }

  async isEnrolled(userId: string): Promise<boolean> {
    return (await this.#factors.findTotp(userId))?.confirmedAt != null;
  }

  /**
   * Starts enrolment: a new secret and its otpauth:// URI (for the QR code). Nothing changes at
   * log-in until `confirm` proves the authenticator app has it. Adding a factor is an account
   * change, so it needs a recent log-in (ASVS 4.0.3 V3.7.1): a stolen session cannot lock the
   * owner out by enrolling its own phone.
   */
  async enrol(session: AccountSession): Promise<{ secret: string; uri: string }> {
    assertRecentlyAuthenticated(session, this.#clock.now(), this.#recentMs);
    const secret = newTotpSecret();
    const saved = await this.#factors.savePendingTotp(
      session.user.id,
      secret,
      this.#clock.now().toISOString(),
    );
    if (!saved) throw new NewsdeskError("SECOND_FACTOR_ALREADY_ENABLED");
    return { secret, uri: totpUri(secret, { issuer: this.#issuer, account: session.user.email }) };
  }

  /** Turns the pending factor on with a valid code; returns the recovery codes, shown once. */
  async confirm(session: AccountSession, raw: unknown): Promise<{ recoveryCodes: string[] }> {
    const { code } = parseOrThrow(confirmSchema, raw);
    const userId = session.user.id;
    const factor = await this.#factors.findTotp(userId);
    if (factor?.confirmedAt) throw new NewsdeskError("SECOND_FACTOR_ALREADY_ENABLED");
    if (!factor) throw new NewsdeskError("SECOND_FACTOR_NOT_PENDING");
    const now = this.#clock.now();
    const step = matchTotpStep(factor.secret, code, now);
    if (step === undefined) throw new NewsdeskError("SECOND_FACTOR_CODE_INVALID");
    if (!(await this.#factors.confirmTotp(userId, factor.secret, step, now.toISOString()))) {
      // Enrolment was restarted meanwhile: this code belongs to a secret that is gone.
      throw new NewsdeskError("SECOND_FACTOR_NOT_PENDING");
    }
    return { recoveryCodes: await this.#newRecoveryCodes(userId) };
  }

  async disable(session: AccountSession): Promise<void> {
    assertRecentlyAuthenticated(session, this.#clock.now(), this.#recentMs);
    if (!(await this.#factors.findTotp(session.user.id)))
      throw new NewsdeskError("SECOND_FACTOR_NOT_ENABLED");
    await this.#factors.deleteTotp(session.user.id);
  }

  /** New recovery codes (shown once); the old ones stop working. */
  async regenerateRecoveryCodes(session: AccountSession): Promise<{ recoveryCodes: string[] }> {
    assertRecentlyAuthenticated(session, this.#clock.now(), this.#recentMs);
    if (!(await this.isEnrolled(session.user.id)))
      throw new NewsdeskError("SECOND_FACTOR_NOT_ENABLED");
    return { recoveryCodes: await this.#newRecoveryCodes(session.user.id) };
  }

  /**
   * Checks a second factor offered at log-in or re-authentication. A TOTP code is accepted
   * within one step either side and only once: its step is recorded atomically, so a code
   * seen over someone's shoulder, or sent twice, is refused (ASVS 4.0.3 V2.8.4). A recovery
   * code is spent atomically (V2.6.1). Throttling is the caller's (AuthService's) job.
   */
  async check(userId: string, proof: SecondFactorProof): Promise<SecondFactorCheck> {
    const factor = await this.#factors.findTotp(userId);
    if (!factor?.confirmedAt) return "not-enrolled";
    const now = this.#clock.now();
    if (proof.otp) {
      const step = matchTotpStep(factor.secret, proof.otp, now);
      if (step === undefined) return "refused";
      return (await this.#factors.useTotpStep(userId, step)) ? "accepted" : "refused";
    }
    if (proof.recoveryCode) {
      if (!factor.recoverySalt || normalizeRecoveryCode(proof.recoveryCode).length === 0)
        return "refused";
      const hash = hashRecoveryCode(factor.recoverySalt, proof.recoveryCode);
      return (await this.#factors.useRecoveryCode(userId, hash, now.toISOString()))
        ? "accepted"
        : "refused";
    }
    return "missing";
  }

  async #newRecoveryCodes(userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    const salt = newRecoverySalt();
    await this.#factors.replaceRecoveryCodes(
      userId,
      salt,
      codes.map((code) => hashRecoveryCode(salt, code)),
      this.#clock.now().toISOString(),
    );
    return codes;
  }
}
