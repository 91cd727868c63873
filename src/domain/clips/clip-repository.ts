import type { Clip, ClipCaption, ClipRendition, ClipStatus } from "./clip-schema.js";

/** The store keys a clip's rows name, with what they record of each object. */
export interface ClipStoredObjects {
  readonly clipId: string;
  readonly objects: readonly {
    readonly key: string;
    readonly bytes: number | null;
    readonly sha256: string | null;
  }[];
}

export interface ClipRepository {
  /** Clips by id after `after`, each with the keys its rows name (backup and restore). */
  listStoredObjects(after: string | undefined, limit: number): Promise<ClipStoredObjects[]>;
  insert(clip: Clip): Promise<void>;
  find(id: string): Promise<Clip | undefined>;
  findBySha256(sha256: string): Promise<Clip | undefined>;
  list(query: { q?: string; limit: number; offset: number }): Promise<{
    items: Clip[];
    total: number;
  }>;
  setTitle(id: string, title: string, at: string): Promise<boolean>;
  /** Sets the state; any recorded progress is cleared. */
  setStatus(id: string, status: ClipStatus, error: string | null, at: string): Promise<void>;
  /** Records a running transcode's progress (0–1). */
  setProgress(id: string, fraction: number): Promise<void>;
  /** Replaces the clip's renditions and marks it ready, in one transaction. */
  completeRenditions(id: string, renditions: readonly ClipRendition[], at: string): Promise<void>;
  renditions(ids: readonly string[]): Promise<Map<string, ClipRendition[]>>;
  captions(ids: readonly string[]): Promise<Map<string, ClipCaption[]>>;
  /** Inserts or replaces the captions in `caption.lang`. */
  putCaption(clipId: string, caption: ClipCaption, by: string | null): Promise<void>;
  deleteCaption(clipId: string, lang: string): Promise<boolean>;
  /** Deletes the clip with its renditions and captions, in one transaction. */
  delete(clipId: string): Promise<boolean>;
  setTranscript(
    clipId: string,
    lang: string,
    transcript: string,
    edited: boolean,
    at: string,
  ): Promise<boolean>;
}
