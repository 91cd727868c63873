import type { Kysely, Migration } from "kysely";

/** Accounts, roles per service, sessions, API tokens, login throttling, audit, presence, jobs. */
export function newsroomMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("stories").addColumn("created_by", "text").execute();
      // The draft's headline, for the newsroom dashboard (the reader projection has the live one).
      await db.schema.alterTable("stories").addColumn("working_headline", "text").execute();

      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("display_name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("is_admin", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("disabled_at", "text")
        .execute();
      await db.schema
        .createTable("user_grants")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("user_grants_pk", ["user_id", "service_id", "role"])
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("ip", "text")
        .execute();
      await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
      await db.schema
        .createTable("api_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("scopes", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema
        .createTable("login_throttle")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("failures", "integer", (c) => c.notNull())
        .addColumn("window_start", "text", (c) => c.notNull())
        .addColumn("locked_until", "text")
        .execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("story_id", "text")
        .addColumn("service_id", "text")
        .addColumn("details", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("audit_log_story")
        .on("audit_log")
        .columns(["story_id", "at"])
        .execute();
      await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
      await db.schema
        .createTable("presence")
        .addColumn("story_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull())
        .addColumn("since", "text", (c) => c.notNull())
        .addColumn("seen_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("presence_pk", ["story_id", "user_id"])
        .execute();
      await db.schema
        .createTable("jobs")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("run_at", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("locked_by", "text")
        .addColumn("locked_until", "text")
        .addColumn("done_at", "text")
        .addColumn("last_error", "text")
        .execute();
      await db.schema.createIndex("jobs_due").on("jobs").columns(["done_at", "run_at"]).execute();
      await db.schema
        .createIndex("stories_scheduled")
        .on("stories")
        .columns(["status", "scheduled_at"])
        .execute();
    },
  };
}
