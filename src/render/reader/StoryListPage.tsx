import type { ResolvedMedia } from "../../domain/published/published-stories.js";
import type { StoryListModel } from "../../domain/reader/reader-models.js";
import { FeedLinks } from "../feeds/FeedLinks.js";
import type { PageVersion } from "../page-versions.js";
import { Figure, litePhotoFor } from "./Figure.js";
import { LanguageAlternates, LanguageSwitcher } from "./LanguageSwitcher.js";
import { Layout } from "./Layout.js";
import { Pager } from "./Pager.js";
import type { RenderContext } from "./render-context.js";
import { StoryCards } from "./StoryCards.js";

/** What an author page shows about its person under the title: bio and photo. */
export interface ListPageAbout {
  readonly text: string;
  readonly photo?: ResolvedMedia;
  /** The photo's alt text: the person's name (a portrait of them). */
  readonly alt?: string;
}

/** Section, topic, person and desk pages: a titled, paginated list of stories. */
export function StoryListPage(props: {
  ctx: RenderContext;
  model: StoryListModel;
  title: string;
  description?: string;
  about?: ListPageAbout;
  basePath: string;
  currentSection?: string;
  /** The same list in the service's other script editions (hreflang and the switcher). */
  versions?: readonly PageVersion[];
  /** Stories that are live pages covering events now (LIVE badges). */
  live?: ReadonlySet<string>;
}) {
  const { ctx, model } = props;
  const versions = props.versions ?? [];
  return (
    <Layout
      ctx={ctx}
      title={props.title}
      canonicalPath={model.page > 1 ? `${props.basePath}?page=${model.page}` : props.basePath}
      sections={model.sections}
      banner={model.banner}
      head={
        <>
          <FeedLinks pagePath={props.basePath} title={`${props.title} - ${ctx.service.name}`} />
          <LanguageAlternates ctx={ctx} versions={versions} />
        </>
      }
      beforeMain={<LanguageSwitcher ctx={ctx} versions={versions} />}
      {...(props.currentSection ? { currentSection: props.currentSection } : {})}
    >
      <h1>{props.title}</h1>
      {props.description ? <p class="standfirst">{props.description}</p> : null}
      {props.about?.photo ? (
        <Figure
          media={props.about.photo}
          caption=""
          credit=""
          alt={props.about.alt ?? ""}
          sizes="(min-width: 48rem) 20rem, 100vw"
          litePhoto={litePhotoFor(ctx)}
        />
      ) : null}
      {props.about?.text
        ? props.about.text.split(/\n+/u).map((paragraph) => <p key={paragraph}>{paragraph}</p>)
        : null}
      {model.stories.length > 0 ? (
        <StoryCards
          ctx={ctx}
          stories={model.stories}
          media={model.media}
          headingLevel={2}
          {...(props.live ? { live: props.live } : {})}
        />
      ) : (
        <p class="notice">{ctx.t.t("list.empty")}</p>
      )}
      <Pager ctx={ctx} basePath={props.basePath} page={model.page} hasMore={model.hasMore} />
    </Layout>
  );
}
