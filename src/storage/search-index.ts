import { type Kysely, PostgresAdapter, type QueryExecutorProvider, sql } from "kysely";
import { captionInLanguage } from "../domain/clips/caption-language.js";
import { strategyFor } from "../domain/search/search-folding.js";
import { indexTextFor } from "../domain/search/search-stemming.js";
import { isServiceId, services } from "../domain/services/service-registry.js";
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
  /** An episode's transcript in the service's language (issue 17); empty for other stories. */
  readonly transcript: string;
  /** Folded, and for languages with a stemmer stemmed, text for matching (search-stemming.ts). */
  readonly headlineIndex: string;
  readonly bodyIndex: string;
  readonly transcriptIndex: string;
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

/** A `story_search` row as the transcript re-index paths read it back. */
interface IndexedRow {
  readonly story_id: string;
  readonly service_id: string;
  readonly published_at: string;
  readonly updated_at: string | null;
  readonly headline: string;
  readonly body: string;
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
  /** An episode's transcript (episodeTranscripts); absent for other stories. */
  transcript?: string;
}): SearchDocument | undefined {
  if (!isServiceId(input.serviceId)) return undefined;
  const transcript = input.transcript ?? "";
  return {
    storyId: input.storyId,
    serviceId: input.serviceId,
    strategy: strategyFor(input.serviceId),
    publishedAt: input.publishedAt,
    updatedAt: input.updatedAt,
    headline: input.headline,
    body: input.bodyText,
    transcript,
    headlineIndex: indexTextFor(input.serviceId, input.headline),
    bodyIndex: indexTextFor(input.serviceId, input.bodyText),
    transcriptIndex: transcript ? indexTextFor(input.serviceId, transcript) : "",
  };
}

/**
 * The document search holds for a story head; undefined when search must not find the story
 * (not published, or not a known service). Publishing and bulk seeding both go through here.
 */
export function searchDocumentForHead(
  head: IndexedHead,
  transcript = "",
): SearchDocument | undefined {
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
    transcript,
  });
}

/**
 * The transcripts search indexes for these stories: for each episode, its clip's captions in
 * its service's language (issue 17: "the transcript is indexed by search"), by story id.
 * Stories that are not episodes, or whose clip has no captions in that language, have none.
 */
async function episodeTranscripts(
  db: QueryExecutorProvider,
  stories: readonly { readonly storyId: string; readonly serviceId: string }[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < stories.length; i += documentsPerStatement) {
    const batch = stories.slice(i, i + documentsPerStatement);
    const rows = await sql<{ story_id: string; lang: string; transcript: string }>`
      select e.story_id, c.lang, c.transcript
      from story_episodes e join clip_captions c on c.clip_id = e.clip_id
      where e.story_id in (${sql.join(batch.map((s) => s.storyId))})`.execute(db);
    for (const story of batch) {
      if (!isServiceId(story.serviceId)) continue;
      const captions = rows.rows.filter((r) => r.story_id === story.storyId);
      const caption = captionInLanguage(captions, services[story.serviceId].sourceLocale);
      if (caption?.transcript) found.set(story.storyId, caption.transcript);
    }
  }
  return found;
}

/**
 * Replaces the indexed transcript of the published episodes that play a clip (its captions
 * changed) or of one episode (its clip changed), in the caller's transaction, so search
 * finds what the episode page shows. The show notes already indexed are kept as they are.
 */
export async function syncEpisodeTranscripts(
  db: QueryExecutorProvider,
  which: { readonly clipId: string } | { readonly storyId: string },
): Promise<void> {
  const filter =
    "clipId" in which ? sql`e.clip_id = ${which.clipId}` : sql`e.story_id = ${which.storyId}`;
  const rows =
    await sql<IndexedRow>`select ss.story_id, ss.service_id, ss.published_at, ss.updated_at, ss.headline, ss.body
    from story_search ss join story_episodes e on e.story_id = ss.story_id
    where ${filter}`.execute(db);
  if (rows.rows.length === 0) return;
  await writeSearchDocuments(db, dialectOf(db), await documentsFor(db, rows.rows));
}

/** Search documents for indexed rows, each with its episode's transcript read afresh. */
async function documentsFor(db: QueryExecutorProvider, rows: readonly IndexedRow[]) {
  const transcripts = await episodeTranscripts(
    db,
    rows.map((r) => ({ storyId: r.story_id, serviceId: r.service_id })),
  );
  return rows.flatMap((row) => {
    const doc = searchDocumentFor({
      storyId: row.story_id,
      serviceId: row.service_id,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      headline: row.headline,
      bodyText: row.body,
      transcript: transcripts.get(row.story_id) ?? "",
    });
    return doc ? [doc] : [];
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
      // Everything after match_text's first line is the FTS5 `body` column (migration 0007's
      // triggers): the transcript is matched there, with the show notes.
      const matchText = [doc.headlineIndex, doc.bodyIndex, doc.transcriptIndex]
        .filter((part, index) => index < 2 || part !== "")
        .join("\n");
      const common = sql`${doc.storyId}, ${doc.serviceId}, ${doc.strategy}, ${doc.publishedAt},
        ${doc.updatedAt}, ${doc.headline}, ${doc.body}, ${doc.transcript}, ${matchText}`;
      // PostgreSQL: the transcript weighs least (C), below the headline (A) and notes (B).
      return dialect === "postgres"
        ? sql`(${common}, setweight(to_tsvector('simple', ${doc.headlineIndex}), 'A') ||
            setweight(to_tsvector('simple', ${doc.bodyIndex}), 'B') ||
            setweight(to_tsvector('simple', ${doc.transcriptIndex}), 'C'))`
        : sql`(${common})`;
    });
    const vector = dialect === "postgres" ? sql`, search_vector` : sql``;
    const updateVector =
      dialect === "postgres" ? sql`, search_vector = excluded.search_vector` : sql``;
    await sql`insert into story_search
        (story_id, service_id, strategy, published_at, updated_at, headline, body, transcript,
         match_text${vector})
      values ${sql.join(rows)}
      on conflict (story_id) do update set
        service_id = excluded.service_id, strategy = excluded.strategy,
        published_at = excluded.published_at, updated_at = excluded.updated_at,
        headline = excluded.headline, body = excluded.body, transcript = excluded.transcript,
        match_text = excluded.match_text${updateVector}`.execute(db);
  }
  if (dialect === "sqlite") await addWordTerms(db, docs);
}

/**
 * SQLite: adds the FTS5 tokens of these documents' indexed text to `search_word_terms`, from
 * which search expands a prefix into exact terms (migration 0030). The text goes through a
 * contentless FTS5 table with `search_words`' tokenizer, so the terms are FTS5's own.
 */
async function addWordTerms(
  db: QueryExecutorProvider,
  docs: readonly SearchDocument[],
): Promise<void> {
  const words = docs.filter((doc) => doc.strategy === "words");
  if (words.length === 0) return;
  for (let i = 0; i < words.length; i += documentsPerStatement) {
    const texts = words
      .slice(i, i + documentsPerStatement)
      .map((doc) => sql`(${`${doc.headlineIndex}\n${doc.bodyIndex}\n${doc.transcriptIndex}`})`);
    await sql`insert into search_terms_stage (text) values ${sql.join(texts)}`.execute(db);
  }
  await sql`insert or ignore into search_word_terms (term)
    select term from search_terms_stage_vocab`.execute(db);
  await sql`insert into search_terms_stage (search_terms_stage) values ('delete-all')`.execute(db);
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
  const transcript = head ? ((await episodeTranscripts(db, [head])).get(head.storyId) ?? "") : "";
  const doc = head ? searchDocumentForHead(head, transcript) : undefined;
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
    const batch = await sql<
      IndexedRow & { doc_id: number | string }
    >`select doc_id, story_id, service_id, published_at, updated_at, headline, body
      from story_search where doc_id > ${after} order by doc_id limit ${reindexBatch}`.execute(db);
    const last = batch.rows.at(-1);
    if (!last) return done;
    // Transcripts are read again from the captions: this is also how episodes published
    // before migration 0029 get theirs indexed.
    const docs = await documentsFor(db, batch.rows);
    await db.transaction().execute((trx) => writeSearchDocuments(trx, dialect, docs));
    done += batch.rows.length;
    after = Number(last.doc_id);
    onProgress(done);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
