import { createReadStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TranscodedFile } from "../../src/domain/clips/clip-transcoder.js";
import { FfmpegClipTranscoder } from "../../src/media/ffmpeg-clip-transcoder.js";
import { fdkAacEncoder, ffmpeg, ffmpegPresent, ffprobeJson } from "../support/ffmpeg-fixtures.js";

let dir: string;
const heAacEncoder = ffmpegPresent() ? fdkAacEncoder() : null;
const transcoder = new FfmpegClipTranscoder({
  timeoutMs: 120_000,
  x264Preset: "ultrafast",
  heAacEncoder,
});
/** The low AAC rendition: HE-AAC where the FDK encoder is installed (always in CI). */
const lowAac = heAacEncoder
  ? { codecs: "mp4a.40.5", profile: "HE-AAC", sampleRate: "44100", channels: 2 }
  : { codecs: "mp4a.40.2", profile: "LC", sampleRate: "22050", channels: 1 };

/** Writes the transcoder's files out (as the store would get them) to probe them. */
async function writeOut(
  files: readonly TranscodedFile[],
  to: string,
): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  for (const file of files) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of file.read()) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    expect(bytes.byteLength, file.name).toBe(file.bytes);
    const path = join(to, file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    paths.set(file.name, path);
  }
  return paths;
}

describe.runIf(ffmpegPresent())("transcoding clips with ffmpeg", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "clip-transcode-"));
    // Pink noise over a tone: closer to speech's bit rate needs than a pure sine.
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "anoisesrc=d=20:c=pink:a=0.15",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=220:duration=20",
      "-filter_complex",
      "amix=inputs=2",
      "-ac",
      "2",
      "-c:a",
      "pcm_s16le",
      join(dir, "talk.wav"),
    ]);
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=1280x720:rate=25:duration=7",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=330:duration=7",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-c:a",
      "aac",
      "-shortest",
      join(dir, "report.mp4"),
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("makes Opus ~24 kbit/s, HE-AAC ~32 kbit/s and AAC-LC ~96 kbit/s renditions with exact lengths", async () => {
    const progress: number[] = [];
    const result = await transcoder.transcode({
      kind: "audio",
      original: createReadStream(join(dir, "talk.wav")),
      height: null,
      durationMs: 20_000,
      onProgress: (fraction) => progress.push(fraction),
    });
    try {
      expect(result.files.map((f) => [f.name, f.rendition?.role, f.contentType])).toEqual([
        ["audio-opus-24k.ogg", "audio-low-opus", "audio/ogg; codecs=opus"],
        ["audio-aac-32k.m4a", "audio-low-aac", `audio/mp4; codecs=${lowAac.codecs}`],
        ["audio-aac-96k.m4a", "audio-standard", "audio/mp4; codecs=mp4a.40.2"],
      ]);
      const paths = await writeOut(result.files, join(dir, "audio"));
      const opus = ffprobeJson(paths.get("audio-opus-24k.ogg") ?? "");
      expect(opus.format.format_name).toBe("ogg");
      expect(opus.streams[0]).toMatchObject({ codec_name: "opus", channels: 1 });
      const low = ffprobeJson(paths.get("audio-aac-32k.m4a") ?? "");
      expect(low.streams[0]).toMatchObject({
        codec_name: "aac",
        profile: lowAac.profile,
        channels: lowAac.channels,
        sample_rate: lowAac.sampleRate,
      });
      // The FDK encoder's intermediate files are gone from the job's output.
      expect(result.files.map((f) => f.name).filter((n) => n.startsWith("low-he-aac"))).toEqual([]);
      const standard = ffprobeJson(paths.get("audio-aac-96k.m4a") ?? "");
      expect(standard.streams[0]).toMatchObject({ codec_name: "aac", profile: "LC", channels: 2 });
      const kbps = (name: string) =>
        (result.files.find((f) => f.name === name)?.rendition?.bitrate ?? 0) / 1000;
      expect(kbps("audio-opus-24k.ogg")).toBeGreaterThan(16);
      expect(kbps("audio-opus-24k.ogg")).toBeLessThan(30);
      expect(kbps("audio-aac-32k.m4a")).toBeGreaterThan(24);
      expect(kbps("audio-aac-32k.m4a")).toBeLessThan(40);
      expect(kbps("audio-aac-96k.m4a")).toBeGreaterThan(64);
      expect(kbps("audio-aac-96k.m4a")).toBeLessThan(110);
      // ffmpeg's -progress lines arrive as it goes, up to the whole duration.
      expect(progress.length).toBeGreaterThan(0);
      expect([...progress].sort((x, y) => x - y)).toEqual(progress);
      expect(progress.at(-1)).toBeGreaterThan(0.95);
      for (const file of result.files) {
        const duration = Number(ffprobeJson(paths.get(file.name) ?? "").format.duration);
        expect(duration, file.name).toBeGreaterThan(19.5);
        expect(duration, file.name).toBeLessThan(20.5);
      }
    } finally {
      await result.dispose();
    }
  });

  it("makes AAC-LC at 22.05 kHz, labelled as such, where the FDK encoder is not installed", async () => {
    const withoutFdk = new FfmpegClipTranscoder({ timeoutMs: 120_000, heAacEncoder: null });
    const result = await withoutFdk.transcode({
      kind: "audio",
      original: createReadStream(join(dir, "talk.wav")),
      height: null,
    });
    try {
      const low = result.files.find((f) => f.rendition?.role === "audio-low-aac");
      expect(low?.contentType).toBe("audio/mp4; codecs=mp4a.40.2");
      const paths = await writeOut(result.files, join(dir, "audio-lc"));
      expect(ffprobeJson(paths.get("audio-aac-32k.m4a") ?? "").streams[0]).toMatchObject({
        codec_name: "aac",
        profile: "LC",
        channels: 1,
        sample_rate: "22050",
      });
    } finally {
      await result.dispose();
    }
  });

  it("makes HLS at 240p, 360p and 720p plus audio-only, a master playlist, posters and the audio renditions", async () => {
    const result = await transcoder.transcode({
      kind: "video",
      original: createReadStream(join(dir, "report.mp4")),
      height: 720,
    });
    try {
      const paths = await writeOut(result.files, join(dir, "video"));
      const master = result.files.find((f) => f.name === "hls/master.m3u8");
      expect(master?.rendition?.role).toBe("hls-master");
      expect(master?.contentType).toBe("application/vnd.apple.mpegurl");
      const text = await readText(paths.get("hls/master.m3u8") ?? "");
      const variants = [...text.matchAll(/#EXT-X-STREAM-INF:(.*)\n(.*)/g)].map((m) => ({
        attributes: m[1] ?? "",
        uri: m[2] ?? "",
      }));
      expect(variants.map((v) => v.uri)).toEqual([
        "audio/index.m3u8",
        "240p/index.m3u8",
        "360p/index.m3u8",
        "720p/index.m3u8",
      ]);
      expect(variants[0]?.attributes).toMatch(
        /^BANDWIDTH=\d+,AVERAGE-BANDWIDTH=\d+,CODECS="mp4a\.40\.2"$/,
      );
      for (const [index, size] of [
        [1, "426x240"],
        [2, "640x360"],
        [3, "1280x720"],
      ] as const) {
        expect(variants[index]?.attributes).toMatch(
          new RegExp(
            `^BANDWIDTH=\\d+,AVERAGE-BANDWIDTH=\\d+,CODECS="avc1\\.(?:4d40|42e0)[0-9a-f]{2},mp4a\\.40\\.2",RESOLUTION=${size}$`,
          ),
        );
      }
      const bandwidths = variants.map((v) => Number(/BANDWIDTH=(\d+)/.exec(v.attributes)?.[1]));
      expect([...bandwidths].sort((a, b) => a - b)).toEqual(bandwidths);
      for (const [name, height] of [
        ["240p", 240],
        ["360p", 360],
        ["720p", 720],
      ] as const) {
        const segment = ffprobeJson(paths.get(`hls/${name}/segment-00000.ts`) ?? "");
        expect(segment.format.format_name).toBe("mpegts");
        const video = segment.streams.find((s) => s.codec_type === "video");
        expect(video).toMatchObject({ codec_name: "h264", height });
        // CODECS names the profile the encoder really used (ultrafast drops to Constrained
        // Baseline even when Main is asked for): RFC 6381 profile_idc 0x4d or 0x42.
        const declared = variants.find((v) => v.uri === `${name}/index.m3u8`)?.attributes ?? "";
        expect(declared).toContain(video?.profile === "Main" ? "avc1.4d40" : "avc1.42e0");
        expect(segment.streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");
      }
      const audioOnly = ffprobeJson(paths.get("hls/audio/segment-00000.ts") ?? "");
      expect(audioOnly.streams.map((s) => s.codec_type)).toEqual(["audio"]);
      // Whole audio files as for an audio clip: a video episode's podcast enclosure is one
      // (writeOut checked each one's exact length).
      const audio = result.files.filter((f) => f.rendition?.role.startsWith("audio-"));
      expect(audio.map((f) => [f.name, f.rendition?.role, f.contentType])).toEqual([
        ["audio-opus-24k.ogg", "audio-low-opus", "audio/ogg; codecs=opus"],
        ["audio-aac-32k.m4a", "audio-low-aac", `audio/mp4; codecs=${lowAac.codecs}`],
        ["audio-aac-96k.m4a", "audio-standard", "audio/mp4; codecs=mp4a.40.2"],
      ]);
      for (const file of audio) {
        const probed = ffprobeJson(paths.get(file.name) ?? "");
        expect(
          probed.streams.map((s) => s.codec_type),
          file.name,
        ).toEqual(["audio"]);
        expect(file.rendition?.bitrate, file.name).toBeGreaterThan(0);
      }
      expect(ffprobeJson(paths.get("poster.jpg") ?? "").streams[0]).toMatchObject({
        codec_name: "mjpeg",
        height: 720,
      });
      expect(ffprobeJson(paths.get("poster.webp") ?? "").streams[0]?.codec_name).toBe("webp");
      expect(
        result.files
          .filter((f) => f.rendition?.role === "poster")
          .map((f) => f.contentType)
          .sort(),
      ).toEqual(["image/jpeg", "image/webp"]);
    } finally {
      await result.dispose();
    }
  });

  it("remuxes the lowest rung into one progressive MP4 for browsers without HLS or JavaScript", async () => {
    const result = await transcoder.transcode({
      kind: "video",
      original: createReadStream(join(dir, "report.mp4")),
      height: 720,
    });
    try {
      const paths = await writeOut(result.files, join(dir, "progressive"));
      const progressive = result.files.filter((f) => f.rendition?.role === "video-progressive");
      expect(progressive.map((f) => f.name)).toEqual(["video-240p.mp4"]);
      const file = progressive[0];
      const probed = ffprobeJson(paths.get("video-240p.mp4") ?? "");
      expect(probed.format.format_name).toContain("mp4");
      const video = probed.streams.find((s) => s.codec_type === "video");
      expect(video).toMatchObject({ codec_name: "h264", height: 240 });
      expect(probed.streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");
      // The whole clip, not one segment: 7 s of source.
      expect(Number(probed.format.duration)).toBeGreaterThan(6.5);
      // RFC 6381 codecs, quoted because the list has a comma (RFC 2045 §5.1 parameter value).
      expect(file?.contentType).toMatch(
        /^video\/mp4; codecs="avc1\.(?:4d40|42e0)[0-9a-f]{2},mp4a\.40\.2"$/,
      );
      expect(file?.rendition).toMatchObject({ width: 426, height: 240 });
      expect(file?.rendition?.bitrate).toBeGreaterThan(0);
    } finally {
      await result.dispose();
    }
  });

  it("never scales a small video up", async () => {
    ffmpeg([
      "-f",
      "lavfi",
      "-i",
      "testsrc=size=480x360:rate=25:duration=2",
      "-f",
      "lavfi",
      "-i",
      "sine=duration=2",
      "-c:v",
      "libx264",
      "-preset",
      "ultrafast",
      "-c:a",
      "aac",
      "-shortest",
      join(dir, "small.mp4"),
    ]);
    const result = await transcoder.transcode({
      kind: "video",
      original: createReadStream(join(dir, "small.mp4")),
      height: 360,
    });
    try {
      const names = result.files.map((f) => f.name);
      expect(names).toContain("hls/360p/index.m3u8");
      expect(names.some((n) => n.startsWith("hls/720p/"))).toBe(false);
    } finally {
      await result.dispose();
    }
  });
});

async function readText(path: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
