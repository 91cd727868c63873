import type { LivePost } from "../../domain/live/live-schema.js";
import type { Person } from "../../domain/people/people-schema.js";
import type { ResolvedMedia, StoryEmbeds } from "../../domain/published/published-stories.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { bodyPlainText } from "../../domain/stories/story-body-schema.js";
import { locales } from "../../i18n/locale-registry.js";
import { personUrl, storyUrl } from "../reader-urls.js";
import { truncateText } from "../truncate-text.js";
import { type FeedDocument, type FeedSelfUrls, isoSeconds, mirrorListOf } from "./feed-document.js";
import { postBodyHtml } from "./story-html.js";
import { directionalPlainText } from "./xml-text.js";

/** A published live page and its latest posts, as its own feeds carry them. */
export interface LiveFeedInput {
  readonly service: ServiceConfig;
  readonly story: {
    readonly id: string;
    readonly headline: string;
    readonly standfirst: string;
    readonly slug: string;
    readonly section: string;
    readonly lastModifiedAt: string;
  };
  /** Newest first. */
  readonly posts: readonly LivePost[];
  readonly people: ReadonlyMap<string, Person>;
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  readonly embeds: StoryEmbeds;
  readonly publicUrl: string;
  readonly publisherName: string;
  readonly fullText: boolean;
  readonly selfPaths: FeedSelfUrls;
}

/**
 * A live page's own feed: one item per post (newest first), each linking to the post's
 * share URL, so a feed reader follows a live page post by post. Item ids are `tag:` URIs
 * (RFC 4151) of the post, stable across edits.
 */
export function liveFeedDocument(input: LiveFeedInput): FeedDocument {
  const { service, story, publicUrl } = input;
  const dir = locales[service.locale].dir;
  const page = `${publicUrl}${storyUrl(service, story)}`;
  const host = new URL(publicUrl).hostname;
  const items = input.posts.map((post) => {
    const text = bodyPlainText(post.content.body);
    const updated = isoSeconds(post.editedAt ?? post.postedAt);
    return {
      id: `tag:${host},${post.postedAt.slice(0, 10)}:live-post:${post.id}`,
      url: `${page}?post=${post.id}#post-${post.id}`,
      title: directionalPlainText(post.content.title || excerpt(text), dir),
      summary: text,
      contentHtml: input.fullText ? postBodyHtml(post.content.body, input, publicUrl) : undefined,
      published: isoSeconds(post.postedAt),
      updated,
      authors: post.content.bylines.flatMap((b) => {
        const person = input.people.get(b.personId);
        return person
          ? [{ name: person.name, url: `${publicUrl}${personUrl(service, person.id)}` }]
          : [];
      }),
      categories: [],
      image: undefined,
      language: service.locale,
    };
  });
  const title = `${story.headline} - ${service.name}`;
  const updated = [isoSeconds(story.lastModifiedAt), ...items.map((i) => i.updated)].sort().at(-1);
  return {
    id: `${publicUrl}${input.selfPaths.atom}`,
    title: directionalPlainText(title, dir),
    description: directionalPlainText(story.standfirst || title, dir),
    language: service.locale,
    homeUrl: page,
    selfUrls: {
      rss: `${publicUrl}${input.selfPaths.rss}`,
      atom: `${publicUrl}${input.selfPaths.atom}`,
      json: `${publicUrl}${input.selfPaths.json}`,
    },
    updated: updated ?? isoSeconds(story.lastModifiedAt),
    mirrorList: mirrorListOf(publicUrl),
    publisherName: input.publisherName,
    items,
  };
}

/** A post without a title is headed by the start of its text (RSS and Atom want a title). */
function excerpt(text: string): string {
  return truncateText(text.replace(/\s+/gu, " ").trim(), 110);
}
