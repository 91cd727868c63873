import type { Kysely, Migration } from "kysely";

/**
 * Audio and video clips (issue 17): metadata and the media store's keys only; originals,
 * renditions, HLS segments and posters live in the media object store. Captions are small
 * text (at most 512 KB each) read with the clip and searched, so they stay in a row.
 *
 * Frozen: this file imports no application code.
 */
export function clipsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("clips")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("external_url", "text")
        .addColumn("duration_ms", "bigint")
        .addColumn("width", "integer")
        .addColumn("height", "integer")
        .addColumn("original_key", "text")
        .addColumn("original_format", "text")
        .addColumn("original_bytes", "bigint")
        .addColumn("sha256", "text", (c) => c.unique())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("error", "text")
        // Transcoding progress while running, in thousandths.
        .addColumn("progress_permille", "integer")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("clips_created").on("clips").column("created_at").execute();
      await db.schema
        .createTable("clip_renditions")
        .addColumn("clip_id", "text", (c) => c.notNull().references("clips.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("object_key", "text", (c) => c.notNull())
        .addColumn("mime", "text", (c) => c.notNull())
        .addColumn("codecs", "text", (c) => c.notNull())
        .addColumn("bitrate", "integer", (c) => c.notNull())
        .addColumn("bytes", "bigint", (c) => c.notNull())
        .addColumn("width", "integer")
        .addColumn("height", "integer")
        .addPrimaryKeyConstraint("clip_renditions_pk", ["clip_id", "name"])
        .execute();
      await db.schema
        .createTable("clip_captions")
        .addColumn("clip_id", "text", (c) => c.notNull().references("clips.id").onDelete("cascade"))
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("vtt", "text", (c) => c.notNull())
        .addColumn("transcript", "text", (c) => c.notNull())
        .addColumn("transcript_edited", "integer", (c) => c.notNull())
        .addColumn("cue_count", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text")
        .addPrimaryKeyConstraint("clip_captions_pk", ["clip_id", "lang"])
        .execute();
    },
  };
}
