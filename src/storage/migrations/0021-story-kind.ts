import type { Kysely, Migration } from "kysely";

/**
 * Stories get a kind (issue 15): `story`, `live` (a live page) or `episode`. The default
 * fills every existing row with `story`, on SQLite and PostgreSQL alike, and keeps bulk
 * inserts that predate kinds (bench seeding) valid.
 *
 * Frozen: this file imports no application code.
 */
export function storyKindMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("stories")
        .addColumn("kind", "text", (c) => c.notNull().defaultTo("story"))
        .execute();
    },
  };
}
