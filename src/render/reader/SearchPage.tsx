import type { SearchModel } from "../../domain/reader/reader-models.js";
import { searchUrl } from "../reader-urls.js";
import { Layout } from "./Layout.js";
import { Pager } from "./Pager.js";
import type { RenderContext } from "./render-context.js";
import { StoryCards } from "./StoryCards.js";

export function SearchPage({ ctx, model }: { ctx: RenderContext; model: SearchModel }) {
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
          <p role="status">{t.t("search.count", { count: model.total })}</p>
          <StoryCards ctx={ctx} stories={model.stories} media={model.media} />
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
