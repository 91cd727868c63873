import { z } from "zod";
import { type ApiClient, isApiError } from "../shared/api-client.js";
import type { EpisodeInput } from "./episode-form.js";

/** A story's episode details (docs/newsroom-api.md, `/stories/:id/episode`). */
const episodeSchema = z.looseObject({
  storyId: z.string(),
  programmeId: z.string(),
  clipId: z.string().nullable(),
  chapters: z.array(z.object({ startSeconds: z.number(), title: z.string() })),
  episodeNumber: z.number().nullable(),
  season: z.number().nullable(),
  explicit: z.boolean(),
  updatedAt: z.string(),
});
export type EpisodeView = z.infer<typeof episodeSchema>;

const path = (storyId: string) => `/stories/${encodeURIComponent(storyId)}/episode`;

/** The story's episode details, or null when none were saved yet. */
export async function getEpisode(api: ApiClient, storyId: string): Promise<EpisodeView | null> {
  try {
    return await api.request("GET", path(storyId), { schema: episodeSchema });
  } catch (failure) {
    if (isApiError(failure) && failure.code === "EPISODE_NOT_FOUND") return null;
    throw failure;
  }
}

/**
 * Saves against the version loaded (`since`: its `updatedAt`, null for none), so a
 * colleague's save in between is refused with 409 EPISODE_CONFLICT instead of overwritten.
 */
export function saveEpisode(
  api: ApiClient,
  storyId: string,
  input: EpisodeInput,
  since: string | null,
): Promise<EpisodeView> {
  return api.request("PUT", path(storyId), { schema: episodeSchema, json: { ...input, since } });
}
