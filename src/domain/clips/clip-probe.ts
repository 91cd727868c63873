import { NewsdeskError } from "../error-catalogue.js";
import type { ClipKind, ClipLimits } from "./clip-schema.js";

/** What probing a file found (ffprobe in production: src/media/ffprobe-media-prober.ts). */
export interface MediaProbe {
  /** The demuxer's names for the container, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  readonly formatName: string;
  readonly durationMs: number;
  readonly audio: { readonly codec: string; readonly channels: number } | null;
  /** A moving picture; cover art in an audio file (attached picture) does not count. */
  readonly video: {
    readonly codec: string;
    readonly width: number;
    readonly height: number;
  } | null;
  /**
   * Whether the file's last seconds decode without error. A file cut short in transit
   * often still has a readable header (MP3's Xing frame count, MP4 with the index first)
   * that claims the full duration; decoding the tail finds it.
   */
  readonly tailDecodes: boolean;
}

export interface MediaProber {
  /** Probes a local file; undefined when no demuxer recognises it or probing timed out. */
  probe(path: string): Promise<MediaProbe | undefined>;
}

/**
 * Containers accepted, by ffprobe's demuxer name: what recorders, phones and editing suites
 * produce. Anything else (images, subtitles, playlists, text the probe guesses at) is refused.
 */
const acceptedFormats = new Set([
  "mp3",
  "mov,mp4,m4a,3gp,3g2,mj2",
  "matroska,webm",
  "ogg",
  "wav",
  "flac",
  "aac",
  "mpegts",
  "avi",
]);

/**
 * Checks a probe against the limits and decides the clip's kind. The extension and the
 * client's Content-Type play no part: only what the demuxer and decoders found.
 */
export function checkProbe(
  probe: MediaProbe | undefined,
  bytes: number,
  limits: ClipLimits,
): { readonly kind: ClipKind } {
  if (!probe) throw new NewsdeskError("CLIP_UNREADABLE");
  if (!acceptedFormats.has(probe.formatName)) {
    throw new NewsdeskError("CLIP_UNSUPPORTED", {
      detail: `The file is ${probe.formatName}; upload MP3, M4A/MP4, WebM/Matroska, Ogg, WAV, FLAC, AAC, MPEG-TS or AVI.`,
    });
  }
  if (!probe.audio) throw new NewsdeskError("CLIP_NO_AUDIO");
  if (!probe.tailDecodes || !(probe.durationMs > 0)) throw new NewsdeskError("CLIP_UNREADABLE");
  if (probe.durationMs > limits.maxDurationMs) {
    throw new NewsdeskError("CLIP_TOO_LONG", {
      detail: `The clip lasts ${minutes(probe.durationMs)} minutes; the limit is ${minutes(limits.maxDurationMs)}.`,
    });
  }
  const kind: ClipKind = probe.video ? "video" : "audio";
  const maxBytes = kind === "video" ? limits.maxVideoBytes : limits.maxAudioBytes;
  if (bytes > maxBytes) {
    throw new NewsdeskError("MEDIA_TOO_LARGE", {
      detail: `The ${kind} file is ${mb(bytes)} MB; the limit for ${kind} is ${mb(maxBytes)} MB.`,
    });
  }
  return { kind };
}

const minutes = (ms: number) => (ms / 60_000).toFixed(1);
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
