import { type Kysely, PostgresAdapter, type QueryExecutorProvider, sql } from "kysely";
import { strategyFor } from "../domain/search/search-folding.js";
import { indexTextFor } from "../domain/search/search-stemming.js";
import { isServiceId } from "../domain/services/service-registry.js";
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
  /** Folded, and for languages with a stemmer stemmed, text for matching (search-stemming.ts). */
  readonly headlineIndex: string;
  readonly bodyIndex: string;
}

/** A story head with its reader projection: what a publish, update or kill leaves behind. */
interface IndexedHead {
  readonly storyId: string;
  readonly serviceId: string;
  readonly status: string;
  readonly publishedAt: string | null;
  readonly updatedAt: string | null;
  readonly headline: string;
  /** The projection's search text: headline, standfirst and body, one per line. */
  readonly searchText: string;
}

/**
 * A document from a headline and body text (benchmarks load synthetic text this way).
 * @public bench/lib/search-bench.js imports it from the build (dist/), where knip cannot follow.
 */
export function searchDocumentFor(input: {
  storyId: string;
  serviceId: string;
  publishedAt: string;
  updatedAt: string | null;
  headline: string;
  /** Standfirst and body text, one block per line. */
  bodyText: string;
}): SearchDocument | undefined {
  if (!isServiceId(input.serviceId)) return undefined;
  return {
    storyId: input.storyId,
    serviceId: input.serviceId,
    strategy: strategyFor(input.serviceId),
    publishedAt: input.publishedAt,
    updatedAt: input.updatedAt,
    headline: input.headline,
    body: input.bodyText,
    headlineIndex: indexTextFor(input.serviceId, input.headline),
    bodyIndex: indexTextFor(input.serviceId, input.bodyText),
  };
}

/**
 * The document search holds for a story head; undefined when search must not find the story
 * (not published, or not a known service). Publishing and bulk seeding both go through here.
 */
export function searchDocumentForHead(head: IndexedHead): SearchDocument | undefined {
  if (head.status !== "published" || !head.publishedAt) return undefined;
  const lines = head.searchText.split("\n");
  const bodyText = lines[0] === head.headline ? lines.slice(1).join("\n") : head.searchText;
  return searchDocumentFor({
    storyId: head.storyId,
    serviceId: head.serviceId,
    publishedAt: head.publishedAt,
    updatedAt: head.updatedAt,
    headline: head.headline,
    bodyText,
  });
}

/** The dialect behind a Kysely instance or transaction (search SQL differs per dialect). */
function dialectOf(db: QueryExecutorProvider): SqlDialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/** Rows per INSERT: under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const documentsPerStatement = 500;

/**
 * Inserts or replaces search documents in the caller's transaction: one story's inside the
 * transaction that changes its head (syncSearchIndex), many at once for bulk loads
 * (bulk-seed.ts, benchmarks), so a seeded story is indexed exactly as a published one.
 * SQLite: triggers on `story_search` keep the FTS5 tables search reads in step (migration
 * 0007). PostgreSQL: the weighted tsvector is computed here.
 */
export async function writeSearchDocuments(
  db: QueryExecutorProvider,
  dialect: SqlDialectName,
  docs: readonly SearchDocument[],
): Promise<void> {
  for (let i = 0; i < docs.length; i += documentsPerStatement) {
    const rows = docs.slice(i, i + documentsPerStatement).map((doc) => {
      const common = sql`${doc.storyId}, ${doc.serviceId}, ${doc.strategy}, ${doc.publishedAt},
        ${doc.updatedAt}, ${doc.headline}, ${doc.body}, ${`${doc.headlineIndex}\n${doc.bodyIndex}`}`;
      return dialect === "postgres"
        ? sql`(${common}, setweight(to_tsvector('simple', ${doc.headlineIndex}), 'A') ||
            setweight(to_tsvector('simple', ${doc.bodyIndex}), 'B'))`
        : sql`(${common})`;
    });
    const vector = dialect === "postgres" ? sql`, search_vector` : sql``;
    const updateVector =
      dialect === "postgres" ? sql`, search_vector = excluded.search_vector` : sql``;
    await sql`insert into story_search
        (story_id, service_id, strategy, published_at, updated_at, headline, body, match_text${vector})
      values ${sql.join(rows)}
      on conflict (story_id) do update set
        service_id = excluded.service_id, strategy = excluded.strategy,
        published_at = excluded.published_at, updated_at = excluded.updated_at,
        headline = excluded.headline, body = excluded.body,
        match_text = excluded.match_text${updateVector}`.execute(db);
  }
}

/**
 * Keeps the index in step with a story head change, in the transaction that changes the head
 * (story-sql-repository.ts, applyHeadChange), so readers never see a published story that
 * search cannot find, or find a killed one. `null` (no projection) removes the story.
 */
export async function syncSearchIndex(
  db: QueryExecutorProvider,
  head: IndexedHead | null,
  storyId: string,
): Promise<void> {
  const doc = head ? searchDocumentForHead(head) : undefined;
  if (doc) {
    await writeSearchDocuments(db, dialectOf(db), [doc]);
    return;
  }
  // SQLite: the delete trigger removes the FTS5 rows (migration 0007).
  await sql`delete from story_search where story_id = ${storyId}`.execute(db);
}

/** Stories re-indexed per transaction by reindexSearch. */
const reindexBatch = 200;

/**
 * Recomputes every story's indexed text from the headline and body the index already holds,
 * in batches of `reindexBatch` stories, each in its own transaction and each followed by a
 * turn of the event loop, so a large newsroom is re-indexed without holding the database
 * or the process for long. Run after a change to folding or stemming (the stemmer library's
 * version included): `newsdesk reindex-search`. Returns the number of stories re-indexed.
 */
export async function reindexSearch<Schema>(
  db: Kysely<Schema>,
  dialect: SqlDialectName,
  onProgress: (done: number) => void = () => {},
): Promise<number> {
  let after = 0;
  let done = 0;
  for (;;) {
    const batch = await sql<{
      doc_id: number | string;
      story_id: string;
      service_id: string;
      published_at: string;
      updated_at: string | null;
      headline: string;
      body: string;
    }>`select doc_id, story_id, service_id, published_at, updated_at, headline, body
      from story_search where doc_id > ${after} order by doc_id limit ${reindexBatch}`.execute(db);
    const last = batch.rows.at(-1);
    if (!last) return done;
    const docs = batch.rows.flatMap((row) => {
      const doc = searchDocumentFor({
        storyId: row.story_id,
        serviceId: row.service_id,
        publishedAt: row.published_at,
        updatedAt: row.updated_at,
        headline: row.headline,
        bodyText: row.body,
      });
      return doc ? [doc] : [];
    });
    await db.transaction().execute((trx) => writeSearchDocuments(trx, dialect, docs));
    done += batch.rows.length;
    after = Number(last.doc_id);
    onProgress(done);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
