import type { Kysely, Migration } from "kysely";

/**
 * Programmes (radio and TV shows, podcasts) of each service, and each service's broadcast
 * schedule. A schedule is read and saved whole by its editors (a week of slots plus
 * exceptions, bounded in size), so it is one versioned JSON document per service, like the
 * writing settings (0020); programmes are rows, since episodes and pages look them up.
 */
export function programmesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("programmes")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("slug", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("description", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("artwork_media_id", "text")
        .addColumn("presenter_ids", "text", (c) => c.notNull())
        .addColumn("links", "text", (c) => c.notNull())
        .addColumn("live_stream_url", "text")
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addUniqueConstraint("programmes_service_slug", ["service_id", "slug"])
        .execute();
      await db.schema
        .createTable("service_schedules")
        .addColumn("service_id", "text", (c) => c.primaryKey())
        .addColumn("document", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text")
        .execute();
    },
  };
}
