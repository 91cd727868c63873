import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, ffmpegPresent } from "../support/ffmpeg-fixtures.js";
import { axeScan } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/start-server.js";
import { formatVnuMessage, isVnuError, runVnu } from "./support/vnu.js";

// Episode and programme pages (issue 17) in Debian's Chromium, in English and Persian:
// axe-core with the WCAG 2.2 AA tags and vnu-jar validity, as test/e2e/reader-pages.test.ts
// does for stories, and the episode page without JavaScript.

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let pages: { name: string; path: string }[];

function url(path: string): string {
  return `${server.baseUrl}${path}`;
}

/** The newest episode linked from a programme page. */
async function newestEpisode(programmePath: string): Promise<string> {
  const html = await (await fetch(url(programmePath))).text();
  const href = /<ul class="episodes"><li><a href="([^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no episode on ${programmePath}`);
  return href;
}

/**
 * Gives a demo episode a clip as an editor would: upload a generated tone, caption it, pick it
 * in the episode details; then waits for the background transcode and the page to show it.
 */
async function attachClip(episodePath: string): Promise<void> {
  const api = (path: string) => url(`/newsroom/api${path}`);
  const login = await fetch(api("/session"), {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.baseUrl },
    body: JSON.stringify({ email: "editor@newsdesk.test", password: "demo-password-elif" }),
  });
  const cookie = /nd_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0] ?? "";
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { Cookie: cookie, "X-CSRF-Token": csrfToken, Origin: server.baseUrl };
  const json = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(api(path), {
      method,
      headers: { ...headers, "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  };
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-episode-clip-"));
  try {
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=330:duration=3",
      "-c:a",
      "libmp3lame",
      "-b:a",
      "64k",
      join(dir, "tone.mp3"),
    ]);
    const bytes = readFileSync(join(dir, "tone.mp3"));
    const uploaded = await fetch(api("/media/clips?title=Daybreak"), {
      method: "POST",
      headers: {
        ...headers,
        "Content-Type": "audio/mpeg",
        "Content-Length": String(bytes.byteLength),
      },
      body: bytes,
    });
    const { clip } = (await uploaded.json()) as { clip: { id: string } };
    await json("PUT", `/media/clips/${clip.id}/captions/en`, {
      vtt: "WEBVTT\n\n00:00.000 --> 00:03.000\nGood morning. These are the headlines.\n",
    });
    const storyId = /-([0-9a-z]+)$/.exec(episodePath)?.[1] ?? "";
    const {
      storyId: _,
      updatedAt: __,
      ...episode
    } = await json("GET", `/stories/${storyId}/episode`);
    await json("PUT", `/stories/${storyId}/episode`, { ...episode, clipId: clip.id });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if ((await (await fetch(url(episodePath))).text()).includes("<audio")) return;
      await new Promise((done) => setTimeout(done, 500));
    }
    throw new Error("the clip was not transcoded within a minute");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext();
  context.setDefaultTimeout(5_000);
  const daybreak = "/english/programmes/daybreak";
  const bamdad = `/persian/programmes/${encodeURIComponent("بامداد")}`;
  const englishEpisode = await newestEpisode(daybreak);
  if (ffmpegPresent()) await attachClip(englishEpisode);
  pages = [
    { name: "en-programme", path: daybreak },
    { name: "en-episode", path: englishEpisode },
    { name: "fa-programme", path: bamdad },
    { name: "fa-episode", path: await newestEpisode(bamdad) },
  ];
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("episode and programme pages", () => {
  it("axe-core (WCAG 2.2 AA tags) reports no violations, en and fa", async () => {
    const found: string[] = [];
    for (const readerPage of pages) {
      const page = await context.newPage();
      const response = await page.goto(url(readerPage.path), { waitUntil: "load" });
      expect(response?.status(), readerPage.name).toBe(200);
      found.push(...(await axeScan(page, readerPage.name)));
      await page.close();
    }
    expect(found).toEqual([]);
  });

  it("vnu-jar finds no errors", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsdesk-episodes-vnu-"));
    try {
      const files: string[] = [];
      for (const readerPage of pages) {
        const file = join(dir, `${readerPage.name}.html`);
        await writeFile(file, await (await fetch(url(readerPage.path))).text());
        files.push(file);
      }
      const canary = join(dir, "canary-invalid.html");
      await writeFile(canary, '<!DOCTYPE html><html lang="en"><title>x</title><img src="a.png">');
      const messages = await runVnu([...files, canary]);
      expect(messages.filter((m) => m.url?.endsWith("canary-invalid.html")).some(isVnuError)).toBe(
        true,
      );
      const errors = messages
        .filter((m) => !m.url?.endsWith("canary-invalid.html"))
        .filter(isVnuError)
        .map(formatVnuMessage);
      expect(errors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("shows chapters, the programme link and the podcast feed without JavaScript", async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      const episode = pages.find((p) => p.name === "fa-episode")?.path ?? "";
      await page.goto(url(episode), { waitUntil: "load" });
      await expect(page.locator("ol.chapters li").count()).resolves.toBe(3);
      const programme = await page.locator(".episode .kicker a").getAttribute("href");
      expect(decodeURIComponent(programme ?? "")).toBe("/persian/programmes/بامداد");
      const feed = await page
        .locator('link[rel="alternate"][type="application/rss+xml"][href$="podcast.xml"]')
        .getAttribute("href");
      const response = await fetch(url(feed ?? ""));
      expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
      expect(await response.text()).toContain("<podcast:guid>");
    } finally {
      await noJs.close();
    }
  });
});
