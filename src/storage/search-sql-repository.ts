import { type Kysely, type RawBuilder, sql } from "kysely";
import { strategyFor } from "../domain/search/search-folding.js";
import type {
  SearchRepository,
  SearchRequest,
  SearchRow,
} from "../domain/search/search-repository.js";
import { type ServiceId, serviceIds } from "../domain/services/service-registry.js";
import type { SqlDialectName } from "./database.js";

interface Row {
  story_id: string;
  service_id: string;
  headline: string;
  standfirst: string | null;
  slug: string | null;
  section: string | null;
  lead_media_id: string | null;
  first_published_at: string | null;
  updated_at: string | null;
  last_modified_at: string;
  body: string;
  score: number | string;
}

/** Relevance is divided by 1 + age/30 days: a month-old story needs twice the relevance. */
const recencyHalfLifeDays = 30;

/**
 * Search over `story_search` and its full-text indexes, in one SQL statement per request
 * (a UNION when the scope spans word-based and trigram-based services).
 *
 * SQLite: FTS5 MATCH ranked by bm25() with the headline weighted 10:1; trigram MATCH needs
 * terms of at least three characters, so shorter CJK terms (two-character words are common)
 * use LIKE on the trigram table instead. PostgreSQL: `tsvector @@ to_tsquery('simple', …)`
 * with prefix matching, ranked by ts_rank; trigram-class services use LIKE over the folded
 * text, served by the pg_trgm GIN index when the extension is installed.
 */
export class SearchSqlRepository implements SearchRepository {
  readonly #db: Kysely<unknown>;
  readonly #dialect: SqlDialectName;

  constructor(db: Kysely<unknown>, dialect: SqlDialectName) {
    this.#db = db;
    this.#dialect = dialect;
  }

  async search(request: SearchRequest): Promise<{ total: number; rows: SearchRow[] }> {
    const terms = request.terms.filter((t) => /[\p{L}\p{N}]/u.test(t));
    if (terms.length === 0) return { total: 0, rows: [] };
    const scope = request.serviceIds ?? serviceIds;
    const words = scope.filter((id) => strategyFor(id) === "words");
    const ngram = scope.filter((id) => strategyFor(id) === "ngram");
    const arms: RawBuilder<unknown>[] = [];
    if (words.length > 0) arms.push(this.#wordsArm(terms, words, request.now));
    if (ngram.length > 0) arms.push(this.#ngramArm(terms, ngram, request.now));
    const union = sql.join(arms, sql` union all `);
    const [count, page] = await Promise.all([
      sql<{ n: number | string }>`select count(*) as n from (${union}) as hits`.execute(this.#db),
      sql<Row>`select * from (${union}) as hits
        order by score desc, first_published_at desc, story_id desc
        limit ${request.limit} offset ${request.offset}`.execute(this.#db),
    ]);
    return {
      total: Number(count.rows[0]?.n ?? 0),
      rows: page.rows.map((r) => ({
        summary: {
          id: r.story_id,
          serviceId: r.service_id as ServiceId,
          headline: r.headline,
          standfirst: r.standfirst ?? "",
          slug: r.slug ?? "story",
          section: r.section ?? "",
          leadMediaId: r.lead_media_id,
          firstPublishedAt: r.first_published_at ?? r.last_modified_at,
          updatedAt: r.updated_at,
          lastModifiedAt: r.last_modified_at,
        },
        body: r.body,
        score: Number(r.score),
      })),
    };
  }

  #columns() {
    return sql`ss.story_id, ss.service_id, ss.headline, s.standfirst, s.slug, s.section,
      s.lead_media_id, s.first_published_at, s.updated_at, s.last_modified_at, ss.body`;
  }

  #recency(now: string) {
    return this.#dialect === "postgres"
      ? sql`(1.0 / (1.0 + greatest(0, extract(epoch from (${now}::timestamptz - ss.published_at::timestamptz)) / 86400.0) / ${recencyHalfLifeDays}))`
      : sql`(1.0 / (1.0 + max(0, julianday(${now}) - julianday(ss.published_at)) / ${recencyHalfLifeDays}))`;
  }

  #wordsArm(terms: readonly string[], services: readonly ServiceId[], now: string) {
    const recency = this.#recency(now);
    if (this.#dialect === "postgres") {
      // 'term':* is a prefix match; quotes and backslashes never reach to_tsquery.
      const tsquery = terms.map((t) => `'${t.replace(/['\\]/gu, "")}':*`).join(" & ");
      return sql`select ${this.#columns()},
          ts_rank(ss.search_vector, to_tsquery('simple', ${tsquery})) * ${recency} as score
        from story_search ss join stories s on s.id = ss.story_id
        where ss.service_id in (${sql.join(services)})
          and ss.search_vector @@ to_tsquery('simple', ${tsquery})`;
    }
    // FTS5 query syntax: each term a quoted string (embedded quotes doubled), prefix *.
    const match = terms.map((t) => `"${t.replace(/"/gu, '""')}"*`).join(" ");
    return sql`select ${this.#columns()},
        -bm25(story_fts_words, 10.0, 1.0) * ${recency} as score
      from story_fts_words join story_search ss on ss.doc_id = story_fts_words.rowid
      join stories s on s.id = ss.story_id
      where story_fts_words match ${match} and ss.service_id in (${sql.join(services)})`;
  }

  #ngramArm(terms: readonly string[], services: readonly ServiceId[], now: string) {
    const recency = this.#recency(now);
    const headlineHit = (t: string) =>
      this.#dialect === "postgres"
        ? sql`(case when strpos(split_part(ss.match_text, chr(10), 1), ${t}) > 0 then 1 else 0 end)`
        : sql`(case when story_fts_ngram.headline like ${`%${t}%`} then 1 else 0 end)`;
    // Relevance without bm25: 1 + the share of terms found in the headline, times 2.
    const relevance = sql`(1.0 + 2.0 * (${sql.join(terms.map(headlineHit), sql` + `)}) / ${terms.length})`;
    if (this.#dialect === "postgres") {
      const likes = terms.map((t) => sql`ss.match_text like ${`%${t}%`}`);
      return sql`select ${this.#columns()}, ${relevance} * ${recency} as score
        from story_search ss join stories s on s.id = ss.story_id
        where ss.service_id in (${sql.join(services)}) and ${sql.join(likes, sql` and `)}`;
    }
    const long = terms.filter((t) => [...t].length >= 3);
    const short = terms.filter((t) => [...t].length < 3);
    const conditions: RawBuilder<unknown>[] = [];
    if (long.length > 0) {
      const match = long.map((t) => `"${t.replace(/"/gu, '""')}"`).join(" ");
      conditions.push(sql`story_fts_ngram match ${match}`);
    }
    for (const t of short) {
      conditions.push(
        sql`(story_fts_ngram.headline like ${`%${t}%`} or story_fts_ngram.body like ${`%${t}%`})`,
      );
    }
    const score =
      long.length > 0
        ? sql`(-bm25(story_fts_ngram, 10.0, 1.0) + ${relevance}) * ${recency}`
        : sql`${relevance} * ${recency}`;
    return sql`select ${this.#columns()}, ${score} as score
      from story_fts_ngram join story_search ss on ss.doc_id = story_fts_ngram.rowid
      join stories s on s.id = ss.story_id
      where ${sql.join(conditions, sql` and `)} and ss.service_id in (${sql.join(services)})`;
  }
}
