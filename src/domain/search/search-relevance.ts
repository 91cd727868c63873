/**
 * Relevance of a match, before recency: 1 + 2 × the share of the query's words found in
 * the headline (1 to 3). Every match has every word somewhere (the index checked that);
 * what tells a story *about* the words from one that mentions them is the headline.
 *
 * Why not bm25: its inverse document frequency needs the number of stories holding each
 * term, which FTS5 counts by walking the term's whole doclist on every query (fts5_aux.c,
 * fts5Bm25GetData): 28.7 ms for a common word at 1M stories, whatever the LIMIT. The
 * headline share is computed on the window of newest matches only.
 */
export function headlineRelevance(hits: number, words: number): number {
  return words > 0 ? 1 + (2 * Math.min(hits, words)) / words : 1;
}

/** Letters, numbers, marks and private use: what FTS5's unicode61 keeps inside a token. */
const tokenPattern = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/**
 * How many of `lists` (each a word's alternative forms, matched as prefixes) a headline's
 * indexed text holds: for each list, one of its words starts with one of its forms.
 * `headline` is the folded (and stemmed) text search indexed, so forms compare as they are.
 */
export function headlineHits(headline: string, lists: readonly (readonly string[])[]): number {
  const tokens = headline.toLowerCase().match(tokenPattern) ?? [];
  let hits = 0;
  for (const forms of lists) {
    if (tokens.some((token) => forms.some((form) => token.startsWith(form)))) hits += 1;
  }
  return hits;
}
