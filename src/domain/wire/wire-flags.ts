import { type Actor, actorId } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import type { StoryRepository } from "../stories/story-repository.js";
import { factsOf } from "../stories/story-service.js";
import { can } from "../users/access-policy.js";
import { assertWireEditor, assertWireReader } from "./wire-access.js";
import type { StoryWireFlag, WireLineageRepository } from "./wire-repository.js";

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
  ): Promise<StoryWireFlag[]> {
    assertWireReader(actor);
    const flags = await this.#deps.lineage.listFlags({
      open: query.open ?? true,
      limit: Math.min(Math.max(query.limit ?? 100, 1), 500),
    });
    // Flags name stories: each caller sees only those on stories they may see.
    const visible = new Map<string, boolean>();
    for (const storyId of new Set(flags.map((f) => f.storyId))) {
      const story = await this.#deps.storyRepository.findStory(storyId);
      visible.set(
        storyId,
        story !== undefined && can(actor, "story.view", story.serviceId, factsOf(story)),
      );
    }
    return flags.filter((f) => visible.get(f.storyId) === true);
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
