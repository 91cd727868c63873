import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ffmpegPresent } from "../support/ffmpeg-fixtures.js";
import { axeViolations, demoAccounts, signIn } from "./support/newsroom.js";
import { newsroomBrowserSuite } from "./support/newsroom-suite.js";

// Audio in the media library, in Debian's Chromium against the real server (its job runner
// transcodes in the background): an editor uploads a generated tone, watches it become
// ready, types captions with a backwards cue timing and is told the line, fixes it and
// saves. axe finds nothing on the screen in English or Persian.

const suite = newsroomBrowserSuite("newsroom audio and video");
const dir = mkdtempSync(join(tmpdir(), "e2e-av-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(ffmpegPresent())("newsroom: audio and video in the media library", () => {
  it("uploads audio, shows it ready, and checks captions line by line", async () => {
    const tone = join(dir, "tone.mp3");
    execFileSync("ffmpeg", [
      "-nostdin",
      "-v",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:duration=3",
      "-c:a",
      "libmp3lame",
      "-b:a",
      "64k",
      tone,
    ]);
    const page = await signIn(
      await suite.newContext(),
      suite.server.baseUrl,
      demoAccounts.editor,
      "/newsroom/media",
    );
    const section = page.getByRole("region", { name: "Audio and video" });
    await section.getByLabel("Audio or video file").setInputFiles({
      name: "tone.mp3",
      mimeType: "audio/mpeg",
      buffer: readFileSync(tone),
    });
    await section.getByLabel("Title").fill("E2E evening tone");
    await section.getByRole("button", { name: "Upload audio or video" }).click();
    await section
      .getByText("E2E evening tone was uploaded. The smaller versions are being made.")
      .waitFor();
    // The list refreshes itself while the clip is processed, until the job has run.
    const item = section.getByRole("listitem").filter({ hasText: "E2E evening tone" });
    await item.getByText("Ready", { exact: true }).waitFor({ timeout: 60_000 });

    await item
      .getByRole("button", { name: "Captions and transcript for E2E evening tone" })
      .click();
    await item.getByLabel("Language tag, for example en or fa").fill("en");
    const vtt = item.getByLabel("Captions in WebVTT");
    await vtt.fill("WEBVTT\n\n00:00:02.000 --> 00:00:01.000\nA tone.\n");
    await item.getByRole("button", { name: "Save captions" }).click();
    await item.getByText("Line 3: The cue ends before or when it starts.").waitFor();
    expect(await vtt.getAttribute("aria-invalid")).toBe("true");
    expect(await axeViolations(page), "English, captions invalid").toEqual([]);

    await vtt.fill("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nA tone at 440 hertz.\n");
    await item.getByRole("button", { name: "Save captions" }).click();
    await item.getByText("Captions in en saved: 1 cues.").waitFor();
    await item.getByLabel("Transcript in en").waitFor();
    expect(await item.getByLabel("Transcript in en").inputValue()).toBe("A tone at 440 hertz.");

    await page.locator("#ui-language").selectOption({ label: "فارسی" });
    await page.getByRole("region", { name: "صدا و ویدئو" }).waitFor();
    expect(await axeViolations(page), "Persian").toEqual([]);
  });
});
