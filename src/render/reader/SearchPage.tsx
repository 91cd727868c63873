import type { PageChrome } from "../../domain/reader/reader-models.js";
import type { SearchResults } from "../../domain/search/search-service.js";
import type { HighlightedText } from "../../domain/search/search-snippet.js";
import { searchUrl, storyUrl } from "../reader-urls.js";
import { Layout } from "./Layout.js";
import { Pager } from "./Pager.js";
import type { RenderContext } from "./render-context.js";
import { TimeTag } from "./TimeTag.js";

export function SearchPage({
  ctx,
  chrome,
  results,
}: {
  ctx: RenderContext;
  chrome: PageChrome;
  /** Ranked hits with highlighted headlines and snippets. */
  results: SearchResults;
}) {
  const { t } = ctx;
  const hasQuery = results.query.trim().length > 0;
  const title = hasQuery ? t.t("search.results", { query: results.query }) : t.t("search.label");
  return (
    <Layout
      ctx={ctx}
      title={title}
      sections={chrome.sections}
      banner={chrome.banner}
      searchQuery={results.query}
    >
      <h1>{title}</h1>
      {!hasQuery ? (
        <p class="notice">{t.t("search.prompt")}</p>
      ) : results.total === 0 ? (
        <p class="notice">{t.t("search.none")}</p>
      ) : (
        <>
          {/* A capped total is only a lower bound: better no number than a wrong one. */}
          {results.totalCapped ? null : (
            <p role="status">{t.t("search.count", { count: results.total })}</p>
          )}
          <ol class="results">
            {results.hits.map((hit) => (
              <li key={hit.summary.id}>
                <h2>
                  <a href={storyUrl(ctx.service, hit.summary)}>
                    <Highlighted parts={hit.headline} />
                  </a>
                </h2>
                <p>
                  <Highlighted parts={hit.snippet} />
                </p>
                <p class="meta">
                  <TimeTag ctx={ctx} iso={hit.summary.updatedAt ?? hit.summary.firstPublishedAt} />
                </p>
              </li>
            ))}
          </ol>
          <Pager
            ctx={ctx}
            basePath={searchUrl(ctx.service)}
            extraQuery={`q=${encodeURIComponent(results.query)}`}
            page={results.page}
            hasMore={results.hasMore}
          />
        </>
      )}
    </Layout>
  );
}

/** Matched words in `<mark>` (HTML Living Standard: "a run of text marked for reference"). */
function Highlighted({ parts }: { parts: HighlightedText }) {
  return <>{parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : p.text))}</>;
}
