import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawDemoImage } from "../../src/demo/demo-images.js";
import { systemActor } from "../../src/domain/actor.js";
import { BreakingNewsService } from "../../src/domain/breaking/breaking-news-service.js";
import { systemClock } from "../../src/domain/clock.js";
import type { StoryBlock } from "../../src/domain/stories/story-body-schema.js";
import type { StoryContent } from "../../src/domain/stories/story-schema.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { slugify } from "../../src/domain/stories/story-slug.js";
import type { Newsdesk } from "../../src/main.js";
import { sharedDataPresent } from "../support/shared-data.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * The reference page is the text of a real story page as a scraper saw it. We rebuild a
 * story with the same structure from it at test time (its text is never copied into the
 * repository), publish it through the domain services, and check that every element the
 * scraper saw is produced properly: each photo with exactly one caption, and so on.
 */
const seedPath = resolve(import.meta.dirname, "../../../shared/seed/000_d70a2e0012a726ce.txt");

/** Preact's text escaping: &, < and " (">" is left as is). */
function escapeText(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;");
}

interface ReferencePage {
  headline: string;
  captions: string[];
  blocks: ({ paragraph: string } | { caption: string })[];
  deskName: string;
  deskDescription: string;
}

/** Reads the scraped text: captions are the lines the scraper saw twice (alt + caption). */
function parseReference(text: string): ReferencePage {
  const lines = text.split("\n").map((l) => l.trim());
  const start = lines.indexOf("Breaking News");
  const headline = lines.slice(start + 1).find((l) => l.length > 0) ?? "";
  const end = lines.findIndex((l) => l.includes("16x9 Image"));
  const content = lines.slice(lines.indexOf("update") + 1, end).filter((l) => l.length > 0);
  const blocks: ReferencePage["blocks"] = [];
  const captions: string[] = [];
  for (let i = 0; i < content.length; i++) {
    const line = content[i] ?? "";
    if (content[i + 1] === line) {
      captions.push(line);
      blocks.push({ caption: line });
      i++;
    } else {
      blocks.push({ paragraph: line });
    }
  }
  const after = lines.slice(end + 1).filter((l) => l.length > 0);
  return { headline, captions, blocks, deskName: after[0] ?? "", deskDescription: after[1] ?? "" };
}

/** Skips only on a machine without ../shared; in CI a missing seed fails the file. */
const seedPresent = sharedDataPresent(seedPath, "The reference page seed");

describe.skipIf(!seedPresent)("the reference story page", () => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let reference: ReferencePage;
  let html: string;

  beforeAll(async () => {
    reference = parseReference(readFileSync(seedPath, "utf8"));
    newsdesk = await startTestNewsdesk("sqlite", { seed: false });
    const repos = newsdesk.repositories;
    const actor = systemActor("reference test");
    await repos.catalog.upsertSection({
      serviceId: "en",
      slug: "middle-east",
      name: "Middle East",
      position: 0,
    });
    await repos.catalog.upsertAgency({ code: "AFP", name: "AFP" });
    await repos.catalog.upsertDesk({
      id: "desk",
      serviceId: "en",
      name: reference.deskName,
      description: reference.deskDescription,
    });
    // The server's own media service: its store is the one the page's images are served from.
    const media = newsdesk.services.media;
    const figures: StoryBlock[] = [];
    for (const [index, caption] of reference.captions.entries()) {
      const bytes = await drawDemoImage(
        {
          sky: ["#888", "#ccc"],
          ground: "#765",
          accent: index ? "#a33" : "#eee",
          shapes: index ? "city" : "convoy",
        },
        960,
        640,
      );
      const { asset } = await media.upload(actor, bytes, {
        caption,
        credit: "Reuters",
        alt: `Photograph ${index + 1} of the story.`,
        focalX: 0.5,
        focalY: 0.5,
        rightsSource: "Reuters",
        rightsUsage: "Test only",
      });
      figures.push({
        type: "figure",
        mediaId: asset.id,
        caption,
        credit: "Reuters",
        alt: `Photograph ${index + 1} of the story.`,
      });
    }
    const [lead, ...bodyFigures] = figures;
    const body: StoryBlock[] = [];
    let figureIndex = 0;
    for (const block of reference.blocks.slice(1)) {
      if ("paragraph" in block)
        body.push({ type: "paragraph", content: [{ text: block.paragraph }] });
      else
        body.push(
          bodyFigures[figureIndex++] ?? { type: "paragraph", content: [{ text: block.caption }] },
        );
    }
    const content: StoryContent = {
      headline: reference.headline,
      standfirst: "",
      dateline: "",
      slug: slugify(reference.headline),
      section: "middle-east",
      topics: [],
      leadFigure: lead?.type === "figure" ? lead : null,
      body,
      bylines: [{ kind: "desk", deskId: "desk" }],
      agencies: ["AFP"],
    };
    const stories = new StoryService({ ...repos, clock: systemClock });
    const { story, revision } = await stories.create(actor, { serviceId: "en", content });
    await stories.publish(actor, story.id, { mode: "first" });
    await stories.saveDraft(actor, story.id, {
      baseRevisionId: revision.id,
      content: { ...content, standfirst: "Updated." },
    });
    await stories.publish(actor, story.id, { mode: "update" });
    await new BreakingNewsService({ repository: repos.breaking, clock: systemClock }).raise(actor, {
      serviceId: "en",
      text: reference.headline,
      url: null,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    const path = `/english/middle-east/${content.slug}-${story.id}`;
    const response = await newsdesk.app.request(path);
    expect(response.status).toBe(200);
    html = await response.text();
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("parses the reference page's structure", () => {
    expect(reference.headline.length).toBeGreaterThan(10);
    expect(reference.captions).toHaveLength(2);
    expect(reference.deskName).toBe("VOA News");
    expect(reference.deskDescription.length).toBeGreaterThan(50);
  });

  it("has the accessibility links, breaking-news bar and update tag", () => {
    expect(html).toContain('<nav aria-label="Accessibility links">');
    expect(html).toMatch(/<strong id="breaking-label">Breaking News<\/strong><span>[^<]+<\/span>/);
    expect(html).toMatch(/<span class="tag-updated">Updated<\/span><time datetime=/);
    expect(html.match(/<h1>([^<]*)<\/h1>/)?.[1]).toBe(escapeText(reference.headline));
  });

  it("shows each photo with exactly one caption, never repeated as alt text", () => {
    const article = /<article class="story">.*<\/article>/s.exec(html)?.[0] ?? "";
    expect(article.match(/<figure>/g)).toHaveLength(reference.captions.length);
    expect(article.match(/<figcaption>/g)).toHaveLength(reference.captions.length);
    for (const caption of reference.captions) {
      const escaped = escapeText(caption);
      expect(html.split(escaped).length - 1, caption).toBe(1);
    }
    const alts = [...article.matchAll(/ alt="([^"]*)"/g)].map((m) => m[1]);
    expect(alts).toEqual(["Photograph 1 of the story.", "Photograph 2 of the story."]);
  });

  it("keeps every paragraph, in order", () => {
    const paragraphs = reference.blocks.flatMap((b) => ("paragraph" in b ? [b.paragraph] : []));
    let cursor = 0;
    for (const paragraph of paragraphs) {
      const escaped = escapeText(paragraph);
      const at = html.indexOf(escaped, cursor);
      expect(at, paragraph.slice(0, 40)).toBeGreaterThan(cursor);
      cursor = at;
    }
  });

  it("ends with the desk byline card and the agency note", () => {
    expect(html).toContain(
      `<h2 id="desk-desk"><a href="/english/desks/desk"><bdi>${escapeText(reference.deskName)}</bdi></a></h2><p>${escapeText(reference.deskDescription)}</p>`,
    );
    expect(html).toContain("This story contains information from AFP.");
  });

  it("has the XS, SM, MD and LG text-size control", () => {
    const labels = [
      ...html.matchAll(/name="size" value="(\w+)" aria-pressed="(true|false)">(\w+)</g),
    ].map((m) => m.slice(1));
    expect(labels).toEqual([
      ["xs", "false", "XS"],
      ["sm", "false", "SM"],
      ["md", "true", "MD"],
      ["lg", "false", "LG"],
    ]);
  });
});
