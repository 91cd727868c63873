import type { Clock } from "../clock.js";

export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets (Retry-After on 429, RFC 9110 §10.2.3). */
  readonly resetSeconds: number;
}

/** Counts requests per key and window; shared by every instance when backed by the database. */
export interface RateWindowStore {
  /** Adds one request to the key's window and returns the window's count so far. */
  increment(key: string, windowStart: string): Promise<number>;
  /** Forgets windows that ended before `before`. */
  sweep(before: string): Promise<void>;
}

/**
 * Fixed one-minute windows per API key. With the database-backed store every instance
 * counts into the same window, so N instances do not allow N times the limit.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #store: RateWindowStore;
  readonly #windowMs: number;
  #lastSweep = 0;

  constructor(deps: { clock: Clock; store: RateWindowStore; windowMs?: number }) {
    this.#clock = deps.clock;
    this.#store = deps.store;
    this.#windowMs = deps.windowMs ?? 60_000;
  }

  async take(key: string, limit: number): Promise<RateDecision> {
    const now = this.#clock.now().getTime();
    const start = now - (now % this.#windowMs);
    const count = await this.#store.increment(key, new Date(start).toISOString());
    const resetSeconds = Math.max(1, Math.ceil((start + this.#windowMs - now) / 1000));
    if (now - this.#lastSweep > 10 * this.#windowMs) {
      this.#lastSweep = now;
      await this.#store.sweep(new Date(start - this.#windowMs).toISOString());
    }
    if (count > limit) return { allowed: false, limit, remaining: 0, resetSeconds };
    return { allowed: true, limit, remaining: limit - count, resetSeconds };
  }
}
