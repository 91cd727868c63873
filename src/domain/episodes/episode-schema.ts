import { z } from "zod";

/** One chapter of an episode: where it starts in the clip and what it is called. */
const chapterSchema = z.object({
  startSeconds: z
    .number()
    .min(0)
    .max(24 * 3600),
  title: z.string().trim().min(1).max(200),
});
export type Chapter = z.infer<typeof chapterSchema>;

/**
 * What makes a story an episode (issue 17): its programme, its clip, chapters, numbering and
 * the explicit flag. The show notes are the story body, edited like any story's.
 */
const episodeInputSchema = z.object({
  programmeId: z.string().min(1).max(64),
  /** A media-library audio or video clip; null while the editor has not picked one. */
  clipId: z.string().min(1).max(64).nullable(),
  chapters: z
    .array(chapterSchema)
    .max(100)
    .refine(
      (list) => list.every((c, i) => i === 0 || c.startSeconds > (list[i - 1]?.startSeconds ?? -1)),
      {
        message: "Chapters run in order: each starts after the one before.",
      },
    ),
  episodeNumber: z.number().int().min(1).max(100_000).nullable(),
  season: z.number().int().min(1).max(1000).nullable(),
  explicit: z.boolean(),
});
type EpisodeInput = z.infer<typeof episodeInputSchema>;

/**
 * A save from the newsroom: the episode and, optionally, the `updatedAt` of the version the
 * editor started from (null: they saw none), so a save over someone else's is refused.
 */
export const episodeSaveSchema = episodeInputSchema.extend({
  since: z.iso.datetime({ offset: true }).nullable().optional(),
});

export interface Episode extends EpisodeInput {
  readonly storyId: string;
  readonly updatedAt: string;
}
