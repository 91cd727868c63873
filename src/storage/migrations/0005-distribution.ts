import type { Kysely, Migration } from "kysely";
import type { SqlDialectName } from "../database.js";

/**
 * Distribution: content-API keys (stored hashed), webhook subscriptions, and the webhook
 * delivery log (one row per delivery, one row per attempt) the newsroom UI will show.
 */
export function distributionMigration(_dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("api_keys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        // SHA-256 of the random secret; the secret itself is shown once and never stored.
        .addColumn("secret_hash", "text", (c) => c.notNull())
        .addColumn("rate_limit_per_minute", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .execute();

      await db.schema
        .createTable("webhook_subscriptions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("url", "text", (c) => c.notNull())
        .addColumn("secret", "text", (c) => c.notNull())
        // JSON array of event types; null service_id means every service.
        .addColumn("events", "text", (c) => c.notNull())
        .addColumn("service_id", "text")
        .addColumn("active", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("webhook_deliveries")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("subscription_id", "text", (c) =>
          c.notNull().references("webhook_subscriptions.id").onDelete("cascade"),
        )
        .addColumn("event_type", "text", (c) => c.notNull())
        .addColumn("story_id", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("next_attempt_at", "text")
        .addColumn("last_status_code", "integer")
        .addColumn("last_error", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("webhook_deliveries_due")
        .on("webhook_deliveries")
        .columns(["status", "next_attempt_at"])
        .execute();
      await db.schema
        .createIndex("webhook_deliveries_subscription")
        .on("webhook_deliveries")
        .columns(["subscription_id", "created_at"])
        .execute();

      await db.schema
        .createTable("webhook_attempts")
        .addColumn("delivery_id", "text", (c) =>
          c.notNull().references("webhook_deliveries.id").onDelete("cascade"),
        )
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("status_code", "integer")
        .addColumn("error", "text")
        .addColumn("duration_ms", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("webhook_attempts_pk", ["delivery_id", "number"])
        .execute();

      // Sitemaps and the content API page through published stories by modification time.
      await db.schema
        .createIndex("stories_service_modified")
        .on("stories")
        .columns(["service_id", "status", "last_modified_at"])
        .execute();
    },
  };
}
