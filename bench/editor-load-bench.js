#!/usr/bin/env node
// The story editor's load time for a 5,000-word story, after `npm run build`:
//   node bench/editor-load-bench.js
// Starts the built server on 127.0.0.1 (SQLite in a temp dir, demo seed), creates a story of
// 5,000 words in 100 paragraphs through the newsroom API, signs in once in Debian's Chromium,
// then opens the story's editor in a new tab EDITOR_BENCH_RUNS times (5 by default). Each
// time counts from navigation start to the editor being ready for input: the body editable
// and holding all 100 paragraphs, and the headline field enabled with the story's headline.
// Prints every time, the first (cold) load, and the median of the warm ones.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { cleanupAll, onCleanup } from "./lib/cleanup.js";
import { loginNewsroom } from "./lib/newsroom-client.js";
import { startServerChild } from "./lib/server.js";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const runs = Number(process.env.EDITOR_BENCH_RUNS ?? 5);
const paragraphs = 100;
const wordsPerParagraph = 50;
const headline = "Editor load benchmark: five thousand words";

/** Deterministic prose: 50 words a paragraph from a small vocabulary. */
function body() {
  const words = [
    "convoy",
    "border",
    "crossing",
    "officials",
    "said",
    "aid",
    "trucks",
    "morning",
    "agencies",
    "reported",
    "the",
    "city",
    "hospital",
    "supplies",
    "talks",
    "resumed",
  ];
  return Array.from({ length: paragraphs }, (_, p) => ({
    type: "paragraph",
    content: [
      {
        text: `${Array.from({ length: wordsPerParagraph }, (_, w) => words[(p * 7 + w * 3) % words.length]).join(" ")}.`,
      },
    ],
  }));
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

try {
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-editor-bench-"));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  const server = await startServerChild({
    repoRoot,
    databaseUrl: `sqlite:${join(dir, "bench.db")}`,
    timeoutMs: 60_000,
  });
  const api = await loginNewsroom(server.baseUrl);
  const created = await api.call("POST", "/stories", {
    serviceId: "en",
    content: {
      headline,
      standfirst: "A long story, to time how quickly the editor is ready.",
      dateline: "NORTH HAVEN",
      slug: "editor-load-benchmark",
      section: "world",
      topics: [],
      leadFigure: null,
      body: body(),
      bylines: [],
      agencies: [],
    },
  });
  const storyUrl = `${server.baseUrl}/newsroom/stories/${created.story.id}`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  onCleanup(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const login = await context.newPage();
  await login.goto(`${server.baseUrl}/newsroom/`);
  await login.getByLabel("Email address").fill("editor@newsdesk.test");
  await login.getByLabel("Password").fill("demo-password-elif");
  await login.getByRole("button", { name: "Sign in" }).click();
  await login.getByRole("button", { name: "Log out", exact: true }).waitFor();
  await login.close();

  /** @type {number[]} */
  const times = [];
  for (let run = 0; run <= runs; run += 1) {
    const page = await context.newPage();
    await page.goto(storyUrl, { waitUntil: "commit" });
    // Measured in the page, from the navigation's start (Navigation Timing Level 2).
    const ready = await page.waitForFunction(
      ({ count, expected }) => {
        const editor = document.querySelector('[role="textbox"][aria-label="Story body"]');
        const headlineReady = [...document.querySelectorAll("input")].some(
          (input) => input.value === expected && !input.disabled,
        );
        if (
          editor?.getAttribute("contenteditable") === "true" &&
          editor.querySelectorAll("p").length >= count &&
          headlineReady
        ) {
          return performance.now();
        }
        return false;
      },
      { count: paragraphs, expected: headline },
      { polling: "raf", timeout: 60_000 },
    );
    times.push(Number(await ready.jsonValue()));
    await page.close();
  }
  const [cold, ...warm] = times;
  const result = {
    words: paragraphs * wordsPerParagraph,
    paragraphs,
    runs: warm.length,
    coldMs: Math.round(cold ?? 0),
    warmMs: warm.map((ms) => Math.round(ms)),
    medianWarmMs: Math.round(median(warm)),
  };
  console.log(
    `Editor ready for input, ${result.words}-word story: median ${result.medianWarmMs} ms over ${result.runs} loads (first, cold: ${result.coldMs} ms)`,
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await cleanupAll();
}
