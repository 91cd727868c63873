import type { Kysely, Migration } from "kysely";

/**
 * Per-service writing guidance (headline and standfirst lengths, search title and
 * description limits, the house-style list) as one JSON document: it is read and written
 * whole by service admins, and a service without a row uses defaults for its script.
 */
export function writingSettingsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("service_writing_settings")
        .addColumn("service_id", "text", (c) => c.primaryKey())
        .addColumn("settings", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text")
        .execute();
    },
  };
}
