import { type LiveStreamModel, postBylineNames } from "../../domain/live/live-reader.js";
import type { LivePost } from "../../domain/live/live-schema.js";
import type { Person } from "../../domain/people/people-schema.js";
import type { ResolvedMedia, StoryEmbeds } from "../../domain/published/published-stories.js";
import type { StoryPageModel } from "../../domain/reader/reader-models.js";
import { inlinePlainText } from "../../domain/stories/story-body-schema.js";
import { messageParts } from "../../i18n/message-parts.js";
import { FeedLinks } from "../feeds/FeedLinks.js";
import type { PageVersion } from "../page-versions.js";
import { sectionUrl, storyUrl } from "../reader-urls.js";
import { liveBlogPostingJsonLd } from "../structured-data/live-blog-posting.js";
import { StoryHeadTags } from "../structured-data/StoryHeadTags.js";
import { truncateText } from "../truncate-text.js";
import { litePhotoFor } from "./Figure.js";
import { Isolated, LanguageAlternates, LanguageSwitcher } from "./LanguageSwitcher.js";
import { Layout } from "./Layout.js";
import { LiveBadge } from "./LiveBadge.js";
import { livePageScript, liveScriptLabels } from "./live-page-script.js";
import type { RenderContext } from "./render-context.js";
import { StoryBody } from "./StoryBody.js";
import { Corrections } from "./StoryPage.js";
import { TimeTag } from "./TimeTag.js";

/**
 * The address of a post's share page: the live page around that post, scrolled to it. In
 * the page it is relative (a query on the page's own path, RFC 3986 §5.2): 20 posts' links
 * then cost a tenth of their full paths.
 */
function postShareUrl(postId: string): string {
  return `?post=${postId}#post-${postId}`;
}

export function LivePage({
  ctx,
  model,
  stream,
  versions = [],
}: {
  ctx: RenderContext;
  model: StoryPageModel;
  stream: LiveStreamModel;
  versions?: readonly PageVersion[];
}) {
  const { t, service } = ctx;
  const { story, content } = model;
  const { page } = stream;
  const section = model.sections.find((s) => s.slug === content.section);
  const path = storyUrl(service, { id: story.id, slug: content.slug, section: content.section });
  const first = stream.request.kind === "latest";
  const onPage = new Set(stream.posts.map((p) => p.id));
  const postRef = (id: string) => (onPage.has(id) ? `#post-${id}` : postShareUrl(id));
  const headingId = "posts-h";
  return (
    <Layout
      ctx={ctx}
      title={content.seo?.title || content.headline}
      description={content.seo?.description || content.standfirst}
      // An older page is a page of its own; a share page is the live page, scrolled.
      canonicalPath={
        stream.request.kind === "before" ? `${path}?before=${stream.request.postId}` : path
      }
      sections={model.sections}
      banner={model.banner}
      currentSection={content.section}
      head={
        <>
          {ctx.scriptless ? null : (
            <StoryHeadTags
              model={model}
              ctx={{ service, publicUrl: ctx.publicUrl, publisherName: ctx.publisherName }}
              article={liveBlogPostingJsonLd(model, stream, {
                service,
                publicUrl: ctx.publicUrl,
                publisherName: ctx.publisherName,
              })}
            />
          )}
          <FeedLinks pagePath={path} title={content.headline} />
          <LanguageAlternates ctx={ctx} versions={versions} />
        </>
      }
      beforeMain={<LanguageSwitcher ctx={ctx} versions={versions} />}
    >
      <article class="story live">
        <header>
          {section ? (
            <p class="kicker">
              <a href={sectionUrl(service, section.slug)}>{section.name}</a>
            </p>
          ) : null}
          <p class="meta">
            <LiveBadge ctx={ctx} status={page.status} />
            {page.coverageStartTime ? <TimeTag ctx={ctx} iso={page.coverageStartTime} /> : null}
          </p>
          <h1>{content.headline}</h1>
          {content.standfirst ? <p class="standfirst">{content.standfirst}</p> : null}
        </header>
        {first ? (
          <>
            <StoryBody
              blocks={content.body}
              service={service}
              media={model.media}
              embeds={model.embeds}
              dateline={content.dateline}
              litePhoto={litePhotoFor(ctx)}
            />
            <Corrections ctx={ctx} corrections={model.corrections} />
            {page.keyPoints.length > 0 ? (
              <section class="key-points" aria-labelledby="key-points-h">
                <h2 id="key-points-h">{t.t("live.keyPoints")}</h2>
                <ul>
                  {page.keyPoints.map((point, index) => (
                    <li key={index}>{point}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            {stream.keyEvents.length > 0 ? (
              <nav class="key-events" aria-labelledby="key-events-h">
                <h2 id="key-events-h">{t.t("live.keyEvents")}</h2>
                <ol>
                  {stream.keyEvents.map((post) => (
                    <li key={post.id}>
                      <a href={postRef(post.id)}>
                        <TimeTag ctx={ctx} iso={post.postedAt} />
                        {` ${postLabel(post)}`}
                      </a>
                    </li>
                  ))}
                </ol>
              </nav>
            ) : null}
            {stream.pinned ? (
              <section
                class="pinned"
                id="pinned"
                data-post={stream.pinned.id}
                aria-labelledby="pinned-h"
              >
                <h2 id="pinned-h">{t.t("live.pinned")}</h2>
                <PostArticle
                  ctx={ctx}
                  post={stream.pinned}
                  people={stream.people}
                  media={stream.media}
                  embeds={stream.embeds}
                  anchored={false}
                />
              </section>
            ) : null}
          </>
        ) : (
          <p>
            <a href={path}>{t.t("live.latest")}</a>
          </p>
        )}
        {stream.removedPostId ? <p role="status">{t.t("live.removed")}</p> : null}
        <section class="posts" aria-labelledby={headingId}>
          <h2 id={headingId}>{t.t("live.posts")}</h2>
          {first && !ctx.scriptless ? (
            <div
              class="live-notice"
              id="live-notice"
              aria-live="polite"
              data-story={story.id}
              data-since={String(stream.latestChange ? Date.parse(stream.latestChange) : 0)}
              data-l={JSON.stringify(liveScriptLabels(ctx.t))}
            />
          ) : null}
          <ol id="posts">
            {stream.posts.map((post) => (
              <li key={post.id}>
                <PostArticle
                  ctx={ctx}
                  post={post}
                  people={stream.people}
                  media={stream.media}
                  embeds={stream.embeds}
                  anchored
                />
              </li>
            ))}
          </ol>
          {stream.nextBefore ? (
            <nav class="pager" aria-label={t.t("pagination.label")}>
              <ul>
                <li>
                  <a rel="next" href={`${path}?before=${stream.nextBefore}`}>
                    {t.t("live.older")}
                  </a>
                </li>
              </ul>
            </nav>
          ) : null}
        </section>
      </article>
      {first && !ctx.scriptless ? (
        <script
          // Our own constant script, allowed by its CSP hash; post HTML comes from our renderer.
          dangerouslySetInnerHTML={{ __html: livePageScript }}
        />
      ) : null}
    </Layout>
  );
}

const keyEventLabelLength = 80;

/**
 * A key event's link text: its title, else the start of its first paragraph, cut at 80
 * characters: the list is an index to scan at the top of a page every reader loads, and
 * the post itself is one tap away.
 */
function postLabel(post: LivePost): string {
  if (post.content.title) return post.content.title;
  for (const block of post.content.body) {
    if (block.type === "paragraph" || block.type === "heading" || block.type === "quote") {
      return truncateText(inlinePlainText(block.content), keyEventLabelLength);
    }
  }
  return "";
}

/**
 * One post. In the stream it carries the `post-<id>` anchor (the permalink); the pinned
 * copy at the top does not, so the id stays unique. The same markup is sent to open pages
 * over Server-Sent Events (live-post-fragment.ts).
 */
export function PostArticle(props: {
  ctx: RenderContext;
  post: LivePost;
  people: ReadonlyMap<string, Person>;
  media: ReadonlyMap<string, ResolvedMedia>;
  embeds: StoryEmbeds;
  anchored: boolean;
}) {
  const { ctx, post } = props;
  const { t } = ctx;
  const names = postBylineNames(post, props.people);
  return (
    <article
      class="post"
      id={props.anchored ? `post-${post.id}` : undefined}
      data-rev={String(post.revision)}
    >
      <p class="post-meta">
        <a href={`#post-${post.id}`}>
          <TimeTag ctx={ctx} iso={post.postedAt} />
        </a>
        {post.keyEvent ? <span>{t.t("live.keyEvent")}</span> : null}
        {post.revision > 1 ? <span class="tag-updated">{t.t("live.edited")}</span> : null}
      </p>
      {post.content.title ? <h3>{post.content.title}</h3> : null}
      <StoryBody
        blocks={post.content.body}
        service={ctx.service}
        media={props.media}
        embeds={props.embeds}
        litePhoto={litePhotoFor(ctx)}
      />
      {names.length > 0 ? (
        <p class="byline">
          <Isolated parts={messageParts(t, "story.by", {}, { names }, ctx.locale.dir)} />
        </p>
      ) : null}
      <p class="post-share">
        <a href={postShareUrl(post.id)}>{t.t("live.share")}</a>
      </p>
    </article>
  );
}
