import type { Kysely, Migration } from "kysely";

/**
 * Two additions for the desk:
 *
 * - `users.person_id`: the person of the catalogue (`people.id`) a newsroom account writes as,
 *   so a signed-in reporter can add their own byline. Optional; removing the person clears it.
 *   SQLite accepts ADD COLUMN with a REFERENCES clause when the column's default is NULL.
 * - Indexes for the audit-log screen's filters, newest first: by user, by service and by
 *   action, each with the time (the list orders by `at`; 0002 indexed `at` and story only).
 */
export function userPersonAuditFiltersMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("users")
        .addColumn("person_id", "text", (c) => c.references("people.id").onDelete("set null"))
        .execute();
      await db.schema
        .createIndex("audit_log_actor_at")
        .on("audit_log")
        .columns(["actor_id", "at"])
        .execute();
      await db.schema
        .createIndex("audit_log_service_at")
        .on("audit_log")
        .columns(["service_id", "at"])
        .execute();
      await db.schema
        .createIndex("audit_log_action_at")
        .on("audit_log")
        .columns(["action", "at"])
        .execute();
    },
  };
}
