import type { LivePost } from "../../domain/live/live-schema.js";
import type { Person } from "../../domain/people/people-schema.js";
import type { ResolvedMedia, StoryEmbeds } from "../../domain/published/published-stories.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { personUrl } from "../reader-urls.js";
import { isoSeconds } from "./feed-document.js";
import { postBodyHtml } from "./story-html.js";

/** What rendering a post for partners needs besides the post. */
export interface LivePostContext {
  readonly service: ServiceConfig;
  /** The live page's absolute reader URL; a post's permalink is `#post-<id>` on it. */
  readonly pageUrl: string;
  readonly publicUrl: string;
  readonly media: ReadonlyMap<string, ResolvedMedia>;
  readonly embeds: StoryEmbeds;
  readonly people: ReadonlyMap<string, Person>;
}

/**
 * One live post as the content API's `LivePost` (and webhooks' `post`): its permalink,
 * times, whether it was edited, its title, sanitized HTML body, bylines and flags.
 */
export function livePostOut(post: LivePost, context: LivePostContext) {
  return {
    id: post.id,
    url: `${context.pageUrl}#post-${post.id}`,
    postedAt: isoSeconds(post.postedAt),
    editedAt: post.editedAt ? isoSeconds(post.editedAt) : null,
    edited: post.revision > 1,
    revision: post.revision,
    title: post.content.title,
    bodyHtml: postBodyHtml(post.content.body, context, context.publicUrl),
    bylines: post.content.bylines.flatMap((b) => {
      const person = context.people.get(b.personId);
      return person
        ? [
            {
              id: person.id,
              name: person.name,
              url: `${context.publicUrl}${personUrl(context.service, person.id)}`,
            },
          ]
        : [];
    }),
    keyEvent: post.keyEvent,
    pinned: post.pinned,
  };
}
