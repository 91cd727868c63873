import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { addressBucket } from "./ip-address.js";

/** At most `maxAttempts` log-in attempts per key within a window of `windowMs` from the first. */
export interface ThrottlePolicy {
  readonly maxAttempts: number;
  readonly windowMs: number;
}

export interface LoginThrottlePolicy {
  /** Per account: a targeted guess at one person's password. */
  readonly account: ThrottlePolicy;
  /** Per client address (IPv6 per /64): spraying many accounts from one place. */
  readonly ip: ThrottlePolicy;
}

const defaultLoginThrottlePolicy: LoginThrottlePolicy = {
  account: { maxAttempts: 5, windowMs: 15 * 60_000 },
  ip: { maxAttempts: 30, windowMs: 15 * 60_000 },
};

/** One counter after an attempt was counted. */
export interface AttemptCount {
  readonly key: string;
  readonly attempts: number;
  /** When the counter's window ends (ISO 8601); the counter restarts at 1 after it. */
  readonly windowEndsAt: string;
}

/** Storage for the counters (src/storage implements it on both dialects). */
export interface LoginAttemptStore {
  /**
   * Counts one attempt on every key and returns the new counts, atomically: concurrent
   * callers never read the same count. A key whose window ended restarts at 1 with the
   * window given for it.
   */
  countLoginAttempt(
    keys: readonly { key: string; windowEndsAt: string }[],
    now: string,
  ): Promise<AttemptCount[]>;
  /**
   * Settles attempts in one statement: `clear` counters go back to zero, and each `refund`
   * counter gets one attempt back if its window is still the one given (never below zero).
   */
  settleLoginAttempts(settlement: {
    readonly clear: readonly string[];
    readonly refund: readonly { readonly key: string; readonly windowEndsAt: string }[];
  }): Promise<void>;
  /** Forgets counters whose window ended before `before`. */
  sweepLoginAttempts(before: string): Promise<void>;
}

/** What the throttle is told once the attempt's outcome is known. */
export interface Admission {
  /** The password (and second factor) were right. */
  succeeded(): Promise<void>;
  /** Nothing was guessed (the password was right, the second factor not yet sent). */
  refund(): Promise<void>;
}

/**
 * Log-in throttling that holds under concurrency. The attempt is counted
 * before the password is verified, in one atomic statement, so 50 parallel guesses against a
 * limit of 5 reach the password hasher at most 5 times; reading the counter first and writing
 * it after a failed verification let every one of them through.
 *
 * On success the account counter is cleared (OWASP Authentication Cheat Sheet, "Account
 * Lockout": the counter belongs to the account, and whoever just proved the password has no
 * more use for its protection). The address counter is not cleared, only refunded by the one
 * attempt that succeeded: otherwise one valid account would let a spraying address wipe its
 * failures between rounds, while refunding keeps a newsroom behind one NAT address from
 * locking itself out with its own morning log-ins.
 */
export class LoginThrottle {
  readonly #store: LoginAttemptStore;
  readonly #clock: Clock;
  readonly #policy: LoginThrottlePolicy;
  #lastSweep = 0;

  constructor(deps: { store: LoginAttemptStore; clock: Clock; policy?: LoginThrottlePolicy }) {
    this.#store = deps.store;
    this.#clock = deps.clock;
    this.#policy = deps.policy ?? defaultLoginThrottlePolicy;
  }

  /** Counts the attempt; throws LOGIN_THROTTLED when the account or the address is over. */
  admit(email: string, ip: string | null): Promise<Admission> {
    return this.#admit([
      [`account:${email}`, this.#policy.account],
      [`ip:${(ip && addressBucket(ip)) ?? "unknown"}`, this.#policy.ip],
    ]);
  }

  /** Re-authentication of a signed-in person: counted against the account only. */
  admitAccount(email: string): Promise<Admission> {
    return this.#admit([[`account:${email}`, this.#policy.account]]);
  }

  /** The first key is the account's; the others are refunded, never cleared, on success. */
  async #admit(keys: readonly (readonly [string, ThrottlePolicy])[]): Promise<Admission> {
    const now = this.#clock.now();
    const policies = new Map(keys);
    const counts = await this.#store.countLoginAttempt(
      keys.map(([key, policy]) => ({
        key,
        windowEndsAt: new Date(now.getTime() + policy.windowMs).toISOString(),
      })),
      now.toISOString(),
    );
    await this.#sweep(now);
    const over = counts.filter((c) => c.attempts > (policies.get(c.key)?.maxAttempts ?? 0));
    if (over.length > 0) {
      const until = Math.max(...over.map((c) => Date.parse(c.windowEndsAt)));
      const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
      throw new NewsdeskError("LOGIN_THROTTLED", {
        detail: `Too many log-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,
        details: { retryAfterSeconds: seconds },
      });
    }
    const accountKey = keys[0]?.[0] ?? "";
    const refunds = counts.map((c) => ({ key: c.key, windowEndsAt: c.windowEndsAt }));
    return {
      succeeded: () =>
        this.#store.settleLoginAttempts({
          clear: [accountKey],
          refund: refunds.filter((r) => r.key !== accountKey),
        }),
      refund: () => this.#store.settleLoginAttempts({ clear: [], refund: refunds }),
    };
  }

  /** Expired counters are deleted at most every five minutes, so the table stays small. */
  async #sweep(now: Date): Promise<void> {
    if (now.getTime() - this.#lastSweep < 5 * 60_000) return;
    this.#lastSweep = now.getTime();
    await this.#store.sweepLoginAttempts(now.toISOString());
  }
}
