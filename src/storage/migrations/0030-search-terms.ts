import { type Kysely, type Migration, sql } from "kysely";
import type { SqlDialectName } from "../database.js";

/**
 * Search at a million stories (issue 18, item 8), SQLite only.
 *
 * A reader's word is matched as a prefix ("elect" finds "election"). FTS5 answers a prefix
 * query by merging the doclists of every term with that prefix into one list before it
 * yields the first row (fts5_index.c, fts5SetupPrefixIter), however small the LIMIT: 39 ms
 * for one stem at 1M stories, against 0.23 ms for the same stem as an exact term, which
 * FTS5 walks lazily newest first. An OR of exact terms is walked lazily too, so search
 * expands a prefix into the terms that have it, read from this table by a B-tree range.
 *
 * - `search_word_terms`: every token FTS5 has indexed in `search_words`' headline and body.
 *   Terms are added, never removed: a term whose stories are gone costs one empty lookup.
 * - `search_terms_stage` (contentless FTS5 with `search_words`' tokenizer) and its
 *   `fts5vocab` view: the writer (search-index.ts) puts a batch's text there and copies the
 *   vocabulary out, so the terms are FTS5's own tokens, not a re-implementation of them.
 *
 * Backfill: the vocabulary of `search_words` as it stands, read through `fts5vocab` (one pass
 * over the index). Frozen: this file imports no application code.
 */
export function searchTermsMigration(dialect: SqlDialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === "postgres") return;
      await sql`create table search_word_terms (term text primary key) without rowid`.execute(db);
      await sql`create virtual table search_terms_stage using fts5(text, content = '',
        tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
      await sql`create virtual table search_terms_stage_vocab
        using fts5vocab(search_terms_stage, 'row')`.execute(db);
      await sql`create virtual table temp.search_words_vocab
        using fts5vocab(main, search_words, 'col')`.execute(db);
      await sql`insert or ignore into search_word_terms (term)
        select term from temp.search_words_vocab where col <> 'scope'`.execute(db);
      await sql`drop table temp.search_words_vocab`.execute(db);
    },
  };
}
