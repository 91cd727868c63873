import { renderToString } from "preact-render-to-string";
import type { LiveReader } from "../../domain/live/live-reader.js";
import type { LiveEvent } from "../../domain/live/live-schema.js";
import {
  editionsOf,
  type ServiceConfig,
  type ServiceId,
  services,
} from "../../domain/services/service-registry.js";
import { serbianHtmlToLatin } from "../../i18n/serbian-script.js";
import { storyUrl } from "../reader-urls.js";
import { PostArticle } from "./LivePage.js";
import { defaultTextSize, renderContext } from "./render-context.js";

/** What one edition's open pages of a live page receive for one post event. */
export interface LivePostFrame {
  readonly edition: ServiceConfig;
  readonly storyId: string;
  /** The event's time (ms): its SSE id, by which reconnecting pages catch up. */
  readonly at: number;
  readonly data:
    | {
        readonly id: string;
        readonly action: "published" | "edited";
        readonly rev: number;
        /** Whether the post is the page's pinned one now (the copy at the top follows it). */
        readonly pin: boolean;
        readonly html: string;
      }
    | { readonly id: string; readonly action: "deleted" };
}

export interface LivePostFramesDeps {
  readonly live: Pick<LiveReader, "post">;
  /** The published live page's address fields, or undefined while it is not public. */
  storyAddress(
    storyId: string,
    serviceId: ServiceConfig["id"],
  ): Promise<{ readonly slug: string; readonly section: string } | undefined>;
  readonly publicUrl: string;
  readonly publisherName: string;
  now(): Date;
}

const actions = {
  "post-published": "published",
  "post-edited": "edited",
  "post-deleted": "deleted",
} as const;

/**
 * The post as each edition's pages show it (its own digits, calendar and script), rendered
 * once per edition by the same component as the page, not once per open page.
 */
export async function livePostFrames(
  deps: LivePostFramesDeps,
  event: LiveEvent,
): Promise<LivePostFrame[]> {
  if (event.type === "settings-changed" || !event.postId) return [];
  if (!Object.hasOwn(services, event.serviceId)) return [];
  const serviceId = event.serviceId as ServiceId;
  const at = Date.parse(event.at);
  const editions = editionsOf(serviceId);
  const postId = event.postId;
  const action = actions[event.type];
  if (action === "deleted") {
    return editions.map((edition) => ({
      edition,
      storyId: event.storyId,
      at,
      data: { id: postId, action },
    }));
  }
  const [view, address] = await Promise.all([
    deps.live.post(postId, serviceId),
    deps.storyAddress(event.storyId, serviceId),
  ]);
  if (!view || !address || view.post.storyId !== event.storyId) return [];
  return editions.map((edition) => {
    const path = storyUrl(edition, { id: event.storyId, ...address });
    const ctx = renderContext({
      service: edition,
      textSize: defaultTextSize,
      path,
      publicUrl: deps.publicUrl,
      publisherName: deps.publisherName,
      now: deps.now(),
    });
    const html = renderToString(
      <PostArticle
        ctx={ctx}
        post={view.post}
        people={view.people}
        media={view.media}
        embeds={view.embeds}
        anchored
      />,
    );
    // The Latin edition of Serbian is its Cyrillic pages transliterated (ADR 0005).
    const script =
      edition.locale === "sr-Latn" && edition.sourceLocale === "sr-Cyrl"
        ? serbianHtmlToLatin
        : null;
    return {
      edition,
      storyId: event.storyId,
      at,
      data: {
        id: postId,
        action,
        rev: view.post.revision,
        pin: view.post.pinned,
        html: script ? script(html) : html,
      },
    };
  });
}
