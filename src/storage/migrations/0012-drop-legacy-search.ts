import { type Kysely, type Migration, sql } from "kysely";
import type { SqlDialectName } from "../database.js";

/**
 * Drops what the first search path left behind once search moved to `story_search`
 * (0003, 0007): the `stories.search_text` column, read by the old substring search, and on
 * SQLite the 0003 FTS5 tables `story_fts_words` / `story_fts_ngram`, which nothing has read
 * since 0007's `search_words` / `search_ngram`. PostgreSQL never had those tables (0003
 * indexed its tsvector and pg_trgm instead).
 *
 * SQLite supports DROP COLUMN since 3.35 (2021) for a column no index, trigger, view,
 * constraint or foreign key names; `search_text` is such a column.
 */
export function dropLegacySearchMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === "sqlite") {
        await sql`drop table if exists story_fts_words`.execute(db);
        await sql`drop table if exists story_fts_ngram`.execute(db);
      }
      await db.schema.alterTable("stories").dropColumn("search_text").execute();
    },
  };
}
