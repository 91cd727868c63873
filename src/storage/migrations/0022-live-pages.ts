import { type Kysely, type Migration, sql } from "kysely";

/**
 * Live pages (issue 15): a story of kind `live` has one `live_pages` row (its status, key
 * points and who may post) and a stream of `live_posts`, each with immutable
 * `live_post_revisions` like a story's. Booleans are 0/1 integers on both dialects.
 *
 * The newest-first stream and its `?before=<postId>` cursor walk `(story_id, posted_at, id)`
 * backwards (both dialects scan an index in either direction), so the first page of a page
 * with thousands of posts reads only its own rows; key events have a partial index of their
 * own; and at most one post per page may be pinned (a unique partial index, so two editors
 * pinning at once cannot both win). SQLite (3.8+) and PostgreSQL accept the same
 * partial-index syntax.
 *
 * Frozen: this file imports no application code.
 */
export function livePagesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("live_pages")
        .addColumn("story_id", "text", (c) =>
          c.primaryKey().references("stories.id").onDelete("cascade"),
        )
        // "upcoming", "live" or "ended".
        .addColumn("status", "text", (c) => c.notNull())
        // JSON array of short strings.
        .addColumn("key_points", "text", (c) => c.notNull())
        .addColumn("reporters_may_post", "integer", (c) => c.notNull())
        .addColumn("coverage_start_time", "text")
        .addColumn("coverage_end_time", "text")
        // Optimistic lock of the settings.
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text")
        .execute();

      await db.schema
        .createTable("live_posts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("live_pages.story_id").onDelete("cascade"),
        )
        .addColumn("posted_at", "text", (c) => c.notNull())
        // The current revision's content (JSON), so listing never joins the revisions.
        .addColumn("content", "text", (c) => c.notNull())
        .addColumn("key_event", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("edited_at", "text")
        .addColumn("deleted_at", "text")
        .addColumn("deleted_by", "text")
        .addColumn("delete_reason", "text")
        .addColumn("created_by", "text")
        // A post offered from another service's live page, and whether that source changed since.
        .addColumn("source_post_id", "text")
        .addColumn("stale", "integer", (c) => c.notNull().defaultTo(0))
        // An offered copy awaiting translation and publication: never shown to readers.
        .addColumn("draft", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`create index live_posts_key_events on live_posts (story_id, posted_at desc, id desc) where key_event = 1 and deleted_at is null`.execute(
        db,
      );
      await sql`create unique index live_posts_one_pinned on live_posts (story_id) where pinned = 1 and deleted_at is null`.execute(
        db,
      );
      // The stream, readers' and the newsroom's (deleted posts are rare; skipping them costs
      // next to nothing, and one index serves both).
      await db.schema
        .createIndex("live_posts_stream")
        .on("live_posts")
        .columns(["story_id", "posted_at", "id"])
        .execute();
      await db.schema
        .createIndex("live_posts_source")
        .on("live_posts")
        .column("source_post_id")
        .execute();

      await db.schema
        .createTable("live_post_revisions")
        .addColumn("post_id", "text", (c) =>
          c.notNull().references("live_posts.id").onDelete("cascade"),
        )
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("content", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .addPrimaryKeyConstraint("live_post_revisions_pk", ["post_id", "revision"])
        .execute();
    },
  };
}
