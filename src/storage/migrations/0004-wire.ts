import { type Kysely, type Migration, sql } from "kysely";
import type { SqlDialectName } from "../database.js";

/**
 * Wire ingest: sources, items keyed by agency + guid with every version kept,
 * the per-file ingest ledger (restart without duplicates), quarantine, story lineage and
 * kill flags. Full-text search is substring search over folded text on both dialects:
 * SQLite FTS5 with the trigram tokenizer (works for scripts without spaces, CJK included)
 * and PostgreSQL pg_trgm GIN, which serves `LIKE '%term%'`.
 */
export function wireMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("wire_sources")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("agency_code", "text", (c) => c.notNull())
        .addColumn("config", "text", (c) => c.notNull())
        .addColumn("token_hash", "text")
        .addColumn("enabled", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("next_poll_at", "text", (c) => c.notNull())
        .addColumn("etag", "text")
        .addColumn("last_modified", "text")
        .addColumn("failures", "integer", (c) => c.notNull())
        .addColumn("last_polled_at", "text")
        .addColumn("last_success_at", "text")
        .addColumn("last_error", "text")
        .execute();

      // `seq` is an integer key so SQLite's FTS5 index can point at rows by rowid.
      await db.schema
        .createTable("wire_items")
        .addColumn("seq", dialect === "postgres" ? "serial" : "integer", (c) => c.primaryKey())
        .addColumn("id", "text", (c) => c.notNull().unique())
        .addColumn("agency_code", "text", (c) => c.notNull())
        .addColumn("guid", "text", (c) => c.notNull())
        .addColumn("current_version_id", "text", (c) => c.notNull())
        .addColumn("version_count", "integer", (c) => c.notNull())
        .addColumn("source_id", "text", (c) => c.notNull())
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("item_type", "text", (c) => c.notNull())
        .addColumn("headline", "text")
        .addColumn("language", "text")
        .addColumn("urgency", "integer")
        .addColumn("pub_status", "text", (c) => c.notNull())
        .addColumn("embargoed_until", "text")
        .addColumn("version_created", "text")
        .addColumn("first_received_at", "text", (c) => c.notNull())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("sort_at", "text", (c) => c.notNull())
        .addColumn("search_text", "text", (c) => c.notNull())
        .addUniqueConstraint("wire_items_key", ["agency_code", "guid"])
        .execute();
      await db.schema
        .createIndex("wire_items_sort")
        .on("wire_items")
        .columns(["sort_at", "seq"])
        .execute();
      await db.schema
        .createIndex("wire_items_agency_sort")
        .on("wire_items")
        .columns(["agency_code", "sort_at"])
        .execute();

      await db.schema
        .createTable("wire_item_versions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("item_seq", "integer", (c) =>
          c.notNull().references("wire_items.seq").onDelete("cascade"),
        )
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("version", "text")
        .addColumn("version_created", "text")
        .addColumn("pub_status", "text", (c) => c.notNull())
        .addColumn("received_at", "text", (c) => c.notNull())
        .addColumn("source_id", "text", (c) => c.notNull())
        .addColumn("file_id", "text")
        .addColumn("item", "text", (c) => c.notNull())
        .addUniqueConstraint("wire_item_versions_number", ["item_seq", "number"])
        .addUniqueConstraint("wire_item_versions_hash", ["item_seq", "content_hash"])
        .execute();

      await db.schema
        .createTable("wire_item_subjects")
        .addColumn("item_seq", "integer", (c) =>
          c.notNull().references("wire_items.seq").onDelete("cascade"),
        )
        .addColumn("value", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("wire_item_subjects_pk", ["item_seq", "value"])
        .execute();
      await db.schema
        .createIndex("wire_item_subjects_value")
        .on("wire_item_subjects")
        .columns(["value", "item_seq"])
        .execute();

      await db.schema
        .createTable("wire_files")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("source_id", "text", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("filename", "text")
        .addColumn("format", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("items_total", "integer", (c) => c.notNull())
        .addColumn("items_done", "integer", (c) => c.notNull())
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("finished_at", "text")
        .addUniqueConstraint("wire_files_key", ["source_id", "content_hash"])
        .execute();

      await db.schema
        .createTable("wire_quarantine")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("source_id", "text")
        .addColumn("file_id", "text")
        .addColumn("filename", "text")
        .addColumn("code", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("guid", "text")
        .addColumn("content_hash", "text")
        .addColumn("size_bytes", "integer")
        .addColumn("excerpt", "text")
        .addColumn("received_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("wire_quarantine_received")
        .on("wire_quarantine")
        .columns(["received_at", "id"])
        .execute();

      await db.schema
        .createTable("wire_story_links")
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("item_id", "text", (c) => c.notNull())
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("guid", "text", (c) => c.notNull())
        .addColumn("version", "text")
        .addColumn("agency_code", "text", (c) => c.notNull())
        .addColumn("mode", "text", (c) => c.notNull())
        .addColumn("used_at", "text", (c) => c.notNull())
        .addColumn("used_by", "text")
        .addPrimaryKeyConstraint("wire_story_links_pk", ["story_id", "version_id"])
        .execute();
      await db.schema
        .createIndex("wire_story_links_item")
        .on("wire_story_links")
        .column("item_id")
        .execute();

      await db.schema
        .createTable("story_wire_flags")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addColumn("item_id", "text", (c) => c.notNull())
        .addColumn("version_id", "text", (c) => c.notNull())
        .addColumn("guid", "text", (c) => c.notNull())
        .addColumn("agency_code", "text", (c) => c.notNull())
        .addColumn("pub_status", "text", (c) => c.notNull())
        .addColumn("reason", "text")
        .addColumn("flagged_at", "text", (c) => c.notNull())
        .addColumn("acknowledged_at", "text")
        .addColumn("acknowledged_by", "text")
        .addUniqueConstraint("story_wire_flags_key", ["story_id", "version_id"])
        .execute();
      await db.schema
        .createIndex("story_wire_flags_story")
        .on("story_wire_flags")
        .column("story_id")
        .execute();
      await db.schema
        .createIndex("story_wire_flags_open")
        .on("story_wire_flags")
        .columns(["acknowledged_at", "flagged_at"])
        .execute();

      if (dialect === "sqlite") {
        // External-content FTS5: the text lives once, in wire_items.search_text; the triggers
        // only keep the index in step (https://sqlite.org/fts5.html#external_content_tables).
        await sql`create virtual table wire_items_fts using fts5(search_text, content='wire_items', content_rowid='seq', tokenize='trigram')`.execute(
          db,
        );
        await sql`create trigger wire_items_fts_ai after insert on wire_items begin
          insert into wire_items_fts(rowid, search_text) values (new.seq, new.search_text);
        end`.execute(db);
        await sql`create trigger wire_items_fts_ad after delete on wire_items begin
          insert into wire_items_fts(wire_items_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
        end`.execute(db);
        await sql`create trigger wire_items_fts_au after update of search_text on wire_items begin
          insert into wire_items_fts(wire_items_fts, rowid, search_text) values ('delete', old.seq, old.search_text);
          insert into wire_items_fts(rowid, search_text) values (new.seq, new.search_text);
        end`.execute(db);
      } else {
        const schema = await trigramSchema(db);
        if (schema !== undefined) {
          await sql`create index wire_items_search on wire_items using gin (search_text ${sql.id(schema)}.gin_trgm_ops)`.execute(
            db,
          );
        }
      }
    },
  };
}

/**
 * Where pg_trgm lives, installing it into `public` when allowed (it is a trusted extension
 * since PostgreSQL 13). Never into the current schema: dropping that schema would drop the
 * extension and every other schema's trigram index with it. Without pg_trgm, search still
 * works through `LIKE`, only without an index.
 */
async function trigramSchema(db: Kysely<unknown>): Promise<string | undefined> {
  const existing = await sql<{ schema: string }>`
    select n.nspname as schema from pg_extension e
    join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const found = existing.rows[0]?.schema;
  if (found !== undefined) return found;
  const allowed = await sql<{ ok: boolean }>`
    select (exists (select 1 from pg_available_extensions where name = 'pg_trgm')
      and (select rolsuper from pg_roles where rolname = current_user)) as ok`.execute(db);
  if (!allowed.rows[0]?.ok) return undefined;
  await sql`create extension if not exists pg_trgm schema public`.execute(db);
  return "public";
}
