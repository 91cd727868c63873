import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * A published translation, as readers and partners get it: the source's authors carried
 * over and the translator named apart ("Translated by", schema.org `translator`, ninjs
 * `rel: translator`), and its figures captioned and described in its own language while the
 * shared image and the source story keep theirs.
 */

type Json = Record<string, unknown>;

function jsonLd(html: string, type: string): Json {
  for (const match of html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)) {
    const value = JSON.parse(match[1] ?? "null") as Json;
    if (value["@type"] === type) return value;
  }
  throw new Error(`no ${type} JSON-LD`);
}

const bylineLines = (html: string) =>
  [...html.matchAll(/<p class="byline">([\s\S]*?)<\/p>/g)].map((m) =>
    (m[1] ?? "").replace(/<[^>]+>/g, ""),
  );

describe.each(dialects)("a published translation's credits and figures on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let editor: NewsroomClient;
  let translator: NewsroomClient;
  let admin: NewsroomClient;
  let apiKey: string;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    editor = new NewsroomClient(newsdesk.app);
    translator = new NewsroomClient(newsdesk.app);
    admin = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await translator.login("translator@newsdesk.test", "demo-password-taraneh");
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    apiKey = (
      await newsdesk.services.apiKeys.issue(systemActor("test"), {
        name: "partner",
        rateLimitPerMinute: 1000,
      })
    ).key;
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("credits the source's authors and the translator, and captions figures in the translation's language", async () => {
    const image = await sharp({
      create: { width: 320, height: 180, channels: 3, background: { r: 20, g: 90, b: 160 } },
    })
      .png()
      .toBuffer();
    const { asset } = await newsdesk.services.media.upload(
      systemActor("test"),
      new Uint8Array(image),
      {
        caption: "The ferry at dawn.",
        credit: "Hana Sato",
        alt: "A white ferry leaving a harbour at sunrise.",
        focalX: 0.5,
        focalY: 0.5,
        rightsSource: "",
        rightsUsage: "",
      },
    );
    const figure = (caption: string, alt: string) => ({
      type: "figure",
      mediaId: asset.id,
      caption,
      credit: "Hana Sato",
      alt,
    });
    const { story: source } = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: {
        headline: "Ferry crosses the strait again",
        standfirst: "",
        dateline: "",
        slug: "ferry-crosses-again",
        section: "world",
        topics: [],
        leadFigure: figure("The ferry at dawn.", "A white ferry leaving a harbour at sunrise."),
        body: [{ type: "paragraph", content: [{ text: "The ferry sailed again." }] }],
        bylines: [
          { kind: "person", personId: "lena-okafor", role: "author" },
          { kind: "person", personId: "hana-sato", role: "photographer" },
        ],
        agencies: [],
      },
    });
    await editor.json("POST", `/stories/${source.id}/publish`, { mode: "first" });

    const { story: translation } = await translator.json<{ story: { id: string } }>(
      "POST",
      `/stories/${source.id}/translations`,
      { serviceId: "fa" },
    );
    const draft = await translator.json<{ revision: { id: string; content: Json } }>(
      "GET",
      `/stories/${translation.id}`,
    );
    // The draft starts with the source's figure; the translator localizes its words.
    expect(draft.revision.content.leadFigure).toMatchObject({ mediaId: asset.id });
    await translator.json("PUT", `/stories/${translation.id}/draft`, {
      baseRevisionId: draft.revision.id,
      content: {
        ...draft.revision.content,
        headline: "کشتی دوباره از تنگه گذشت",
        slug: "کشتی-دوباره",
        leadFigure: figure("کشتی در سپیده‌دم.", "یک کشتی سفید هنگام طلوع بندر را ترک می‌کند."),
        body: [{ type: "paragraph", content: [{ text: "کشتی دوباره به راه افتاد." }] }],
        bylines: [{ kind: "person", personId: "nasrin-ahmadi", role: "translator" }],
      },
    });
    await admin.json("POST", `/stories/${translation.id}/publish`, { mode: "first" });
    const published = await admin.json<{ readerUrl: string }>("GET", `/stories/${translation.id}`);
    const path = new URL(published.readerUrl).pathname;
    const html = await (await newsdesk.app.request(path)).text();

    // "By Lena Okafor" (the source's author, not the photographer), then the translator.
    const lines = bylineLines(html);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("Lena Okafor");
    expect(lines[0]).not.toContain("Hana Sato");
    expect(lines[0]).not.toContain("نسرین احمدی");
    expect(lines[1]).toBe("ترجمه نسرین احمدی");
    expect(html).toContain("<figcaption>کشتی در سپیده‌دم.");
    expect(html).toContain('alt="یک کشتی سفید هنگام طلوع بندر را ترک می‌کند."');
    expect(html).not.toContain("The ferry at dawn.");

    const article = jsonLd(html, "NewsArticle");
    expect(article.author).toEqual([
      expect.objectContaining({
        "@type": "Person",
        name: "Lena Okafor",
        url: expect.stringMatching(/\/english\//),
      }),
    ]);
    expect(article.translationOfWork).toEqual({
      "@id": expect.stringMatching(new RegExp(`/english/world/.*${source.id}#article$`)),
    });
    expect(article.translator).toEqual([
      expect.objectContaining({ "@type": "Person", name: "نسرین احمدی" }),
    ]);

    const ninjs = (await (
      await newsdesk.app.request(`/api/v1/ninjs/stories/${translation.id}`, {
        headers: { Authorization: `Bearer ${apiKey}` },
      })
    ).json()) as Json;
    expect(ninjs.by).toBe("Lena Okafor");
    expect(ninjs.people).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "Lena Okafor", rel: "author" }),
        expect.objectContaining({ name: "نسرین احمدی", rel: "translator" }),
      ]),
    );
    expect(JSON.stringify(ninjs)).toContain("کشتی در سپیده‌دم.");

    // The shared image and the source story keep their English words.
    const media = await editor.json<{ asset: Json }>("GET", `/media/${asset.id}`);
    expect(media.asset).toMatchObject({
      caption: "The ferry at dawn.",
      alt: "A white ferry leaving a harbour at sunrise.",
    });
    const sourceDetail = await editor.json<{ readerUrl: string }>("GET", `/stories/${source.id}`);
    const sourceHtml = await (
      await newsdesk.app.request(new URL(sourceDetail.readerUrl).pathname)
    ).text();
    expect(sourceHtml).toContain("<figcaption>The ferry at dawn.");
    expect(sourceHtml).not.toContain("کشتی در سپیده‌دم.");
    expect(jsonLd(sourceHtml, "NewsArticle").translator).toBeUndefined();
  });
});
