import { XMLParser } from "fast-xml-parser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { Newsdesk } from "../../src/main.js";
import {
  type HostileStory,
  hostileTopicSlug,
  publishHostileStories,
} from "../support/hostile-feed-stories.js";
import { hostileFeedStrings } from "../support/hostile-feed-strings.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";
import { launchChromium } from "./support/browser.js";

// Every HTML field of every feed item, rendered in Chromium with scripts
// on, the way a feed reader shows it, runs none of the hostile payloads in the stories'
// text fields. Each payload sets `window.__pwned`; the page records every assignment.

/** One HTML field of one feed item or API document. */
interface HtmlField {
  readonly label: string;
  readonly html: string;
  /** For a field that carries a plain-text value as HTML: the text a reader must see. */
  readonly text?: string;
  /** For story HTML: the text its heading, strong, em, cite and correction must read as. */
  readonly storyText?: string;
}

/** Elements our story HTML may contain (story-html.ts); the browser's parser must agree. */
const producedElements = new Set([
  "P",
  "H2",
  "H3",
  "BLOCKQUOTE",
  "FOOTER",
  "CITE",
  "UL",
  "OL",
  "LI",
  "EM",
  "STRONG",
  "A",
  "FIGURE",
  "FIGCAPTION",
  "IMG",
  "BDI",
]);

const feedParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ["item", "entry"].includes(name),
});

let newsdesk: Newsdesk & { dispose(): Promise<void> };
let browser: Browser;
let stories: HostileStory[];
let key: string;

async function get(path: string): Promise<string> {
  const response = await newsdesk.app.request(path, {
    headers: { Authorization: `Bearer ${key}` },
  });
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

/** Every HTML field the feeds and the content API publish for the hostile stories. */
async function htmlFields(): Promise<HtmlField[]> {
  const fields: HtmlField[] = [];
  const base = `/english/topics/${hostileTopicSlug}/feeds`;
  const byUrl = (url: string) => stories.find((s) => url.endsWith(s.id));
  for (const full of [false, true]) {
    const query = full ? "?content=full" : "";
    const rss = feedParser.parse(await get(`${base}/rss.xml${query}`)).rss.channel;
    fields.push({ label: "rss channel description", html: String(rss.description) });
    for (const item of rss.item) {
      const story = byUrl(String(item.link));
      fields.push({
        label: `rss description ${JSON.stringify(story?.text)}`,
        html: String(item.description),
        ...(story ? { text: story.text } : {}),
      });
      if (full && story) {
        fields.push({
          label: "rss content:encoded",
          html: String(item["content:encoded"]),
          storyText: story.text,
        });
      }
    }
  }
  const atom = feedParser.parse(await get(`${base}/atom.xml?content=full`)).feed;
  for (const entry of atom.entry) {
    // Only `type="html"` constructs are HTML (RFC 4287 §3.1.1); the unit test holds the rest.
    const story = byUrl(String([entry.link].flat()[0]?.["@href"]));
    fields.push({
      label: "atom content",
      html: String(entry.content["#text"] ?? entry.content),
      ...(story ? { storyText: story.text } : {}),
    });
  }
  const json = JSON.parse(await get(`${base}/feed.json?content=full`));
  for (const item of json.items) {
    const story = byUrl(item.url);
    fields.push({
      label: "json content_html",
      html: item.content_html,
      ...(story ? { storyText: story.text } : {}),
    });
  }
  for (const story of stories) {
    const ninjs = JSON.parse(await get(`/api/v1/ninjs/stories/${story.id}`));
    fields.push({ label: "ninjs body html", html: ninjs.bodies[0].value, storyText: story.text });
    const api = JSON.parse(await get(`/api/v1/stories/${story.id}`));
    fields.push({ label: "api bodyHtml", html: api.bodyHtml, storyText: story.text });
  }
  return fields;
}

/**
 * Renders the fields in a fresh page, either parsed with the document (as a reader that
 * writes the item into its page) or assigned through innerHTML (as a client-side reader),
 * waits until a control payload of our own has run, and returns every `__pwned` value set.
 */
async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  page.on("dialog", (dialog) => void dialog.dismiss());
  return page;
}

async function render(
  fields: readonly HtmlField[],
  mode: "document" | "innerHTML",
  page?: Page,
): Promise<{ ran: number[]; page: Page }> {
  page ??= await newPage();
  // Runs first in the page: records every assignment to __pwned, from frames too. A page
  // reused for the next render keeps its window, so the record is emptied instead.
  const recorder = `<script>(() => { window.__control = 0; window.__toggled = 0; if (window.__ran) { window.__ran.length = 0; return; } const ran = []; Object.defineProperty(window, "__ran", { value: ran }); Object.defineProperty(window, "__pwned", { get: () => (ran.length ? ran : undefined), set: (v) => { ran.push(v); } }); })();</script>`;
  // Our own handler, placed last: once it has run, the image errors before it have fired.
  const control = `<img src="x" onerror="window.__control=1"><details open ontoggle="window.__toggled=1"></details>`;
  const sections = fields
    .map((f, i) => `<section id="f${i}">${mode === "document" ? f.html : ""}</section>`)
    .join("");
  await page.setContent(
    `<!DOCTYPE html><html><head><title>feed</title>${recorder}</head><body>${sections}</body></html>`,
  );
  if (mode === "innerHTML") {
    await page.evaluate(
      (htmls) => {
        htmls.forEach((html, i) => {
          const section = document.getElementById(`f${i}`);
          if (section) section.innerHTML = html;
        });
      },
      fields.map((f) => f.html),
    );
  }
  // Appended through the DOM, so an unclosed tag in a field cannot swallow it.
  await page.evaluate((html) => {
    const element = document.createElement("div");
    document.documentElement.append(element);
    element.innerHTML = html;
  }, control);
  await page.waitForFunction(() => {
    const w = window as unknown as { __control?: number; __toggled?: number };
    return w.__control === 1 && w.__toggled === 1;
  });
  // Two more frames for focus and toggle events queued behind the control's.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const ran = await page.evaluate(() => [...(window as unknown as { __ran: number[] }).__ran]);
  return { ran, page };
}

beforeAll(async () => {
  [newsdesk, browser] = await Promise.all([startTestNewsdesk("sqlite"), launchChromium()]);
  stories = await publishHostileStories(newsdesk);
  key = (
    await newsdesk.services.apiKeys.issue(systemActor("e2e"), {
      name: "feed html e2e",
      rateLimitPerMinute: 10_000,
    })
  ).key;
});

afterAll(async () => {
  await browser?.close();
  await newsdesk?.dispose();
});

describe("feed HTML in a browser with scripts on", () => {
  it("the harness sees payloads run when text is rendered as HTML", async () => {
    // What a feed reader got before the fix: the standfirst as the description's HTML.
    const asHtml = hostileFeedStrings.map((text) => ({ label: text, html: text }));
    // Parsed with the document, each string alone, so one unclosed tag cannot hide the next.
    const page = await newPage();
    let running = 0;
    try {
      for (const field of asHtml) {
        if ((await render([field], "document", page)).ran.length > 0) running++;
      }
    } finally {
      await page.close();
    }
    // Through innerHTML each field is parsed on its own anyway.
    const inner = await render(asHtml, "innerHTML");
    await inner.page.close();
    console.info(
      `text rendered as HTML: ${running} of ${asHtml.length} strings ran script parsed with the document, ${new Set(inner.ran).size} through innerHTML`,
    );
    expect(running).toBeGreaterThan(0);
    expect(inner.ran.length).toBeGreaterThan(0);
  });

  it("no payload runs from any feed or API HTML field, and text reads as the original", async () => {
    const fields = await htmlFields();
    expect(fields.length).toBeGreaterThanOrEqual(stories.length * 7);
    for (const mode of ["document", "innerHTML"] as const) {
      const { ran, page } = await render(fields, mode);
      try {
        expect(ran, mode).toEqual([]);
        const checks = await page.evaluate(
          ({ fields, produced }) =>
            fields.map((field, i) => {
              const section = document.getElementById(`f${i}`);
              const elements = [...(section?.querySelectorAll("*") ?? [])];
              return {
                label: field.label,
                text: section?.textContent ?? "",
                inline: [...(section?.querySelectorAll("h2, strong, em, cite, ol > li") ?? [])].map(
                  (e) => e.textContent ?? "",
                ),
                foreign: elements
                  .filter(
                    (e) =>
                      !produced.includes(e.tagName) ||
                      [...e.attributes].some((a) => /^on/i.test(a.name)) ||
                      (e.tagName === "A" && !/^https:\/\//.test(e.getAttribute("href") ?? "")),
                  )
                  .map((e) => e.outerHTML.slice(0, 80)),
              };
            }),
          { fields, produced: [...producedElements] },
        );
        for (const [i, check] of checks.entries()) {
          const field = fields[i];
          expect(check.foreign, `${mode} ${check.label}`).toEqual([]);
          if (field?.text !== undefined)
            expect(check.text, `${mode} ${check.label}`).toBe(field.text);
          if (field?.storyText !== undefined) {
            // Heading, strong, em, quote speaker; the corrections heading and the correction.
            expect(check.inline, `${mode} ${check.label}`).toEqual([
              ...Array(4).fill(field.storyText),
              "Corrections",
              field.storyText,
            ]);
          }
        }
      } finally {
        await page.close();
      }
    }
  });
});
