import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { type ServiceConfig, type ServiceId, serviceIds } from "../services/service-registry.js";
import type { StorySummary } from "../stories/story-repository.js";
import { can } from "../users/access-policy.js";
import { queryTerms } from "./search-folding.js";
import type { SearchRepository } from "./search-repository.js";
import { type HighlightedText, highlight, matchRanges, snippet } from "./search-snippet.js";

interface SearchHit {
  readonly summary: StorySummary;
  readonly headline: HighlightedText;
  readonly snippet: HighlightedText;
  readonly score: number;
}

export interface SearchResults {
  readonly query: string;
  readonly terms: readonly string[];
  /** Matching stories; a lower bound when `totalCapped` ("500+"). */
  readonly total: number;
  readonly totalCapped: boolean;
  readonly page: number;
  readonly pageSize: number;
  readonly hasMore: boolean;
  readonly hits: readonly SearchHit[];
}

const searchPageSize = 20;
const maxPage = 500;

/**
 * Reader search within one language service and newsroom search across services, with
 * language-appropriate matching (search-folding.ts, ADR 0005), ranked by relevance and
 * recency, with highlighted snippets and pagination.
 */
export class SearchService {
  readonly #search: SearchRepository;
  readonly #clock: Clock;

  constructor(deps: { search: SearchRepository; clock: Clock }) {
    this.#search = deps.search;
    this.#clock = deps.clock;
  }

  /** A reader's search in one service (any of its script editions). */
  async inService(
    edition: Pick<ServiceConfig, "id">,
    query: string,
    page: number,
  ): Promise<SearchResults> {
    return this.#run(query, [edition.id], page);
  }

  /**
   * The newsroom's search across services (published versions). Access control belongs to
   * the caller's role checks; the actor is taken so that no call skips them.
   */
  /** The newsroom's search: only ever the services the actor may see, whatever is asked. */
  async acrossServices(
    actor: Actor,
    query: string,
    options: { serviceIds?: readonly ServiceId[]; page?: number } = {},
  ): Promise<SearchResults> {
    const scope = (options.serviceIds ?? serviceIds).filter((id) => can(actor, "story.view", id));
    return this.#run(query, scope, options.page ?? 1);
  }

  async #run(
    query: string,
    scope: readonly ServiceId[] | null,
    requestedPage: number,
  ): Promise<SearchResults> {
    const page = Math.min(Math.max(1, Math.trunc(requestedPage)), maxPage);
    const terms = queryTerms(query);
    const empty = {
      query,
      terms,
      total: 0,
      totalCapped: false,
      page,
      pageSize: searchPageSize,
      hasMore: false,
    };
    // An empty scope means "nowhere", never "everywhere".
    if (terms.length === 0 || scope?.length === 0) return { ...empty, hits: [] };
    const { total, capped, rows } = await this.#search.search({
      terms,
      serviceIds: scope,
      limit: searchPageSize,
      offset: (page - 1) * searchPageSize,
      now: this.#clock.now().toISOString(),
    });
    const hits = rows.map((row) => {
      const serviceId = row.summary.serviceId;
      const headline = row.summary.headline;
      return {
        summary: row.summary,
        headline: highlight(headline, matchRanges(headline, terms, serviceId)),
        snippet: snippet(row.body, terms, serviceId),
        score: row.score,
      };
    });
    const hasMore = capped || page * searchPageSize < total;
    return { ...empty, total, totalCapped: capped, hasMore, hits };
  }
}
