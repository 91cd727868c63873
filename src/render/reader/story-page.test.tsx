import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { noStoryEmbeds } from "../../domain/published/published-stories.js";
import type { StoryPageModel } from "../../domain/reader/reader-models.js";
import { services } from "../../domain/services/service-registry.js";
import type { StoryBlock } from "../../domain/stories/story-body-schema.js";
import { renderHtml } from "../render-html.js";
import { Figure } from "./Figure.js";
import { liveScript } from "./live-script.js";
import { renderContext } from "./render-context.js";
import { Inline, StoryBody } from "./StoryBody.js";
import { StoryCards } from "./StoryCards.js";
import { StoryPage } from "./StoryPage.js";

const hostile = `<script>alert("x")</script>"><img src=x onerror=alert(1)>&amp;`;
const escapedHostile =
  "&lt;script>alert(&quot;x&quot;)&lt;/script>&quot;>&lt;img src=x onerror=alert(1)>&amp;amp;";

const ctx = renderContext({
  service: services.en,
  textSize: "lg",
  path: "/english/world/x-abcdefghjkmn",
  publicUrl: "https://news.example.org",
  publisherName: hostile,
  now: new Date("2026-11-24T12:00:00Z"),
});

function hostileModel(): StoryPageModel {
  const media = {
    asset: {
      id: "img000000001",
      mime: "image/jpeg",
      width: 1600,
      height: 900,
      bytes: 1,
      sha256: "00",
      createdAt: "2026-11-24T10:00:00.000Z",
      caption: hostile,
      credit: hostile,
      alt: hostile,
      focalX: 0.5,
      focalY: 0.5,
      rightsSource: "",
      rightsUsage: "",
    },
    renditions: [
      { shape: "16x9" as const, format: "jpeg" as const, width: 640, height: 360 },
      { shape: "16x9" as const, format: "webp" as const, width: 640, height: 360 },
    ],
  };
  return {
    service: services.en,
    sections: [{ serviceId: "en", slug: "world", name: hostile, position: 0 }],
    banner: {
      id: "b1",
      serviceId: "en",
      text: hostile,
      url: "/english/",
      expiresAt: "2026-11-25T00:00:00.000Z",
      createdAt: "2026-11-24T00:00:00.000Z",
      clearedAt: null,
    },
    story: {
      id: "abcdefghjkmn",
      kind: "story",
      serviceId: "en",
      familyId: "abcdefghjkmn",
      status: "published",
      currentRevisionId: "r1",
      currentRevisionNumber: 1,
      publishedRevisionId: "r1",
      firstPublishedAt: "2026-11-24T08:00:00.000Z",
      updatedAt: "2026-11-24T11:00:00.000Z",
      updateNote: hostile,
      lastModifiedAt: "2026-11-24T11:00:00.000Z",
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
      dateline: hostile,
      slug: "x",
      section: "world",
      topics: ["t"],
      leadFigure: {
        type: "figure",
        mediaId: "img000000001",
        caption: hostile,
        credit: hostile,
        alt: hostile,
      },
      body: [
        {
          type: "paragraph",
          content: [{ text: hostile, marks: [{ type: "link", href: "/a?b=1&c=<2>" }] }],
        },
        { type: "heading", level: 2, content: [{ text: hostile }] },
        { type: "quote", content: [{ text: hostile }], speaker: hostile },
        { type: "list", ordered: false, items: [[{ text: hostile }]] },
        { type: "storyEmbed", storyId: "bcdefghjkmnp" },
      ],
      bylines: [
        { kind: "person", personId: "p1", role: "author" },
        { kind: "desk", deskId: "d1" },
      ],
      agencies: ["AFP"],
    },
    corrections: [
      { id: "c1", storyId: "abcdefghjkmn", text: hostile, createdAt: "2026-11-24T09:00:00.000Z" },
    ],
    people: new Map([
      ["p1", { id: "p1", serviceId: "en" as const, name: hostile, title: hostile }],
    ]),
    desks: new Map([
      ["d1", { id: "d1", serviceId: "en" as const, name: hostile, description: hostile }],
    ]),
    agencies: [{ code: "AFP", name: hostile }],
    topics: [{ serviceId: "en", slug: "t", name: hostile }],
    media: new Map([["img000000001", media]]),
    embeds: {
      shown: new Map([
        [
          "bcdefghjkmnp",
          { storyId: "bcdefghjkmnp", headline: hostile, slug: "y", section: "world" },
        ],
      ]),
      headlineIds: ["bcdefghjkmnp"],
      familyIds: [],
    },
    related: [],
    curatedRelatedIds: [],
  };
}

describe("story page rendering", () => {
  const html = renderHtml(<StoryPage ctx={ctx} model={hostileModel()} />);

  it("escapes hostile text in every field: no markup from story data survives", () => {
    // The only scripts are our JSON-LD blocks, whose text holds no "<" at all (\u003c),
    // and our own live-update script exactly as written.
    expect(html).toContain(`<script>${liveScript}</script>`);
    const withoutJsonLd = html
      .replace(/<script type="application\/ld\+json">[^<]*<\/script>/g, "")
      .replace(`<script>${liveScript}</script>`, "");
    expect(withoutJsonLd).not.toContain("<script");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('"><img');
    // Each field's text appears escaped instead.
    const occurrences = html.split(escapedHostile).length - 1;
    expect(occurrences).toBeGreaterThanOrEqual(18);
    expect(html).toContain('href="/a?b=1&amp;c=&lt;2>"');
  });

  it("marks the page up with lang, dir, landmarks, one h1 and the text size", () => {
    expect(
      html.startsWith('<!DOCTYPE html><html lang="en" dir="ltr" class="ts-lg" data-service="en">'),
    ).toBe(true);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    for (const landmark of ["<header", "<nav", "<main", "<footer"])
      expect(html).toContain(landmark);
    expect(html).toContain(
      '<button type="submit" name="size" value="lg" aria-pressed="true">LG<span class="vh"> (Large text)</span></button>',
    );
  });

  it("shows one figcaption per figure and the Updated tag with machine-readable times", () => {
    expect(html.match(/<figure>/g)).toHaveLength(1);
    expect(html.match(/<figcaption>/g)).toHaveLength(1);
    expect(html).toContain(
      '<span class="tag-updated">Updated</span><time datetime="2026-11-24T11:00:00Z">November 24, 2026 at 11:00 AM UTC</time>',
    );
  });
});

describe("story page punctuation in Chinese", () => {
  const zh = renderContext({
    service: services["zh-Hans"],
    textSize: "md",
    path: "/chinese/world/x-abcdefghjkmn",
    publicUrl: "https://news.example.org",
    publisherName: "P",
    now: new Date("2026-11-24T12:00:00Z"),
  });
  const model: StoryPageModel = {
    ...hostileModel(),
    service: services["zh-Hans"],
    people: new Map([["p1", { id: "p1", serviceId: "zh-Hans", name: "王芳", title: "编辑" }]]),
    desks: new Map([
      ["d1", { id: "d1", serviceId: "zh-Hans", name: "子午线新闻", description: "中文部" }],
    ]),
    corrections: [
      {
        id: "c1",
        storyId: "abcdefghjkmn",
        text: "更正了日期",
        createdAt: "2026-11-24T09:00:00.000Z",
      },
    ],
  };
  const html = renderHtml(<StoryPage ctx={zh} model={model} />);

  it("joins byline, contributor title and correction with Chinese punctuation", () => {
    expect(html).toContain('<p class="byline">作者：王芳和子午线新闻</p>');
    expect(html).toContain(
      '<li><a href="/chinese/people/p1"><bdi>王芳</bdi></a>，<span class="role"><bdi>编辑</bdi></span></li>',
    );
    expect(html).toMatch(
      /<li><time datetime="2026-11-24T09:00:00Z">[^<]+<\/time>：更正了日期<\/li>/,
    );
    expect(html).not.toMatch(/[\u4e00-\u9fff], |: 更正/u);
  });
});

describe("exact component HTML", () => {
  const trucks = (litePhoto?: (alt: string) => string) =>
    renderToString(
      <Figure
        media={hostileModel().media.get("img000000001")}
        caption="Trucks wait at the crossing."
        credit="Hana Sato/Meridian News"
        alt="A line of white trucks on a dusty road."
        litePhoto={litePhoto}
      />,
    );

  it("renders a figure as picture + one figcaption with caption and credit", () => {
    const html = trucks();
    expect(html).toBe(
      '<figure><picture><source type="image/webp" srcset="/media/img000000001/16x9-640.webp 640w" sizes="(min-width: 48rem) 44rem, 100vw"/>' +
        '<img src="/media/img000000001/16x9-640.jpg" srcset="/media/img000000001/16x9-640.jpg 640w" sizes="(min-width: 48rem) 44rem, 100vw" width="640" height="360" alt="A line of white trucks on a dusty road." loading="lazy" decoding="async"/></picture>' +
        '<figcaption>Trucks wait at the crossing.<span class="credit"><bdi>Hana Sato/Meridian News</bdi></span></figcaption></figure>',
    );
  });

  it("renders a figure in text-only mode as a link to its largest JPEG, named by litePhoto", () => {
    const html = trucks((alt) => `Photo: ${alt}`);
    expect(html).toBe(
      '<figure class="lite-figure"><p><a href="/media/img000000001/16x9-640.jpg">Photo: A line of white trucks on a dusty road.</a></p>' +
        '<figcaption>Trucks wait at the crossing.<span class="credit"><bdi>Hana Sato/Meridian News</bdi></span></figcaption></figure>',
    );
  });

  it("renders inline marks, nesting links outside emphasis", () => {
    const html = renderToString(
      <Inline
        content={[
          { text: "plain " },
          {
            text: "bold link",
            marks: [{ type: "strong" }, { type: "link", href: "https://example.org/" }],
          },
        ]}
      />,
    );
    expect(html).toBe('plain <a href="https://example.org/"><strong>bold link</strong></a>');
  });

  it("embeds a story as a link to its address in the page's edition, named by its escaped headline", () => {
    // A Persian live page embedding an English story shows its Persian translation.
    const html = renderToString(
      <StoryBody
        blocks={[
          { type: "storyEmbed", storyId: "bcdefghjkmnp" },
          { type: "storyEmbed", storyId: "cdefghjkmnpq" },
        ]}
        service={services.fa}
        media={new Map()}
        embeds={{
          shown: new Map([
            [
              "bcdefghjkmnp",
              {
                storyId: "defghjkmnpqr",
                headline: `کاروان ${hostile}`,
                slug: "karvan",
                section: "world",
              },
            ],
          ]),
          headlineIds: ["bcdefghjkmnp", "defghjkmnpqr", "cdefghjkmnpq"],
          familyIds: ["bcdefghjkmnp"],
        }}
      />,
    );
    expect(html).toBe(
      '<div class="story-body"><p class="story-embed"><a href="/persian/world/karvan-defghjkmnpqr">' +
        `کاروان ${escapedHostile}</a></p></div>`,
    );
  });

  it("raises a level-3 subheading that comes before any level-2 one, so no level is skipped", () => {
    const heading = (level: 2 | 3, text: string): StoryBlock => ({
      type: "heading",
      level,
      content: [{ text }],
    });
    const html = renderToString(
      <StoryBody
        blocks={[heading(3, "a"), heading(3, "b"), heading(2, "c"), heading(3, "d")]}
        service={services.en}
        media={new Map()}
        embeds={noStoryEmbeds}
      />,
    );
    expect(html).toBe('<div class="story-body"><h2>a</h2><h3>b</h3><h2>c</h2><h3>d</h3></div>');
  });

  it("titles teasers one level below their heading and labels updated stories", () => {
    const summary = {
      id: "abcdefghjkmn",
      serviceId: "en" as const,
      headline: "Convoys wait",
      standfirst: "",
      slug: "convoys-wait",
      section: "world",
      leadMediaId: null,
      firstPublishedAt: "2026-11-24T08:00:00.000Z",
      updatedAt: null,
      lastModifiedAt: "2026-11-24T08:00:00.000Z",
    };
    const updated = { ...summary, id: "bcdefghjkmnp", updatedAt: "2026-11-24T11:00:00.000Z" };
    const html = renderToString(
      <StoryCards ctx={ctx} stories={[summary, updated]} media={new Map()} headingLevel={2} />,
    );
    expect(html).toBe(
      '<ul class="cards">' +
        '<li class="card"><h2><a href="/english/world/convoys-wait-abcdefghjkmn">Convoys wait</a></h2>' +
        '<p><time datetime="2026-11-24T08:00:00Z">November 24, 2026 at 8:00 AM UTC</time></p></li>' +
        '<li class="card"><h2><a href="/english/world/convoys-wait-bcdefghjkmnp">Convoys wait</a></h2>' +
        '<p><span class="tag-updated">Updated</span><time datetime="2026-11-24T11:00:00Z">November 24, 2026 at 11:00 AM UTC</time></p></li>' +
        "</ul>",
    );
    const underH2 = renderToString(
      <StoryCards ctx={ctx} stories={[summary]} media={new Map()} headingLevel={3} />,
    );
    expect(underH2).toContain("<h3><a ");
  });
});
