import { type QueryExecutorProvider, type RawBuilder, sql } from "kysely";
import {
  maxSearchTermLength,
  maxSearchTerms,
  searchableText,
  strategyFor,
} from "../domain/search/search-folding.js";
import { headlineHits, headlineRelevance } from "../domain/search/search-relevance.js";
import type {
  SearchRepository,
  SearchRequest,
  SearchResponse,
  SearchRow,
} from "../domain/search/search-repository.js";
import { queryForms } from "../domain/search/search-stemming.js";
import { type ServiceId, serviceIds } from "../domain/services/service-registry.js";
import type { SqlDialectName } from "./database.js";
import { likeContaining } from "./like-patterns.js";
import { type SummaryRow, storySummaryFromRow } from "./published-stories.js";

interface Row extends Omit<SummaryRow, "family_id"> {
  ref: number | string;
  body: string;
  transcript: string;
}

/** A match from the newest-first walk: its index key, publish time and relevance. */
interface Candidate {
  /** SQLite: `story_search.fts_key`; PostgreSQL: `story_search.doc_id`. */
  readonly ref: number;
  readonly publishedMs: number;
  readonly relevance: number;
}

interface Ranked extends Candidate {
  readonly score: number;
}

/**
 * SQLite's FTS5 rowid, `story_search.fts_key`, is (seconds since 2000-01-01 × 2^22) +
 * (doc_id mod 2^22), as migration 0007's triggers compute it: the publish time is read back
 * from the key without touching the row.
 */
const ftsKeyScale = 4_194_304;
const ftsKeyEpochSeconds = 946_684_800;

/** Relevance is divided by 1 + age/30 days: a month-old story needs twice the relevance. */
const recencyHalfLifeDays = 30;
const dayMs = 86_400_000;

/**
 * How many of the newest matches are ranked together (see SearchSqlRepository). A multiple
 * of the reader page size (20), so a page never spans two windows.
 */
const defaultSearchWindow = 500;

/** The FTS5 `scope` token of a service (migration 0007 writes the same in SQL). */
function ftsScopeToken(serviceId: string): string {
  return `svc${serviceId.toLowerCase().replaceAll("-", "")}svc`;
}

/**
 * Services whose query is the same: AND-ed lists of alternatives, each matched as a word
 * prefix (search-stemming.ts queryForms). Services with the same stemmer, or none, share one.
 */
type Group = {
  readonly services: readonly ServiceId[];
  readonly lists: readonly string[][];
  /**
   * SQLite words arm: each list's alternatives as FTS5 phrases, prefixes expanded into the
   * exact terms that have them (SearchSqlRepository#expand); absent until expanded.
   */
  readonly phrases?: readonly string[][];
};

type Arm = {
  readonly kind: "words" | "ngram";
  readonly services: readonly ServiceId[];
  readonly groups: readonly Group[];
};

/** The scope's services of one strategy, grouped by the query they see; none that match nothing. */
function armFor(
  kind: Arm["kind"],
  scope: readonly ServiceId[],
  terms: readonly string[],
): Arm | undefined {
  const byQuery = new Map<string, { services: ServiceId[]; lists: string[][] }>();
  for (const id of scope) {
    if (strategyFor(id) !== kind) continue;
    const lists = queryForms(terms, id);
    if (lists.length === 0) continue;
    const key = JSON.stringify(lists);
    const group = byQuery.get(key);
    if (group) group.services.push(id);
    else byQuery.set(key, { services: [id], lists });
  }
  const groups = [...byQuery.values()];
  if (groups.length === 0) return undefined;
  return { kind, services: groups.flatMap((g) => g.services), groups };
}

/**
 * Search over `story_search` and its full-text indexes, newest match first.
 *
 * Ranking: relevance × recency, where recency = 1 / (1 + age in days / 30). Scoring every
 * match of a common word (a third of a newsroom) costs far more than a page, so matches are
 * taken newest first in windows of `window` stories (500 by default) and ranked by
 * relevance × recency within each window: page 1 is the best of the 500 newest matches,
 * and so on. A query with at most `window` matches is ranked exactly. Totals are exact up to
 * the end of the current window; past it the response says `capped` (a lower bound,
 * "500+").
 *
 * The walk is done by the index: SQLite FTS5 tables whose rowid orders by publish time and
 * whose `scope` column filters by service (migration 0007: inside the MATCH for words, read
 * per match for trigram phrases), with each word's prefix expanded into exact terms
 * (migration 0030) so the walk stops at the window;
 * PostgreSQL a btree on (service_id, published_at, doc_id) filtered by the tsvector match, or
 * the GIN / pg_trgm bitmap for rare terms, as the planner estimates.
 *
 * Relevance: SQLite, the share of the query's words found in the headline
 * (search-relevance.ts), computed for the window only: FTS5's bm25() counts every story
 * holding each term, whatever the LIMIT. Trigram MATCH needs terms of at least three
 * characters, so shorter CJK terms (two-character words are common) use LIKE on the trigram
 * table during the walk. PostgreSQL: ts_rank over `tsvector @@ to_tsquery('simple', …)` with
 * prefix matching (it reads only the matched rows); trigram-class services use LIKE over the
 * folded text and the headline share.
 */
export class SearchSqlRepository implements SearchRepository {
  readonly #db: QueryExecutorProvider;
  readonly #dialect: SqlDialectName;
  readonly #window: number;

  constructor(
    db: QueryExecutorProvider,
    dialect: SqlDialectName,
    options: { window?: number } = {},
  ) {
    this.#db = db;
    this.#dialect = dialect;
    this.#window = Math.max(1, Math.trunc(options.window ?? defaultSearchWindow));
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    const terms = dialectSafeTerms(request.terms);
    if (terms.length === 0) return { total: 0, capped: false, rows: [] };
    const scope = request.serviceIds ?? serviceIds;
    let arms = [armFor("words", scope, terms), armFor("ngram", scope, terms)].filter(
      (arm): arm is Arm => arm !== undefined,
    );
    if (arms.length === 0) return { total: 0, capped: false, rows: [] };
    if (this.#dialect === "sqlite") arms = await Promise.all(arms.map((arm) => this.#expand(arm)));
    const now = Date.parse(request.now);
    const windowSize = this.#window;
    const picked: Ranked[] = [];
    let start = Math.floor(request.offset / windowSize) * windowSize;
    let total = 0;
    let capped = false;
    for (;;) {
      const matches = await this.#newest(arms, start, windowSize + 1);
      if (matches.length === 0 && start > 0) {
        // Past the last match: the total is below `start`; count it (capped there).
        total = await this.#count(arms, start);
        capped = false;
        break;
      }
      capped = matches.length > windowSize;
      const inWindow = matches.slice(0, windowSize);
      total = start + inWindow.length;
      const ranked = inWindow.map((c) => ({ ...c, score: c.relevance * recency(now, c) }));
      ranked.sort((a, b) => b.score - a.score || b.publishedMs - a.publishedMs || b.ref - a.ref);
      const from = Math.max(0, request.offset - start);
      picked.push(...ranked.slice(from, from + request.limit - picked.length));
      if (picked.length >= request.limit || !capped) break;
      start += windowSize;
    }
    const rows = await this.#rows(picked.map((c) => c.ref));
    return {
      total,
      capped,
      rows: picked.flatMap((c) => {
        const r = rows.get(c.ref);
        return r ? [toSearchRow(r, c.score)] : [];
      }),
    };
  }

  /** Matches `offset` … `offset + limit` in newest-first order, across the arms. */
  async #newest(arms: readonly Arm[], offset: number, limit: number): Promise<Candidate[]> {
    if (arms.length === 1 && arms[0]) return this.#candidates(arms[0], offset, limit);
    // Each arm's first offset + limit, merged: the union's first offset + limit are in there.
    const lists = await Promise.all(arms.map((arm) => this.#candidates(arm, 0, offset + limit)));
    return lists
      .flat()
      .sort((a, b) => b.publishedMs - a.publishedMs || b.ref - a.ref)
      .slice(offset, offset + limit);
  }

  async #candidates(arm: Arm, offset: number, limit: number): Promise<Candidate[]> {
    type Found = {
      ref: number | string;
      published_at?: string;
      /** SQLite words arm: relevance is computed here from the indexed headline. */
      rel?: number | string;
      headline?: string;
      scope?: string;
    };
    let rows: Found[] | undefined;
    if (this.#dialect === "postgres" && offset === 0) {
      // A common term fills the window from the newest few stories: try that first. If it
      // falls short, its hit rate there says how many newest stories would fill it; a walk
      // that long is tried once (a term in a fifth of the stories: 3,400 rows, 60 ms at 1M
      // stories, where the trigram bitmap rechecked 56,000 rows in 1.2 s).
      let newest = limit * 4;
      for (let attempt = 0; attempt < 2 && !rows; attempt++) {
        const walk = await sql<Found>`${this.#pgArm(arm, newest)} limit ${limit}`.execute(this.#db);
        if (walk.rows.length >= limit) rows = walk.rows;
        else if (walk.rows.length < minWalkEstimate) break;
        else newest = Math.ceil(((limit * newest) / walk.rows.length) * 1.5);
        if (newest > maxPgWalk) break;
      }
    }
    if (!rows) {
      const query = this.#armQuery(arm);
      rows = (await sql<Found>`${query} limit ${limit} offset ${offset}`.execute(this.#db)).rows;
    }
    const groupOf = new Map(
      arm.groups.flatMap((g) => g.services.map((id) => [ftsScopeToken(id), g] as const)),
    );
    return rows.map((r) => {
      const ref = Number(r.ref);
      return {
        ref,
        publishedMs:
          this.#dialect === "postgres"
            ? Date.parse(r.published_at ?? "")
            : (Math.floor(ref / ftsKeyScale) + ftsKeyEpochSeconds) * 1000,
        relevance:
          r.rel === undefined
            ? wordsRelevance(r.headline ?? "", groupOf.get(r.scope ?? "") ?? arm.groups[0])
            : Number(r.rel),
      };
    });
  }

  /** How many stories match, counting at most `cap`. */
  async #count(arms: readonly Arm[], cap: number): Promise<number> {
    const counts = await Promise.all(
      arms.map(async (arm) => {
        const result = await sql<{ n: number | string }>`select count(*) as n from
          (${this.#armQuery(arm, false)} limit ${cap}) as hits`.execute(this.#db);
        return Number(result.rows[0]?.n ?? 0);
      }),
    );
    return Math.min(
      cap,
      counts.reduce((sum, n) => sum + n, 0),
    );
  }

  /**
   * One arm's matches, newest first (no limit), with what their relevance needs unless
   * `ranked` is false (counting).
   */
  #armQuery(arm: Arm, ranked = true): RawBuilder<unknown> {
    if (this.#dialect === "postgres") return this.#pgArm(arm);
    return arm.kind === "words" ? this.#sqliteWords(arm, ranked) : this.#sqliteNgram(arm);
  }

  /**
   * SQLite words arm: each prefix form as the exact terms that have it, read from
   * `search_word_terms` by a B-tree range (migration 0030), so FTS5 walks an OR of exact
   * doclists newest first and stops at the LIMIT instead of merging every doclist with the
   * prefix first. A form with no such term (none indexed, or text FTS5's tokenizer would
   * change: every stored term is already in its form) or a list with more than
   * `maxExpandedTerms` stays an FTS5 prefix query: slower, same matches.
   */
  async #expand(arm: Arm): Promise<Arm> {
    if (arm.kind !== "words") return arm;
    const groups = await Promise.all(
      arm.groups.map(async (group) => ({
        ...group,
        phrases: await Promise.all(group.lists.map((forms) => this.#listPhrases(forms))),
      })),
    );
    return { ...arm, groups };
  }

  async #listPhrases(forms: readonly string[]): Promise<string[]> {
    const exact = new Set<string>();
    const unexpanded: string[] = [];
    for (const form of forms) {
      const found = await sql<{ term: string }>`select term from search_word_terms
        where term >= ${form} and term < ${`${form}\u{10FFFF}`}
        order by term limit ${maxExpandedTerms + 1}`.execute(this.#db);
      if (found.rows.length === 0 || found.rows.length > maxExpandedTerms) unexpanded.push(form);
      else for (const row of found.rows) exact.add(row.term);
    }
    if (exact.size > maxExpandedTerms) return forms.map(ftsPrefix);
    return [...[...exact].map(ftsString), ...unexpanded.map(ftsPrefix)];
  }

  /**
   * PostgreSQL: the arm's matches; with `newest`, only among the service's `newest` most
   * recent stories. The planner assumes a term and a service are independent, so for a word
   * used by one language only it expects a few matches and picks the GIN bitmap, then scores
   * and sorts thousands; the bounded walk of the newest stories is tried first instead.
   */
  #pgArm(arm: Arm, newest?: number) {
    const source =
      newest === undefined
        ? sql`story_search`
        : sql`(select doc_id, service_id, published_at, search_vector, match_text from story_search
            where ${this.#pgServices(arm)} order by published_at desc, doc_id desc
            limit ${newest}) as story_search`;
    let match: RawBuilder<unknown>;
    let rel: RawBuilder<unknown>;
    if (arm.kind === "words") {
      // 'form':* is a prefix match; a list's forms are alternatives (|), lists all match (&).
      // Inside a quoted tsquery lexeme every operator is text; only the quote and the
      // backslash need escaping (PostgreSQL §8.11.2).
      const tsquery = (lists: readonly string[][]) =>
        lists
          .map((alts) => `(${alts.map((t) => `'${t.replace(/['\\]/gu, "\\$&")}':*`).join(" | ")})`)
          .join(" & ");
      const [only] = arm.groups;
      match =
        arm.groups.length === 1 && only
          ? sql`search_vector @@ to_tsquery('simple', ${tsquery(only.lists)})`
          : sql`(${sql.join(
              arm.groups.map(
                (g) =>
                  sql`(service_id in (${sql.join(g.services)}) and search_vector @@ to_tsquery('simple', ${tsquery(g.lists)}))`,
              ),
              sql` or `,
            )})`;
      // One ranking query for the arm: each story matches one group's part of it.
      const all = arm.groups.map((g) => `(${tsquery(g.lists)})`).join(" | ");
      rel = sql`ts_rank(search_vector, to_tsquery('simple', ${all}))`;
    } else {
      const terms = ngramTerms(arm);
      const headlineHit = (t: string) =>
        sql`(case when strpos(split_part(match_text, chr(10), 1), ${t}) > 0 then 1 else 0 end)`;
      match = sql.join(
        terms.map((t) => likeContaining(sql.ref("match_text"), t)),
        sql` and `,
      );
      rel = headlineShare(terms, headlineHit);
    }
    const services = newest === undefined ? sql`${this.#pgServices(arm)} and ` : sql``;
    return sql`select doc_id as ref, published_at, ${rel} as rel from ${source}
      where ${services}${match}
      order by published_at desc, doc_id desc`;
  }

  /** One service as an equality, so the planner can walk (service_id, published_at, doc_id). */
  #pgServices(arm: Arm) {
    const [only] = arm.services;
    return arm.services.length === 1 && only
      ? sql`service_id = ${only}`
      : sql`service_id in (${sql.join(arm.services)})`;
  }

  /** The MATCH clause's service part: none when the arm covers every service of its kind. */
  #ftsScope(arm: Arm): string | undefined {
    const all = serviceIds.filter((id) => strategyFor(id) === arm.kind);
    if (all.every((id) => arm.services.includes(id))) return undefined;
    return ftsScopeOf(arm.services);
  }

  #sqliteWords(arm: Arm, ranked: boolean) {
    // FTS5 query syntax: a list's phrases are alternatives (OR), lists all match (AND).
    const text = (group: Group) =>
      `{headline body} : (${(group.phrases ?? group.lists.map((forms) => forms.map(ftsPrefix)))
        .map((alts) => `(${alts.join(" OR ")})`)
        .join(" AND ")})`;
    const [only] = arm.groups;
    let match: string;
    if (arm.groups.length === 1 && only) {
      const scope = this.#ftsScope(arm);
      match = scope ? `${scope} AND ${text(only)}` : text(only);
    } else {
      match = arm.groups.map((g) => `(${ftsScopeOf(g.services)} AND ${text(g)})`).join(" OR ");
    }
    // The headline and scope columns give each match its relevance (wordsRelevance).
    const columns = ranked ? sql`, headline, scope` : sql``;
    return sql`select rowid as ref${columns} from search_words
      where search_words match ${match} order by rowid desc`;
  }

  #sqliteNgram(arm: Arm) {
    const terms = ngramTerms(arm);
    const headlineHit = (t: string) =>
      sql`(case when ${likeContaining(sql.ref("search_ngram.headline"), t)} then 1 else 0 end)`;
    const relevance = headlineShare(terms, headlineHit);
    const long = terms.filter((t) => [...t].length >= 3);
    const short = terms.filter((t) => [...t].length < 3);
    const conditions: RawBuilder<unknown>[] = [];
    const scope = this.#ftsScope(arm);
    if (long.length > 0) {
      conditions.push(
        sql`search_ngram match ${`{headline body} : (${long.map(ftsString).join(" ")})`}`,
      );
      // The terms' trigram doclists drive the walk; the service is read from each match's
      // scope column. AND-ing the scope's doclist instead (every story of the service) made
      // FTS5 step through both: 65.7 ms against 32.7 ms for a rare Thai phrase at 1M stories.
      if (scope) {
        conditions.push(
          sql`search_ngram.scope in (${sql.join(arm.services.map((id) => ftsScopeToken(id)))})`,
        );
      }
    } else if (scope) {
      // Only terms below the trigram size: the service's own doclist is the walk.
      conditions.push(sql`search_ngram match ${scope}`);
    }
    for (const t of short) {
      // Below the trigram size: checked row by row during the newest-first walk.
      conditions.push(
        sql`(${likeContaining(sql.ref("search_ngram.headline"), t)}
          or ${likeContaining(sql.ref("search_ngram.body"), t)})`,
      );
    }
    return sql`select rowid as ref, ${relevance} as rel from search_ngram
      where ${sql.join(conditions, sql` and `)}
      order by rowid desc`;
  }

  /** Display columns for the stories on the page, by candidate ref. */
  async #rows(refs: readonly number[]): Promise<Map<number, Row>> {
    if (refs.length === 0) return new Map();
    const key = this.#dialect === "postgres" ? sql`ss.doc_id` : sql`ss.fts_key`;
    const result = await sql<Row>`select ${key} as ref, s.id, s.service_id, s.headline,
        s.standfirst, s.slug, s.section, s.lead_media_id, s.first_published_at, s.updated_at,
        s.last_modified_at, ss.body, ss.transcript
      from story_search ss join stories s on s.id = ss.story_id
      where ${key} in (${sql.join(refs)})`.execute(this.#db);
    return new Map(result.rows.map((r) => [Number(r.ref), r]));
  }
}

/**
 * The terms as a dialect may see them, whatever the caller passed (the domain's queryTerms
 * already does this for readers and the newsroom; storage does not rely on it): no control
 * characters or lone surrogates (searchableText), at least one letter or digit, at most
 * `maxSearchTerms` terms of `maxSearchTermLength` characters. Every query builder below
 * still quotes or escapes each term for its syntax.
 */
function dialectSafeTerms(terms: readonly string[]): string[] {
  const safe: string[] = [];
  // Each raw term costs a regex pass, so only a bounded number is looked at.
  for (const raw of terms.slice(0, maxSearchTerms * 8)) {
    const cleaned = searchableText(raw.slice(0, maxSearchTermLength * 4)).trim();
    const term = [...cleaned].slice(0, maxSearchTermLength).join("");
    if (/[\p{L}\p{N}]/u.test(term)) safe.push(term);
    if (safe.length === maxSearchTerms) break;
  }
  return safe;
}

/**
 * PostgreSQL's newest-first walk (SearchSqlRepository#candidates): a second walk is sized
 * from the first's hit rate when that found at least `minWalkEstimate` matches, and is not
 * tried past `maxPgWalk` stories (each costs a heap row and a LIKE: the index does better).
 */
const minWalkEstimate = 32;
const maxPgWalk = 20_000;

/**
 * At most this many exact terms stand for one word of a query (SearchSqlRepository#expand):
 * each is one more doclist for FTS5 to open.
 */
const maxExpandedTerms = 64;

/** An FTS5 string: quoted, embedded quotes doubled (FTS5 query syntax, §3.1). */
function ftsString(text: string): string {
  return `"${text.replace(/"/gu, '""')}"`;
}

/** An FTS5 prefix query: the words that start with `form` (FTS5 query syntax, "Prefix Queries"). */
function ftsPrefix(form: string): string {
  return `${ftsString(form)}*`;
}

/** A words-arm match's relevance from its indexed headline and its service's query group. */
function wordsRelevance(headline: string, group: Group | undefined): number {
  const lists = group?.lists ?? [];
  return headlineRelevance(headlineHits(headline, lists), lists.length);
}

/** The FTS5 condition "one of these services". */
function ftsScopeOf(services: readonly ServiceId[]): string {
  return `{scope} : (${services.map((id) => `"${ftsScopeToken(id)}"`).join(" OR ")})`;
}

/**
 * The trigram arm's terms: services written without spaces have no stemmer, so every one
 * sees the same folded terms, one form each.
 */
function ngramTerms(arm: Arm): string[] {
  return (arm.groups[0]?.lists ?? []).flatMap((alts) => alts.slice(0, 1));
}

/** 1 + 2 × the share of terms found in the headline. */
function headlineShare(
  terms: readonly string[],
  headlineHit: (term: string) => RawBuilder<unknown>,
): RawBuilder<unknown> {
  return sql`(1.0 + 2.0 * (${sql.join(terms.map(headlineHit), sql` + `)}) / ${terms.length})`;
}

function recency(now: number, candidate: Candidate): number {
  const ageDays = Math.max(0, (now - candidate.publishedMs) / dayMs);
  return 1 / (1 + ageDays / recencyHalfLifeDays);
}

function toSearchRow(r: Row, score: number): SearchRow {
  // An episode found by its transcript shows the words around the match (issue 17).
  const body = r.transcript ? `${r.body}\n${r.transcript}` : r.body;
  return { summary: storySummaryFromRow(r), body, score };
}
