import { type Kysely, type Migration, sql } from "kysely";

/** API tokens lived for ever before this migration; they get the 90-day default from creation. */
const legacyTokenDays = 90;

/**
 * API tokens expire, and log-in attempts are counted in one atomic
 * upsert per window (login_attempts) instead of the read-then-write login_throttle table,
 * which is dropped.
 */
export function tokenExpiryLoginAttemptsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Nullable because SQLite cannot add a NOT NULL column without a default; every token
      // is given an expiry here and on creation, and a null one fails authentication.
      await db.schema.alterTable("api_tokens").addColumn("expires_at", "text").execute();
      const tokens = await sql<{ id: string; created_at: string }>`
        select id, created_at from api_tokens where expires_at is null`.execute(db);
      for (const token of tokens.rows) {
        const expiresAt = new Date(
          Date.parse(token.created_at) + legacyTokenDays * 86_400_000,
        ).toISOString();
        await sql`update api_tokens set expires_at = ${expiresAt} where id = ${token.id}`.execute(
          db,
        );
      }
      // Revoking every token of a user (password reset, disable) looks them up by owner.
      await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();

      await db.schema
        .createTable("login_attempts")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("attempts", "integer", (c) => c.notNull())
        .addColumn("window_ends_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.dropTable("login_throttle").execute();
    },
  };
}
