import { type Kysely, type Migration, sql } from "kysely";
import { z } from "zod";
import type { SqlDialectName } from "../database.js";

/**
 * Linked translations and full-text search (ADR 0005).
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
 *
 * An extension is one per database, so it goes to `public`, as 0004 does, never to the first
 * schema on the search path: instances that share a database each have their own schema, and
 * dropping the one that held pg_trgm would cascade into the others' trigram indexes.
 */
async function createTrigramIndex(db: Kysely<unknown>): Promise<void> {
  await sql`savepoint newsdesk_pg_trgm`.execute(db);
  try {
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
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

/**
 * Indexes stories published before this migration, from their published revisions.
 *
 * Frozen: a migration must do the same thing on every database, whenever it runs, so
 * everything below (the content shape read, the folding, which services use trigrams, the
 * rows written) is a copy of the application code taken when this migration was frozen,
 * not an import. Later changes to search belong in later migrations.
 */
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
    if (!knownServices.has(row.service_id)) continue;
    // JSON read back from the database is a boundary: parse it, never cast it.
    const content = contentSchema.parse(JSON.parse(row.content));
    const body = [content.standfirst, bodyText(content.body)].filter(Boolean).join("\n");
    const headlineIndex = indexText(row.service_id, content.headline);
    const bodyIndex = indexText(row.service_id, body);
    const strategy = ngramServices.has(row.service_id) ? "ngram" : "words";
    const values = sql`${row.id}, ${row.service_id}, ${strategy},
      ${row.first_published_at ?? row.last_modified_at}, ${row.updated_at},
      ${content.headline}, ${body}, ${`${headlineIndex}\n${bodyIndex}`}`;
    if (dialect === "postgres") {
      await sql`insert into story_search (story_id, service_id, strategy, published_at, updated_at,
          headline, body, match_text, search_vector)
        values (${values}, setweight(to_tsvector('simple', ${headlineIndex}), 'A') ||
          setweight(to_tsvector('simple', ${bodyIndex}), 'B'))`.execute(db);
      continue;
    }
    const inserted = await sql<{ doc_id: number }>`insert into story_search
        (story_id, service_id, strategy, published_at, updated_at, headline, body, match_text)
      values (${values}) returning doc_id`.execute(db);
    const table = strategy === "ngram" ? sql.id("story_fts_ngram") : sql.id("story_fts_words");
    await sql`insert into ${table} (rowid, headline, body)
      values (${inserted.rows[0]?.doc_id}, ${headlineIndex}, ${bodyIndex})`.execute(db);
  }
}

/** The services of the registry when this migration was frozen. */
const knownServices: ReadonlySet<string> = new Set(
  (
    "en fr es pt sq bs tr az uz ku id vi ha sw so om rw rn sn nd bm ln ht ru uk mk sr hy ka " +
    "fa fa-AF ps ur ar ckb am ti hi bn ne th lo km my bo zh-Hans zh-Hant yue ko"
  ).split(" "),
);
/** Services whose scripts are written without spaces: indexed by trigrams. */
const ngramServices: ReadonlySet<string> = new Set("th lo km my zh-Hans zh-Hant yue ko".split(" "));
/** Services stored in Serbian Cyrillic and indexed in both scripts (ADR 0005). */
const serbianCyrillicServices: ReadonlySet<string> = new Set(["sr"]);

const inline = z.array(z.object({ text: z.string() }));
const contentSchema = z.object({
  headline: z.string(),
  standfirst: z.string(),
  body: z.array(
    z.discriminatedUnion("type", [
      z.object({ type: z.literal("paragraph"), content: inline }),
      z.object({ type: z.literal("heading"), content: inline }),
      z.object({ type: z.literal("quote"), content: inline, speaker: z.string().optional() }),
      z.object({ type: z.literal("list"), items: z.array(inline) }),
      z.object({ type: z.literal("figure"), caption: z.string() }),
    ]),
  ),
});

/** Plain text of a body, one block per line. */
function bodyText(body: z.infer<typeof contentSchema>["body"]): string {
  const text = (parts: z.infer<typeof inline>) => parts.map((p) => p.text).join("");
  const lines: string[] = [];
  for (const block of body) {
    if (block.type === "list") lines.push(...block.items.map(text));
    else if (block.type === "figure") lines.push(block.caption);
    else if (block.type === "quote" && block.speaker) {
      lines.push(`${text(block.content)} — ${block.speaker}`);
    } else lines.push(text(block.content));
  }
  return lines.filter((line) => line.length > 0).join("\n");
}

/** The folded text indexed for a story; Serbian Cyrillic is indexed in both scripts. */
function indexText(serviceId: string, text: string): string {
  const folded = fold(text);
  if (!serbianCyrillicServices.has(serviceId)) return folded;
  const latin = fold(serbianToLatin(text));
  return latin === folded ? folded : `${folded} ${latin}`;
}

const arabicFolds: ReadonlyArray<[RegExp, string]> = [
  [/[يى]/gu, "ی"],
  [/ك/gu, "ک"],
  [/ـ/gu, ""],
  [/[أإآ]/gu, "ا"],
  [/ة/gu, "ه"],
];

/**
 * NFKD, lowercase, Latin/Greek/Cyrillic combining marks and Arabic harakat removed, Arabic
 * letter and digit variants unified, whitespace collapsed, zero-width non-joiner removed.
 */
function fold(text: string): string {
  let folded = text.normalize("NFKD").toLocaleLowerCase("und");
  folded = folded.replace(/[\u0300-\u036f\u064b-\u065f\u0670]/gu, "").normalize("NFC");
  for (const [pattern, replacement] of arabicFolds) folded = folded.replace(pattern, replacement);
  folded = folded.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) =>
    String((d.codePointAt(0) ?? 0) & 0xf),
  );
  return folded
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/\u200c/gu, "");
}

const cyrillicToLatin: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  ђ: "đ",
  е: "e",
  ж: "ž",
  з: "z",
  и: "i",
  ј: "j",
  к: "k",
  л: "l",
  љ: "lj",
  м: "m",
  н: "n",
  њ: "nj",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  ћ: "ć",
  у: "u",
  ф: "f",
  х: "h",
  ц: "c",
  ч: "č",
  џ: "dž",
  ш: "š",
};

const isUpper = (ch: string | undefined): boolean =>
  ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** Serbian Cyrillic → Serbian Latin; other characters pass through. */
function serbianToLatin(text: string): string {
  const chars = [...text];
  let out = "";
  for (const [index, ch] of chars.entries()) {
    const latin = cyrillicToLatin[ch.toLowerCase()];
    if (latin === undefined) out += ch;
    else if (!isUpper(ch)) out += latin;
    else {
      const allCaps = isUpper(chars[index + 1]) || (isUpper(chars[index - 1]) && !chars[index + 1]);
      out += allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
    }
  }
  return out;
}
