import type { ResolvedMedia } from "../../domain/published/published-stories.js";
import { services } from "../../domain/services/service-registry.js";
import type { StorySummary } from "../../domain/stories/story-repository.js";
import { locales } from "../../i18n/locale-registry.js";
import { storyUrl } from "../reader-urls.js";
import { Figure, litePhotoFor } from "./Figure.js";
import { LiveBadge } from "./LiveBadge.js";
import type { RenderContext } from "./render-context.js";
import { TimeTag } from "./TimeTag.js";

/**
 * A grid of story teasers. Teaser images are decorative (the headline is the link text).
 * `headingLevel` is one below the heading the grid sits under, so no level is skipped
 * (WCAG 2.2 SC 1.3.1): 2 right under a page's h1, 3 under an h2 such as "Latest".
 */
export function StoryCards(props: {
  ctx: RenderContext;
  stories: readonly StorySummary[];
  media: ReadonlyMap<string, ResolvedMedia>;
  headingLevel: 2 | 3;
  /** Stories that are live pages covering events now: their teasers carry a LIVE badge. */
  live?: ReadonlySet<string>;
  /**
   * Headlines only, no picture and no time (text-only story pages' and episode pages'
   * related stories: every byte is the reader's).
   */
  headlinesOnly?: boolean;
}) {
  const { ctx } = props;
  const litePhoto = litePhotoFor(ctx);
  const Heading = props.headingLevel === 2 ? "h2" : "h3";
  return (
    <ul class="cards">
      {props.stories.map((story) => {
        // Editors may relate a story from another service: it links to its own edition, in
        // its headline in its own language and direction (WCAG 2.2 SC 3.1.2).
        const own = story.serviceId === ctx.service.id ? undefined : services[story.serviceId];
        const href = storyUrl(own ?? ctx.service, story);
        const media =
          story.leadMediaId && !props.headlinesOnly
            ? props.media.get(story.leadMediaId)
            : undefined;
        return (
          <li key={story.id} class="card">
            {media ? (
              <Figure
                media={media}
                caption=""
                credit=""
                alt=""
                sizes="(min-width: 48rem) 20rem, 100vw"
                litePhoto={litePhoto}
              />
            ) : null}
            <Heading>
              <a href={href} {...(own ? { lang: own.locale, dir: locales[own.locale].dir } : {})}>
                {story.headline}
              </a>
            </Heading>
            {props.headlinesOnly ? null : (
              <p>
                {props.live?.has(story.id) ? <LiveBadge ctx={ctx} status="live" /> : null}
                <TeaserTime ctx={ctx} story={story} />
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * When a teaser was last published: an updated story says so ("Updated"), as its page
 * does, so readers can tell new stories from revised ones.
 */
export function TeaserTime({ ctx, story }: { ctx: RenderContext; story: StorySummary }) {
  return story.updatedAt ? (
    <>
      <span class="tag-updated">{ctx.t.t("story.updated")}</span>
      <TimeTag ctx={ctx} iso={story.updatedAt} />
    </>
  ) : (
    <TimeTag ctx={ctx} iso={story.firstPublishedAt} />
  );
}
