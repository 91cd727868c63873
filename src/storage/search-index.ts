import { type Kysely, PostgresAdapter, sql } from "kysely";
import { indexTextFor, strategyFor } from "../domain/search/search-folding.js";
import { isServiceId } from "../domain/services/service-registry.js";
import { bodyPlainText } from "../domain/stories/story-body-schema.js";
import type { StoryContent } from "../domain/stories/story-schema.js";
import type { SqlDialectName } from "./database.js";

/** What the search index holds for one published story. */
export interface SearchDocument {
  readonly storyId: string;
  readonly serviceId: string;
  readonly strategy: "words" | "ngram";
  readonly publishedAt: string;
  readonly updatedAt: string | null;
  /** Original text, for snippets. */
  readonly headline: string;
  readonly body: string;
  /** Folded text, for matching. */
  readonly headlineIndex: string;
  readonly bodyIndex: string;
}

export function searchDocumentFor(input: {
  storyId: string;
  serviceId: string;
  publishedAt: string;
  updatedAt: string | null;
  content?: StoryContent;
  headline?: string;
  /** Standfirst and body text, one block per line. */
  bodyText?: string;
}): SearchDocument | undefined {
  if (!isServiceId(input.serviceId)) return undefined;
  const headline = input.content?.headline ?? input.headline ?? "";
  const body = input.content
    ? [input.content.standfirst, bodyPlainText(input.content.body)].filter(Boolean).join("\n")
    : (input.bodyText ?? "");
  return {
    storyId: input.storyId,
    serviceId: input.serviceId,
    strategy: strategyFor(input.serviceId),
    publishedAt: input.publishedAt,
    updatedAt: input.updatedAt,
    headline,
    body,
    headlineIndex: indexTextFor(input.serviceId, headline),
    bodyIndex: indexTextFor(input.serviceId, body),
  };
}

/** The dialect behind a Kysely instance or transaction (search SQL differs per dialect). */
export function dialectOf(db: Kysely<unknown>): SqlDialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * Inserts or replaces a story's search document. Called inside the transaction that changes
 * the story's head (story-sql-repository.ts, applyHeadChange), so readers never see a
 * published story that search cannot find, or find a killed one.
 */
export async function writeSearchDocument(
  db: Kysely<unknown>,
  dialect: SqlDialectName,
  doc: SearchDocument,
): Promise<void> {
  const matchText = `${doc.headlineIndex}\n${doc.bodyIndex}`;
  if (dialect === "postgres") {
    await sql`
      insert into story_search
        (story_id, service_id, strategy, published_at, updated_at, headline, body, match_text, search_vector)
      values (${doc.storyId}, ${doc.serviceId}, ${doc.strategy}, ${doc.publishedAt}, ${doc.updatedAt},
        ${doc.headline}, ${doc.body}, ${matchText},
        setweight(to_tsvector('simple', ${doc.headlineIndex}), 'A') ||
        setweight(to_tsvector('simple', ${doc.bodyIndex}), 'B'))
      on conflict (story_id) do update set
        service_id = excluded.service_id, strategy = excluded.strategy,
        published_at = excluded.published_at, updated_at = excluded.updated_at,
        headline = excluded.headline, body = excluded.body, match_text = excluded.match_text,
        search_vector = excluded.search_vector`.execute(db);
    return;
  }
  // SQLite: triggers on story_search keep the FTS5 tables that search reads in step
  // (migration 0007, search_words / search_ngram).
  const row = await sql<{ doc_id: number }>`
    insert into story_search
      (story_id, service_id, strategy, published_at, updated_at, headline, body, match_text)
    values (${doc.storyId}, ${doc.serviceId}, ${doc.strategy}, ${doc.publishedAt}, ${doc.updatedAt},
      ${doc.headline}, ${doc.body}, ${matchText})
    on conflict (story_id) do update set
      service_id = excluded.service_id, strategy = excluded.strategy,
      published_at = excluded.published_at, updated_at = excluded.updated_at,
      headline = excluded.headline, body = excluded.body, match_text = excluded.match_text
    returning doc_id`.execute(db);
  const docId = row.rows[0]?.doc_id;
  if (docId === undefined) throw new Error("search index: no doc_id returned");
  await writeLegacyFts(db, docId, doc);
}

/**
 * The 0003 FTS5 tables (rowid = doc_id) are no longer read by search but are still written,
 * as before, while the bulk seeder writes them and its test compares them with a real
 * publish; drop this and the tables once it uses insertSearchDocuments.
 */
async function writeLegacyFts(db: Kysely<unknown>, docId: number, doc: SearchDocument) {
  await sql`delete from story_fts_words where rowid = ${docId}`.execute(db);
  await sql`delete from story_fts_ngram where rowid = ${docId}`.execute(db);
  const table = doc.strategy === "ngram" ? sql.id("story_fts_ngram") : sql.id("story_fts_words");
  await sql`insert into ${table} (rowid, headline, body) values (${docId}, ${doc.headlineIndex}, ${doc.bodyIndex})`.execute(
    db,
  );
}

/**
 * Inserts many new search documents at once (bulk loads: benchmarks, seeding); same columns
 * and weights as writeSearchDocument. The stories must not be in the index yet.
 */
export async function insertSearchDocuments(
  db: Kysely<unknown>,
  dialect: SqlDialectName,
  docs: readonly SearchDocument[],
): Promise<void> {
  if (docs.length === 0) return;
  const rows = docs.map((doc) => {
    const common = sql`${doc.storyId}, ${doc.serviceId}, ${doc.strategy}, ${doc.publishedAt},
      ${doc.updatedAt}, ${doc.headline}, ${doc.body}, ${`${doc.headlineIndex}\n${doc.bodyIndex}`}`;
    return dialect === "postgres"
      ? sql`(${common}, setweight(to_tsvector('simple', ${doc.headlineIndex}), 'A') ||
          setweight(to_tsvector('simple', ${doc.bodyIndex}), 'B'))`
      : sql`(${common})`;
  });
  const vector = dialect === "postgres" ? sql`, search_vector` : sql``;
  await sql`insert into story_search
      (story_id, service_id, strategy, published_at, updated_at, headline, body, match_text${vector})
    values ${sql.join(rows)}`.execute(db);
}

/** Removes a story from search (kill, unpublish), in the caller's transaction. */
export async function removeSearchDocument(
  db: Kysely<unknown>,
  dialect: SqlDialectName,
  storyId: string,
): Promise<void> {
  // SQLite: the delete trigger removes the search_* FTS5 rows (migration 0007).
  if (dialect === "sqlite") {
    const row = await sql<{
      doc_id: number;
    }>`select doc_id from story_search where story_id = ${storyId}`.execute(db);
    const docId = row.rows[0]?.doc_id;
    if (docId === undefined) return;
    await sql`delete from story_fts_words where rowid = ${docId}`.execute(db);
    await sql`delete from story_fts_ngram where rowid = ${docId}`.execute(db);
  }
  await sql`delete from story_search where story_id = ${storyId}`.execute(db);
}

/** Keeps the index in step with a story head change; `null` text removes the story. */
export async function syncSearchIndex(
  db: Kysely<unknown>,
  change: {
    storyId: string;
    serviceId: string;
    status: string;
    publishedAt: string | null;
    updatedAt: string | null;
    headline: string;
    searchText: string;
  } | null,
  storyId: string,
): Promise<void> {
  const dialect = dialectOf(db);
  if (change?.status !== "published" || !change.publishedAt) {
    await removeSearchDocument(db, dialect, storyId);
    return;
  }
  // The projection's search text is headline, standfirst and body, one per line.
  const lines = change.searchText.split("\n");
  const bodyText = lines[0] === change.headline ? lines.slice(1).join("\n") : change.searchText;
  const doc = searchDocumentFor({
    storyId: change.storyId,
    serviceId: change.serviceId,
    publishedAt: change.publishedAt,
    updatedAt: change.updatedAt,
    headline: change.headline,
    bodyText,
  });
  if (doc) await writeSearchDocument(db, dialect, doc);
}
