import type { Clock } from "../clock.js";

export interface PresenceRepository {
  /** Records that the user has the story open now; keeps `since` from the first beat. */
  beat(storyId: string, userId: string, now: string): Promise<void>;
  /** Users seen on the story since `after`, with display names. */
  active(
    storyId: string,
    after: string,
  ): Promise<{ userId: string; displayName: string; since: string }[]>;
}

/**
 * "Who else has this story open": editors' browsers send a heartbeat every 15 s; anyone
 * not heard from for 45 s has left. Stored in the database so every instance agrees.
 */
export class PresenceService {
  static readonly timeoutMs = 45_000;
  readonly #repository: PresenceRepository;
  readonly #clock: Clock;

  constructor(deps: { repository: PresenceRepository; clock: Clock }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
  }

  async beat(storyId: string, userId: string) {
    const now = this.#clock.now();
    await this.#repository.beat(storyId, userId, now.toISOString());
    const after = new Date(now.getTime() - PresenceService.timeoutMs).toISOString();
    const everyone = await this.#repository.active(storyId, after);
    return everyone.filter((p) => p.userId !== userId);
  }
}
