import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hlsScriptPath } from "../../src/render/reader/video-script.js";
import { ffmpegPresent } from "../support/ffmpeg-fixtures.js";
import { launchChromium } from "./support/browser.js";
import { type RunningServer, startServer } from "./support/start-server.js";

// The demo's TV episode (demo.media job: generated video through the clip pipeline) played
// in Debian's Chromium. This Chromium decodes H.264 and AAC and has its own HLS demuxer
// (canPlayType("application/vnd.apple.mpegurl") is "maybe"), so it plays HLS natively; a
// browser without native HLS (Firefox) is what the hls.js path is for, and the second test
// makes Chromium answer canPlayType as Firefox does to exercise it.

let server: RunningServer;
let browser: Browser;
let episodePath: string;

/** The World Tonight's newest episode, once the background job has made its video. */
async function videoEpisode(): Promise<string> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const list = await (
      await fetch(`${server.baseUrl}/english/programmes/the-world-tonight`)
    ).text();
    const path = /<ul class="episodes"><li><a href="([^"]+)"/.exec(list)?.[1];
    if (path && (await (await fetch(`${server.baseUrl}${path}`)).text()).includes("<video")) {
      return path;
    }
    await new Promise((done) => setTimeout(done, 1_000));
  }
  throw new Error("the demo video was not ready within 3 minutes");
}

/** A page that records CSP violations and the paths it requests. */
async function openEpisode(
  context: BrowserContext,
): Promise<{ page: Page; requests: string[]; violations: () => Promise<string[]> }> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => {
      seen.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url().replace(server.baseUrl, "")));
  await page.goto(`${server.baseUrl}${episodePath}`, { waitUntil: "load" });
  return {
    page,
    requests,
    violations: () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  };
}

/** Presses the native controls' play button (bottom left), as a reader does. */
async function pressPlay(page: Page): Promise<void> {
  const video = page.locator("video");
  await video.scrollIntoViewIfNeeded();
  const box = await video.boundingBox();
  if (!box) throw new Error("the video has no box");
  await video.click({ position: { x: 24, y: box.height - 47 } });
}

/** Waits until the video has a decoded frame and its time has moved. */
async function playing(page: Page): Promise<{ readyState: number; currentTime: number }> {
  await page.waitForFunction(
    () => {
      const v = document.querySelector("video");
      return v !== null && v.readyState >= 2 && v.currentTime > 0;
    },
    null,
    { timeout: 20_000 },
  );
  return page.evaluate(() => {
    const v = document.querySelector("video") as HTMLVideoElement;
    return { readyState: v.readyState, currentTime: v.currentTime };
  });
}

describe.runIf(ffmpegPresent())("video episode playback", () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startServer({ env: { DEMO_MEDIA: "on" } }),
      launchChromium(),
    ]);
    episodePath = await videoEpisode();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("plays HLS natively where the browser has it, without loading hls.js", async () => {
    const context = await browser.newContext();
    try {
      const { page, requests, violations } = await openEpisode(context);
      expect(
        await page.evaluate(() =>
          document.createElement("video").canPlayType("application/vnd.apple.mpegurl"),
        ),
      ).not.toBe("");
      await pressPlay(page);
      const state = await playing(page);
      expect(state.readyState).toBeGreaterThanOrEqual(2);
      expect(await page.evaluate(() => document.querySelector("video")?.currentSrc)).toMatch(
        /\/hls\/master\.m3u8$/,
      );
      expect(requests.some((r) => r.includes("/_/hls/"))).toBe(false);
      expect(await violations()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("loads hls.js from our origin on play where HLS is not native, and plays through it", async () => {
    const context = await browser.newContext();
    try {
      // canPlayType as in Firefox: no HLS. (Chromium's own source selection still sees its
      // demuxer; the script decides by canPlayType, as it must in a real such browser.)
      await context.addInitScript(() => {
        const original = HTMLMediaElement.prototype.canPlayType;
        HTMLMediaElement.prototype.canPlayType = function (type: string) {
          return /mpegurl/i.test(type) ? "" : original.call(this, type);
        };
      });
      const { page, requests, violations } = await openEpisode(context);
      // Nothing is fetched for the player before the reader presses play.
      expect(requests.some((r) => r.includes("/_/hls/"))).toBe(false);
      const script = page.waitForResponse((r) => r.url().endsWith(hlsScriptPath));
      await pressPlay(page);
      const response = await script;
      expect(new URL(response.url()).origin).toBe(server.baseUrl);
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(response.headers()["content-type"]).toBe("text/javascript; charset=utf-8");
      const state = await playing(page);
      expect(state.readyState).toBeGreaterThanOrEqual(2);
      // hls.js feeds the element through Media Source Extensions: a blob: URL.
      expect(await page.evaluate(() => document.querySelector("video")?.currentSrc)).toMatch(
        /^blob:/,
      );
      expect(requests.some((r) => /\/hls\/(?:240p|360p)\/segment-\d{5}\.ts$/.test(r))).toBe(true);
      expect(await violations()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("plays the progressive MP4 where neither HLS nor the script can", async () => {
    const context = await browser.newContext();
    try {
      const { page, violations } = await openEpisode(context);
      // A browser that skips the HLS source: what remains is the MP4 after it.
      await page.evaluate(() => {
        const video = document.querySelector("video") as HTMLVideoElement;
        video.querySelector('source[type$="mpegurl"]')?.remove();
        video.load();
      });
      await pressPlay(page);
      await playing(page);
      expect(await page.evaluate(() => document.querySelector("video")?.currentSrc)).toMatch(
        /\/video-240p\.mp4$/,
      );
      expect(await violations()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
