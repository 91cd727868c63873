import type { OnAir } from "../../domain/programmes/programme-reader.js";
import type { StoryListModel } from "../../domain/reader/reader-models.js";
import { FeedLinks } from "../feeds/FeedLinks.js";
import type { PageVersion } from "../page-versions.js";
import { homeUrl, storyUrl } from "../reader-urls.js";
import { Figure, litePhotoFor } from "./Figure.js";
import { LanguageAlternates, LanguageSwitcher } from "./LanguageSwitcher.js";
import { Layout } from "./Layout.js";
import { LiveBadge } from "./LiveBadge.js";
import { OnAirNow } from "./ProgrammePages.js";
import type { RenderContext } from "./render-context.js";
import { StoryCards, TeaserTime } from "./StoryCards.js";

/** The service front: the top story, then the latest. */
export function HomePage({
  ctx,
  model,
  versions = [],
  live,
  onAir,
}: {
  ctx: RenderContext;
  model: StoryListModel;
  /** Stories that are live pages covering events now (LIVE badges). */
  live?: ReadonlySet<string>;
  /** Every edition's home (hreflang); the switcher offers this service's other scripts. */
  versions?: readonly PageVersion[];
  /** The broadcast on air now and the next one, when the service has a schedule. */
  onAir?: OnAir;
}) {
  const { t, service } = ctx;
  const [top, ...latest] = model.stories;
  const topMedia = top?.leadMediaId ? model.media.get(top.leadMediaId) : undefined;
  return (
    <Layout
      ctx={ctx}
      title={t.t("nav.home")}
      description={t.t("home.description", { service: service.name })}
      canonicalPath={homeUrl(service)}
      sections={model.sections}
      banner={model.banner}
      head={
        <>
          <FeedLinks pagePath={homeUrl(service)} title={service.name} />
          <LanguageAlternates ctx={ctx} versions={versions} />
        </>
      }
      beforeMain={
        <LanguageSwitcher
          ctx={ctx}
          versions={versions.filter((v) => v.edition.id === service.id)}
        />
      }
    >
      <h1 class="vh">{service.name}</h1>
      {top ? (
        // Without a picture the top story takes the whole width rather than leave the
        // picture's column empty.
        <section class={topMedia ? "top-story" : "top-story text-only"} aria-labelledby="top-h">
          {topMedia ? (
            <div>
              <Figure
                media={topMedia}
                caption=""
                credit=""
                alt=""
                eager
                litePhoto={litePhotoFor(ctx)}
              />
            </div>
          ) : null}
          <div>
            <p class="kicker" id="top-h">
              {t.t("home.top")}
            </p>
            <h2>
              <a href={storyUrl(service, top)}>{top.headline}</a>
            </h2>
            {top.standfirst ? <p class="standfirst">{top.standfirst}</p> : null}
            <p class="meta">
              {live?.has(top.id) ? <LiveBadge ctx={ctx} status="live" /> : null}
              <TeaserTime ctx={ctx} story={top} />
            </p>
          </div>
        </section>
      ) : (
        <p class="notice">{t.t("list.empty")}</p>
      )}
      {onAir ? <OnAirNow ctx={ctx} onAir={onAir} /> : null}
      {latest.length > 0 ? (
        <section aria-labelledby="latest-h">
          <h2 id="latest-h">{t.t("home.latest")}</h2>
          <StoryCards
            ctx={ctx}
            stories={latest}
            media={model.media}
            headingLevel={3}
            {...(live ? { live } : {})}
          />
        </section>
      ) : null}
    </Layout>
  );
}
