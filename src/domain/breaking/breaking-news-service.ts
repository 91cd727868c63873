import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { ServiceId } from "../services/service-registry.js";
import { assertCan } from "../users/access-policy.js";
import type { BreakingNewsRepository } from "./breaking-news-repository.js";
import { type BreakingBanner, breakingBannerInputSchema } from "./breaking-news-schema.js";

export type BannerChangeListener = (
  serviceId: ServiceId,
  banner: BreakingBanner | null,
  previous: BreakingBanner | null,
) => Promise<void>;

/** One breaking-news banner per service at a time: raising a new one replaces the old. */
export class BreakingNewsService {
  readonly #repository: BreakingNewsRepository;
  readonly #clock: Clock;

  readonly #onChange: BannerChangeListener | undefined;

  constructor(deps: {
    repository: BreakingNewsRepository;
    clock: Clock;
    /** Told after every committed change: caches and open pages follow. */
    onChange?: BannerChangeListener;
  }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
    this.#onChange = deps.onChange;
  }

  /** Only an editor of the service (or an administrator) puts text live on its pages. */
  async raise(actor: Actor, rawInput: unknown): Promise<BreakingBanner> {
    const input = parseOrThrow(breakingBannerInputSchema, rawInput);
    assertCan(actor, "banner.manage", input.serviceId);
    const now = this.#clock.now().toISOString();
    const previous = await this.#repository.findActive(input.serviceId, now);
    await this.#repository.clear(input.serviceId, now);
    const banner: BreakingBanner = { ...input, id: newId(), createdAt: now, clearedAt: null };
    await this.#repository.insert(banner);
    await this.#onChange?.(banner.serviceId, banner, previous ?? null);
    return banner;
  }

  async clear(actor: Actor, serviceId: ServiceId): Promise<number> {
    assertCan(actor, "banner.manage", serviceId);
    const now = this.#clock.now().toISOString();
    const previous = await this.#repository.findActive(serviceId, now);
    const cleared = await this.#repository.clear(serviceId, now);
    if (previous) await this.#onChange?.(serviceId, null, previous);
    return cleared;
  }

  async active(serviceId: ServiceId): Promise<BreakingBanner | undefined> {
    return this.#repository.findActive(serviceId, this.#clock.now().toISOString());
  }
}
