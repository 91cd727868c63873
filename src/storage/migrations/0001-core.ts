import { type Kysely, type Migration, sql } from "kysely";
import type { SqlDialectName } from "../database.js";

/** The core schema: stories with immutable revisions, reference data, banners and media. */
export function coreMigration(dialect: SqlDialectName): Migration {
  const blob = dialect === "postgres" ? "bytea" : "blob";
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("app_meta")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .execute();

      await db.schema
        .createTable("people")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("desks")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("agencies")
        .addColumn("code", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sections")
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("slug", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("sections_pk", ["service_id", "slug"])
        .execute();
      await db.schema
        .createTable("topics")
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("slug", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("topics_pk", ["service_id", "slug"])
        .execute();

      await db.schema
        .createTable("stories")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("family_id", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("current_revision_id", "text", (c) => c.notNull())
        .addColumn("current_revision_number", "integer", (c) => c.notNull())
        .addColumn("published_revision_id", "text")
        .addColumn("first_published_at", "text")
        .addColumn("updated_at", "text")
        .addColumn("update_note", "text")
        .addColumn("last_modified_at", "text", (c) => c.notNull())
        .addColumn("scheduled_at", "text")
        .addColumn("embargo_until", "text")
        .addColumn("killed_at", "text")
        .addColumn("kill_reason", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("headline", "text")
        .addColumn("standfirst", "text")
        .addColumn("slug", "text")
        .addColumn("section", "text")
        .addColumn("lead_media_id", "text")
        .addColumn("search_text", "text")
        .execute();
      await db.schema
        .createIndex("stories_service_published")
        .on("stories")
        .columns(["service_id", "status", "first_published_at"])
        .execute();
      await db.schema
        .createIndex("stories_service_section")
        .on("stories")
        .columns(["service_id", "section", "status", "first_published_at"])
        .execute();
      await db.schema.createIndex("stories_family").on("stories").column("family_id").execute();

      await db.schema
        .createTable("story_revisions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("base_revision_id", "text")
        .addColumn("content", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("note", "text")
        .addUniqueConstraint("story_revisions_number", ["story_id", "number"])
        .execute();

      await db.schema
        .createTable("story_corrections")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("story_corrections_story")
        .on("story_corrections")
        .column("story_id")
        .execute();

      await db.schema
        .createTable("story_topics")
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("topic", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("story_topics_pk", ["story_id", "topic"])
        .execute();
      await db.schema
        .createIndex("story_topics_topic")
        .on("story_topics")
        .column("topic")
        .execute();

      await db.schema
        .createTable("story_contributors")
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("ref_id", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("story_contributors_pk", ["story_id", "kind", "ref_id"])
        .execute();
      await db.schema
        .createIndex("story_contributors_ref")
        .on("story_contributors")
        .columns(["kind", "ref_id"])
        .execute();

      await db.schema
        .createTable("breaking_banners")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("text", "text", (c) => c.notNull())
        .addColumn("url", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("cleared_at", "text")
        .execute();
      await db.schema
        .createIndex("breaking_banners_service")
        .on("breaking_banners")
        .columns(["service_id", "created_at"])
        .execute();

      await db.schema
        .createTable("media")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("mime", "text", (c) => c.notNull())
        .addColumn("width", "integer", (c) => c.notNull())
        .addColumn("height", "integer", (c) => c.notNull())
        .addColumn("bytes", "integer", (c) => c.notNull())
        .addColumn("sha256", "text", (c) => c.notNull().unique())
        .addColumn("caption", "text", (c) => c.notNull())
        .addColumn("credit", "text", (c) => c.notNull())
        .addColumn("alt", "text", (c) => c.notNull())
        .addColumn("focal_x", "double precision", (c) => c.notNull())
        .addColumn("focal_y", "double precision", (c) => c.notNull())
        .addColumn("rights_source", "text", (c) => c.notNull())
        .addColumn("rights_usage", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("media_renditions")
        .addColumn("media_id", "text", (c) =>
          c.notNull().references("media.id").onDelete("cascade"),
        )
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("shape", "text", (c) => c.notNull())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("width", "integer", (c) => c.notNull())
        .addColumn("height", "integer", (c) => c.notNull())
        .addColumn("data", blob, (c) => c.notNull())
        .addPrimaryKeyConstraint("media_renditions_pk", ["media_id", "name"])
        .execute();
    },
  };
}
