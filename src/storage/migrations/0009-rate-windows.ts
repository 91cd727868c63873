import type { Kysely, Migration } from "kysely";

/** Content-API rate-limit windows, shared by every instance. */
export function rateWindowsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("api_rate_windows")
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("window_start", "text", (c) => c.notNull())
        .addColumn("count", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("api_rate_windows_pk", ["key", "window_start"])
        .execute();
    },
  };
}
