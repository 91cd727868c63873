import type { Kysely, Migration } from "kysely";

/**
 * Editor-to-editor notes: comments on a story or on one block of its body, one level of
 * replies, and the notifications a mention (or a reply) creates.
 *
 * Comments belong to the story, not to a revision: a save never loses them. Each keeps the
 * revision it was written on, and a block comment keeps its block's position and text
 * (`block_index`, `block_text`), because body blocks have no stable ids (ADR 0001 stores
 * plain typed blocks); the application moves the anchor along as the body is edited
 * (src/domain/comments/comment-anchor.ts). Rows go with their story (on delete cascade).
 *
 * Frozen: this file imports no application code.
 */
export function commentsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_comments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        // One level of threads: a reply names its thread's first comment.
        .addColumn("parent_id", "text", (c) =>
          c.references("story_comments.id").onDelete("cascade"),
        )
        .addColumn("author_id", "text", (c) =>
          c.notNull().references("users.id").onDelete("cascade"),
        )
        .addColumn("body", "text", (c) => c.notNull())
        // JSON array of the user ids mentioned in the body.
        .addColumn("mentions", "text", (c) => c.notNull())
        // The revision the comment was written on.
        .addColumn("revision_id", "text", (c) => c.notNull())
        // Null for a comment on the whole story; else the block's position when last seen.
        .addColumn("block_index", "integer")
        // The block's plain text when last seen (at most 500 characters), to find it again.
        .addColumn("block_text", "text")
        // "story", "block", or "orphaned" (the block was deleted).
        .addColumn("anchor_state", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("edited_at", "text")
        .addColumn("resolved_at", "text")
        .addColumn("resolved_by", "text")
        .execute();
      await db.schema
        .createIndex("story_comments_story")
        .on("story_comments")
        .columns(["story_id", "created_at"])
        .execute();
      await db.schema
        .createIndex("story_comments_parent")
        .on("story_comments")
        .column("parent_id")
        .execute();

      await db.schema
        .createTable("notifications")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        // "mention" or "reply".
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("comment_id", "text", (c) =>
          c.notNull().references("story_comments.id").onDelete("cascade"),
        )
        .addColumn("actor_id", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("read_at", "text")
        .execute();
      await db.schema
        .createIndex("notifications_user")
        .on("notifications")
        .columns(["user_id", "created_at"])
        .execute();
    },
  };
}
