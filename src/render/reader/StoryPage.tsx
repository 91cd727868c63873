import type { EpisodeView } from "../../domain/episodes/episode-reader.js";
import { storyCredits } from "../../domain/published/story-credits.js";
import type { StoryPageModel } from "../../domain/reader/reader-models.js";
import type { Byline } from "../../domain/stories/story-schema.js";
import { messageParts } from "../../i18n/message-parts.js";
import type { PageVersion } from "../page-versions.js";
import {
  deskUrl,
  personUrl,
  podcastFeedUrl,
  sectionUrl,
  storyUrl,
  topicUrl,
} from "../reader-urls.js";
import { safeJsonLd } from "../structured-data/json-ld.js";
import { podcastEpisodeJsonLd } from "../structured-data/podcast-episode.js";
import { StoryHeadTags } from "../structured-data/StoryHeadTags.js";
import { EpisodeMedia } from "./EpisodeMedia.js";
import { Figure, litePhotoFor } from "./Figure.js";
import { Isolated, LanguageAlternates, LanguageSwitcher } from "./LanguageSwitcher.js";
import { Layout } from "./Layout.js";
import { MessageSlots } from "./MessageSlots.js";
import type { RenderContext } from "./render-context.js";
import { StoryBody } from "./StoryBody.js";
import { StoryCards } from "./StoryCards.js";
import { TimeTag } from "./TimeTag.js";

export function StoryPage({
  ctx,
  model,
  versions = [],
  episode,
  lowFirst = false,
}: {
  ctx: RenderContext;
  model: StoryPageModel;
  /** Published language versions of the story's family, this one included. */
  versions?: readonly PageVersion[];
  /** When the story is an episode: its programme and clip (issue 17). */
  episode?: EpisodeView;
  /** The reader asked to save data (lite edition or `Save-Data: on`): low-bitrate first. */
  lowFirst?: boolean;
}) {
  const { t, service } = ctx;
  const litePhoto = litePhotoFor(ctx);
  const { story, content } = model;
  const section = model.sections.find((s) => s.slug === content.section);
  const people = content.bylines.filter(
    (b): b is Extract<Byline, { kind: "person" }> => b.kind === "person",
  );
  const desks = content.bylines.flatMap((b) => {
    const desk = b.kind === "desk" ? model.desks.get(b.deskId) : undefined;
    return desk ? [desk] : [];
  });
  // The byline credits the writers and the desk (a translation: its source's, then its own);
  // photographers are credited on their images and among the contributors, not as authors;
  // translators are named apart ("Translated by").
  const credits = storyCredits({
    service,
    content,
    people: model.people,
    desks: model.desks,
    source: model.source,
  });
  const bylineNames = credits.authors.map((credit) => credit.name);
  const translatorNames = credits.translators.map((credit) => credit.name);
  const path = storyUrl(service, { id: story.id, slug: content.slug, section: content.section });
  return (
    <Layout
      ctx={ctx}
      // The search title and description, when the desk wrote them (src/domain/writing).
      title={content.seo?.title || content.headline}
      description={content.seo?.description || content.standfirst}
      canonicalPath={path}
      sections={model.sections}
      banner={model.banner}
      currentSection={content.section}
      head={
        <>
          {ctx.scriptless ? null : (
            <StoryHeadTags
              model={model}
              ctx={{ service, publicUrl: ctx.publicUrl, publisherName: ctx.publisherName }}
            />
          )}
          <LanguageAlternates ctx={ctx} versions={versions} />
          {episode && !ctx.scriptless ? (
            <script
              type="application/ld+json"
              // safeJsonLd escapes <, > and &, so show notes cannot close the script element.
              dangerouslySetInnerHTML={{
                __html: safeJsonLd(
                  podcastEpisodeJsonLd(model, episode, {
                    service,
                    publicUrl: ctx.publicUrl,
                    publisherName: ctx.publisherName,
                  }),
                ),
              }}
            />
          ) : null}
          {episode ? (
            <link
              rel="alternate"
              type="application/rss+xml"
              title={episode.programme.title}
              href={podcastFeedUrl(service, episode.programme.slug)}
            />
          ) : null}
        </>
      }
      beforeMain={<LanguageSwitcher ctx={ctx} versions={versions} />}
    >
      <article class="story">
        <header>
          {section ? (
            <p class="kicker">
              <a href={sectionUrl(service, section.slug)}>{section.name}</a>
            </p>
          ) : null}
          <h1>{content.headline}</h1>
          {content.standfirst ? <p class="standfirst">{content.standfirst}</p> : null}
          {bylineNames.length > 0 ? (
            <p class="byline">
              <Isolated
                // Names in another script than the page are isolated (W3C bidi, <bdi>).
                parts={messageParts(t, "story.by", {}, { names: bylineNames }, ctx.locale.dir)}
              />
            </p>
          ) : null}
          {translatorNames.length > 0 ? (
            <p class="byline">
              <Isolated
                parts={messageParts(
                  t,
                  "story.translatedBy",
                  {},
                  { names: translatorNames },
                  ctx.locale.dir,
                )}
              />
            </p>
          ) : null}
          <p class="meta">
            {story.updatedAt ? (
              <span>
                <span class="tag-updated">{t.t("story.updated")}</span>
                <TimeTag ctx={ctx} iso={story.updatedAt} />
              </span>
            ) : null}
            {story.firstPublishedAt ? (
              <span>
                {`${t.t("story.published")} `}
                <TimeTag ctx={ctx} iso={story.firstPublishedAt} />
              </span>
            ) : null}
          </p>
          {story.updatedAt && story.updateNote ? (
            <p class="update-note">{story.updateNote}</p>
          ) : null}
        </header>
        {episode ? <EpisodeMedia ctx={ctx} view={episode} lowFirst={lowFirst} /> : null}
        {content.leadFigure ? (
          <Figure
            media={model.media.get(content.leadFigure.mediaId)}
            caption={content.leadFigure.caption}
            credit={content.leadFigure.credit}
            alt={content.leadFigure.alt}
            eager
            litePhoto={litePhoto}
          />
        ) : null}
        <StoryBody
          blocks={content.body}
          service={ctx.service}
          media={model.media}
          embeds={model.embeds}
          dateline={content.dateline}
          litePhoto={litePhoto}
        />
        <footer>
          {/* Text-only pages leave the contributor list to the byline above, which names them. */}
          {people.length > 0 && !ctx.lite ? (
            <ul class="contributors">
              {people.map((b) => {
                const person = model.people.get(b.personId);
                return person ? (
                  <li key={person.id}>
                    {person.title ? (
                      <MessageSlots
                        t={t}
                        id="story.contributor"
                        slots={{
                          name: (
                            <a href={personUrl(service, person.id)}>
                              <bdi>{person.name}</bdi>
                            </a>
                          ),
                          title: (
                            <span class="role">
                              <bdi>{person.title}</bdi>
                            </span>
                          ),
                        }}
                      />
                    ) : (
                      <a href={personUrl(service, person.id)}>
                        <bdi>{person.name}</bdi>
                      </a>
                    )}
                  </li>
                ) : null;
              })}
            </ul>
          ) : null}
          {desks.map((desk) => (
            <section key={desk.id} class="desk-card" aria-labelledby={`desk-${desk.id}`}>
              <span class="desk-mark" aria-hidden="true">
                {initials(desk.name)}
              </span>
              <div>
                <h2 id={`desk-${desk.id}`}>
                  <a href={deskUrl(service, desk.id)}>
                    <bdi>{desk.name}</bdi>
                  </a>
                </h2>
                {/* Text-only pages link to the desk; its page has the description. */}
                {ctx.lite ? null : <p>{desk.description}</p>}
              </div>
            </section>
          ))}
          {model.agencies.length > 0 ? (
            <p class="agency-note">
              <Isolated
                parts={messageParts(
                  t,
                  "story.agencyNote",
                  {},
                  { agencies: model.agencies.map((a) => a.name) },
                  ctx.locale.dir,
                )}
              />
            </p>
          ) : null}
          <Corrections ctx={ctx} corrections={model.corrections} />
          {model.topics.length > 0 ? (
            <nav class="topics" aria-labelledby="topics-h">
              <h2 id="topics-h">{t.t("story.topics")}</h2>
              <ul>
                {model.topics.map((topic) => (
                  <li key={topic.slug}>
                    <a href={topicUrl(service, topic.slug)}>{topic.name}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </footer>
      </article>
      {model.related.length > 0 ? (
        <section class="related" aria-labelledby="related-h">
          <h2 id="related-h">{t.t("story.related")}</h2>
          <StoryCards
            ctx={ctx}
            stories={model.related}
            media={model.media}
            headingLevel={3}
            // An episode page is for listening, often on a slow, paid connection: related
            // stories by headline, since each picture would cost more than the whole page.
            headlinesOnly={ctx.lite === true || episode !== undefined}
          />
        </section>
      ) : null}
    </Layout>
  );
}

function initials(name: string): string {
  const words = name.split(/\s+/u).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => [...w][0] ?? "")
    .join("")
    .toLocaleUpperCase();
}

/** A story's corrections, dated, at its foot (story and live pages alike). */
export function Corrections(props: {
  ctx: RenderContext;
  corrections: readonly {
    readonly id: string;
    readonly text: string;
    readonly createdAt: string;
  }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  return props.corrections.length > 0 ? (
    <section class="corrections" aria-labelledby="corrections-h">
      <h2 id="corrections-h">{t.t("story.corrections")}</h2>
      <ol>
        {props.corrections.map((c) => (
          <li key={c.id}>
            <MessageSlots
              t={t}
              id="story.correction"
              slots={{ date: <TimeTag ctx={ctx} iso={c.createdAt} />, text: c.text }}
            />
          </li>
        ))}
      </ol>
    </section>
  ) : null;
}
