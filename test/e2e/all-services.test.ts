import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceEditions } from "../../src/domain/services/service-registry.js";
import { locales } from "../../src/i18n/locale-registry.js";
import { axeScan } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/start-server.js";
import { formatVnuMessage, isVnuError, runVnu } from "./support/vnu.js";

// Every language service's home and story pages in one browser run: lang and dir,
// axe-core (WCAG 2.2 AA tags) with no violations, the W3C Nu checker with no errors, the
// language switcher, and screenshots of a right-to-left and a CJK page checked for a
// mirrored layout (skip link at the inline start, navigation running right to left).

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let outDir: string;
/** Screenshots land here; set E2E_SCREENSHOT_DIR to keep them (CI artifacts). */
let shotDir: string;
const pagesForVnu: { name: string; html: string }[] = [];

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(`${server.baseUrl}${path}`, { waitUntil: "load" });
  expect(response?.status(), path).toBe(200);
  return page;
}

async function firstStoryPath(page: Page, prefix: string): Promise<string> {
  const href = await page.locator(`main a[href^="/${prefix}/"]`).evaluateAll((as, p) => {
    const pattern = new RegExp(`^/${p}/[^/]+/[^/]+-[0-9a-z]{12}$`, "u");
    return as.map((a) => a.getAttribute("href") ?? "").find((h) => pattern.test(h)) ?? "";
  }, prefix);
  expect(href, `a story link on /${prefix}/`).not.toBe("");
  return href;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext();
  context.setDefaultTimeout(5_000);
  outDir = await mkdtemp(join(tmpdir(), "newsdesk-all-services-"));
  shotDir = process.env.E2E_SCREENSHOT_DIR ?? outDir;
  await mkdir(shotDir, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe("every language service in the browser", () => {
  // Two editions at a time (`maxConcurrency`): one tab renders while the other runs axe.
  it.concurrent.each(serviceEditions.map((e) => [e.urlPrefix, e] as const))(
    "/%s/: home and story pages have the right lang and dir and no axe violations",
    async (prefix, edition) => {
      const dir = locales[edition.locale].dir;
      const found: string[] = [];
      const home = await open(`/${prefix}/`);
      expect(await home.locator("html").getAttribute("lang")).toBe(edition.locale);
      expect(await home.locator("html").getAttribute("dir")).toBe(dir);
      found.push(...(await axeScan(home, `${prefix}-home`)));
      pagesForVnu.push({ name: `${prefix}-home`, html: await home.content() });
      const storyPath = await firstStoryPath(home, prefix);
      await home.close();

      const story = await open(storyPath);
      expect(await story.locator("html").getAttribute("lang")).toBe(edition.locale);
      expect(await story.locator("html").getAttribute("dir")).toBe(dir);
      expect(await story.locator("h1").count()).toBe(1);
      found.push(...(await axeScan(story, `${prefix}-story`)));
      const response = await fetch(`${server.baseUrl}${storyPath}`);
      pagesForVnu.push({ name: `${prefix}-story`, html: await response.text() });
      await story.close();
      expect(found, found.join("\n")).toEqual([]);
    },
  );

  it("vnu-jar finds no errors in any of them", async () => {
    // Home pages too are fetched as served (the DOM above may include script changes).
    const files: string[] = [];
    for (const { name, html } of pagesForVnu) {
      const served = name.endsWith("-home")
        ? await (await fetch(`${server.baseUrl}/${name.slice(0, -5)}/`)).text()
        : html;
      const file = join(outDir, `${name}.html`);
      await writeFile(file, served);
      files.push(file);
    }
    expect(files.length).toBe(serviceEditions.length * 2);
    const canary = join(outDir, "canary-invalid.html");
    await writeFile(canary, '<!DOCTYPE html><html lang="en"><title>x</title><img src="a.png">');
    const messages = await runVnu([...files, canary]);
    expect(messages.some((m) => m.url?.endsWith("canary-invalid.html") && isVnuError(m))).toBe(
      true,
    );
    const errors = messages
      .filter((m) => !m.url?.endsWith("canary-invalid.html") && isVnuError(m))
      .map(formatVnuMessage);
    expect(errors, errors.join("\n")).toEqual([]);
  });
});

describe("the language switcher", () => {
  it("goes from the English river story to its Arabic version, labelled in Arabic", async () => {
    const section = await open("/english/science-health");
    const path = await section
      .locator('main a[href*="/record-low-river"]')
      .first()
      .getAttribute("href");
    await section.close();
    const page = await open(path ?? "/");
    const arabic = page.getByRole("navigation", { name: "Also available in" }).getByRole("link", {
      name: "العربية",
    });
    expect(await arabic.getAttribute("lang")).toBe("ar");
    await Promise.all([page.waitForEvent("load"), arabic.click()]);
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    const back = page.locator('nav.languages a[lang="en"]');
    expect(await back.textContent()).toBe("English");
    await page.close();
  });
});

describe("mirrored layout, with screenshots", () => {
  it("puts the Persian skip link and navigation at the right, running right to left", async () => {
    const home = await open("/persian/");
    const storyPath = await firstStoryPath(home, "persian");
    await home.close();
    const page = await open(storyPath);
    const viewport = page.viewportSize();
    if (!viewport) throw new Error("no viewport");
    await page.screenshot({ path: join(shotDir, "persian-story.png"), fullPage: false });

    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const box = el?.getBoundingClientRect();
      return { text: el?.textContent ?? "", left: box?.left ?? -1, right: box?.right ?? -1 };
    });
    expect(skip.text).toBe("رفتن به محتوای اصلی");
    // Inline start is the right edge in RTL: the focused skip link hugs it.
    expect(viewport.width - skip.right).toBeLessThan(4);
    expect(skip.left).toBeGreaterThan(viewport.width / 2);
    await page.screenshot({ path: join(shotDir, "persian-skip-focused.png") });

    const nav = await page
      .getByRole("navigation", { name: "بخش‌ها" })
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().left));
    expect(nav.length).toBeGreaterThan(2);
    // DOM order is reading order (SC 1.3.2); laid out from right to left.
    for (let i = 1; i < nav.length; i += 1) {
      expect(nav[i] ?? 0, `nav link ${i}`).toBeLessThan(nav[i - 1] ?? 0);
    }
    // The brand (first in the header bar) sits at the right, the text-size control at the left.
    const brand = await page.locator(".brand").boundingBox();
    const sizes = await page.locator("form.ts").boundingBox();
    expect((brand?.x ?? 0) > (sizes?.x ?? 0)).toBe(true);
    await page.close();
  });

  it("renders the Chinese page left to right with a CJK system font, never a fallback box", async () => {
    const page = await open("/chinese/");
    await page.screenshot({ path: join(shotDir, "chinese-home.png") });
    // The section navigation is named "栏目" (zh-hans nav.sections); with no links found the
    // order check below would pass on nothing, so their presence is asserted first.
    const sections = await page
      .getByRole("navigation", { name: "栏目" })
      .getByRole("link")
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().left));
    expect(sections.length).toBeGreaterThan(2);
    for (let i = 1; i < sections.length; i += 1) {
      expect(sections[i] ?? 0, `nav link ${i}`).toBeGreaterThan(sections[i - 1] ?? 0);
    }
    // CI installs fonts-noto-cjk and the page's stack names it first. Detection by width:
    // the same text measured with the font first and with generic families alone differs
    // only if the font exists (document.fonts.check says true for any absent system font).
    const cjk = await page.evaluate(() => {
      const canvas = document.createElement("canvas").getContext("2d");
      if (!canvas) return { installed: false, used: false };
      const width = (font: string) => {
        canvas.font = font;
        return canvas.measureText("港口谈判 Harbour 2026").width;
      };
      const installed = ["monospace", "serif"].some(
        (generic) => width(`32px "Noto Sans CJK SC", ${generic}`) !== width(`32px ${generic}`),
      );
      const family = getComputedStyle(document.body).fontFamily;
      return { installed, used: family.startsWith('"Noto Sans CJK SC"') };
    });
    expect(cjk.installed, "Noto Sans CJK SC is installed").toBe(true);
    expect(cjk.used, "and first in the Chinese page's font stack").toBe(true);
    // Glyph widths: CJK characters are full-width, so 4 of them are wider than 4 Latin "i".
    const widths = await page.evaluate(() => {
      const span = document.createElement("span");
      document.body.append(span);
      span.textContent = "港口谈判";
      const cjkWidth = span.getBoundingClientRect().width;
      span.textContent = "iiii";
      const latinWidth = span.getBoundingClientRect().width;
      span.remove();
      return { cjkWidth, latinWidth };
    });
    expect(widths.cjkWidth).toBeGreaterThan(widths.latinWidth * 2);
    await page.close();
  });
});
