/** Time is passed in, never read from a global, so tests can freeze and advance it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
