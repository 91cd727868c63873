import type { Kysely, Migration } from "kysely";

/** Breaking-news alerts raised for several services at once, one banner per service. */
export function alertsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("breaking_alerts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("url", "text")
        .execute();
      await db.schema
        .createTable("breaking_alert_entries")
        .addColumn("alert_id", "text", (c) =>
          c.notNull().references("breaking_alerts.id").onDelete("cascade"),
        )
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("text", "text")
        .addColumn("banner_id", "text")
        .addPrimaryKeyConstraint("breaking_alert_entries_pk", ["alert_id", "service_id"])
        .execute();
    },
  };
}
