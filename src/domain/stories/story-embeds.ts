import { NewsdeskError } from "../error-catalogue.js";
import { embeddedStoryIds, type StoryBlock } from "./story-body-schema.js";

/**
 * The stories a body newly embeds that the writer may not embed, as `story <id>` entries of
 * an UNKNOWN_REFERENCE problem: ones that do not exist and ones the actor may not view read
 * the same, so a refusal never tells whether a hidden story exists. Embeds already in
 * `before` (the revision being edited) are not checked again: fixing a typo beside another
 * writer's embed does not need their access.
 */
export async function unseenEmbeds(
  body: readonly StoryBlock[],
  before: readonly StoryBlock[],
  /** The newsroom's own check (StoryService.viewable): throws when the actor may not see it. */
  viewable: (storyId: string) => Promise<unknown>,
): Promise<string[]> {
  const kept = new Set(embeddedStoryIds(before));
  const added = embeddedStoryIds(body).filter((id) => !kept.has(id));
  const seen = await Promise.all(
    added.map((id) =>
      viewable(id).then(
        () => true,
        (error: unknown) => {
          if (error instanceof NewsdeskError) return false;
          throw error;
        },
      ),
    ),
  );
  return added.filter((_, index) => !seen[index]).map((id) => `story ${id}`);
}
