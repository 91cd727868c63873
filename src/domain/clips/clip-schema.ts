import { z } from "zod";

export type ClipKind = "audio" | "video";
/** The transcoding job's state: renditions are listed once `ready`. */
export type ClipStatus = "queued" | "running" | "ready" | "failed";

/**
 * An audio or video clip: metadata and the store keys of its objects. The bytes (original,
 * renditions, HLS segments, poster) live in the `MediaObjectStore`, never in the database.
 */
export interface Clip {
  readonly id: string;
  readonly kind: ClipKind;
  readonly title: string;
  /** `upload`: Newsdesk holds the original and transcodes it; `external`: a stream URL. */
  readonly source: "upload" | "external";
  readonly externalUrl: string | null;
  /** Milliseconds; null for an external stream (not probed: see ClipService.registerExternal). */
  readonly durationMs: number | null;
  readonly width: number | null;
  readonly height: number | null;
  /** The original as uploaded: its store key, detected container and size. */
  readonly originalKey: string | null;
  readonly originalFormat: string | null;
  readonly originalBytes: number | null;
  readonly sha256: string | null;
  readonly status: ClipStatus;
  /** Why transcoding failed, for the newsroom; null otherwise. */
  readonly error: string | null;
  /** How far the running transcode is, 0–1; null when none is running. */
  readonly progress: number | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * One playable file of a clip. `name` is the path under the clip's URL
 * (`/media/clips/<id>/<name>`), `key` where the store keeps it.
 */
export interface ClipRendition {
  readonly name: string;
  readonly role: RenditionRole;
  readonly key: string;
  /** The MIME type with its RFC 6381 codecs, as `<source type>` and HLS CODECS want it. */
  readonly mime: string;
  readonly codecs: string;
  /** Bits per second, measured on the result (for HLS: the peak BANDWIDTH). */
  readonly bitrate: number;
  /** The exact byte length (podcast enclosures need it); for HLS the playlist itself. */
  readonly bytes: number;
  /**
   * Hex SHA-256 of the bytes, taken as they were stored (the feed's `podcast:integrity`);
   * absent for renditions made before it was recorded.
   */
  readonly sha256?: string;
  readonly width: number | null;
  readonly height: number | null;
}

export type RenditionRole =
  /** Opus in Ogg, ~24 kbit/s: the rendition for expensive data. */
  | "audio-low-opus"
  /** AAC in MP4, ~32 kbit/s: the low-bitrate rendition for players without Opus (Safari < 17). */
  | "audio-low-aac"
  /** AAC-LC in MP4, ~96 kbit/s. */
  | "audio-standard"
  | "hls-master"
  /**
   * H.264/AAC in MP4 at the lowest HLS rung, one file: what a browser without native HLS
   * plays when our player script does not run (src/media/ffmpeg-clip-transcoder.ts).
   */
  | "video-progressive"
  | "poster";

export interface ClipCaption {
  /** BCP 47 tag of the captions' language. */
  readonly lang: string;
  readonly vtt: string;
  /** Editable reading text; derived from the cues until an editor changes it. */
  readonly transcript: string;
  readonly transcriptEdited: boolean;
  readonly cueCount: number;
  readonly updatedAt: string;
}

export interface ClipLimits {
  readonly maxAudioBytes: number;
  readonly maxVideoBytes: number;
  /** Longest clip accepted, in milliseconds. */
  readonly maxDurationMs: number;
  /** Time ffprobe may take on one file. */
  readonly probeTimeoutMs: number;
}

export const defaultClipLimits: ClipLimits = {
  maxAudioBytes: 200 * 1024 * 1024,
  maxVideoBytes: 500 * 1024 * 1024,
  maxDurationMs: 4 * 3_600_000,
  probeTimeoutMs: 20_000,
};

/** BCP 47 language tag of captions (a simple well-formedness check; RFC 5646 §2.1). */
export const captionLangSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, "Give the captions' language as a BCP 47 tag.");

const clipTitleSchema = z.string().trim().max(300);

export const externalClipSchema = z.object({
  kind: z.enum(["audio", "video"]),
  url: z
    .string()
    .max(2000)
    .regex(/^https?:\/\//i, "Give an http or https address."),
  title: clipTitleSchema.default(""),
});

export const transcriptSchema = z.object({ transcript: z.string().max(200_000) });

export const clipPatchSchema = z.object({ title: clipTitleSchema });

/** A clip as the newsroom and the reader renderer read it. */
export interface ClipView {
  readonly clip: Clip;
  readonly renditions: readonly ClipRendition[];
  readonly captions: readonly ClipCaption[];
}

/** Store keys live under one prefix per clip (`clips/<id>/…`), so a clip's objects list together. */
export function clipKey(clipId: string, name: string): string {
  return `clips/${clipId}/${name}`;
}

/** Where readers fetch a clip's file (served by src/http/clip-media-routes.ts). */
function clipFileUrl(clipId: string, name: string): string {
  return `/media/clips/${clipId}/${name}`;
}

function clipCaptionUrl(clipId: string, lang: string): string {
  return `/media/clips/${clipId}/captions/${lang}.vtt`;
}

/** A clip as JSON for the newsroom API: no store keys, URLs instead. */
export function clipJson(view: ClipView) {
  const { clip } = view;
  return {
    id: clip.id,
    kind: clip.kind,
    title: clip.title,
    source: clip.source,
    externalUrl: clip.externalUrl,
    durationMs: clip.durationMs,
    width: clip.width,
    height: clip.height,
    originalFormat: clip.originalFormat,
    originalBytes: clip.originalBytes,
    status: clip.status,
    error: clip.error,
    progress: clip.progress,
    createdAt: clip.createdAt,
    updatedAt: clip.updatedAt,
    renditions: view.renditions.map((r) => ({
      name: r.name,
      role: r.role,
      mime: r.mime,
      codecs: r.codecs,
      bitrate: r.bitrate,
      bytes: r.bytes,
      width: r.width,
      height: r.height,
      url: clipFileUrl(clip.id, r.name),
    })),
    captions: view.captions.map((c) => ({
      lang: c.lang,
      cueCount: c.cueCount,
      vtt: c.vtt,
      transcript: c.transcript,
      transcriptEdited: c.transcriptEdited,
      updatedAt: c.updatedAt,
      url: clipCaptionUrl(clip.id, c.lang),
    })),
  };
}
