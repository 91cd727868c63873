import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeScan } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/start-server.js";
import { formatVnuMessage, isVnuError, runVnu } from "./support/vnu.js";

// End-to-end checks of the reader pages in Debian's Chromium: every
// element of the reference story page, axe-core with the WCAG 2.2 AA tags, the no-JS
// text-size control, right-to-left Persian dates, vnu-jar validity and the 50 KB budget.

const persianDigits = /[\u06F0-\u06F9]/u;
const asciiDigits = /[0-9]/u;
const solarHijriMonths = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
];
/** The Persian service's time zone: its dates are shown as a reader in Iran sees them. */
const persianTimeZone = "Asia/Tehran";
/** Simorgh's lite-page budget: HTML+CSS+JS without images. */
const pageWeightBudget = 50 * 1024;

interface ReaderPage {
  readonly name: string;
  readonly path: string;
  readonly status: number;
}

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let englishStoryPath: string;
let persianStoryPath: string;
let readerPages: readonly ReaderPage[];

function url(path: string): string {
  return `${server.baseUrl}${path}`;
}

async function openPage(path: string, on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  const response = await page.goto(url(path), { waitUntil: "load" });
  if (!response) throw new Error(`no response for ${path}`);
  return page;
}

/** The top-story link of a service home page: the flagship demo story. */
async function topStoryPath(homePath: string): Promise<string> {
  const page = await openPage(homePath);
  try {
    const href = await page.locator(".top-story h2 a").first().getAttribute("href");
    if (!href) throw new Error(`no top-story link on ${homePath}`);
    return new URL(href, url(homePath)).pathname;
  } finally {
    await page.close();
  }
}

/** A context with page scripts off: the reader pages must work without JavaScript. */
async function newNoJsContext(): Promise<BrowserContext> {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  noJs.setDefaultTimeout(5_000);
  return noJs;
}

/** Submits a text-size button and waits for the redirected page to load. */
async function submitAndWait(page: Page, submit: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent("load"), submit()]);
}

/** The first match's text, trimmed; "" when nothing matches (no waiting for it to appear). */
async function textOf(locator: Locator): Promise<string> {
  if ((await locator.count()) === 0) return "";
  return ((await locator.first().textContent()) ?? "").trim();
}

async function rootFontSize(page: Page): Promise<number> {
  return page.evaluate(() =>
    Number.parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext();
  // Pages are server-rendered and local: a missing element should fail fast, not in 30 s.
  context.setDefaultTimeout(5_000);
  [englishStoryPath, persianStoryPath] = await Promise.all([
    topStoryPath("/english/"),
    topStoryPath("/persian/"),
  ]);
  readerPages = [
    { name: "en-story", path: englishStoryPath, status: 200 },
    { name: "en-home", path: "/english/", status: 200 },
    { name: "en-404", path: "/english/no-such-page-e2e", status: 404 },
    { name: "fa-story", path: persianStoryPath, status: 200 },
    { name: "fa-home", path: "/persian/", status: 200 },
    { name: "fa-404", path: "/persian/no-such-page-e2e", status: 404 },
  ];
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the English flagship story page", () => {
  it("has skip links, and the first Tab focuses a visible 'Skip to main content'", async () => {
    const page = await openPage(englishStoryPath);
    const skip = page.getByRole("navigation", { name: "Accessibility links" }).getByRole("link");
    expect(await skip.allTextContents()).toEqual([
      "Skip to main content",
      "Skip to navigation",
      "Skip to search",
    ]);
    // Every skip link must land somewhere (WCAG 2.2 SC 2.4.1).
    for (const href of await skip.evaluateAll((links) =>
      links.map((a) => a.getAttribute("href")),
    )) {
      expect(href, "skip link href").toMatch(/^#./u);
      expect(await page.locator(href ?? "#missing").count(), `target of ${href}`).toBe(1);
    }

    const first = skip.first();
    const viewport = page.viewportSize();
    if (!viewport) throw new Error("no viewport");
    const onScreen = async () => {
      const box = await first.boundingBox();
      return (
        box !== null &&
        box.width > 1 &&
        box.height > 1 &&
        box.x >= 0 &&
        box.y >= 0 &&
        box.x + box.width <= viewport.width
      );
    };
    expect(await onScreen(), "hidden until focused").toBe(false);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Skip to main content",
    );
    expect(await onScreen(), "visible on keyboard focus").toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.close();
  });

  it("shows every element of the reference story page", async () => {
    const page = await openPage(englishStoryPath);
    const origin = new URL(server.baseUrl).origin;

    // Document language, direction and landmarks (SC 3.1.1, 1.3.1).
    const html = page.locator("html");
    expect.soft(await html.getAttribute("lang")).toBe("en");
    expect.soft(await html.getAttribute("dir")).toBe("ltr");
    expect.soft(await page.getByRole("banner").count(), "header landmark").toBe(1);
    expect.soft(await page.getByRole("main").count(), "main landmark").toBe(1);
    expect.soft(await page.getByRole("contentinfo").count(), "footer landmark").toBe(1);
    expect
      .soft(await page.getByRole("navigation", { name: "Sections" }).count(), "sections nav")
      .toBe(1);
    expect.soft(await page.locator("form.search input[type=search]").count(), "search").toBe(1);

    // Breaking-news bar, linked to the flagship.
    const breaking = page.locator("#breaking");
    expect.soft(await breaking.isVisible(), "breaking bar").toBe(true);
    expect.soft((await textOf(breaking)).length, "breaking text").toBeGreaterThan(20);
    const breakingLinks = await breaking
      .locator("a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect.soft(breakingLinks, "breaking bar links to the story").toContain(englishStoryPath);

    // Headline, standfirst, dateline.
    expect.soft(await page.locator("h1").count(), "exactly one h1").toBe(1);
    expect.soft(await textOf(page.locator("h1")), "headline").not.toBe("");
    expect
      .soft((await textOf(page.locator("article .standfirst"))).length, "standfirst")
      .toBeGreaterThan(20);
    expect.soft(await textOf(page.locator("article .dateline")), "dateline").not.toBe("");

    // Dates: the Updated tag with its time, and the first-published time.
    const updated = page.locator(".tag-updated");
    expect.soft(await updated.count(), "Updated tag").toBe(1);
    expect.soft((await textOf(updated)).toLowerCase(), "Updated tag text").toBe("updated");
    const times = await page
      .locator("article > header time")
      .evaluateAll((nodes) =>
        nodes.map((n) => ({ datetime: n.getAttribute("datetime"), text: n.textContent ?? "" })),
      );
    expect.soft(times, "updated and published <time> elements").toHaveLength(2);
    const updatedTime = await updated
      .locator("xpath=following-sibling::time")
      .getAttribute("datetime");
    const stamps = times.map((t) => Date.parse(t.datetime ?? ""));
    for (const [index, time] of times.entries()) {
      expect.soft(time.datetime, "ISO 8601 datetime").toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u);
      expect.soft(Number.isNaN(stamps[index]), `datetime ${time.datetime}`).toBe(false);
      expect.soft(time.text.trim(), "human-readable date").toMatch(/\b20\d\d\b/u);
    }
    expect.soft(updatedTime, "the Updated tag carries the update time").toBe(times[0]?.datetime);
    expect.soft((stamps[0] ?? 0) > (stamps[1] ?? 0), "updated after first published").toBe(true);

    // Figures: lead + body, each with one figcaption (caption + credit) and real alt text.
    const figures = page.locator("article figure");
    expect.soft(await figures.count(), "lead and body figures").toBe(2);
    for (const figure of await figures.all()) {
      await figure.scrollIntoViewIfNeeded(); // the body image is loading=lazy
      expect.soft(await figure.locator("figcaption").count(), "one figcaption").toBe(1);
      const caption = await figure.locator("figcaption").evaluate((fc) => {
        const copy = fc.cloneNode(true) as HTMLElement;
        for (const credit of copy.querySelectorAll(".credit")) credit.remove();
        return copy.textContent?.trim() ?? "";
      });
      const credit = await textOf(figure.locator("figcaption .credit"));
      expect.soft(caption.length, "caption text").toBeGreaterThan(10);
      expect.soft(credit.length, "credit text").toBeGreaterThan(2);

      const img = figure.locator("img");
      expect.soft(await img.count(), "one image").toBe(1);
      const alt = (await img.getAttribute("alt"))?.trim() ?? "";
      expect.soft(alt.length, "alt text").toBeGreaterThan(10);
      expect.soft(alt, "alt is not the caption (SC 1.1.1)").not.toBe(caption);
      expect.soft(caption.includes(alt), "alt is not part of the caption").toBe(false);
      expect.soft(await img.getAttribute("srcset"), "srcset").toMatch(/\s\d+w(,|$)/u);
      expect.soft((await img.getAttribute("sizes"))?.trim(), "sizes").toBeTruthy();

      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), {
          timeout: 10_000,
        })
        .toBe(true);
      const src = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
      expect.soft(new URL(src).origin, "image served by Newsdesk itself").toBe(origin);
    }

    // Byline: people, the desk card with its description, and the agency note.
    const contributors = page.locator("article .contributors a");
    expect.soft(await contributors.count(), "people in the byline").toBeGreaterThanOrEqual(2);
    for (const href of await contributors.evaluateAll((as) =>
      as.map((a) => a.getAttribute("href")),
    )) {
      expect.soft(href).toMatch(/^\/english\/people\/./u);
    }
    expect.soft(await textOf(page.locator("article .byline")), "byline").toMatch(/^By /u);
    const desk = page.locator(".desk-card");
    expect.soft(await desk.count(), "desk card").toBe(1);
    expect.soft(await textOf(desk.locator("h2 a")), "desk name").not.toBe("");
    expect.soft((await textOf(desk.locator("p"))).length, "desk description").toBeGreaterThan(40);
    expect
      .soft(await textOf(page.locator(".agency-note")), "agency note")
      .toBe("This story contains information from AFP and Reuters.");

    // Topics and related stories.
    const topics = page.locator("article .topics a");
    expect.soft(await topics.count(), "topic links").toBeGreaterThanOrEqual(1);
    for (const href of await topics.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      expect.soft(href).toMatch(/^\/english\/topics\/./u);
    }
    const related = page.locator("section.related a[href^='/english/']");
    expect.soft(await related.count(), "related stories").toBeGreaterThanOrEqual(1);
    await page.close();
  });
});

describe("accessibility", () => {
  it("axe-core (WCAG 2.2 AA tags) reports no violations on story, home and 404, en and fa", async () => {
    const found: string[] = [];
    for (const readerPage of readerPages) {
      const page = await context.newPage();
      const response = await page.goto(url(readerPage.path), { waitUntil: "load" });
      expect(response?.status(), readerPage.name).toBe(readerPage.status);
      found.push(...(await axeScan(page, readerPage.name)));
      await page.close();
    }
    expect(found, `axe violations:\n${found.join("\n")}\n`).toHaveLength(0);
  });
});

describe("the text-size control", () => {
  it("works with JavaScript disabled and stays set across pages", async () => {
    const noJs = await newNoJsContext();
    try {
      const page = await openPage(englishStoryPath, noJs);
      // Proof that page scripts really are off in this context.
      await page.setContent(
        "<p id=p>off</p><script>document.getElementById('p').textContent='on'</script>",
      );
      expect(await textOf(page.locator("#p"))).toBe("off");
      await page.goto(url(englishStoryPath));

      const before = await rootFontSize(page);
      expect(await page.locator("html").getAttribute("class")).toBeNull();
      const lg = page.getByRole("button", { name: /^LG\b/u });
      expect(await lg.getAttribute("aria-pressed")).toBe("false");
      await submitAndWait(page, () => lg.click());

      expect(new URL(page.url()).pathname, "redirected back to the story").toBe(englishStoryPath);
      expect(await page.locator("html").getAttribute("class")).toContain("ts-lg");
      expect(await rootFontSize(page)).toBeGreaterThan(before);
      expect(await lg.getAttribute("aria-pressed")).toBe("true");
      expect(await page.getByRole("button", { name: /^MD\b/u }).getAttribute("aria-pressed")).toBe(
        "false",
      );

      // Another page keeps the size (cookie, applied server-side).
      await Promise.all([
        page.waitForEvent("load"),
        page.getByRole("navigation", { name: "Sections" }).getByRole("link").nth(1).click(),
      ]);
      expect(new URL(page.url()).pathname).not.toBe(englishStoryPath);
      expect(await page.locator("html").getAttribute("class")).toContain("ts-lg");
      expect(await rootFontSize(page)).toBeGreaterThan(before);
      expect(await page.getByRole("button", { name: /^LG\b/u }).getAttribute("aria-pressed")).toBe(
        "true",
      );
    } finally {
      await noJs.close();
    }
  });

  it("works with the keyboard: Tab to XS, press Enter", async () => {
    const noJs = await newNoJsContext();
    try {
      const page = await openPage(englishStoryPath, noJs);
      const before = await rootFontSize(page);
      const xs = page.getByRole("button", { name: /^XS\b/u });
      let reached = false;
      for (let presses = 0; presses < 40 && !reached; presses += 1) {
        await page.keyboard.press("Tab");
        reached = await xs.evaluate((el) => el === document.activeElement);
      }
      expect(reached, "XS is reachable with Tab").toBe(true);
      await submitAndWait(page, () => page.keyboard.press("Enter"));

      expect(new URL(page.url()).pathname).toBe(englishStoryPath);
      expect(await page.locator("html").getAttribute("class")).toContain("ts-xs");
      expect(await rootFontSize(page)).toBeLessThan(before);
      expect(await xs.getAttribute("aria-pressed")).toBe("true");
    } finally {
      await noJs.close();
    }
  });
});

describe("the Persian story page", () => {
  it("is right-to-left with Persian digits and Solar Hijri dates", async () => {
    const page = await openPage(persianStoryPath);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("fa");
    const times = await page.locator("article > header time").evaluateAll((nodes) =>
      nodes.map((n) => ({
        datetime: n.getAttribute("datetime") ?? "",
        text: n.textContent ?? "",
      })),
    );
    expect(times.length).toBeGreaterThanOrEqual(1);
    const dayMonthYear = new Intl.DateTimeFormat("fa-u-ca-persian-nu-arabext", {
      timeZone: persianTimeZone,
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    for (const { datetime, text } of times) {
      expect(text, "Persian digits").toMatch(persianDigits);
      expect(text, "no Western digits").not.toMatch(asciiDigits);
      expect(
        solarHijriMonths.some((month) => text.includes(month)),
        `a Solar Hijri month in "${text}"`,
      ).toBe(true);
      // The right day, month and year for the machine-readable instant.
      expect(text).toContain(dayMonthYear.format(new Date(datetime)));
    }
    await page.close();
  });
});

describe("HTML validity", () => {
  it("vnu-jar finds no errors in the six pages", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsdesk-vnu-"));
    try {
      const files: string[] = [];
      for (const readerPage of readerPages) {
        const response = await fetch(url(readerPage.path));
        expect(response.status, readerPage.name).toBe(readerPage.status);
        const file = join(dir, `${readerPage.name}.html`);
        await writeFile(file, await response.text());
        files.push(file);
      }
      // A known-bad file proves the checker runs and reports errors.
      const canary = join(dir, "canary-invalid.html");
      await writeFile(canary, '<!DOCTYPE html><html lang="en"><title>x</title><img src="a.png">');
      const messages = await runVnu([...files, canary]);

      const fromCanary = messages.filter((m) => m.url?.endsWith("canary-invalid.html"));
      expect(fromCanary.some(isVnuError), "vnu flags the canary").toBe(true);
      const ours = messages.filter((m) => !m.url?.endsWith("canary-invalid.html"));
      const errors = ours.filter(isVnuError).map(formatVnuMessage);
      // Warnings are allowed but listed; plain "info" notes (e.g. trailing slashes on void
      // elements, which preact writes) are only counted.
      const warnings = ours.filter((m) => m.subType === "warning").map(formatVnuMessage);
      const infos = ours.filter((m) => !isVnuError(m) && m.subType !== "warning").length;
      if (warnings.length > 0) console.info(`vnu warnings (allowed):\n${warnings.join("\n")}`);
      expect(
        errors,
        `vnu errors:\n${errors.join("\n")}\n${warnings.length} warning(s), allowed:\n` +
          `${warnings.join("\n")}\n(${infos} info message(s) not listed)`,
      ).toHaveLength(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("page weight", () => {
  it("keeps the story page's HTML+CSS+JS, without images, within 50 KB", async () => {
    const page = await context.newPage();
    const weights: { url: string; type: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on("response", (response) => {
      const type = response.request().resourceType();
      if (type === "image" || type === "media") return;
      pending.push(
        response.body().then(
          (body) => {
            weights.push({ url: response.url(), type, bytes: body.byteLength });
          },
          () => undefined, // redirects have no body
        ),
      );
    });
    await page.goto(url(englishStoryPath), { waitUntil: "load" });
    await Promise.all(pending);
    await page.close();

    const documents = weights.filter((w) => w.type === "document");
    expect(documents, "the story document was measured").toHaveLength(1);
    expect(documents[0]?.bytes ?? 0).toBeGreaterThan(1_000);
    const total = weights.reduce((sum, w) => sum + w.bytes, 0);
    const breakdown = weights.map((w) => `${w.type} ${w.bytes} B ${w.url}`).join("\n");
    expect(total, `uncompressed bytes:\n${breakdown}`).toBeLessThanOrEqual(pageWeightBudget);
  });
});
