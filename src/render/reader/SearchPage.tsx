import type { SearchModel } from "../../domain/reader/reader-models.js";
import type { SearchResults } from "../../domain/search/search-service.js";
import type { HighlightedText } from "../../domain/search/search-snippet.js";
import { searchUrl, storyUrl } from "../reader-urls.js";
import { Layout } from "./Layout.js";
import { Pager } from "./Pager.js";
import type { RenderContext } from "./render-context.js";
import { StoryCards } from "./StoryCards.js";
import { TimeTag } from "./TimeTag.js";

export function SearchPage({
  ctx,
  model,
  results,
}: {
  ctx: RenderContext;
  model: SearchModel;
  /** Ranked hits with highlighted headlines and snippets (full-text search, issue 4). */
  results?: SearchResults;
}) {
  const { t } = ctx;
  const hasQuery = model.query.trim().length > 0;
  const title = hasQuery ? t.t("search.results", { query: model.query }) : t.t("search.label");
  return (
    <Layout
      ctx={ctx}
      title={title}
      sections={model.sections}
      banner={model.banner}
      searchQuery={model.query}
    >
      <h1>{title}</h1>
      {!hasQuery ? (
        <p class="notice">{t.t("search.prompt")}</p>
      ) : model.total === 0 ? (
        <p class="notice">{t.t("search.none")}</p>
      ) : (
        <>
          {/* A capped total is only a lower bound: better no number than a wrong one. */}
          {model.totalCapped ? null : (
            <p role="status">{t.t("search.count", { count: model.total })}</p>
          )}
          {results ? (
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
                    <TimeTag
                      ctx={ctx}
                      iso={hit.summary.updatedAt ?? hit.summary.firstPublishedAt}
                    />
                  </p>
                </li>
              ))}
            </ol>
          ) : (
            <StoryCards ctx={ctx} stories={model.stories} media={model.media} />
          )}
          <Pager
            ctx={ctx}
            basePath={searchUrl(ctx.service)}
            extraQuery={`q=${encodeURIComponent(model.query)}`}
            page={model.page}
            hasMore={model.hasMore}
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
