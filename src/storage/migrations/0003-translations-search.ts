import { type Kysely, type Migration, sql } from "kysely";
import { storyContentSchema } from "../../domain/stories/story-schema.js";
import type { SqlDialectName } from "../database.js";
import { searchDocumentFor, writeSearchDocument } from "../search-index.js";

/**
 * Linked translations and full-text search (issue 4, ADR 0005).
 *
 * SQLite: two FTS5 tables over folded text, one with the `unicode61 remove_diacritics 2`
 * tokenizer for scripts that separate words with spaces, one with the `trigram` tokenizer
 * for scripts that do not (CJK, Thai, Lao, Khmer, Burmese). Their rowid is
 * `story_search.doc_id`. PostgreSQL: a weighted `tsvector` with the built-in `simple`
 * configuration (folding happens in the application, identically for both dialects), plus
 * a `pg_trgm` GIN index for substring matching when the extension can be created.
 */
export function translationsSearchMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_translations")
        .addColumn("story_id", "text", (c) =>
          c.primaryKey().references("stories.id").onDelete("cascade"),
        )
        .addColumn("family_id", "text", (c) => c.notNull())
        .addColumn("source_story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("source_service_id", "text", (c) => c.notNull())
        .addColumn("target_service_id", "text", (c) => c.notNull())
        .addColumn("synced_revision_id", "text", (c) => c.notNull())
        .addColumn("reviewed_revision_id", "text", (c) => c.notNull())
        .addColumn("reviewed_at", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("stale_events", "text", (c) => c.notNull())
        .addColumn("waiver_reason", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("updated_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("story_translations_source")
        .on("story_translations")
        .column("source_story_id")
        .execute();
      await db.schema
        .createIndex("story_translations_target")
        .on("story_translations")
        .columns(["target_service_id", "status"])
        .execute();

      await db.schema
        .createTable("story_search")
        .addColumn("doc_id", dialect === "postgres" ? "bigserial" : "integer", (c) =>
          c.primaryKey(),
        )
        .addColumn("story_id", "text", (c) =>
          c.notNull().unique().references("stories.id").onDelete("cascade"),
        )
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("strategy", "text", (c) => c.notNull())
        .addColumn("published_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text")
        .addColumn("headline", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("match_text", "text", (c) => c.notNull())
        .$call((t) => (dialect === "postgres" ? t.addColumn("search_vector", sql`tsvector`) : t))
        .execute();
      await db.schema
        .createIndex("story_search_service")
        .on("story_search")
        .columns(["service_id", "published_at"])
        .execute();

      if (dialect === "sqlite") {
        // SQLite FTS5 (https://sqlite.org/fts5.html): remove_diacritics 2 also folds
        // diacritics on characters with several marks; trigram matches inside words.
        await sql`create virtual table story_fts_words using fts5(headline, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
          db,
        );
        await sql`create virtual table story_fts_ngram using fts5(headline, body, tokenize = 'trigram')`.execute(
          db,
        );
      } else {
        await sql`create index story_search_vector on story_search using gin (search_vector)`.execute(
          db,
        );
        await createTrigramIndex(db);
      }

      await backfill(db, dialect);
    },
  };
}

/**
 * pg_trgm is in contrib but creating it needs the CREATE privilege on the database; a
 * savepoint keeps the migration's transaction usable if that is refused, and search then
 * falls back to sequential LIKE scans (same results, slower on large newsrooms).
 */
async function createTrigramIndex(db: Kysely<unknown>): Promise<void> {
  await sql`savepoint newsdesk_pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`release savepoint newsdesk_pg_trgm`.execute(db);
  } catch {
    await sql`rollback to savepoint newsdesk_pg_trgm`.execute(db);
  }
  const found = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const schema = found.rows[0]?.schema;
  if (!schema) return;
  // The operator class is schema-qualified: the extension may live outside our search_path.
  await sql`create index story_search_trgm on story_search using gin (match_text ${sql.id(schema)}.gin_trgm_ops)`.execute(
    db,
  );
}

/** Indexes stories published before this migration, from their published revisions. */
async function backfill(db: Kysely<unknown>, dialect: SqlDialectName): Promise<void> {
  const rows = await sql<{
    id: string;
    service_id: string;
    first_published_at: string | null;
    updated_at: string | null;
    last_modified_at: string;
    content: string;
  }>`select s.id, s.service_id, s.first_published_at, s.updated_at, s.last_modified_at, r.content
     from stories s join story_revisions r on r.id = s.published_revision_id
     where s.status = 'published'`.execute(db);
  for (const row of rows.rows) {
    const content = storyContentSchema.parse(JSON.parse(row.content));
    const document = searchDocumentFor({
      storyId: row.id,
      serviceId: row.service_id,
      publishedAt: row.first_published_at ?? row.last_modified_at,
      updatedAt: row.updated_at,
      content,
    });
    if (document) await writeSearchDocument(db, dialect, document);
  }
}
