import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeScan } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { type ApiSession, apiSignIn, demoAccounts } from "./support/newsroom.js";
import { type RunningServer, startServer } from "./support/start-server.js";
import { formatVnuMessage, isVnuError, runVnu } from "./support/vnu.js";

// Live pages in Debian's Chromium: the no-JS reader (older posts, share URLs), the "new
// posts" notice, edits and deletions in place with JavaScript, axe-core and vnu-jar in
// English and Persian. The demo newsroom's live pages are the pages under test.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let editor: ApiSession;
let englishPath: string;
let persianPath: string;

const url = (path: string) => `${server.baseUrl}${path}`;

/** The live page a home page badges LIVE. */
async function livePagePath(homePath: string): Promise<string> {
  const html = await (await fetch(url(homePath))).text();
  const badge = html.indexOf('class="live-badge is-live"');
  const href = /href="([^"]+)"/.exec(html.slice(html.lastIndexOf("<a ", badge)))?.[1];
  if (badge < 0 || !href) throw new Error(`no live page badged on ${homePath}`);
  return new URL(href, url(homePath)).pathname;
}

const storyIdOf = (path: string) => /-([0-9a-z]{12})$/.exec(path)?.[1] ?? "";

async function newPost(text: string): Promise<string> {
  const res = await editor.request("POST", `/stories/${storyIdOf(englishPath)}/posts`, {
    title: null,
    body: [{ type: "paragraph", content: [{ text }] }],
    bylines: [],
  });
  expect(res.status, res.text).toBe(201);
  return (res.json as { id: string }).id;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext();
  context.setDefaultTimeout(5_000);
  editor = await apiSignIn(server.baseUrl, demoAccounts.editor);
  englishPath = await livePagePath("/english/");
  persianPath = await livePagePath("/persian/");
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("without JavaScript", () => {
  it("pages through older posts and opens a post's share URL", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    noJs.setDefaultTimeout(5_000);
    const page = await noJs.newPage();
    try {
      await page.goto(url(englishPath));
      const posts = page.locator("#posts > li > article");
      expect(await posts.count()).toBe(20);
      const last = await posts.nth(19).getAttribute("id");
      await page.getByRole("link", { name: "Older posts" }).click();
      expect(page.url()).toBe(url(`${englishPath}?before=${last?.slice(5)}`));
      const older = await page.locator("#posts > li > article").count();
      expect(older).toBeGreaterThan(0);
      const shared = page.locator("#posts > li > article").first();
      const sharedId = await shared.getAttribute("id");
      await shared.getByRole("link", { name: "Link to this post" }).click();
      expect(page.url()).toBe(url(`${englishPath}?post=${sharedId?.slice(5)}#${sharedId}`));
      expect(await page.locator("#posts > li > article").first().getAttribute("id")).toBe(sharedId);
      await page.getByRole("link", { name: "Go to the latest posts" }).click();
      expect(page.url()).toBe(url(englishPath));
    } finally {
      await noJs.close();
    }
  });
});

describe("with JavaScript", () => {
  let page: Page;

  it("announces new posts politely, without moving the reader, and shows them on request", async () => {
    page = await context.newPage();
    await page.goto(url(englishPath));
    // The live stream is open once the page's EventSource reports it.
    await page.waitForFunction(
      () => (document as Document & { ndLive?: EventSource }).ndLive?.readyState === 1,
    );
    await page.evaluate(() => window.scrollTo(0, 600));
    const firstBefore = await page.locator("#posts > li > article").first().getAttribute("id");
    const id = await newPost("Bridge reopened to pedestrians.");
    const notice = page.locator('#live-notice[aria-live="polite"] button');
    await expect.poll(() => notice.textContent()).toBe("1 new post");
    const id2 = await newPost("Second convoy arrives.");
    await expect.poll(() => notice.textContent()).toBe("2 new posts");
    // Nothing moved: same scroll, same first post, focus untouched.
    expect(await page.evaluate(() => window.scrollY)).toBe(600);
    expect(await page.locator("#posts > li > article").first().getAttribute("id")).toBe(
      firstBefore,
    );
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await notice.click();
    const ids = await page.locator("#posts > li > article").evaluateAll((a) => a.map((e) => e.id));
    expect(ids.slice(0, 3)).toEqual([`post-${id2}`, `post-${id}`, firstBefore]);
    expect(await page.locator("#live-notice button").count()).toBe(0);
  });

  it("applies an edit and a deletion in place", async () => {
    const id = (await page.locator("#posts > li > article").first().getAttribute("id"))?.slice(5);
    const current = await editor.request("GET", `/posts/${id}/revisions`);
    const revision = (current.json as { items: { revision: number }[] }).items.at(-1)?.revision;
    const edited = await editor.request("PATCH", `/posts/${id}`, {
      revision,
      body: [{ type: "paragraph", content: [{ text: "Second convoy arrives at the hospital." }] }],
    });
    expect(edited.status, edited.text).toBe(200);
    const post = page.locator(`#post-${id}`);
    await expect.poll(() => post.textContent()).toContain("Second convoy arrives at the hospital.");
    expect(await post.textContent()).toContain("Edited");
    const deleted = await editor.request("DELETE", `/posts/${id}`, {});
    expect(deleted.status, deleted.text).toBe(204);
    await expect.poll(() => page.locator(`#post-${id}`).count()).toBe(0);
    await page.close();
  });

  it("keeps the pinned post at the top in step: pinning another, editing it, unpinning it", async () => {
    const pinnedPage = await context.newPage();
    try {
      await pinnedPage.goto(url(englishPath));
      await pinnedPage.waitForFunction(
        () => (document as Document & { ndLive?: EventSource }).ndLive?.readyState === 1,
      );
      const id = await newPost("Ceasefire talks resume in the capital.");
      const revisions = async () =>
        (
          (await editor.request("GET", `/posts/${id}/revisions`)).json as {
            items: { revision: number }[];
          }
        ).items.at(-1)?.revision;
      const pin = await editor.request("PATCH", `/posts/${id}`, {
        revision: await revisions(),
        pinned: true,
      });
      expect(pin.status, pin.text).toBe(200);
      const pinned = pinnedPage.locator("section#pinned");
      await expect.poll(() => pinned.getAttribute("data-post")).toBe(id);
      expect(await pinned.getByRole("heading", { level: 2 }).textContent()).toBe("Pinned post");
      expect(await pinned.textContent()).toContain("Ceasefire talks resume in the capital.");
      // The copy carries no id: the stream keeps the only `post-<id>` anchor (held, not shown).
      expect(await pinned.locator("article").getAttribute("id")).toBeNull();
      const edit = await editor.request("PATCH", `/posts/${id}`, {
        revision: await revisions(),
        body: [
          { type: "paragraph", content: [{ text: "Ceasefire talks adjourned until Monday." }] },
        ],
      });
      expect(edit.status, edit.text).toBe(200);
      await expect.poll(() => pinned.textContent()).toContain("adjourned until Monday");
      const unpin = await editor.request("PATCH", `/posts/${id}`, {
        revision: await revisions(),
        pinned: false,
      });
      expect(unpin.status, unpin.text).toBe(200);
      await expect.poll(() => pinnedPage.locator("section#pinned").count()).toBe(0);
      // A reload agrees with what the script made of the page.
      await pinnedPage.reload();
      expect(await pinnedPage.locator("section#pinned").count()).toBe(0);
    } finally {
      await pinnedPage.close();
    }
  });
});

describe("accessibility and validity", () => {
  it("axe-core reports no violations on the live pages in English and Persian", async () => {
    const found: string[] = [];
    for (const path of [englishPath, persianPath]) {
      const page = await context.newPage();
      await page.goto(url(path));
      found.push(...(await axeScan(page, path)));
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it("vnu-jar finds no errors in the live pages, their older pages and share pages", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsdesk-live-vnu-"));
    try {
      const files: string[] = [];
      for (const [name, path] of [
        ["en", englishPath],
        ["fa", persianPath],
      ] as const) {
        const html = await (await fetch(url(path))).text();
        const older = /rel="next" href="([^"]+)"/.exec(html)?.[1] ?? "";
        const share = /href="(\?post=[0-9a-z]+)#/.exec(html)?.[1] ?? "";
        for (const [kind, target] of [
          ["first", path],
          ["older", older],
          ["share", `${path}${share}`],
        ]) {
          const res = await fetch(url(target ?? path));
          expect(res.status, `${name} ${kind}`).toBe(200);
          const file = join(dir, `${name}-${kind}.html`);
          await writeFile(file, await res.text());
          files.push(file);
        }
      }
      const errors = (await runVnu(files)).filter(isVnuError).map(formatVnuMessage);
      expect(errors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
