import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeScan } from "./support/axe.js";
import { launchChromium } from "./support/browser.js";
import { apiSignIn, demoAccounts } from "./support/newsroom.js";
import { type RunningServer, startServer } from "./support/start-server.js";
import { formatVnuMessage, isVnuError, runVnu } from "./support/vnu.js";

// Issue 16 in Debian's Chromium against the built server: the "Can't reach us?" page, with
// mirrors an administrator added through the newsroom API, and the text-only version of a
// story, in English and Persian: axe-core (WCAG 2.2 AA tags) and vnu-jar find nothing.

const onion = "http://duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let pages: { name: string; path: string }[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchChromium()]);
  context = await browser.newContext();
  context.setDefaultTimeout(5_000);
  const admin = await apiSignIn(server.baseUrl, demoAccounts.admin);
  for (const [serviceId, body] of [
    ["fa", { kind: "https", url: "https://fa.mirror-one.net", note: "" }],
    ["fa", { kind: "onion", url: onion, note: "فقط با مرورگر تور" }],
    [
      "en",
      { kind: "static", url: "https://bucket.example.com/meridian/en", note: "Updated hourly" },
    ],
  ] as const) {
    const response = await admin.request("POST", `/services/${serviceId}/mirrors`, body);
    expect(response.status).toBe(201);
  }
  const storyOf = async (home: string) => {
    const html = await (await fetch(`${server.baseUrl}${home}`)).text();
    return /<h2><a href="([^"]+)"/.exec(html)?.[1] ?? "";
  };
  pages = [
    { name: "en-mirrors", path: "/english/mirrors" },
    { name: "fa-mirrors", path: "/persian/mirrors" },
    { name: "en-lite-story", path: `${await storyOf("/english/")}?lite=1` },
    { name: "fa-lite-story", path: `${await storyOf("/persian/")}?lite=1` },
  ];
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("reaching censored readers", () => {
  it("lists the mirrors on each edition's page, in its language", async () => {
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/persian/mirrors`);
    expect(await page.locator("h1").textContent()).toBe("به ما دسترسی ندارید؟");
    expect(await page.locator(".mirror-list li").count()).toBe(2);
    expect(await page.locator(`.mirror-list a[href="${onion}/persian/"]`).count()).toBe(1);
    await page.goto(`${server.baseUrl}/english/world`);
    await page.getByRole("link", { name: "Can't reach us?" }).click();
    await page.waitForURL(/\/english\/mirrors$/);
    expect(await page.locator(".mirror-list li").textContent()).toContain("Updated hourly");
    await page.close();
  });

  it("axe-core reports no violations, en and fa", async () => {
    const found: string[] = [];
    for (const target of pages) {
      const page = await context.newPage();
      const response = await page.goto(`${server.baseUrl}${target.path}`, { waitUntil: "load" });
      expect(response?.status(), target.name).toBe(200);
      found.push(...(await axeScan(page, target.name)));
      await page.close();
    }
    expect(found, `axe violations:\n${found.join("\n")}\n`).toHaveLength(0);
  });

  it("vnu-jar finds no errors, en and fa", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsdesk-reach-vnu-"));
    try {
      const files: string[] = [];
      for (const target of pages) {
        const file = join(dir, `${target.name}.html`);
        await writeFile(file, await (await fetch(`${server.baseUrl}${target.path}`)).text());
        files.push(file);
      }
      const canary = join(dir, "canary-invalid.html");
      await writeFile(canary, '<!DOCTYPE html><html lang="en"><title>x</title><img src="a.png">');
      const messages = await runVnu([...files, canary]);
      expect(messages.some((m) => m.url?.endsWith("canary-invalid.html") && isVnuError(m))).toBe(
        true,
      );
      const errors = messages
        .filter((m) => !m.url?.endsWith("canary-invalid.html"))
        .filter(isVnuError)
        .map(formatVnuMessage);
      expect(errors, errors.join("\n")).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
