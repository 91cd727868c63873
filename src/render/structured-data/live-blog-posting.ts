import type { LiveStreamModel } from "../../domain/live/live-reader.js";
import type { StoryPageModel } from "../../domain/reader/reader-models.js";
import { bodyPlainText } from "../../domain/stories/story-body-schema.js";
import { isoSeconds } from "../feeds/feed-document.js";
import { storyUrl } from "../reader-urls.js";
import { truncateText } from "../truncate-text.js";
import { newsArticleJsonLd, type StructuredDataContext } from "./news-article.js";

/** Posts in `liveBlogUpdate`: the latest ones, as the first page shows them. */
const liveBlogUpdateLimit = 20;

/**
 * schema.org LiveBlogPosting (a subtype of NewsArticle, so it keeps every NewsArticle field
 * Google reads), with the coverage window and the latest posts as BlogPosting updates, each
 * pointing at its permalink. Google's live-coverage documentation asks for
 * `coverageStartTime`, `coverageEndTime` and `liveBlogUpdate` with headline, articleBody,
 * datePublished and url. Older pages and share pages list their own posts.
 */
export function liveBlogPostingJsonLd(
  model: StoryPageModel,
  stream: LiveStreamModel,
  ctx: StructuredDataContext,
): object {
  const { service, publicUrl } = ctx;
  const { story, content } = model;
  const canonical = `${publicUrl}${storyUrl(service, { id: story.id, slug: content.slug, section: content.section })}`;
  const { page } = stream;
  return {
    ...newsArticleJsonLd(model, ctx),
    "@type": "LiveBlogPosting",
    ...(page.coverageStartTime ? { coverageStartTime: isoSeconds(page.coverageStartTime) } : {}),
    ...(page.coverageEndTime ? { coverageEndTime: isoSeconds(page.coverageEndTime) } : {}),
    liveBlogUpdate: stream.posts.slice(0, liveBlogUpdateLimit).map((post) => {
      const body = bodyPlainText(post.content.body);
      return {
        "@type": "BlogPosting",
        // A post without a title is headed by the start of its text (headline is required),
        // cut as the page's key-events list cuts it: the full text follows in articleBody.
        headline: post.content.title || truncateText(body, 80),
        articleBody: body,
        datePublished: isoSeconds(post.postedAt),
        ...(post.editedAt ? { dateModified: isoSeconds(post.editedAt) } : {}),
        url: `${canonical}?post=${post.id}#post-${post.id}`,
      };
    }),
  };
}
