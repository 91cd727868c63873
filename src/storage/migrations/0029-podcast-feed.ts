import type { Kysely, Migration } from "kysely";

/**
 * Podcast feeds and transcript search (issue 17).
 *
 * - `programmes.owner_name` / `owner_email`: who podcast directories contact about the feed
 *   (Apple Podcasts `itunes:owner`); an editor edits them with the programme. Null until set:
 *   the feed then names the publisher and leaves the e-mail out.
 * - `clip_renditions.sha256`: each rendition's SHA-256, taken as it is stored, for the
 *   feed's `podcast:integrity` (Subresource Integrity). Null for clips transcoded before.
 * - `story_search.transcript`: an episode's transcript, kept apart from the show notes so
 *   a caption edit replaces it without re-reading the story. Its folded text is part of
 *   `match_text`, so SQLite's FTS5 triggers (0007) and PostgreSQL's tsvector index it like
 *   the body. Episodes published before this migration are indexed by
 *   `newsdesk reindex-search`, which reads transcripts again.
 *
 * Frozen: this file imports no application code.
 */
export function podcastFeedMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("programmes").addColumn("owner_name", "text").execute();
      await db.schema.alterTable("programmes").addColumn("owner_email", "text").execute();
      await db.schema.alterTable("clip_renditions").addColumn("sha256", "text").execute();
      await db.schema
        .alterTable("story_search")
        .addColumn("transcript", "text", (c) => c.notNull().defaultTo(""))
        .execute();
    },
  };
}
