import type { Generated } from "kysely";

/**
 * Kysely view of the tables added by migration 0003 (translations and search). Kept beside
 * the core `DatabaseSchema` and joined with `db.withTables<SearchTables>()`, so this
 * feature's storage does not edit the shared schema file.
 */
type StorySearchTable = {
  /** Integer key shared with the SQLite FTS5 rowid; PostgreSQL uses it only as a key. */
  doc_id: Generated<number>;
  story_id: string;
  service_id: string;
  /** "words" or "ngram": which full-text index holds the document (SQLite). */
  strategy: string;
  published_at: string;
  updated_at: string | null;
  /** Original text, for highlighted snippets. */
  headline: string;
  body: string;
  /** An episode's transcript in its service's language (migration 0029); empty otherwise. */
  transcript: Generated<string>;
  /** Folded text (search-index.ts), matched by LIKE for short CJK terms and by pg_trgm. */
  match_text: string;
};

export type StoryTranslationsTable = {
  story_id: string;
  family_id: string;
  source_story_id: string;
  source_service_id: string;
  target_service_id: string;
  /** The source revision the translation was made from or last brought up to date with. */
  synced_revision_id: string;
  /** The newest source revision the translator has accounted for (synced or waived). */
  reviewed_revision_id: string;
  reviewed_at: string;
  status: string;
  /** JSON array of stale events; parsed back through zod. */
  stale_events: string;
  waiver_reason: string | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
};

export type SearchTables = {
  story_search: StorySearchTable;
  story_translations: StoryTranslationsTable;
};
