import { type Actor, actorId } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import type { ServiceId } from "../services/service-registry.js";
import type { StoryRepository } from "../stories/story-repository.js";
import { factsOf } from "../stories/story-service.js";
import { can } from "../users/access-policy.js";
import { assertWireEditor, assertWireReader } from "./wire-access.js";
import type { StoryWireFlag, WireLineageRepository } from "./wire-repository.js";

/** A flag as the dashboard lists it: with the story's service and working headline. */
export type ListedStoryWireFlag = StoryWireFlag & {
  readonly serviceId: ServiceId;
  readonly headline: string;
};

export interface WireFlagsDeps {
  readonly lineage: Pick<WireLineageRepository, "listFlags" | "acknowledgeFlag">;
  readonly storyRepository: StoryRepository;
  readonly clock: Clock;
}

/**
 * The flags a kill raises on stories built on the killed item (`wire-lifecycle.ts` decides
 * which): the dashboard's list, and an editor acknowledging one.
 */
export class WireFlags {
  readonly #deps: WireFlagsDeps;

  constructor(deps: WireFlagsDeps) {
    this.#deps = deps;
  }

  /** Flags for the dashboard: open ones by default, newest first. */
  async listFlags(
    actor: Actor,
    query: { readonly open?: boolean; readonly limit?: number },
  ): Promise<ListedStoryWireFlag[]> {
    assertWireReader(actor);
    const flags = await this.#deps.lineage.listFlags({
      open: query.open ?? true,
      limit: Math.min(Math.max(query.limit ?? 100, 1), 500),
    });
    // Flags are work for the desk of the story's service: each caller sees only those on
    // stories of services they have a role in. Published copy is readable from any service,
    // but a Russian reporter has nothing to do about an English story's withdrawn source.
    const visible = new Map<string, { serviceId: ServiceId; headline: string }>();
    for (const storyId of new Set(flags.map((f) => f.storyId))) {
      const story = await this.#deps.storyRepository.findStory(storyId);
      if (story === undefined) continue;
      if (!can(actor, "story.view", story.serviceId)) continue;
      if (!can(actor, "story.view", story.serviceId, factsOf(story))) continue;
      const revision = await this.#deps.storyRepository.findRevision(story.currentRevisionId);
      visible.set(storyId, {
        serviceId: story.serviceId,
        headline: revision?.content.headline ?? "",
      });
    }
    return flags.flatMap((f) => {
      const story = visible.get(f.storyId);
      return story === undefined ? [] : [{ ...f, ...story }];
    });
  }

  async acknowledgeFlag(actor: Actor, flagId: string): Promise<StoryWireFlag> {
    const [existing] = await this.#deps.lineage.listFlags({ id: flagId, limit: 1 });
    if (existing === undefined) throw new NewsdeskError("WIRE_FLAG_NOT_FOUND");
    const story = await this.#deps.storyRepository.findStory(existing.storyId);
    if (story === undefined) throw new NewsdeskError("STORY_NOT_FOUND");
    assertWireEditor(actor, story.serviceId);
    const flag = await this.#deps.lineage.acknowledgeFlag(
      flagId,
      actorId(actor),
      this.#deps.clock.now().toISOString(),
    );
    if (flag === undefined) throw new NewsdeskError("WIRE_FLAG_NOT_FOUND");
    return flag;
  }
}
