import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ffmpegPresent } from "../support/ffmpeg-fixtures.js";
import {
  type ApiSession,
  apiSignIn,
  axeViolations,
  demoAccounts,
  signIn,
  waitUntil,
} from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// Episodes in the story editor, in Debian's Chromium against the real server (its job
// runner transcodes in the background): an editor creates an episode from the dashboard;
// on an episode with show notes they pick the programme and an uploaded clip, type chapters
// out of order (one with a start time that is no time at all, and are told which), save,
// load captions from a .vtt file, and after publishing the reader's episode page lists the
// chapters in order. axe finds nothing on the panel in English or Persian.

const suite = newsroomBrowserSuite("newsroom episodes");
const dir = mkdtempSync(join(tmpdir(), "e2e-episodes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const showNotes = (headline: string, slug: string) => ({
  headline,
  standfirst: "Tonight's headlines, the weather and the late sport.",
  dateline: "LONDON",
  slug,
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "What we talk about tonight." }] }],
  bylines: [{ kind: "person", personId: "lena-okafor", role: "author" }],
  agencies: [],
});

async function readyClip(api: ApiSession, baseUrl: string, title: string): Promise<string> {
  const tone = join(dir, "tone.mp3");
  execFileSync("ffmpeg", [
    "-nostdin",
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=392:duration=20",
    "-c:a",
    "libmp3lame",
    "-b:a",
    "64k",
    tone,
  ]);
  const body = readFileSync(tone);
  const response = await fetch(
    `${baseUrl}/newsroom/api/media/clips?title=${encodeURIComponent(title)}`,
    {
      method: "POST",
      headers: {
        Cookie: api.cookie,
        Origin: baseUrl,
        "X-CSRF-Token": api.csrfToken,
        "Content-Type": "audio/mpeg",
      },
      body,
    },
  );
  expect(response.status).toBe(201);
  const { clip } = (await response.json()) as { clip: { id: string } };
  await waitUntil(
    async () =>
      ((await api.request("GET", `/media/clips/${clip.id}`)).json as { clip: { status: string } })
        .clip.status === "ready",
    { what: "the clip to be transcoded", timeoutMs: 60_000, intervalMs: 250 },
  );
  return clip.id;
}

describe.runIf(ffmpegPresent())("newsroom: programme episodes in the story editor", () => {
  it("creates a story of kind episode from the dashboard", async () => {
    const page = await signIn(await suite.newContext(), suite.server.baseUrl, demoAccounts.editor);
    await page.getByLabel("Headline").fill("E2E: a new episode");
    await page.getByLabel("Kind").selectOption({ label: "Programme episode" });
    await page.getByRole("button", { name: "Create story" }).click();
    await page.getByRole("heading", { level: 1, name: "Editing: E2E: a new episode" }).waitFor();
    const panel = page.getByRole("region", { name: "Episode" });
    await panel.getByLabel("Programme").waitFor();
    expect(await panel.getByLabel("Programme").inputValue()).toBe("");
    expect(await panel.getByRole("button", { name: "Save the episode" }).isEnabled()).toBe(true);

    // A reporter of the service sees an editor's episode but may not change it.
    const path = new URL(page.url()).pathname;
    const reporter = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.reporter,
      path,
    );
    const seen = reporter.getByRole("region", { name: "Episode" });
    await seen.getByText("You can see this episode but not change it.").waitFor();
    expect(await seen.getByRole("button", { name: "Save the episode" }).isDisabled()).toBe(true);
    expect(await seen.getByLabel("Programme").isDisabled()).toBe(true);
  });

  it("picks a programme and a clip, adds chapters and captions, and readers see them", async () => {
    const { baseUrl } = suite.server;
    const api = await apiSignIn(baseUrl, demoAccounts.editor);
    const programme = await api.request("POST", "/programmes/en", {
      slug: "e2e-nightly",
      title: "E2E Nightly",
      description: "",
      kind: "podcast",
      artworkMediaId: null,
      presenterIds: [],
      links: [],
      liveStreamUrl: null,
    });
    expect(programme.status).toBe(201);
    await readyClip(api, baseUrl, "E2E nightly tone");
    const created = await api.request("POST", "/stories", {
      serviceId: "en",
      kind: "episode",
      content: showNotes("E2E Nightly: the late edition", "e2e-nightly-late"),
    });
    const storyId = (created.json as { story: { id: string } }).story.id;

    const page = await signIn(
      await suite.newContext(),
      baseUrl,
      demoAccounts.editor,
      `/newsroom/stories/${storyId}`,
    );
    const panel = page.getByRole("region", { name: "Episode" });
    await panel.getByLabel("Programme").selectOption({ label: "E2E Nightly" });
    await panel
      .getByLabel("Clip", { exact: true })
      .selectOption({ label: "E2E nightly tone (Audio)" });
    await panel.getByText("Ready", { exact: true }).waitFor();

    await panel.getByRole("button", { name: "Add a chapter" }).click();
    await panel.getByLabel("Start of chapter 1").fill("0:12");
    await panel.getByLabel("Title of chapter 1").fill("Weather");
    await panel.getByRole("button", { name: "Add a chapter" }).click();
    await panel.getByLabel("Start of chapter 2").fill("soon");
    await panel.getByLabel("Title of chapter 2").fill("Headlines");
    await panel.getByLabel("Episode number").fill("7");
    await panel.getByRole("button", { name: "Save the episode" }).click();
    await panel
      .getByText("Chapter 2: give the start as h:mm:ss, m:ss or seconds.")
      .first()
      .waitFor();
    expect(await panel.getByLabel("Start of chapter 2").getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page), "English, a chapter invalid").toEqual([]);

    await panel.getByLabel("Start of chapter 2").fill("0");
    await panel.getByRole("button", { name: "Save the episode" }).click();
    await panel.getByText("The episode was saved.").waitFor();
    // Saved in the order they play.
    expect(await panel.getByLabel("Title of chapter 1").inputValue()).toBe("Headlines");
    expect(await panel.getByLabel("Start of chapter 2").inputValue()).toBe("0:12");
    const saved = (await api.request("GET", `/stories/${storyId}/episode`)).json as {
      chapters: { startSeconds: number; title: string }[];
      episodeNumber: number;
    };
    expect(saved.chapters).toEqual([
      { startSeconds: 0, title: "Headlines" },
      { startSeconds: 12, title: "Weather" },
    ]);
    expect(saved.episodeNumber).toBe(7);

    // Captions from a file, checked and saved through the clip's captions.
    await panel
      .getByRole("button", { name: "Captions and transcript for E2E nightly tone" })
      .click();
    await panel.getByLabel("Or load a WebVTT file (.vtt) into the box").setInputFiles({
      name: "nightly.vtt",
      mimeType: "text/vtt",
      buffer: Buffer.from("WEBVTT\n\n00:00.000 --> 00:05.000\nGood evening from Nightly.\n"),
    });
    // The file is read into the box (asynchronously), not sent as it is.
    await expect
      .poll(() => panel.getByLabel("Captions in WebVTT").inputValue())
      .toContain("Good evening from Nightly.");
    await panel.getByRole("button", { name: "Save captions" }).click();
    await panel.getByText("Captions in en saved: 1 cues.").waitFor();
    expect(await axeViolations(page), "English, saved").toEqual([]);

    const published = await api.request("POST", `/stories/${storyId}/publish`, { mode: "first" });
    expect(published.status).toBe(200);
    const readerUrl = (
      (await api.request("GET", `/stories/${storyId}`)).json as {
        readerUrl: string;
      }
    ).readerUrl;
    const html = await (await fetch(`${baseUrl}${new URL(readerUrl).pathname}`)).text();
    const chapters = /<ol class="chapters">(.*?)<\/ol>/s.exec(html)?.[1] ?? "";
    expect(chapters.indexOf("Headlines")).toBeGreaterThanOrEqual(0);
    expect(chapters.indexOf("Weather")).toBeGreaterThan(chapters.indexOf("Headlines"));
    expect(chapters).toContain("#t=12");
    expect(html).toContain("Good evening from Nightly.");
    expect(html).toContain('href="/english/programmes/e2e-nightly"');

    await page.locator("#ui-language").selectOption({ label: "فارسی" });
    await page.getByRole("region", { name: "قسمت" }).waitFor();
    expect(await axeViolations(page), "Persian").toEqual([]);

    // The library refuses to delete the clip the episode plays, and says why.
    const library = await signIn(
      await suite.newContext(),
      baseUrl,
      demoAccounts.editor,
      "/newsroom/media",
    );
    const section = library.getByRole("region", { name: "Audio and video" });
    await section
      .getByRole("listitem")
      .filter({ hasText: "E2E nightly tone" })
      .getByRole("button", { name: "Delete E2E nightly tone" })
      .click();
    await library.getByRole("dialog").getByRole("button", { name: "Delete for good" }).click();
    await section
      .getByText(
        "E2E nightly tone was not deleted: an episode still plays it. Give the episode another clip first.",
      )
      .waitFor();
    expect((await api.request("GET", `/stories/${storyId}/episode`)).status).toBe(200);
  });
});
