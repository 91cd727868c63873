import { bcp47 } from "../../domain/distribution/language-tags.js";
import type { PublishedLivePosts } from "../../domain/live/published-live-posts.js";
import type { PublishedStory } from "../../domain/published/published-stories.js";
import { storyCredits } from "../../domain/published/story-credits.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { bodyPlainText } from "../../domain/stories/story-body-schema.js";
import type { Story } from "../../domain/stories/story-schema.js";
import { translatorFor } from "../../i18n/message-catalogue.js";
import { deskUrl, mediaUrl, personUrl, storyUrl, topicUrl } from "../reader-urls.js";
import { isoSeconds } from "./feed-document.js";
import { postBodyHtml, storyHtml } from "./story-html.js";

/** The ninjs line and version we emit; IPTC recommends 3.x for new work. */
const ninjsStandard = {
  name: "ninjs",
  version: "3.1",
  schema: "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json",
} as const;

/** A ninjs 3.1 document: a plain JSON value, validated against IPTC's schema in tests. */
export type NinjsDocument = Record<string, unknown> & { readonly uri: string };

/** Stable across versions: the story's id never changes (ninjs: `uri` identifies the item). */
export function ninjsUri(publicUrl: string, storyId: string): string {
  return `${publicUrl}/api/v1/ninjs/stories/${storyId}`;
}

/**
 * A published story as ninjs 3.1 (IPTC ninjs user guide): camelCase names, plural arrays
 * (`headlines`, `bodies`, `descriptions`), `version` + `versionCreated` per revision, and
 * the lead picture as an association with its renditions.
 */
export function ninjsDocument(
  s: PublishedStory,
  publicUrl: string,
  publisherName: string,
  /** A live page's newest posts (issue 15): each becomes a `liveBlogUpdate` association. */
  live?: PublishedLivePosts,
): NinjsDocument {
  const { story, content, service } = s;
  const lead = content.leadFigure ? s.media.get(content.leadFigure.mediaId) : undefined;
  const html = storyHtml(s, publicUrl);
  const text = bodyPlainText(content.body);
  // A translation credits its source's authors, and names its translators apart.
  const credits = storyCredits({
    service,
    content,
    people: new Map(s.people.map((p) => [p.id, p])),
    desks: new Map(s.desks.map((d) => [d.id, d])),
    source: s.source,
  });
  // A byline for people to read, joined in the story's language ("A, B and C", "A، B و C").
  const byline = translatorFor(service.locale).list(credits.authors.map((c) => c.name));
  const personCredits = [
    // Photographers stay among the people (credited on their pictures), as authors before.
    ...credits.authors.filter((c) => c.kind === "person").map((c) => ({ c, rel: "author" })),
    ...s.people
      .filter((p) => !credits.authors.some((c) => c.kind === "person" && c.id === p.id))
      .filter((p) => !credits.translators.some((c) => c.id === p.id))
      .map((p) => ({
        c: { kind: "person" as const, id: p.id, name: p.name, service },
        rel: "author",
      })),
    ...credits.translators.map((c) => ({ c, rel: "translator" })),
  ];
  const document: NinjsDocument = {
    uri: ninjsUri(publicUrl, story.id),
    standard: ninjsStandard,
    type: "text",
    representationType: "full",
    version: String(story.currentRevisionNumber),
    firstCreated: isoSeconds(story.createdAt),
    contentCreated: isoSeconds(story.firstPublishedAt ?? story.createdAt),
    versionCreated: isoSeconds(story.lastModifiedAt),
    pubStatus: "usable",
    ...(story.embargoUntil ? { embargoedUntil: isoSeconds(story.embargoUntil) } : {}),
    language: bcp47(service.locale),
    copyrightHolder: publisherName,
    copyrightNotice: `© ${new Date(story.firstPublishedAt ?? story.createdAt).getUTCFullYear()} ${publisherName}`,
    headlines: [{ role: "main", contentType: "text/plain", value: content.headline }],
    ...(content.standfirst
      ? {
          descriptions: [{ role: "summary", contentType: "text/plain", value: content.standfirst }],
        }
      : {}),
    bodies: [
      { role: "main", contentType: "text/html", charCount: [...text].length, value: html },
      { role: "main", contentType: "text/plain", charCount: [...text].length, value: text },
    ],
    ...(byline ? { by: byline } : {}),
    ...(content.dateline ? { located: content.dateline } : {}),
    slugline: content.slug,
    ...(personCredits.length > 0
      ? {
          people: personCredits.map(({ c, rel }) => ({
            name: c.name,
            rel,
            uri: `${publicUrl}${personUrl(c.service, c.id)}`,
          })),
        }
      : {}),
    ...(s.desks.length > 0 || s.agencies.length > 0
      ? {
          infoSources: [
            ...s.desks.map((d) => ({
              name: d.name,
              role: "originator",
              uri: `${publicUrl}${deskUrl(service, d.id)}`,
            })),
            ...s.agencies.map((a) => ({ name: a.name, role: "source" })),
          ],
        }
      : {}),
    ...(s.topics.length > 0 || s.section
      ? {
          subjects: [
            ...(s.section ? [{ name: s.section.name, rel: "section" }] : []),
            ...s.topics.map((t) => ({
              name: t.name,
              rel: "topic",
              uri: `${publicUrl}${topicUrl(service, t.slug)}`,
            })),
          ],
        }
      : {}),
    renditions: [{ name: "web", href: webUrl(s, publicUrl), contentType: "text/html" }],
    ...(s.corrections.length > 0
      ? { edNote: s.corrections.map((c) => `Correction ${c.createdAt}: ${c.text}`).join("\n") }
      : {}),
    ...(lead && content.leadFigure
      ? {
          associations: [
            {
              name: "leadImage",
              rel: "featured",
              uri: `${publicUrl}/media/${lead.asset.id}`,
              type: "picture",
              ...(content.leadFigure.caption
                ? {
                    descriptions: [
                      {
                        role: "caption",
                        contentType: "text/plain",
                        value: content.leadFigure.caption,
                      },
                      ...(content.leadFigure.alt
                        ? [
                            {
                              role: "alt",
                              contentType: "text/plain",
                              value: content.leadFigure.alt,
                            },
                          ]
                        : []),
                    ],
                  }
                : {}),
              ...(content.leadFigure.credit ? { by: content.leadFigure.credit } : {}),
              ...(lead.asset.rightsUsage ? { usageTerms: lead.asset.rightsUsage } : {}),
              renditions: lead.renditions
                .filter((r) => r.format === "jpeg")
                .map((r) => ({
                  name: `${r.shape}-${r.width}`,
                  href: `${publicUrl}${mediaUrl(lead.asset.id, r)}`,
                  contentType: "image/jpeg",
                  width: r.width,
                  height: r.height,
                })),
            },
          ],
        }
      : {}),
  };
  return live
    ? withLivePosts(document, live, { service, pageUrl: webUrl(s, publicUrl), publicUrl })
    : document;
}

function webUrl(s: PublishedStory, publicUrl: string): string {
  const { story, content, service } = s;
  return `${publicUrl}${storyUrl(service, { id: story.id, slug: content.slug, section: content.section })}`;
}

/**
 * A live page's posts, newest first, as associations of the page's document: ninjs 3.1 lets
 * an association carry any ninjs property, so each post has its own version, times,
 * headline, bodies and byline; key events and the pinned post are named as genres. The
 * `uri` is the post's permalink on the reader page (`#post-<id>`).
 */
function withLivePosts(
  document: NinjsDocument,
  live: PublishedLivePosts,
  { service, pageUrl, publicUrl }: { service: ServiceConfig; pageUrl: string; publicUrl: string },
): NinjsDocument {
  const posts = live.posts.map((post) => {
    const text = bodyPlainText(post.content.body);
    const html = postBodyHtml(post.content.body, { ...live, service }, publicUrl);
    const by = post.content.bylines
      .flatMap((b) => {
        const person = live.people.get(b.personId);
        return person ? [person.name] : [];
      })
      .join(", ");
    const genres = [
      ...(post.keyEvent ? [{ name: "Key event", literal: "key-event" }] : []),
      ...(post.pinned ? [{ name: "Pinned", literal: "pinned" }] : []),
    ];
    return {
      name: `post-${post.id}`,
      rel: "liveBlogUpdate",
      uri: `${pageUrl}#post-${post.id}`,
      type: "text",
      version: String(post.revision),
      contentCreated: isoSeconds(post.postedAt),
      versionCreated: isoSeconds(post.editedAt ?? post.postedAt),
      ...(post.content.title
        ? { headlines: [{ role: "main", contentType: "text/plain", value: post.content.title }] }
        : {}),
      bodies: [
        { role: "main", contentType: "text/html", charCount: [...text].length, value: html },
        { role: "main", contentType: "text/plain", charCount: [...text].length, value: text },
      ],
      ...(by ? { by } : {}),
      ...(genres.length > 0 ? { genres } : {}),
    };
  });
  const existing = Array.isArray(document.associations) ? document.associations : [];
  return posts.length > 0 ? { ...document, associations: [...existing, ...posts] } : document;
}

/**
 * A withdrawn story: `pubStatus` canceled (killed) or withheld (unpublished), which tells
 * partner systems to stop publishing it (IPTC ninjs, pubStatus).
 */
export function ninjsWithdrawal(story: Story, publicUrl: string): NinjsDocument {
  return {
    uri: ninjsUri(publicUrl, story.id),
    standard: ninjsStandard,
    type: "text",
    representationType: "partial",
    version: String(story.currentRevisionNumber),
    versionCreated: isoSeconds(story.lastModifiedAt),
    pubStatus: story.status === "killed" ? "canceled" : "withheld",
    ...(story.killReason ? { edNote: story.killReason } : {}),
  };
}
