import type { ClipKind, RenditionRole } from "./clip-schema.js";

/** One file a transcode produced, to be written to the store under the clip's prefix. */
export interface TranscodedFile {
  /** Path below the clip's prefix: `audio-opus-24k.ogg`, `hls/360p/segment-00001.ts`. */
  readonly name: string;
  readonly contentType: string;
  /** The exact length in bytes. */
  readonly bytes: number;
  read(): AsyncIterable<Uint8Array>;
  /** Set on the files readers pick (not on HLS segments and variant playlists). */
  readonly rendition?: {
    readonly role: RenditionRole;
    readonly codecs: string;
    readonly bitrate: number;
    readonly width: number | null;
    readonly height: number | null;
  };
}

export interface TranscodeResult {
  readonly files: readonly TranscodedFile[];
  /** Removes the working directory; call once every file was stored. */
  dispose(): Promise<void>;
}

/**
 * Makes a clip's renditions from its original (ffmpeg in production:
 * src/media/ffmpeg-clip-transcoder.ts). Audio: Opus ~24 kbit/s, AAC ~32 kbit/s, AAC-LC
 * ~96 kbit/s. Video: HLS at 240p, 360p and 720p plus audio-only, a progressive MP4 of the
 * lowest rung (for browsers without HLS or JavaScript), and a poster.
 */
export interface ClipTranscoder {
  transcode(input: {
    readonly kind: ClipKind;
    readonly original: AsyncIterable<Uint8Array>;
    /** The source's height, so video is never scaled up past it. */
    readonly height: number | null;
    /** The source's duration, to tell progress by; null when unknown. */
    readonly durationMs: number | null;
    /** Told how far the work is (0–1) as it goes. */
    readonly onProgress?: (fraction: number) => void;
  }): Promise<TranscodeResult>;
}
