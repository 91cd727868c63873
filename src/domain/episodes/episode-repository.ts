import type { Episode } from "./episode-schema.js";

/** A published episode as programme pages and podcast feeds list it. */
export interface PublishedEpisodeRow {
  readonly episode: Episode;
  readonly firstPublishedAt: string;
  /** The reader projection of the published revision (the stories table keeps it). */
  readonly serviceId: string;
  readonly headline: string;
  readonly standfirst: string;
  readonly slug: string;
  readonly section: string;
}

export interface EpisodeRepository {
  find(storyId: string): Promise<Episode | undefined>;
  /**
   * Inserts or replaces the episode. With `expectedUpdatedAt`, only if the stored one is
   * still that version (null: only if there is none); false when it is not.
   */
  save(episode: Episode, expectedUpdatedAt?: string | null): Promise<boolean>;
  /** The stories whose episode plays this clip, whatever their state. */
  storiesPlaying(clipId: string): Promise<string[]>;
  /** The episodes among these stories (any number of ids; other stories are skipped). */
  findMany(storyIds: readonly string[]): Promise<Episode[]>;
  /** The programme's published episodes, newest first, and how many there are. */
  listPublished(
    programmeId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: PublishedEpisodeRow[]; total: number }>;
}
