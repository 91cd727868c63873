import type { Kysely, Migration } from "kysely";

/**
 * Two-factor authentication and recent re-authentication.
 *
 * `totp_factors.secret` is the base32 TOTP secret, stored as-is: Newsdesk has no application
 * secret to encrypt it with, and a key in the same configuration as the database URL would add
 * little. ASVS 4.0.3 V2.8.2 asks for key storage the operator protects: keep database backups
 * as confidential as the password hashes. Recovery codes are stored only as salted hashes.
 */
export function secondFactorMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // When this session last proved the password (and second factor): sensitive actions
      // need it to be recent (ASVS 4.0.3 V3.7.1).
      await db.schema.alterTable("sessions").addColumn("reauthenticated_at", "text").execute();
      await db.schema
        .createTable("totp_factors")
        .addColumn("user_id", "text", (c) =>
          c.primaryKey().references("users.id").onDelete("cascade"),
        )
        .addColumn("secret", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("confirmed_at", "text")
        .addColumn("last_used_step", "bigint")
        .addColumn("recovery_salt", "text")
        .execute();
      await db.schema
        .createTable("recovery_codes")
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("code_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .addPrimaryKeyConstraint("recovery_codes_pk", ["user_id", "code_hash"])
        .execute();
    },
  };
}
