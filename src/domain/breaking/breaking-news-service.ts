import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { ServiceId } from "../services/service-registry.js";
import type { BreakingNewsRepository } from "./breaking-news-repository.js";
import { type BreakingBanner, breakingBannerInputSchema } from "./breaking-news-schema.js";

/** One breaking-news banner per service at a time: raising a new one replaces the old. */
export class BreakingNewsService {
  readonly #repository: BreakingNewsRepository;
  readonly #clock: Clock;

  constructor(deps: { repository: BreakingNewsRepository; clock: Clock }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
  }

  async raise(_actor: Actor, rawInput: unknown): Promise<BreakingBanner> {
    const input = parseOrThrow(breakingBannerInputSchema, rawInput);
    const now = this.#clock.now().toISOString();
    await this.#repository.clear(input.serviceId, now);
    const banner: BreakingBanner = { ...input, id: newId(), createdAt: now, clearedAt: null };
    await this.#repository.insert(banner);
    return banner;
  }

  async clear(_actor: Actor, serviceId: ServiceId): Promise<number> {
    return this.#repository.clear(serviceId, this.#clock.now().toISOString());
  }

  async active(serviceId: ServiceId): Promise<BreakingBanner | undefined> {
    return this.#repository.findActive(serviceId, this.#clock.now().toISOString());
  }
}
