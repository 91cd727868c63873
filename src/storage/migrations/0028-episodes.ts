import type { Kysely, Migration } from "kysely";

/**
 * Episodes (issue 17): a story of kind `episode` belongs to a programme and plays one clip.
 * The show notes are the story body; this row holds what a story lacks: the programme, the
 * clip, chapters (a small bounded JSON list), numbering and the explicit flag podcast
 * directories ask for. Keyed by story, so an episode's translations are its family's stories.
 *
 * Frozen: this file imports no application code.
 */
export function episodesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_episodes")
        .addColumn("story_id", "text", (c) => c.primaryKey())
        .addColumn("programme_id", "text", (c) => c.notNull())
        .addColumn("clip_id", "text")
        .addColumn("chapters", "text", (c) => c.notNull())
        .addColumn("episode_number", "integer")
        .addColumn("season", "integer")
        .addColumn("explicit", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("story_episodes_programme")
        .on("story_episodes")
        .column("programme_id")
        .execute();
    },
  };
}
