import { z } from "zod";
import type { MediaProbe, MediaProber } from "../domain/clips/clip-probe.js";
import { runProcess } from "./run-process.js";

// The parts of `ffprobe -print_format json -show_format -show_streams` that are read.
const probeOutput = z.object({
  format: z.object({ format_name: z.string(), duration: z.string().optional() }),
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        channels: z.number().optional(),
        duration: z.string().optional(),
        disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
      }),
    )
    .max(64),
});

/** Seconds at the end of the file decoded to find files cut short. */
const tailSeconds = 3;

/** Probes with Debian's ffprobe, then decodes the file's tail with ffmpeg. */
export class FfprobeMediaProber implements MediaProber {
  readonly #timeoutMs: number;

  constructor(options: { timeoutMs: number }) {
    this.#timeoutMs = options.timeoutMs;
  }

  async probe(path: string): Promise<MediaProbe | undefined> {
    const probed = await runProcess(
      "ffprobe",
      ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", `file:${path}`],
      { timeoutMs: this.#timeoutMs, nice: false },
    );
    if (probed.code !== 0 || probed.timedOut) return undefined;
    let parsed: z.infer<typeof probeOutput>;
    try {
      parsed = probeOutput.parse(JSON.parse(probed.stdout));
    } catch {
      return undefined;
    }
    const audio = parsed.streams.find((s) => s.codec_type === "audio");
    const video = parsed.streams.find(
      (s) => s.codec_type === "video" && s.disposition?.attached_pic !== 1,
    );
    const seconds = Number(parsed.format.duration ?? audio?.duration ?? Number.NaN);
    return {
      formatName: parsed.format.format_name,
      durationMs: Number.isFinite(seconds) ? seconds * 1000 : 0,
      audio: audio ? { codec: audio.codec_name ?? "", channels: audio.channels ?? 0 } : null,
      video:
        video?.width && video.height
          ? { codec: video.codec_name ?? "", width: video.width, height: video.height }
          : null,
      tailDecodes:
        audio && Number.isFinite(seconds) ? await this.#decodesToTheEnd(path, seconds) : false,
    };
  }

  /**
   * Decodes the last seconds of the sound track, keeping the file's own timestamps
   * (`-copyts`): a whole file decodes without error up to the duration its header declares;
   * one cut short stops early (or fails), even when its header (MP3's Xing frame count, an
   * MP4 index written first) still declares the full length.
   */
  async #decodesToTheEnd(path: string, declaredSeconds: number): Promise<boolean> {
    const tail = await runProcess(
      "ffmpeg",
      [
        "-nostdin",
        "-v",
        "error",
        "-copyts",
        "-sseof",
        `-${tailSeconds}`,
        "-i",
        `file:${path}`,
        "-map",
        "0:a:0",
        "-f",
        "framecrc",
        "-",
      ],
      { timeoutMs: this.#timeoutMs, nice: false },
    );
    if (tail.code !== 0 || tail.timedOut || tail.stderr.trim() !== "") return false;
    // framecrc: "#tb 0: 1/44100", then "stream, dts, pts, duration, size, crc" per packet.
    const timeBase = /^#tb 0: (\d+)\/(\d+)$/m.exec(tail.stdout);
    const packets = tail.stdout.split("\n").filter((line) => /^0,/.test(line));
    const last = packets
      .at(-1)
      ?.split(",")
      .map((field) => Number(field.trim()));
    if (!timeBase || !last || last.length < 4) return false;
    const [, , pts = 0, duration = 0] = last;
    const endSeconds = ((pts + duration) * Number(timeBase[1])) / Number(timeBase[2]);
    return endSeconds >= declaredSeconds - Math.max(1, declaredSeconds * 0.03);
  }
}
