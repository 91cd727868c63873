import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { LiveStreamModel } from "../../domain/live/live-reader.js";
import type { LivePost } from "../../domain/live/live-schema.js";
import { noStoryEmbeds, type StoryEmbeds } from "../../domain/published/published-stories.js";
import type { StoryPageModel } from "../../domain/reader/reader-models.js";
import { services } from "../../domain/services/service-registry.js";
import { renderHtml } from "../render-html.js";
import { LivePage, PostArticle } from "./LivePage.js";
import { livePageScript, liveScriptLabels } from "./live-page-script.js";
import { liveScript } from "./live-script.js";
import { livePostClasses } from "./reader-styles.js";
import { renderContext } from "./render-context.js";

// Markup, quotes, an ampersand, a right-to-left override and a 300-letter word.
const hostile = `<script>alert("x")</script>"><img src=x onerror=alert(1)>&amp;\u202Eevil${"w".repeat(300)}`;
const escaped = `&lt;script>alert(&quot;x&quot;)&lt;/script>&quot;>&lt;img src=x onerror=alert(1)>&amp;amp;\u202Eevil${"w".repeat(300)}`;

const ctxFor = (service: typeof services.en | typeof services.fa) =>
  renderContext({
    service,
    textSize: "md",
    path: "/english/world/siege-abcdefghjkmn",
    publicUrl: "https://news.example.org",
    publisherName: hostile,
    now: new Date("2026-11-24T12:00:00Z"),
  });

function hostilePost(overrides: Partial<LivePost> = {}): LivePost {
  return {
    id: "pst000000001",
    storyId: "abcdefghjkmn",
    postedAt: "2026-11-24T09:05:00.000Z",
    content: {
      title: hostile,
      body: [
        {
          type: "paragraph",
          content: [{ text: hostile, marks: [{ type: "link", href: "/a?b=1&c=<2>" }] }],
        },
        { type: "quote", content: [{ text: hostile }], speaker: hostile },
      ],
      bylines: [{ personId: "p1" }, { personId: "gone" }],
    },
    keyEvent: true,
    pinned: false,
    revision: 2,
    editedAt: "2026-11-24T09:10:00.000Z",
    deletedAt: null,
    createdBy: null,
    sourcePostId: null,
    ...overrides,
  };
}

const people = new Map([["p1", { id: "p1", serviceId: "en" as const, name: hostile, title: "" }]]);

describe("a live post", () => {
  it("is exact HTML with hostile text escaped in every field", () => {
    const html = renderToString(
      <PostArticle
        ctx={ctxFor(services.en)}
        post={hostilePost()}
        people={people}
        media={new Map()}
        embeds={noStoryEmbeds}
        anchored
      />,
    );
    expect(html).toBe(
      '<article class="post" id="post-pst000000001" data-rev="2">' +
        '<p class="post-meta"><a href="#post-pst000000001"><time datetime="2026-11-24T09:05:00Z">November 24, 2026 at 9:05 AM UTC</time></a>' +
        '<span>Key event</span><span class="tag-updated">Edited</span></p>' +
        `<h3>${escaped}</h3>` +
        `<div class="story-body"><p><a href="/a?b=1&amp;c=&lt;2>">${escaped}</a></p>` +
        `<blockquote><p>${escaped}</p><footer><cite><bdi>${escaped}</bdi></cite></footer></blockquote></div>` +
        // Names are isolated only when in another script than the page, as in stories.
        `<p class="byline">By ${escaped}</p>` +
        '<p class="post-share"><a href="?post=pst000000001#post-pst000000001">Link to this post</a></p>' +
        "</article>",
    );
  });

  it("embeds a readable story as a link named by its escaped headline, and leaves an unreadable one out", () => {
    const embeds: StoryEmbeds = {
      shown: new Map([
        [
          "bcdefghjkmnp",
          { storyId: "bcdefghjkmnp", headline: hostile, slug: "convoys", section: "world" },
        ],
      ]),
      headlineIds: ["bcdefghjkmnp", "cdefghjkmnpq"],
      familyIds: [],
    };
    const html = renderToString(
      <PostArticle
        ctx={ctxFor(services.en)}
        post={hostilePost({
          revision: 1,
          editedAt: null,
          keyEvent: false,
          content: {
            title: null,
            body: [
              { type: "storyEmbed", storyId: "bcdefghjkmnp" },
              // A draft, killed or embargoed story: resolveEmbeds did not show it.
              { type: "storyEmbed", storyId: "cdefghjkmnpq" },
            ],
            bylines: [],
          },
        })}
        people={new Map()}
        media={new Map()}
        embeds={embeds}
        anchored
      />,
    );
    expect(html).toBe(
      '<article class="post" id="post-pst000000001" data-rev="1">' +
        '<p class="post-meta"><a href="#post-pst000000001"><time datetime="2026-11-24T09:05:00Z">November 24, 2026 at 9:05 AM UTC</time></a></p>' +
        '<div class="story-body"><p class="story-embed"><a href="/english/world/convoys-bcdefghjkmnp">' +
        `${escaped}</a></p></div>` +
        '<p class="post-share"><a href="?post=pst000000001#post-pst000000001">Link to this post</a></p>' +
        "</article>",
    );
    expect(html).not.toContain("cdefghjkmnpq");
  });

  it("uses only classes whose rules every live page carries, whatever its blocks", () => {
    // Posts reach open pages over SSE; the page's stylesheet was pruned to its first markup
    // (reader-styles.ts), so every class a post can hold must be among livePostClasses.
    const media = {
      asset: {
        id: "img000000001",
        mime: "image/jpeg",
        width: 1600,
        height: 900,
        bytes: 1,
        sha256: "00",
        createdAt: "2026-11-24T10:00:00.000Z",
        caption: "c",
        credit: "c",
        alt: "a",
        focalX: 0.5,
        focalY: 0.5,
        rightsSource: "",
        rightsUsage: "",
      },
      renditions: [{ shape: "16x9" as const, format: "jpeg" as const, width: 640, height: 360 }],
    };
    const html = renderToString(
      <PostArticle
        ctx={ctxFor(services.fa)}
        post={hostilePost({
          content: {
            title: "t",
            body: [
              { type: "paragraph", content: [{ text: "p", marks: [{ type: "em" }] }] },
              { type: "heading", level: 2, content: [{ text: "h" }] },
              { type: "quote", content: [{ text: "q" }], speaker: "s" },
              { type: "list", ordered: true, items: [[{ text: "i" }]] },
              { type: "figure", mediaId: "img000000001", caption: "c", credit: "c", alt: "a" },
              { type: "storyEmbed", storyId: "bcdefghjkmnp" },
            ],
            bylines: [{ personId: "p1" }],
          },
        })}
        people={people}
        media={new Map([["img000000001", media]])}
        embeds={{
          shown: new Map([
            [
              "bcdefghjkmnp",
              { storyId: "bcdefghjkmnp", headline: "e", slug: "e", section: "world" },
            ],
          ]),
          headlineIds: ["bcdefghjkmnp"],
          familyIds: [],
        }}
        anchored
      />,
    );
    const classes = new Set(
      [...html.matchAll(/ class="([^"]+)"/g)].flatMap((m) => (m[1] ?? "").split(" ")),
    );
    expect(html).toContain("<figure");
    expect([...classes].filter((c) => !livePostClasses.includes(c))).toEqual([]);
    expect(classes.size).toBeGreaterThan(5);
  });

  it("has its time in the edition's digits and calendar, and no anchor when it is the pinned copy", () => {
    const html = renderToString(
      <PostArticle
        ctx={ctxFor(services.fa)}
        post={hostilePost({ revision: 1, editedAt: null, keyEvent: false })}
        people={new Map()}
        media={new Map()}
        embeds={noStoryEmbeds}
        anchored={false}
      />,
    );
    expect(html).toMatch(/^<article class="post" data-rev="1"><p class="post-meta">/);
    // 3 Azar 1405, 12:35 in Tehran, in Persian digits (the service's calendar and zone).
    expect(html).toContain('<time datetime="2026-11-24T09:05:00Z">');
    expect(html).toMatch(/<time[^>]*>[^<]*[۰-۹][^<]*<\/time>/u);
    expect(html).not.toContain("tag-updated");
    expect(html).toContain(">پیوند این پست</a>");
  });
});

function pageModel(): StoryPageModel {
  return {
    service: services.fa,
    sections: [{ serviceId: "fa", slug: "world", name: hostile, position: 0 }],
    banner: undefined,
    story: {
      id: "abcdefghjkmn",
      kind: "live",
      serviceId: "fa",
      familyId: "abcdefghjkmn",
      status: "published",
      currentRevisionId: "r1",
      currentRevisionNumber: 1,
      publishedRevisionId: "r1",
      firstPublishedAt: "2026-11-24T08:00:00.000Z",
      updatedAt: null,
      updateNote: null,
      lastModifiedAt: "2026-11-24T08:00:00.000Z",
      scheduledAt: null,
      embargoUntil: null,
      killedAt: null,
      killReason: null,
      createdAt: "2026-11-24T07:00:00.000Z",
      createdBy: null,
    },
    content: {
      headline: hostile,
      standfirst: hostile,
      dateline: "",
      slug: "siege",
      section: "world",
      topics: [],
      leadFigure: null,
      body: [{ type: "paragraph", content: [{ text: hostile }] }],
      bylines: [],
      agencies: [],
    },
    corrections: [],
    people: new Map(),
    desks: new Map(),
    agencies: [],
    topics: [],
    media: new Map(),
    embeds: noStoryEmbeds,
    related: [],
    curatedRelatedIds: [],
  };
}

function stream(posts: readonly LivePost[]): LiveStreamModel {
  return {
    page: {
      storyId: "abcdefghjkmn",
      status: "live",
      keyPoints: [hostile],
      reportersMayPost: true,
      coverageStartTime: "2026-11-24T07:00:00.000Z",
      coverageEndTime: null,
      version: 2,
    },
    request: { kind: "latest" },
    latestChange: "2026-11-24T11:00:00.000Z",
    posts,
    nextBefore: posts.at(-1)?.id ?? null,
    pinned: posts[0],
    keyEvents: posts.filter((p) => p.keyEvent),
    removedPostId: null,
    dependsOn: posts.map((p) => p.id),
    people,
    media: new Map(),
    embeds: noStoryEmbeds,
  };
}

describe("a live page's key events", () => {
  it("are labelled by title, else by the first 80 characters of the post's text", () => {
    const long = "ا".repeat(50) + " " + "ب".repeat(50);
    const untitled = hostilePost({
      id: "pst000000077",
      content: {
        title: null,
        body: [{ type: "paragraph", content: [{ text: long }] }],
        bylines: [],
      },
    });
    const html = renderHtml(
      <LivePage
        ctx={ctxFor(services.fa)}
        model={pageModel()}
        stream={{ ...stream([untitled]), keyEvents: [untitled] }}
      />,
    );
    const nav = html.slice(html.indexOf('<nav class="key-events"'));
    const label = /<\/time> ([^<]*)<\/a>/.exec(nav)?.[1] ?? "";
    expect([...label]).toHaveLength(80);
    expect(label).toBe(`${"ا".repeat(50)} ${"ب".repeat(28)}…`);
  });
});

describe("a live page", () => {
  const posts = Array.from({ length: 20 }, (_, i) =>
    hostilePost({
      id: `pst${String(i).padStart(9, "0")}`,
      postedAt: new Date(Date.parse("2026-11-24T11:00:00.000Z") - i * 60_000).toISOString(),
      keyEvent: i % 5 === 0,
    }),
  );
  const html = renderHtml(
    <LivePage ctx={ctxFor(services.fa)} model={pageModel()} stream={stream(posts)} />,
  );

  it("keeps hostile text out of markup, right to left, with one anchor per post", () => {
    expect(html).toMatch(/^<!DOCTYPE html><html lang="fa" dir="rtl"/);
    const withoutOurs = html
      .replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, "")
      .replace(`<script>${liveScript}</script>`, "")
      .replace(`<script>${livePageScript}</script>`, "");
    expect(withoutOurs).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain('<span class="live-badge is-live">زنده</span>');
    expect(html).toContain(`<h2 id="key-points-h">نکته‌های کلیدی</h2><ul><li>${escaped}</li></ul>`);
    // The pinned copy has no id: every `post-<id>` anchor is the stream's, once.
    for (const post of posts) {
      expect(html.split(`id="post-${post.id}"`).length - 1, post.id).toBe(1);
    }
    expect(html).toContain('<div class="live-notice" id="live-notice" aria-live="polite"');
  });

  it("is a LiveBlogPosting with the latest posts as updates and the coverage window", () => {
    const block = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1] ?? "";
    const data = JSON.parse(block);
    expect(data["@type"]).toBe("LiveBlogPosting");
    expect(data.coverageStartTime).toBe("2026-11-24T07:00:00Z");
    expect(data.coverageEndTime).toBeUndefined();
    expect(data.liveBlogUpdate).toHaveLength(20);
    expect(data.liveBlogUpdate[0]).toEqual({
      "@type": "BlogPosting",
      headline: hostile,
      articleBody: `${hostile}\n${hostile} — ${hostile}`,
      datePublished: "2026-11-24T11:00:00Z",
      dateModified: "2026-11-24T09:10:00Z",
      url: "https://news.example.org/persian/world/siege-abcdefghjkmn?post=pst000000000#post-pst000000000",
    });
  });
});

describe("the live page script", () => {
  it("is under 2 KB", () => {
    expect(Buffer.byteLength(livePageScript)).toBeLessThanOrEqual(2048);
  });

  it("has a label for each plural category, with # for the number in the edition's digits", () => {
    expect(liveScriptLabels(ctxFor(services.en).t)).toEqual({
      tag: expect.stringMatching(/^en/),
      pin: "Pinned post",
      one: "# new post",
      other: "# new posts",
    });
    const fa = liveScriptLabels(ctxFor(services.fa).t);
    expect(fa.other).toBe("# پست تازه");
    expect(fa.tag).toContain("arabext");
  });
});
