import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkProbe } from "../../src/domain/clips/clip-probe.js";
import { defaultClipLimits } from "../../src/domain/clips/clip-schema.js";
import { isNewsdeskError } from "../../src/domain/error-catalogue.js";
import { FfprobeMediaProber } from "../../src/media/ffprobe-media-prober.js";
import { ffmpeg, ffmpegPresent } from "../support/ffmpeg-fixtures.js";

const prober = new FfprobeMediaProber({ timeoutMs: 20_000 });
let dir: string;

/** The problem code checking the file gives, or "accepted: <kind>". */
async function verdict(path: string, limits = defaultClipLimits): Promise<string> {
  try {
    const probe = await prober.probe(path);
    return `accepted: ${checkProbe(probe, statSync(path).size, limits).kind}`;
  } catch (error) {
    if (isNewsdeskError(error)) return error.code;
    throw error;
  }
}

function truncate(from: string, to: string): string {
  const bytes = readFileSync(join(dir, from));
  writeFileSync(join(dir, to), bytes.subarray(0, Math.floor(bytes.byteLength / 2)));
  return join(dir, to);
}

describe.runIf(ffmpegPresent())("probing uploads with ffprobe", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "clip-probe-"));
    const tone = ["-f", "lavfi", "-i", "sine=frequency=440:duration=6"];
    ffmpeg([...tone, "-c:a", "libmp3lame", "-b:a", "64k", join(dir, "tone.mp3")]);
    ffmpeg([...tone, "-c:a", "aac", "-movflags", "+faststart", join(dir, "tone.m4a")]);
    ffmpeg([...tone, join(dir, "tone.wav")]);
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=320x240:rate=25:duration=4",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=330:duration=4",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-c:a",
      "aac",
      "-shortest",
      join(dir, "clip.mp4"),
    ]);
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=320x240:rate=25:duration=2",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      join(dir, "silent.mp4"),
    ]);
    ffmpeg(["-f", "lavfi", "-i", "testsrc=size=64x64", "-frames:v", "1", join(dir, "still.png")]);
    writeFileSync(join(dir, "notes.mp3"), "This is a text file with an .mp3 name.\n".repeat(200));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("accepts whole audio files and decides the kind from the streams", async () => {
    expect(await verdict(join(dir, "tone.mp3"))).toBe("accepted: audio");
    expect(await verdict(join(dir, "tone.m4a"))).toBe("accepted: audio");
    expect(await verdict(join(dir, "tone.wav"))).toBe("accepted: audio");
    expect(await verdict(join(dir, "clip.mp4"))).toBe("accepted: video");
  });

  it("measures the duration and the picture size", async () => {
    const probe = await prober.probe(join(dir, "clip.mp4"));
    expect(probe?.durationMs).toBeGreaterThan(3900);
    expect(probe?.durationMs).toBeLessThan(4200);
    expect(probe?.video).toMatchObject({ codec: "h264", width: 320, height: 240 });
    expect(probe?.audio?.codec).toBe("aac");
  });

  it("refuses files cut short, whatever their header claims", async () => {
    // MP3 keeps a frame count in its Xing header, so ffprobe still reports 6 s.
    expect(await verdict(truncate("tone.mp3", "cut.mp3"))).toBe("CLIP_UNREADABLE");
    // MP4 with its index first: the index promises samples that are not there.
    expect(await verdict(truncate("tone.m4a", "cut.m4a"))).toBe("CLIP_UNREADABLE");
    expect(await verdict(truncate("clip.mp4", "cut.mp4"))).toBe("CLIP_UNREADABLE");
    expect(await verdict(truncate("tone.wav", "cut.wav"))).toBe("CLIP_UNREADABLE");
  });

  it("refuses a text file named .mp3 and an image", async () => {
    // The MP3 demuxer is tried for the name and finds no frame: unreadable, not "accepted".
    expect(await verdict(join(dir, "notes.mp3"))).toBe("CLIP_UNREADABLE");
    expect(await verdict(join(dir, "still.png"))).toBe("CLIP_UNSUPPORTED");
  });

  it("refuses a video without sound", async () => {
    expect(await verdict(join(dir, "silent.mp4"))).toBe("CLIP_NO_AUDIO");
  });

  it("refuses clips over the duration limit and files over the size limit of their kind", async () => {
    const path = join(dir, "tone.mp3");
    expect(await verdict(path, { ...defaultClipLimits, maxDurationMs: 5_000 })).toBe(
      "CLIP_TOO_LONG",
    );
    const size = statSync(path).size;
    expect(await verdict(path, { ...defaultClipLimits, maxAudioBytes: size - 1 })).toBe(
      "MEDIA_TOO_LARGE",
    );
    // The audio limit does not apply to video, nor the video limit to audio.
    expect(await verdict(path, { ...defaultClipLimits, maxVideoBytes: 1 })).toBe("accepted: audio");
  });
});

describe("without ffmpeg on the PATH", () => {
  it("refuses with MEDIA_TOOLS_MISSING (503) rather than failing obscurely", async () => {
    const { runProcess } = await import("../../src/media/run-process.js");
    await expect(
      runProcess("newsdesk-no-such-ffmpeg", ["-version"], { timeoutMs: 5000, nice: false }),
    ).rejects.toMatchObject({ code: "MEDIA_TOOLS_MISSING", status: 503 });
    await expect(
      runProcess("newsdesk-no-such-ffmpeg", ["-version"], { timeoutMs: 5000 }),
    ).rejects.toMatchObject({ code: "MEDIA_TOOLS_MISSING" });
  });
});
