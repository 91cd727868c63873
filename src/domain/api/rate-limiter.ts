import type { Clock } from "../clock.js";

export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the window resets (Retry-After on 429, RFC 9110 §10.2.3). */
  readonly resetSeconds: number;
}

/**
 * Fixed one-minute windows per key, held in this process. Several instances each enforce
 * the limit on their own share of traffic; a shared store (Redis) would make it global.
 */
export class RateLimiter {
  readonly #clock: Clock;
  readonly #windows = new Map<string, { start: number; count: number }>();
  readonly #windowMs: number;

  constructor(deps: { clock: Clock; windowMs?: number }) {
    this.#clock = deps.clock;
    this.#windowMs = deps.windowMs ?? 60_000;
  }

  take(key: string, limit: number): RateDecision {
    const now = this.#clock.now().getTime();
    const start = now - (now % this.#windowMs);
    let window = this.#windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.#windows.set(key, window);
      this.#sweep(start);
    }
    const resetSeconds = Math.max(1, Math.ceil((start + this.#windowMs - now) / 1000));
    if (window.count >= limit) return { allowed: false, limit, remaining: 0, resetSeconds };
    window.count += 1;
    return { allowed: true, limit, remaining: limit - window.count, resetSeconds };
  }

  /** Forget finished windows so memory stays bounded by the number of active keys. */
  #sweep(current: number): void {
    if (this.#windows.size < 1000) return;
    for (const [key, w] of this.#windows) if (w.start !== current) this.#windows.delete(key);
  }
}
