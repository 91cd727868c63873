import type { Kysely, Migration } from "kysely";

/**
 * Mirrors (issue 16): other origins serving a language service's pages where its own
 * domain is blocked. One row per origin; the same URL is listed once per service, and an
 * origin names one service at most, so a request arriving on a mirror host finds its service.
 */
export function mirrorsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("service_mirrors")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("url", "text", (c) => c.notNull().unique())
        .addColumn("note", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .execute();
      await db.schema
        .createIndex("service_mirrors_service")
        .on("service_mirrors")
        .columns(["service_id", "created_at"])
        .execute();
    },
  };
}
