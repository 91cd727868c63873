import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServiceConfig, serviceEditions } from "../../src/domain/services/service-registry.js";
import { type LocaleTag, locales } from "../../src/i18n/locale-registry.js";
import { axeScan } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/start-server.js";
import { formatVnuMessage, isVnuError, runVnu } from "./support/vnu.js";

// Reflow (WCAG 2.2 SC 1.4.10): no reader page of any edition scrolls sideways on a phone,
// at the default and the largest text size, with scripts on and off; and each script is set
// with its own line heights, without synthetic italic, and lists count in native digits.
// One browser, one page per context, reused: the viewport changes without a reload, and
// the text size (a cookie the server turns into a class on <html>) with one.

/** Narrow phones in CSS px: small Android, common Android, iPhone SE / mini. */
const phoneWidths = [320, 360, 375] as const;
const sweptSizes = ["md", "lg"] as const;
type SweptSize = (typeof sweptSizes)[number];

const repoRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "../..");
/** Outside git (.gitignore); CI keeps the folder as an artifact for review by eye. */
const phoneShotDir = join(repoRoot, "test-artifacts/phone-screenshots");

/**
 * Counter styles that write each numbering system's digits (CSS Counter Styles 3 §7),
 * kept here independently of the stylesheet's own table.
 */
const expectedListStyle: Record<string, string> = {
  latn: "decimal",
  arabext: "persian",
  arab: "arabic-indic",
  beng: "bengali",
  deva: "devanagari",
  mymr: "myanmar",
  tibt: "tibetan",
  khmr: "khmer",
};

/** Scripts with a true italic in their type tradition; every other edition shows none. */
const scriptsWithItalic = new Set(["Latn", "Cyrl"]);

/** Editions whose script needs the most leading: Urdu's Nastaliq and Burmese. */
const tallScriptLocales = new Set<LocaleTag>(["ur", "my"]);

/**
 * Editions checked on every page type, chosen to cover each difficult script: ten, each
 * also checked by axe (WCAG 2.2 AA) and the Nu HTML checker at 375 px.
 */
const handful = ["en", "fa", "ur", "my", "am", "zh-Hans", "ru", "hi", "ar", "sr-Latn"] as const;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

function editionFor(locale: LocaleTag): ServiceConfig {
  const edition = serviceEditions.find((e) => e.locale === locale);
  if (!edition) throw new Error(`no edition in ${locale}`);
  return edition;
}

async function setTextSize(on: BrowserContext, size: SweptSize): Promise<void> {
  await on.clearCookies({ name: "nd_ts" });
  if (size !== "md") await on.addCookies([{ name: "nd_ts", value: size, url: server.baseUrl }]);
}

async function visit(on: Page, path: string, status = 200): Promise<void> {
  const response = await on.goto(`${server.baseUrl}${path}`, { waitUntil: "load" });
  expect(response?.status(), path).toBe(status);
}

/**
 * The page's scroll width against the viewport, and when it is wider, the elements that
 * stick out (the deepest ones first), so a failure names its cause.
 */
async function overflow(
  on: Page,
): Promise<{ scrollWidth: number; width: number; culprits: string }> {
  return on.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= width) return { scrollWidth, width, culprits: "" };
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *")).reverse()) {
      const box = el.getBoundingClientRect();
      // Visually hidden skip links sit far off-screen on purpose, in the unscrollable side.
      if (box.width <= 1 || box.right < -500 || box.left > width + 500) continue;
      if (box.right > width + 0.5 || box.left < -0.5) {
        out.push(`${el.tagName.toLowerCase()}.${el.className} [${box.left | 0}, ${box.right | 0}]`);
      }
      if (out.length >= 5) break;
    }
    return { scrollWidth, width, culprits: out.join("; ") };
  });
}

/** Checks the loaded page at every phone width; returns one line per failure. */
async function reflowFailures(
  on: Page,
  name: string,
  widths: readonly number[],
): Promise<string[]> {
  const failures: string[] = [];
  for (const width of widths) {
    await on.setViewportSize({ width, height: 740 });
    const result = await overflow(on);
    expect(result.width, "the viewport took the width").toBe(width);
    if (result.scrollWidth > width) {
      failures.push(`${name} @${width}px: ${result.scrollWidth}px wide; ${result.culprits}`);
    }
  }
  return failures;
}

async function firstStoryPath(on: Page, prefix: string): Promise<string> {
  const href = await on.locator(`main a[href^="/${prefix}/"]`).evaluateAll((as, p) => {
    const pattern = new RegExp(`^/${p}/[^/]+/[^/]+-[0-9a-z]{12}$`, "u");
    return as.map((a) => a.getAttribute("href") ?? "").find((h) => pattern.test(h)) ?? "";
  }, prefix);
  expect(href, `a story link on /${prefix}/`).not.toBe("");
  return href;
}

/** Line heights as multiples of the font size, of the first body paragraph and of the h1. */
async function lineHeights(on: Page): Promise<{ body: number; heading: number }> {
  return on.evaluate(() => {
    const ratio = (el: Element | null) => {
      if (!el) return 0;
      const style = getComputedStyle(el);
      return Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
    };
    return {
      body: ratio(document.querySelector(".story-body p")),
      heading: ratio(document.querySelector("main h1")),
    };
  });
}

/** Every element whose computed font-style is italic or oblique, named. */
async function slantedElements(on: Page): Promise<string[]> {
  return on.evaluate(() =>
    Array.from(document.querySelectorAll("body, body *"))
      .filter((el) => getComputedStyle(el).fontStyle !== "normal")
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
}

/** The list-style-type an ordered list gets in this page's main content. */
async function orderedListStyle(on: Page): Promise<string> {
  return on.evaluate(() => {
    const ol = document.createElement("ol");
    ol.append(document.createElement("li"));
    document.querySelector("main")?.append(ol);
    const type = getComputedStyle(ol).listStyleType;
    ol.remove();
    return type;
  });
}

/** The loaded story at MD on a 360 px phone: a screenshot for review, then its typography. */
async function checkStoryTypography(prefix: string, tag: LocaleTag): Promise<void> {
  const locale = locales[tag];
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: join(phoneShotDir, `${prefix}-story.png`), fullPage: true });

  const heights = await lineHeights(page);
  const minimum = tallScriptLocales.has(tag)
    ? { body: 1.8, heading: 1.5 }
    : { body: 1.5, heading: 1.2 };
  expect(heights.body, "body line height").toBeGreaterThanOrEqual(minimum.body);
  expect(heights.heading, "h1 line height").toBeGreaterThanOrEqual(minimum.heading);

  if (!scriptsWithItalic.has(locale.script)) {
    expect(await slantedElements(page), "slanted text on the story").toEqual([]);
  }
  expect(await orderedListStyle(page)).toBe(expectedListStyle[locale.numberingSystem]);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  context.setDefaultTimeout(5_000);
  page = await context.newPage();
  await mkdir(phoneShotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("every edition on a phone", () => {
  it.each(serviceEditions.map((e) => [e.urlPrefix, e] as const))(
    "/%s/: home and a story fit 320, 360 and 375 px at MD and LG, set for their script",
    async (prefix, edition) => {
      const failures: string[] = [];
      let storyPath = "";
      for (const size of sweptSizes) {
        await setTextSize(context, size);
        await visit(page, `/${prefix}/`);
        expect(await page.locator("html").getAttribute("class")).toBe(
          size === "md" ? null : `ts-${size}`,
        );
        storyPath ||= await firstStoryPath(page, prefix);
        failures.push(...(await reflowFailures(page, `${prefix} home ${size}`, phoneWidths)));
        await visit(page, storyPath);
        failures.push(...(await reflowFailures(page, `${prefix} story ${size}`, phoneWidths)));
        if (size === "md") await checkStoryTypography(prefix, edition.locale);
      }
      expect(failures, failures.join("\n")).toEqual([]);
    },
  );
});

/** Signs in as the demo admin and kills a story through the newsroom API (a 410 page). */
async function killStory(storyPath: string): Promise<void> {
  const base = server.baseUrl;
  const login = await fetch(`${base}/newsroom/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email: "admin@newsdesk.test", password: "demo-password-ada" }),
  });
  expect(login.status).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const id = storyPath.slice(-12);
  const kill = await fetch(`${base}/newsroom/api/stories/${id}/kill`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      origin: base,
      cookie,
      "x-csrf-token": csrfToken,
    },
    body: JSON.stringify({ reason: "Reflow test: the killed-story page." }),
  });
  expect(kill.status, await kill.clone().text()).toBe(200);
}

describe("every page type on a 320 px phone, with and without JavaScript", () => {
  let noJs: BrowserContext;
  let noJsPage: Page;
  /** How many editions each page type was checked in. */
  const covered = new Map<string, number>();
  /** Every page as served, for one run of the Nu checker at the end. */
  const served: { name: string; html: string }[] = [];
  let vnuDir: string;

  beforeAll(async () => {
    noJs = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 740 },
    });
    noJs.setDefaultTimeout(5_000);
    noJsPage = await noJs.newPage();
    vnuDir = await mkdtemp(join(tmpdir(), "newsdesk-reflow-vnu-"));
  });

  afterAll(async () => {
    await noJs?.close();
    if (vnuDir) await rm(vnuDir, { recursive: true, force: true });
  });

  /** axe on the page as a 375 px phone shows it, and the served HTML kept for vnu. */
  async function accessibility(kind: string, name: string, path: string, status: number) {
    await setTextSize(context, "md");
    await page.setViewportSize({ width: 375, height: 740 });
    await visit(page, path, status);
    const violations = await axeScan(page, `${name} ${kind}`);
    served.push({
      name: `${name}-${kind}`,
      html: await (await fetch(`${server.baseUrl}${path}`)).text(),
    });
    return violations;
  }

  /** The loaded page fits 320 px at MD and LG, with scripts on and off. */
  async function check(kind: string, name: string, path: string, status: number) {
    const failures: string[] = [];
    for (const [on, js] of [
      [page, "js"],
      [noJsPage, "no-js"],
    ] as const) {
      await on.setViewportSize({ width: 320, height: 740 });
      for (const size of sweptSizes) {
        await setTextSize(on.context(), size);
        await visit(on, path, status);
        failures.push(...(await reflowFailures(on, `${name} ${kind} ${js} ${size}`, [320])));
      }
    }
    covered.set(kind, (covered.get(kind) ?? 0) + 1);
    return failures;
  }

  // Runs after the sweep above (tests in a file run in order): it kills the edition's first
  // story at the end, to reach that story's 410 page.
  it.each(handful.map((locale) => [editionFor(locale).urlPrefix, locale] as const))(
    "/%s/: home, section, topic, person, desk, story, search, 404 and 410 fit",
    async (prefix, locale) => {
      await setTextSize(context, "md");
      await page.setViewportSize({ width: 320, height: 740 });
      await visit(page, `/${prefix}/`);
      const storyPath = await firstStoryPath(page, prefix);
      const section = await page
        .locator(`#nav a[href^="/${prefix}/"]:not([href="/${prefix}/"])`)
        .first()
        .getAttribute("href");
      await visit(page, storyPath);
      const linkOf = async (kind: string) => {
        const links = page.locator(`main a[href^="/${prefix}/${kind}/"]`);
        return (await links.count()) > 0 ? links.first().getAttribute("href") : null;
      };
      const headline = ((await page.locator("main h1").textContent()) ?? "").trim();
      const query =
        locales[locale].search === "ngram" ? headline.slice(0, 4) : headline.split(/\s/u)[0];
      const searchPath = `/${prefix}/search?q=${encodeURIComponent(query ?? "")}`;
      const pages: readonly { kind: string; path: string | null; status: number }[] = [
        { kind: "home", path: `/${prefix}/`, status: 200 },
        { kind: "section", path: section, status: 200 },
        { kind: "topic", path: await linkOf("topics"), status: 200 },
        { kind: "person", path: await linkOf("people"), status: 200 },
        { kind: "desk", path: await linkOf("desks"), status: 200 },
        { kind: "story", path: storyPath, status: 200 },
        { kind: "search", path: searchPath, status: 200 },
        { kind: "404", path: `/${prefix}/no-such-page-reflow`, status: 404 },
      ];
      const failures: string[] = [];
      for (const { kind, path, status } of pages) {
        if (!path) continue;
        failures.push(...(await check(kind, prefix, path, status)));
        failures.push(...(await accessibility(kind, prefix, path, status)));
      }

      // Search results are an ordered list: they count in the edition's digits.
      await setTextSize(context, "md");
      await visit(page, searchPath);
      const results = page.locator("ol.results");
      expect(await results.locator("li").count(), `${prefix} search results`).toBeGreaterThan(0);
      expect(await results.evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe(
        expectedListStyle[locales[locale].numberingSystem],
      );

      await killStory(storyPath);
      failures.push(...(await check("410", prefix, storyPath, 410)));
      failures.push(...(await accessibility("410", prefix, storyPath, 410)));
      expect(failures, failures.join("\n")).toEqual([]);
    },
  );

  it("the Nu HTML checker finds no errors on any of those pages", async () => {
    expect(served.length).toBeGreaterThanOrEqual(handful.length * 7);
    const files: string[] = [];
    for (const { name, html } of served) {
      const file = join(vnuDir, `${name}.html`);
      await writeFile(file, html);
      files.push(file);
    }
    const errors = (await runVnu(files)).filter(isVnuError).map(formatVnuMessage);
    expect(errors, errors.join("\n")).toEqual([]);
  });

  it("reached every page type", () => {
    for (const kind of ["home", "section", "story", "search", "404", "410"]) {
      expect(covered.get(kind), kind).toBe(handful.length);
    }
    // Topic, person and desk pages exist where the edition's demo story links to them,
    // which six of the eight stories do.
    for (const kind of ["topic", "person", "desk"]) {
      expect(covered.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(5);
    }
  });
});
