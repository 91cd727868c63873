import type { Clock } from "../../src/domain/clock.js";

/** A clock that stands still at `start` until the test moves it on. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current += ms;
    },
  };
}

/**
 * Real time plus however far the test has moved it on. For a suite that shares one newsdesk
 * across many tests (which expect time to pass as usual) and where one test needs a
 * moment to arrive: it advances the clock instead of sleeping.
 */
export function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
  };
}
