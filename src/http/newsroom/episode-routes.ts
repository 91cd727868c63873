import type { EpisodeService } from "../../domain/episodes/episode-service.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

/**
 * An episode's programme, clip, chapters and numbering, beside the story editor. Reading
 * needs the story to be visible; saving is `story.edit`, checked again on the exact story
 * in `EpisodeService`.
 */
export function episodeRoutes(
  r: NewsroomRouter,
  deps: { readonly episodes: EpisodeService },
): void {
  const read = { action: "story.view", scope: "stories:read" } as const;
  const edit = { action: "story.edit", scope: "stories:write" } as const;

  r.get("/stories/:id/episode", read, async (c, { actor }) =>
    c.json(await deps.episodes.get(actor, pathParam(c, "id")), 200, {
      "Cache-Control": "no-store",
    }),
  );

  r.put("/stories/:id/episode", edit, async (c, { actor, body }) =>
    c.json(await deps.episodes.save(actor, pathParam(c, "id"), body)),
  );
}
