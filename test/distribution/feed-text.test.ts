import { XMLParser } from "fast-xml-parser";
import sanitizeHtml from "sanitize-html";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { services } from "../../src/domain/services/service-registry.js";
import type { Newsdesk } from "../../src/main.js";
import {
  type HostileStory,
  hostileTopicSlug,
  publishHostileStories,
} from "../support/hostile-feed-stories.js";
import { hostileFeedStrings } from "../support/hostile-feed-strings.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const publicUrl = "https://news.example.org";
/** A scoped feed's title: the scope's name (here the hostile topic) and the service's. */
const feedTitle = `${hostileFeedStrings[0]} - ${services.en.name}`;

/** The elements and attributes our story HTML may contain (story-html.ts), and nothing else. */
const producedElements: Record<string, readonly string[]> = {
  p: [],
  h2: [],
  h3: [],
  blockquote: [],
  footer: [],
  cite: [],
  ul: [],
  ol: [],
  li: [],
  em: [],
  strong: [],
  a: ["href"],
  figure: [],
  figcaption: [],
  img: ["src", "alt", "width", "height"],
  bdi: [],
};

/** Every element with its attributes, as an HTML parser (htmlparser2) reads the markup. */
function elementsOf(html: string): { name: string; attributes: Record<string, string> }[] {
  const found: { name: string; attributes: Record<string, string> }[] = [];
  sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    onOpenTag: (name, attributes) => {
      found.push({ name, attributes });
    },
  });
  return found;
}

/**
 * Checks HTML we produced from a story: only our elements and attributes, links only to
 * the story's own link or our site, images only from our site, and every alt the original.
 */
function expectOnlyOurMarkup(html: string, story: HostileStory, label: string) {
  for (const { name, attributes } of elementsOf(html)) {
    expect(Object.keys(producedElements), `${label}: <${name}>`).toContain(name);
    for (const attribute of Object.keys(attributes)) {
      expect(producedElements[name], `${label}: <${name} ${attribute}>`).toContain(attribute);
    }
    if (name === "a") expect([story.href], label).toContain(attributes.href);
    if (name === "img") {
      expect(attributes.src?.startsWith(`${publicUrl}/media/`), label).toBe(true);
      expect(attributes.alt, label).toBe(story.text);
    }
  }
}

/**
 * Text meant as HTML that should hold plain text only: parsed as a fragment (the
 * references we emit are XML's too, `&#39;` included), it must be a single text node
 * equal to the original.
 */
function htmlTextOf(html: string): string {
  const parsed = fragmentParser.parse(`<x>${html}</x>`) as { x: unknown };
  if (typeof parsed.x !== "string" && parsed.x !== "") {
    throw new Error(`not text: ${html.slice(0, 80)}`);
  }
  return String(parsed.x);
}

const fragmentParser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
});
const feedParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  textNodeName: "#text",
  alwaysCreateTextNode: true,
  isArray: (name) => ["item", "entry", "category", "dc:creator", "author", "url"].includes(name),
});
const textOf = (node: unknown): string =>
  typeof node === "object" && node !== null
    ? String((node as { "#text"?: unknown })["#text"] ?? "")
    : String(node ?? "");

describe.each(dialects)("feeds carry text as text on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let stories: HostileStory[];
  let byId: Map<string, HostileStory>;
  let key: string;
  const get = async (path: string) => {
    const response = await newsdesk.app.request(path, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(response.status, path).toBe(200);
    return response.text();
  };
  const storyOfUrl = (url: string) => {
    const id = url.slice(-12);
    const story = byId.get(id);
    if (!story) throw new Error(`unknown story ${url}`);
    return story;
  };
  const feedPath = (file: string, full: boolean) =>
    `/english/topics/${hostileTopicSlug}/feeds/${file}${full ? "?content=full" : ""}`;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    stories = await publishHostileStories(newsdesk);
    byId = new Map(stories.map((s) => [s.id, s]));
    key = (
      await newsdesk.services.apiKeys.issue(systemActor("test"), {
        name: "feed text",
        rateLimitPerMinute: 10_000,
      })
    ).key;
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("has a corpus of at least 35 hostile strings", () => {
    expect(hostileFeedStrings.length).toBeGreaterThanOrEqual(35);
    expect(stories).toHaveLength(hostileFeedStrings.length);
  });

  it("RSS: plain text in title, creator, category and Media RSS; HTML-escaped text in description", async () => {
    for (const full of [false, true]) {
      const rss = feedParser.parse(await get(feedPath("rss.xml", full))).rss.channel;
      // A topic without a description: the channel's description repeats the title, as HTML.
      expect(textOf(rss.title)).toBe(feedTitle);
      expect(htmlTextOf(textOf(rss.description))).toBe(feedTitle);
      expect(rss.item).toHaveLength(stories.length);
      for (const item of rss.item) {
        const story = storyOfUrl(textOf(item.link));
        const label = `rss ${JSON.stringify(story.text)}`;
        expect(textOf(item.title), label).toBe(story.text);
        // RSS 2.0: "entity-encoded HTML is allowed" in an item's description.
        expect(htmlTextOf(textOf(item.description)), label).toBe(story.text);
        expect(item["dc:creator"].map(textOf), label).toEqual([story.text, story.text]);
        expect(item.category.map(textOf), label).toEqual([
          hostileFeedStrings[1],
          hostileFeedStrings[0],
          story.text,
        ]);
        const media = item["media:content"];
        expect(media["media:description"]["@type"], label).toBe("plain");
        expect(textOf(media["media:description"]), label).toBe(story.text);
        expect(textOf(media["media:credit"]), label).toBe(story.text);
        if (full) expectOnlyOurMarkup(textOf(item["content:encoded"]), story, label);
        else expect(item["content:encoded"], label).toBeUndefined();
      }
    }
  });

  it("Atom: text constructs are type text and hold the text; content is type html", async () => {
    for (const full of [false, true]) {
      const atom = feedParser.parse(await get(feedPath("atom.xml", full))).feed;
      expect(atom.title["@type"]).toBe("text");
      expect(textOf(atom.title)).toBe(feedTitle);
      expect(atom.entry).toHaveLength(stories.length);
      for (const entry of atom.entry) {
        const link = [entry.link]
          .flat()
          .find((l: Record<string, string>) => l["@rel"] === "alternate");
        const story = storyOfUrl(link["@href"]);
        const label = `atom ${JSON.stringify(story.text)}`;
        expect(entry.title["@type"], label).toBe("text");
        expect(textOf(entry.title), label).toBe(story.text);
        expect(entry.summary["@type"], label).toBe("text");
        expect(textOf(entry.summary), label).toBe(story.text);
        expect(
          entry.author.map((a: { name: unknown }) => textOf(a.name)),
          label,
        ).toEqual([story.text, story.text]);
        expect(
          [entry.category].flat().map((c: Record<string, string>) => c["@term"]),
          label,
        ).toContain(story.text);
        if (full) {
          expect(entry.content["@type"], label).toBe("html");
          expectOnlyOurMarkup(textOf(entry.content), story, label);
        } else expect(entry.content, label).toBeUndefined();
      }
    }
  });

  it("JSON Feed: title, summary and content_text are plain text; content_html is ours", async () => {
    for (const full of [false, true]) {
      const feed = JSON.parse(await get(feedPath("feed.json", full)));
      expect(feed.title).toBe(feedTitle);
      expect(feed.items).toHaveLength(stories.length);
      for (const item of feed.items) {
        const story = storyOfUrl(item.url);
        const label = `json ${JSON.stringify(story.text)}`;
        expect(item.title, label).toBe(story.text);
        expect(item.summary, label).toBe(story.text);
        expect(
          item.authors.map((a: { name: string }) => a.name),
          label,
        ).toEqual([story.text, story.text]);
        expect(item.tags, label).toContain(story.text);
        if (full) {
          expect(item.content_text, label).toBeUndefined();
          expectOnlyOurMarkup(item.content_html, story, label);
        } else {
          expect(item.content_text, label).toBe(story.text);
          expect(item.content_html, label).toBeUndefined();
        }
      }
    }
  });

  it("ninjs and the content API: plain-text fields hold the text, HTML bodies only our markup", async () => {
    for (const story of stories) {
      const label = JSON.stringify(story.text);
      const ninjs = JSON.parse(await get(`/api/v1/ninjs/stories/${story.id}`));
      expect(ninjs.headlines, label).toEqual([
        { role: "main", contentType: "text/plain", value: story.text },
      ]);
      expect(ninjs.descriptions, label).toEqual([
        { role: "summary", contentType: "text/plain", value: story.text },
      ]);
      expect(ninjs.located, label).toBe(story.text);
      // Person and desk, joined as an English list.
      expect(ninjs.by, label).toBe(`${story.text} and ${story.text}`);
      const [html, text] = ninjs.bodies;
      expect(html.contentType, label).toBe("text/html");
      expectOnlyOurMarkup(html.value, story, label);
      expect(text.contentType, label).toBe("text/plain");
      expect(text.value.split("\n"), label).toContain(story.text);
      const lead = ninjs.associations[0];
      expect(lead.descriptions, label).toEqual([
        { role: "caption", contentType: "text/plain", value: story.text },
        { role: "alt", contentType: "text/plain", value: story.text },
      ]);
      expect(lead.by, label).toBe(story.text);

      const api = JSON.parse(await get(`/api/v1/stories/${story.id}`));
      expect(
        [api.headline, api.standfirst, api.dateline, api.image.caption, api.image.credit],
        label,
      ).toEqual([story.text, story.text, story.text, story.text, story.text]);
      expect(api.image.alt, label).toBe(story.text);
      expect(
        api.bylines.map((b: { name: string }) => b.name),
        label,
      ).toEqual([story.text, story.text]);
      expect(api.agencies, label).toEqual([story.text]);
      expect(
        api.corrections.map((c: { text: string }) => c.text),
        label,
      ).toEqual([story.text]);
      expectOnlyOurMarkup(api.bodyHtml, story, label);
    }
  });

  it("the news sitemap's titles are the headlines", async () => {
    const sitemap = feedParser.parse(await get("/english/sitemap-news.xml")).urlset;
    const titles = new Map<string, string>(
      sitemap.url.map((u: Record<string, unknown>) => [
        textOf(u.loc),
        textOf((u["news:news"] as Record<string, unknown>)["news:title"]),
      ]),
    );
    for (const story of stories) {
      const entry = [...titles].find(([loc]) => loc.endsWith(story.id));
      expect(entry?.[1], JSON.stringify(story.text)).toBe(story.text);
    }
  });
});
