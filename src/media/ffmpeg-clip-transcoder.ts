import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import type { ClipKind, RenditionRole } from "../domain/clips/clip-schema.js";
import type {
  ClipTranscoder,
  TranscodedFile,
  TranscodeResult,
} from "../domain/clips/clip-transcoder.js";
import { runProcess } from "./run-process.js";

/** One audio rendition: what readers on each kind of connection and player get. */
interface AudioProfile {
  readonly name: string;
  readonly role: RenditionRole;
  readonly args: readonly string[];
  /** The container's MIME type; the codecs parameter is added from the probed file. */
  readonly container: string;
}

const lowAacName = "audio-aac-32k.m4a";
/**
 * HE-AAC input for the FDK encoder: 44.1 kHz (SBR doubles the 22.05 kHz core), two channels.
 * ADTS signals SBR implicitly, and a decoder meeting a one-channel implicit stream must
 * allow for parametric stereo, so ffprobe (and players) take mono for HE-AAC v2; a
 * two-channel stream is plainly HE-AAC v1, and identical channels cost next to nothing
 * in joint (M/S) stereo.
 */
const heAacSourceArgs = ["-ac", "2", "-ar", "44100", "-c:a", "pcm_s16le", "-f", "wav"];

/**
 * Audio renditions. Opus at 24 kbit/s is transparent enough for speech and half the size of
 * the AAC fallback. The low AAC rendition is HE-AAC (AAC-LC with spectral band replication,
 * ISO/IEC 14496-3 §4.6.18: `mp4a.40.5`) at 32 kbit/s when the Fraunhofer FDK encoder is
 * installed (`aac-enc`, Debian's non-free `aac-enc` package; Debian's ffmpeg is built
 * without libfdk_aac). Without it, ffmpeg's own encoder makes AAC-LC at 32 kbit/s, 22.05 kHz,
 * and the rendition is labelled `mp4a.40.2`: every label is read back from the file.
 * @public bench/clip-transcode-bench.js imports it from the build (dist/).
 */
export const audioProfiles: readonly AudioProfile[] = [
  {
    name: "audio-opus-24k.ogg",
    role: "audio-low-opus",
    args: ["-c:a", "libopus", "-b:a", "24k", "-ac", "1", "-application", "audio", "-f", "ogg"],
    container: "audio/ogg",
  },
  {
    name: lowAacName,
    role: "audio-low-aac",
    args: [
      "-c:a",
      "aac",
      "-b:a",
      "32k",
      "-ac",
      "1",
      "-ar",
      "22050",
      "-movflags",
      "+faststart",
      "-f",
      "mp4",
    ],
    container: "audio/mp4",
  },
  {
    name: "audio-aac-96k.m4a",
    role: "audio-standard",
    args: [
      "-c:a",
      "aac",
      "-b:a",
      "96k",
      "-ac",
      "2",
      "-ar",
      "44100",
      "-movflags",
      "+faststart",
      "-f",
      "mp4",
    ],
    container: "audio/mp4",
  },
];

/**
 * HLS video renditions (Apple HLS authoring spec, 2.x: 16:9 ladder, 6 s segments).
 * @public bench/clip-transcode-bench.js imports it from the build (dist/).
 */
export const videoLadder = [
  { name: "240p", height: 240, videoKbps: 300 },
  { name: "360p", height: 360, videoKbps: 700 },
  { name: "720p", height: 720, videoKbps: 2400 },
] as const;
const hlsAudioKbps = 64;
const segmentSeconds = 6;

const mimeByExtension: Record<string, string> = {
  m3u8: "application/vnd.apple.mpegurl",
  ts: "video/mp2t",
  jpg: "image/jpeg",
  webp: "image/webp",
};

const outputProbe = z.object({
  format: z.object({ bit_rate: z.string().optional(), duration: z.string().optional() }),
  streams: z.array(
    z.object({
      codec_type: z.string().optional(),
      codec_name: z.string().optional(),
      profile: z.string().optional(),
      level: z.number().optional(),
      width: z.number().optional(),
      height: z.number().optional(),
    }),
  ),
});

export interface TranscoderOptions {
  /** Hard limit for one ffmpeg run; kept below the job lock renewal's reach by the caller. */
  readonly timeoutMs: number;
  /** x264 preset: `veryfast` by default (2 shared cores). */
  readonly x264Preset?: string;
  /** Where working directories go (the OS temp directory by default). */
  readonly workDir?: string;
  /**
   * The Fraunhofer FDK command-line encoder (`aac-enc`) for the HE-AAC rendition, or null
   * for AAC-LC from ffmpeg (see `audioProfiles`). main.ts finds it on the PATH.
   */
  readonly heAacEncoder?: string | null;
}

/** Transcodes with Debian's ffmpeg, spawned at low priority with a time limit. */
export class FfmpegClipTranscoder implements ClipTranscoder {
  readonly #options: TranscoderOptions;

  constructor(options: TranscoderOptions) {
    this.#options = options;
  }

  async transcode(input: {
    kind: ClipKind;
    original: AsyncIterable<Uint8Array>;
    height: number | null;
    durationMs?: number | null;
    onProgress?: (fraction: number) => void;
  }): Promise<TranscodeResult> {
    const dir = await mkdtemp(join(this.#options.workDir ?? tmpdir(), "newsdesk-clip-"));
    const dispose = () => rm(dir, { recursive: true, force: true });
    try {
      const source = join(dir, "source");
      await pipeline(Readable.from(input.original), createWriteStream(source));
      const out = join(dir, "out");
      await mkdir(out);
      const progress = progressReader(input.durationMs ?? null, input.onProgress);
      const files =
        input.kind === "audio"
          ? await this.#audio(source, out, progress)
          : await this.#video(source, out, input.height, progress);
      return { files, dispose };
    } catch (error) {
      await dispose();
      throw error;
    }
  }

  async #audio(source: string, out: string, progress?: LineReader): Promise<TranscodedFile[]> {
    // One decode, three encodes: each output takes the first sound track.
    await this.#ffmpeg(["-i", `file:${source}`, ...this.#audioOutputs(out)], progress);
    await this.#heAac(out);
    return audioFiles(out);
  }

  #audioOutputs(out: string): string[] {
    return audioOutputs(out, this.#options.heAacEncoder ? heAacSource(out) : undefined);
  }

  /**
   * The HE-AAC rendition from the WAV that ffmpeg wrote beside the others: the FDK encoder
   * writes ADTS (it cannot read a pipe: a piped WAV header has no length), then ffmpeg
   * copies the stream into MP4 with its index first.
   */
  async #heAac(out: string): Promise<void> {
    const encoder = this.#options.heAacEncoder;
    if (!encoder) return;
    const wav = heAacSource(out);
    const adts = join(out, "low-he-aac.aac");
    try {
      // AOT 5: HE-AAC (SBR); 32 kbit/s; afterburner on (better quality, still fast).
      const result = await runProcess(encoder, ["-r", "32000", "-t", "5", "-a", "1", wav, adts], {
        timeoutMs: this.#options.timeoutMs,
      });
      if (result.timedOut || result.code !== 0)
        throw new Error(`aac-enc failed: ${(result.stderr || result.stdout).trim().slice(-500)}`);
      await this.#ffmpeg([
        "-i",
        `file:${adts}`,
        "-c",
        "copy",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
        `file:${join(out, lowAacName)}`,
      ]);
    } finally {
      await rm(wav, { force: true });
      await rm(adts, { force: true });
    }
  }

  async #video(
    source: string,
    out: string,
    sourceHeight: number | null,
    progress?: LineReader,
  ): Promise<TranscodedFile[]> {
    // Never scale up: renditions above the source's height are left out, the smallest kept.
    const ladder = videoLadder.filter(
      (rung, index) => index === 0 || sourceHeight === null || rung.height <= sourceHeight,
    );
    const split = ladder.map((_, i) => `[v${i}]`).join("");
    const scales = ladder.map((rung, i) => `[v${i}]scale=-2:${rung.height}[s${i}]`).join(";");
    const args = [
      "-i",
      `file:${source}`,
      "-filter_complex",
      `[0:v:0]split=${ladder.length}${split};${scales}`,
    ];
    const streamMap: string[] = [];
    ladder.forEach((rung, i) => {
      args.push("-map", `[s${i}]`, "-map", "0:a:0");
      args.push(
        `-b:v:${i}`,
        `${rung.videoKbps}k`,
        `-maxrate:v:${i}`,
        `${Math.round(rung.videoKbps * 1.1)}k`,
        `-bufsize:v:${i}`,
        `${rung.videoKbps * 2}k`,
      );
      streamMap.push(`v:${i},a:${i},name:${rung.name}`);
    });
    args.push("-map", "0:a:0");
    streamMap.push(`a:${ladder.length},name:audio`);
    await mkdir(join(out, "hls"));
    args.push(
      "-c:v",
      "libx264",
      "-preset",
      this.#options.x264Preset ?? "veryfast",
      "-profile:v",
      "main",
      "-pix_fmt",
      "yuv420p",
      // Keyframes on segment boundaries so every rendition switches cleanly (HLS authoring §1.2).
      "-force_key_frames",
      `expr:gte(t,n_forced*${segmentSeconds})`,
      "-sc_threshold",
      "0",
      "-c:a",
      "aac",
      "-b:a",
      `${hlsAudioKbps}k`,
      "-ac",
      "2",
      "-ar",
      "44100",
      "-f",
      "hls",
      "-hls_time",
      String(segmentSeconds),
      "-hls_playlist_type",
      "vod",
      "-hls_segment_filename",
      join(out, "hls", "%v", "segment-%05d.ts"),
      "-var_stream_map",
      streamMap.join(" "),
      join(out, "hls", "%v", "index.m3u8"),
      // The audio renditions too, from the same decode: podcast apps download one file, so
      // a video episode's feed enclosure is its audio (podcast-feed.ts), and listeners on
      // expensive data can hear it without the picture.
      ...this.#audioOutputs(out),
    );
    await this.#ffmpeg(args, progress);
    await this.#heAac(out);
    const variants = [];
    for (const rung of ladder) variants.push(await variantOf(out, rung.name, true));
    variants.push(await variantOf(out, "audio", false));
    const master = masterPlaylist(variants);
    await writeText(join(out, "hls", "master.m3u8"), master);
    const lowest = variants[0];
    if (!lowest) throw new Error("ffmpeg made no HLS variant.");
    const progressive = await this.#progressive(out, lowest);
    await this.#poster(source, out, sourceHeight);
    const files = await audioFiles(out);
    const audioNames = new Set(audioProfiles.map((profile) => profile.name));
    for (const path of await listFiles(out)) {
      const name = relative(out, path);
      if (audioNames.has(name)) continue;
      const ext = name.slice(name.lastIndexOf(".") + 1);
      const mime =
        name === progressive.name
          ? `video/mp4; codecs="${progressive.variant.codecs}"`
          : (mimeByExtension[ext] ?? "application/octet-stream");
      const top = variants.at(-2) ?? variants[0];
      const rendition =
        name === "hls/master.m3u8"
          ? {
              role: "hls-master" as const,
              codecs: top?.codecs ?? "",
              bitrate: top?.bandwidth ?? 0,
              width: top?.width ?? null,
              height: top?.height ?? null,
            }
          : name === progressive.name
            ? {
                role: "video-progressive" as const,
                codecs: progressive.variant.codecs,
                bitrate: progressive.variant.averageBandwidth,
                width: progressive.variant.width,
                height: progressive.variant.height,
              }
            : name.startsWith("poster.")
              ? {
                  role: "poster" as const,
                  codecs: "",
                  bitrate: 0,
                  width: top?.width ?? null,
                  height: top?.height ?? null,
                }
              : undefined;
      files.push(await fileAt(out, path, mime, rendition));
    }
    return files;
  }

  /**
   * One progressive MP4 for browsers that play neither HLS natively nor run our player
   * script (Firefox or Chromium without JavaScript, text-only readers): the lowest rung's
   * segments remuxed with `-c copy`, so it costs a second of I/O and no encode. H.264 Main
   * with AAC-LC in MP4 is the most widely decodable progressive format; a WebM/VP9 file
   * would mean a second full encode on the 2 shared cores for no reader who lacks H.264 and
   * could still play HLS. The lowest rung because a file cannot adapt to a slow connection.
   */
  async #progressive(out: string, variant: Variant): Promise<{ name: string; variant: Variant }> {
    const name = `video-${variant.name}.mp4`;
    await this.#ffmpeg([
      "-i",
      `file:${join(out, "hls", variant.name, "index.m3u8")}`,
      "-map",
      "0:v:0",
      "-map",
      "0:a:0",
      "-c",
      "copy",
      "-map_metadata",
      "-1",
      // The index first, so a browser starts playing before the whole file is there.
      "-movflags",
      "+faststart",
      "-f",
      "mp4",
      `file:${join(out, name)}`,
    ]);
    return { name, variant };
  }

  async #poster(source: string, out: string, sourceHeight: number | null): Promise<void> {
    const height = Math.min(720, sourceHeight ?? 720);
    for (const [name, codec] of [
      ["poster.jpg", ["-q:v", "4"]],
      ["poster.webp", ["-c:v", "libwebp", "-quality", "70"]],
    ] as const) {
      // A frame a second in (or the first, for a shorter clip) rather than a black intro.
      await this.#ffmpeg([
        "-ss",
        "1",
        "-i",
        `file:${source}`,
        "-frames:v",
        "1",
        "-vf",
        `scale=-2:${height}`,
        ...codec,
        "-update",
        "1",
        `file:${join(out, name)}`,
      ]).catch(() =>
        this.#ffmpeg([
          "-i",
          `file:${source}`,
          "-frames:v",
          "1",
          "-vf",
          `scale=-2:${height}`,
          ...codec,
          "-update",
          "1",
          `file:${join(out, name)}`,
        ]),
      );
    }
  }

  async #ffmpeg(args: readonly string[], progress?: LineReader): Promise<void> {
    const result = await runProcess(
      "ffmpeg",
      [
        "-nostdin",
        "-hide_banner",
        "-v",
        "error",
        "-y",
        ...(progress ? ["-progress", "pipe:1", "-nostats"] : []),
        ...args,
      ],
      { timeoutMs: this.#options.timeoutMs, ...(progress ? { onLine: progress } : {}) },
    );
    if (result.timedOut)
      throw new Error(
        `ffmpeg did not finish within ${Math.round(this.#options.timeoutMs / 1000)} s.`,
      );
    if (result.code !== 0) throw new Error(`ffmpeg failed: ${result.stderr.trim().slice(-500)}`);
  }
}

type LineReader = (line: string) => void;

/** Where ffmpeg writes the sound the FDK encoder makes the HE-AAC rendition from. */
const heAacSource = (out: string) => join(out, "low-he-aac.wav");

/**
 * ffmpeg output arguments writing every audio rendition into `out` from input 0; with
 * `heAacWav`, the low AAC rendition's sound goes there instead, for the FDK encoder.
 */
function audioOutputs(out: string, heAacWav?: string): string[] {
  return audioProfiles.flatMap((profile) => [
    "-map",
    "0:a:0",
    "-vn",
    "-map_metadata",
    "-1",
    ...(heAacWav && profile.name === lowAacName
      ? [...heAacSourceArgs, `file:${heAacWav}`]
      : [...profile.args, `file:${join(out, profile.name)}`]),
  ]);
}

/**
 * RFC 6381 §3.3 codecs for an audio stream as ffprobe names it: AAC by its object type
 * (2 LC, 5 SBR/HE-AAC, 29 PS/HE-AAC v2), Opus by name.
 */
function audioCodecs(stream: { codec_name?: string | undefined; profile?: string | undefined }) {
  if (stream.codec_name === "opus") return "opus";
  if (stream.codec_name !== "aac") throw new Error(`unexpected audio codec ${stream.codec_name}`);
  const objectType = { LC: 2, "HE-AAC": 5, "HE-AACv2": 29 }[stream.profile ?? ""];
  if (!objectType) throw new Error(`unexpected AAC profile ${stream.profile}`);
  return `mp4a.40.${objectType}`;
}

/** The audio renditions written by `audioOutputs`, each labelled from the file itself. */
async function audioFiles(out: string): Promise<TranscodedFile[]> {
  const files: TranscodedFile[] = [];
  for (const profile of audioProfiles) {
    const path = join(out, profile.name);
    const probed = await probeOutput(path);
    const codecs = audioCodecs(probed.streams.find((s) => s.codec_type === "audio") ?? {});
    files.push(
      await fileAt(out, path, `${profile.container}; codecs=${codecs}`, {
        role: profile.role,
        codecs,
        bitrate: Number(probed.format.bit_rate ?? 0),
        width: null,
        height: null,
      }),
    );
  }
  return files;
}

/**
 * Reads ffmpeg's `-progress` lines (`out_time_us=…`, microseconds of output written) into
 * a fraction of the source's duration.
 */
function progressReader(
  durationMs: number | null,
  onProgress: ((fraction: number) => void) | undefined,
): LineReader | undefined {
  if (!onProgress || !durationMs || durationMs <= 0) return undefined;
  return (line) => {
    const micros = /^out_time_us=(\d+)$/.exec(line.trim())?.[1];
    if (micros) onProgress(Math.min(1, Number(micros) / 1000 / durationMs));
  };
}

interface Variant {
  readonly name: string;
  /** Peak segment bit rate (RFC 8216 §4.3.4.2 BANDWIDTH) and the mean. */
  readonly bandwidth: number;
  readonly averageBandwidth: number;
  readonly codecs: string;
  readonly width: number | null;
  readonly height: number | null;
}

async function variantOf(out: string, name: string, hasVideo: boolean): Promise<Variant> {
  const dir = join(out, "hls", name);
  const playlist = await readFile(join(dir, "index.m3u8"), "utf8");
  const segments: { seconds: number; file: string }[] = [];
  const lines = playlist.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const duration = /^#EXTINF:([\d.]+)/.exec(lines[i] ?? "")?.[1];
    const file = lines[i + 1];
    if (duration && file) segments.push({ seconds: Number(duration), file: file.trim() });
  }
  let peak = 0;
  let totalBits = 0;
  let totalSeconds = 0;
  for (const segment of segments) {
    const bits = (await stat(join(dir, segment.file))).size * 8;
    totalBits += bits;
    totalSeconds += segment.seconds;
    if (segment.seconds > 0) peak = Math.max(peak, bits / segment.seconds);
  }
  const first = segments[0];
  const probed = first ? await probeOutput(join(dir, first.file)) : undefined;
  const video = probed?.streams.find((s) => s.codec_type === "video");
  const codecs = [hasVideo && video ? avcCodec(video.profile, video.level) : undefined, "mp4a.40.2"]
    .filter(Boolean)
    .join(",");
  return {
    name,
    bandwidth: Math.ceil(peak),
    averageBandwidth: Math.ceil(totalSeconds > 0 ? totalBits / totalSeconds : 0),
    codecs,
    width: hasVideo ? (video?.width ?? null) : null,
    height: hasVideo ? (video?.height ?? null) : null,
  };
}

/** RFC 6381 §3.3 `avc1.PPCCLL`: profile_idc, constraint flags, level_idc in hex. */
function avcCodec(profile: string | undefined, level: number | undefined): string {
  const profiles: Record<string, string> = {
    "Constrained Baseline": "42e0",
    Baseline: "4200",
    Main: "4d40",
    High: "6400",
  };
  const prefix = profiles[profile ?? ""] ?? "4d40";
  return `avc1.${prefix}${(level ?? 30).toString(16).padStart(2, "0")}`;
}

/** The master playlist (RFC 8216 §4.3.4.2), lowest bandwidth first so players start small. */
function masterPlaylist(variants: readonly Variant[]): string {
  const lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-INDEPENDENT-SEGMENTS"];
  for (const v of [...variants].sort((a, b) => a.bandwidth - b.bandwidth)) {
    const attributes = [
      `BANDWIDTH=${v.bandwidth}`,
      `AVERAGE-BANDWIDTH=${v.averageBandwidth}`,
      `CODECS="${v.codecs}"`,
      ...(v.width && v.height ? [`RESOLUTION=${v.width}x${v.height}`] : []),
    ];
    lines.push(`#EXT-X-STREAM-INF:${attributes.join(",")}`, `${v.name}/index.m3u8`);
  }
  return `${lines.join("\n")}\n`;
}

async function probeOutput(path: string): Promise<z.infer<typeof outputProbe>> {
  const result = await runProcess(
    "ffprobe",
    ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", `file:${path}`],
    { timeoutMs: 30_000, nice: false },
  );
  if (result.code !== 0)
    throw new Error(`ffprobe could not read ${path}: ${result.stderr.slice(0, 300)}`);
  return outputProbe.parse(JSON.parse(result.stdout));
}

async function fileAt(
  root: string,
  path: string,
  contentType: string,
  rendition: TranscodedFile["rendition"],
): Promise<TranscodedFile> {
  const bytes = (await stat(path)).size;
  return {
    name: relative(root, path).split("\\").join("/"),
    contentType,
    bytes,
    read: () => createReadStream(path),
    ...(rendition ? { rendition } : {}),
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function writeText(path: string, text: string): Promise<void> {
  await pipeline(Readable.from([Buffer.from(text, "utf8")]), createWriteStream(path));
}
