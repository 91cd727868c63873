import type { Kysely, Migration } from "kysely";

/**
 * Revisions get a kind. `saved` is every revision so far: it moved the story's head when it
 * was written. `not_merged` is a version a save tried to write on top of a stale base
 * (ADR 0002, ADR 0013): kept in the history so a conflict loses nothing, but it never moved
 * the head and never becomes the current version by itself.
 *
 * The default fills every existing row with `saved`, on SQLite and PostgreSQL alike.
 */
export function revisionKindsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("story_revisions")
        .addColumn("kind", "text", (c) => c.notNull().defaultTo("saved"))
        .execute();
    },
  };
}
