import { type Kysely, type Migration, sql } from "kysely";
import type { SqlDialectName } from "../database.js";

/**
 * Search speed at 100k+ stories. Search walks the matches newest first
 * and stops after a window (search-sql-repository.ts), so every index here serves that walk.
 *
 * SQLite: new FTS5 tables `search_words` and `search_ngram` with a `scope` column holding one
 * token per service, so the service filter is applied inside the index lookup, and with the
 * rowid `story_search.fts_key` = (seconds since 2000 × 2^22 + doc_id mod 2^22): FTS5 walks a
 * doclist in rowid order, so `ORDER BY rowid DESC LIMIT n` yields the newest matches and
 * bm25 is computed for those rows only. Triggers on `story_search` keep both tables in step
 * with every writer (publish, update, kill, migrations and bulk loads), in the writer's
 * transaction. The 0003 tables `story_fts_words` / `story_fts_ngram` are no longer read
 * (migration 0012 drops them).
 *
 * PostgreSQL: btree indexes for the same newest-first walk per service
 * (`service_id, published_at, doc_id`) and across services (`published_at, doc_id`); the
 * tsvector GIN and pg_trgm indexes from 0003 still serve rare terms.
 */
export function searchSpeedMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === "postgres") {
        await sql`create index story_search_recency on story_search (service_id, published_at, doc_id)`.execute(
          db,
        );
        await sql`create index story_search_published on story_search (published_at, doc_id)`.execute(
          db,
        );
        await sql`drop index if exists story_search_service`.execute(db);
        return;
      }
      await sql`alter table story_search add column fts_key integer`.execute(db);
      await sql`create unique index story_search_fts_key on story_search (fts_key)`.execute(db);
      await sql`create virtual table search_words using fts5(scope, headline, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
        db,
      );
      await sql`create virtual table search_ngram using fts5(scope, headline, body, tokenize = 'trigram')`.execute(
        db,
      );
      const key = (row: "new" | "old") =>
        sql.raw(
          `((coalesce(unixepoch(${row}.published_at), 0) - ${ftsKeyEpochSeconds}) * ${ftsKeyScale} + (${row}.doc_id % ${ftsKeyScale}))`,
        );
      const scope = sql.raw(`'svc' || replace(lower(new.service_id), '-', '') || 'svc'`);
      const headline = sql.raw(`substr(new.match_text, 1, instr(new.match_text, char(10)) - 1)`);
      const body = sql.raw(`substr(new.match_text, instr(new.match_text, char(10)) + 1)`);
      const index = sql`
        update story_search set fts_key = ${key("new")} where doc_id = new.doc_id;
        insert into search_words (rowid, scope, headline, body)
          select ${key("new")}, ${scope}, ${headline}, ${body} where new.strategy = 'words';
        insert into search_ngram (rowid, scope, headline, body)
          select ${key("new")}, ${scope}, ${headline}, ${body} where new.strategy <> 'words';`;
      const unindex = sql`
        delete from search_words where rowid = old.fts_key;
        delete from search_ngram where rowid = old.fts_key;`;
      await sql`create trigger story_search_fts_insert after insert on story_search
        begin ${index} end`.execute(db);
      await sql`create trigger story_search_fts_delete after delete on story_search
        begin ${unindex} end`.execute(db);
      await sql`create trigger story_search_fts_update
        after update of service_id, strategy, published_at, match_text on story_search
        begin ${unindex} ${index} end`.execute(db);
      // Backfill: touching match_text fires the update trigger for every indexed story.
      await sql`update story_search set match_text = match_text`.execute(db);
    },
  };
}

/**
 * `fts_key` = (seconds since 2000-01-01 × 2^22) + (doc_id mod 2^22): exact in a double. The
 * search code keeps its own copy for reading keys back; this one is frozen with the triggers.
 */
const ftsKeyScale = 4_194_304;
const ftsKeyEpochSeconds = 946_684_800;
