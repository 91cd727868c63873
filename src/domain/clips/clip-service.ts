import { createHash, type Hash } from "node:crypto";
import { type Actor, actorId } from "../actor.js";
import { cacheTags } from "../cache/cache-tags.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import type { MediaObjectStore } from "../media/media-object-store.js";
import type { OutboundRequests } from "../outbound-requests.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { assertCanSomewhere, can } from "../users/access-policy.js";
import { checkProbe, type MediaProber } from "./clip-probe.js";
import type { ClipRepository } from "./clip-repository.js";
import {
  type Clip,
  type ClipCaption,
  type ClipLimits,
  type ClipRendition,
  type ClipView,
  captionLangSchema,
  clipKey,
  clipPatchSchema,
  defaultClipLimits,
  externalClipSchema,
  transcriptSchema,
} from "./clip-schema.js";
import type { ClipTranscoder } from "./clip-transcoder.js";
import { parseWebVtt, transcriptFromCues } from "./webvtt.js";

/** An upload already spooled to a local file by the HTTP layer (never held in memory). */
export interface SpooledUpload {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  read(): AsyncIterable<Uint8Array>;
}

const progressIntervalMs = 2000;

/** The job kind that transcodes a clip; payload `{ clipId }`. */
export const transcodeJobKind = "clip.transcode";

/**
 * Audio and video clips: checked uploads and external streams, background transcoding
 * into renditions, captions and transcripts per language. Bytes go through the
 * `MediaObjectStore`; the repository keeps metadata and store keys only.
 */
export class ClipService {
  readonly #repository: ClipRepository;
  readonly #store: MediaObjectStore;
  readonly #prober: MediaProber;
  readonly #transcoder: ClipTranscoder;
  readonly #outbound: Pick<OutboundRequests, "check">;
  readonly #clock: Clock;
  readonly #limits: ClipLimits;
  readonly #enqueueTranscode: (clipId: string) => Promise<void>;
  readonly #onChange: (tags: readonly string[]) => Promise<void>;
  readonly #playedBy: (clipId: string) => Promise<readonly string[]>;

  constructor(deps: {
    repository: ClipRepository;
    store: MediaObjectStore;
    prober: MediaProber;
    transcoder: ClipTranscoder;
    /** The outbound guard: external stream URLs may not point at private addresses. */
    outbound: Pick<OutboundRequests, "check">;
    clock: Clock;
    limits?: ClipLimits;
    /** Queues the transcoding job (the jobs system: exactly once, survives restarts). */
    enqueueTranscode: (clipId: string) => Promise<void>;
    /**
     * Told the cache tags a change touched (`cacheTags.clip`, `clipCaptions`,
     * `clipTranscript`): renditions becoming ready and caption or transcript edits change
     * episode pages, podcast feeds and caption files.
     */
    onChange?: (tags: readonly string[]) => Promise<void>;
    /** The stories whose episode plays the clip (EpisodeRepository.storiesPlaying). */
    playedBy: (clipId: string) => Promise<readonly string[]>;
  }) {
    this.#repository = deps.repository;
    this.#store = deps.store;
    this.#prober = deps.prober;
    this.#transcoder = deps.transcoder;
    this.#outbound = deps.outbound;
    this.#clock = deps.clock;
    this.#limits = deps.limits ?? defaultClipLimits;
    this.#enqueueTranscode = deps.enqueueTranscode;
    this.#onChange = deps.onChange ?? (async () => {});
    this.#playedBy = deps.playedBy;
  }

  get limits(): ClipLimits {
    return this.#limits;
  }

  /**
   * Accepts a spooled upload after probing it; stores the original and queues transcoding.
   * Identical bytes are one clip: the existing one is returned with `reused`.
   */
  async upload(
    actor: Actor,
    file: SpooledUpload,
    title: string,
  ): Promise<{ view: ClipView; reused: boolean }> {
    assertMayUseLibrary(actor);
    const name = parseOrThrow(clipPatchSchema, { title }).title;
    const existing = await this.#repository.findBySha256(file.sha256);
    if (existing) return { view: await this.#viewOf(existing), reused: true };
    const probe = await this.#prober.probe(file.path);
    const { kind } = checkProbe(probe, file.bytes, this.#limits);
    const id = newId();
    const at = this.#clock.now().toISOString();
    const key = clipKey(id, "original");
    await this.#store.put(key, file.read(), {
      contentType: "application/octet-stream",
      bytes: file.bytes,
    });
    const clip: Clip = {
      id,
      kind,
      title: name,
      source: "upload",
      externalUrl: null,
      durationMs: Math.round(probe?.durationMs ?? 0),
      width: probe?.video?.width ?? null,
      height: probe?.video?.height ?? null,
      originalKey: key,
      originalFormat: probe?.formatName ?? null,
      originalBytes: file.bytes,
      sha256: file.sha256,
      status: "queued",
      error: null,
      progress: null,
      createdAt: at,
      updatedAt: at,
    };
    await this.#repository.insert(clip);
    await this.#enqueueTranscode(id);
    return { view: { clip, renditions: [], captions: [] }, reused: false };
  }

  /**
   * Registers a stream Newsdesk does not host (a broadcaster's HLS or Icecast URL). It is
   * not probed: ffprobe would resolve and connect on its own, around the outbound guard.
   */
  async registerExternal(actor: Actor, raw: unknown): Promise<ClipView> {
    assertMayUseLibrary(actor);
    const input = parseOrThrow(externalClipSchema, raw);
    const checked = await this.#outbound.check(input.url);
    if (!checked.ok) throw new NewsdeskError("CLIP_URL_REFUSED", { detail: checked.detail });
    const at = this.#clock.now().toISOString();
    const clip: Clip = {
      id: newId(),
      kind: input.kind,
      title: input.title,
      source: "external",
      externalUrl: checked.url,
      durationMs: null,
      width: null,
      height: null,
      originalKey: null,
      originalFormat: null,
      originalBytes: null,
      sha256: null,
      status: "ready",
      error: null,
      progress: null,
      createdAt: at,
      updatedAt: at,
    };
    await this.#repository.insert(clip);
    return { clip, renditions: [], captions: [] };
  }

  /**
   * The transcoding job. Idempotent: a ready clip is left alone, and every object is
   * written under a fixed key, so a job retried after a crash overwrites what it had made.
   * On the last attempt a failure is recorded on the clip for the newsroom to see.
   */
  async transcode(clipId: string, options: { finalAttempt: boolean }): Promise<void> {
    const clip = await this.#repository.find(clipId);
    if (!clip || clip.status === "ready") return;
    if (!clip.originalKey) throw new NewsdeskError("CLIP_NOT_UPLOADED");
    await this.#repository.setStatus(clipId, "running", null, this.#now());
    try {
      const original = await this.#store.get(clip.originalKey);
      if (!original) throw new Error(`The original of clip ${clipId} is missing from the store.`);
      let reportedAt = 0;
      const result = await this.#transcoder.transcode({
        kind: clip.kind,
        original: original.body,
        height: clip.height,
        durationMs: clip.durationMs,
        // At most one write every two seconds; a lost update only delays the next figure.
        onProgress: (fraction) => {
          const now = this.#clock.now().getTime();
          if (now - reportedAt < progressIntervalMs) return;
          reportedAt = now;
          this.#repository.setProgress(clipId, fraction).catch(() => undefined);
        },
      });
      try {
        const renditions: ClipRendition[] = [];
        for (const file of result.files) {
          const key = clipKey(clipId, file.name);
          // Hashed on the way to the store: the digest is of the bytes readers will get.
          const hash = createHash("sha256");
          await this.#store.put(key, hashed(file.read(), hash), {
            contentType: file.contentType,
            bytes: file.bytes,
          });
          if (file.rendition) {
            renditions.push({
              name: file.name,
              key,
              mime: file.contentType,
              bytes: file.bytes,
              sha256: hash.digest("hex"),
              ...file.rendition,
            });
          }
        }
        await this.#repository.completeRenditions(clipId, renditions, this.#now());
        await this.#onChange([cacheTags.clip(clipId)]);
      } finally {
        await result.dispose();
      }
    } catch (error) {
      // Deleted while this ran (its renditions then fail their foreign key): there is
      // nothing to retry, and what this run wrote after the deletion must not stay behind.
      if (!(await this.#repository.find(clipId))) {
        await this.#deleteStored(clipId);
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      await this.#repository.setStatus(
        clipId,
        options.finalAttempt ? "failed" : "queued",
        message.slice(0, 1000),
        this.#now(),
      );
      throw error;
    }
  }

  async view(actor: Actor, clipId: string): Promise<ClipView> {
    assertMayUseLibrary(actor);
    return this.#viewOf(await this.#found(clipId));
  }

  /** Clips for reader pages (published stories): no actor, only what is ready. */
  async forReaders(clipIds: readonly string[]): Promise<Map<string, ClipView>> {
    const views = new Map<string, ClipView>();
    const unique = [...new Set(clipIds)].slice(0, 100);
    if (unique.length === 0) return views;
    const [renditions, captions] = await Promise.all([
      this.#repository.renditions(unique),
      this.#repository.captions(unique),
    ]);
    for (const id of unique) {
      const clip = await this.#repository.find(id);
      if (clip?.status !== "ready") continue;
      views.set(id, {
        clip,
        renditions: renditions.get(id) ?? [],
        captions: captions.get(id) ?? [],
      });
    }
    return views;
  }

  async list(
    actor: Actor,
    query: { q?: string; limit: number; offset: number },
  ): Promise<{ items: ClipView[]; total: number }> {
    assertMayUseLibrary(actor);
    const { items, total } = await this.#repository.list(query);
    const ids = items.map((c) => c.id);
    const [renditions, captions] = await Promise.all([
      this.#repository.renditions(ids),
      this.#repository.captions(ids),
    ]);
    return {
      total,
      items: items.map((clip) => ({
        clip,
        renditions: renditions.get(clip.id) ?? [],
        captions: captions.get(clip.id) ?? [],
      })),
    };
  }

  async rename(actor: Actor, clipId: string, raw: unknown): Promise<ClipView> {
    assertMayUseLibrary(actor);
    const { title } = parseOrThrow(clipPatchSchema, raw);
    if (!(await this.#repository.setTitle(clipId, title, this.#now())))
      throw new NewsdeskError("CLIP_NOT_FOUND");
    return this.#viewOf(await this.#found(clipId));
  }

  /**
   * Attaches or replaces the WebVTT captions in one language. The transcript is derived
   * from the cues again unless an editor has written their own.
   */
  async putCaptions(
    actor: Actor,
    clipId: string,
    rawLang: string,
    vtt: string,
  ): Promise<ClipCaption> {
    assertMayUseLibrary(actor);
    const lang = parseOrThrow(captionLangSchema, rawLang);
    await this.#found(clipId);
    const parsed = parseWebVtt(vtt);
    if (!parsed.ok) {
      throw new NewsdeskError("CAPTIONS_INVALID", {
        detail: parsed.problems.map((p) => `Line ${p.line}: ${p.message}`).join("\n"),
        details: { problems: parsed.problems },
      });
    }
    const previous = (await this.#repository.captions([clipId]))
      .get(clipId)
      ?.find((c) => c.lang === lang);
    const caption: ClipCaption = {
      lang,
      vtt,
      transcript: previous?.transcriptEdited
        ? previous.transcript
        : transcriptFromCues(parsed.cues),
      transcriptEdited: previous?.transcriptEdited ?? false,
      cueCount: parsed.cues.length,
      updatedAt: this.#now(),
    };
    // Exactly what changed for readers: a new language changes the list every episode page
    // and feed shows; otherwise the file, the transcript, or both. The same captions again
    // change nothing: no write, no purge.
    const tags = [
      ...(previous ? [] : [cacheTags.clip(clipId)]),
      ...(previous?.vtt === caption.vtt ? [] : [cacheTags.clipCaptions(clipId, lang)]),
      ...(previous?.transcript === caption.transcript
        ? []
        : [cacheTags.clipTranscript(clipId, lang)]),
    ];
    if (previous && tags.length === 0) return previous;
    await this.#repository.putCaption(clipId, caption, actorId(actor));
    await this.#onChange(tags);
    return caption;
  }

  async deleteCaptions(actor: Actor, clipId: string, rawLang: string): Promise<void> {
    assertMayUseLibrary(actor);
    const lang = parseOrThrow(captionLangSchema, rawLang);
    if (!(await this.#repository.deleteCaption(clipId, lang)))
      throw new NewsdeskError("CAPTIONS_NOT_FOUND");
    await this.#onChange([
      cacheTags.clip(clipId),
      cacheTags.clipCaptions(clipId, lang),
      cacheTags.clipTranscript(clipId, lang),
    ]);
  }

  /**
   * Sets the reading transcript in one language; an empty text goes back to the one
   * derived from the cues.
   */
  async setTranscript(
    actor: Actor,
    clipId: string,
    rawLang: string,
    raw: unknown,
  ): Promise<ClipCaption> {
    assertMayUseLibrary(actor);
    const lang = parseOrThrow(captionLangSchema, rawLang);
    const { transcript } = parseOrThrow(transcriptSchema, raw);
    const caption = (await this.#repository.captions([clipId]))
      .get(clipId)
      ?.find((c) => c.lang === lang);
    if (!caption) throw new NewsdeskError("CAPTIONS_NOT_FOUND");
    const edited = transcript.trim() !== "";
    const parsed = parseWebVtt(caption.vtt);
    const text = edited ? transcript.trim() : parsed.ok ? transcriptFromCues(parsed.cues) : "";
    if (text === caption.transcript && edited === caption.transcriptEdited) return caption;
    const at = this.#now();
    await this.#repository.setTranscript(clipId, lang, text, edited, at);
    await this.#onChange([cacheTags.clipTranscript(clipId, lang)]);
    return { ...caption, transcript: text, transcriptEdited: edited, updatedAt: at };
  }

  /**
   * Deletes a clip: its rows (renditions and captions with it) and every object the store
   * keeps under its prefix (original, renditions, HLS playlists and segments, posters).
   * Refused with CLIP_IN_USE while an episode plays it, in whatever state that story is
   * (a draft or a trashed story may be published or restored later). Clips belong to no
   * single service, so the actor must be an editor somewhere. The rows go first: a store
   * failure then leaves unreferenced files, never a clip whose files are missing. A
   * transcode running meanwhile removes what it wrote when it finds the clip gone.
   */
  async delete(actor: Actor, clipId: string): Promise<Clip> {
    assertCanSomewhere(actor, "media.delete");
    const clip = await this.#found(clipId);
    const storyIds = await this.#playedBy(clipId);
    if (storyIds.length > 0) {
      throw new NewsdeskError("CLIP_IN_USE", { details: { storyIds: [...storyIds] } });
    }
    const captions = (await this.#repository.captions([clipId])).get(clipId) ?? [];
    if (!(await this.#repository.delete(clipId))) throw new NewsdeskError("CLIP_NOT_FOUND");
    await this.#deleteStored(clipId);
    // No episode plays it, but its caption files may still be cached.
    await this.#onChange([
      cacheTags.clip(clipId),
      ...captions.map((c) => cacheTags.clipCaptions(clipId, c.lang)),
    ]);
    return clip;
  }

  /** Every object under the clip's prefix; listed first, as a store may not list while deleting. */
  async #deleteStored(clipId: string): Promise<void> {
    const keys: string[] = [];
    for await (const key of this.#store.list(clipKey(clipId, ""))) keys.push(key);
    for (const key of keys) await this.#store.delete(key);
  }

  /** One caption file for readers (`<track src>`), or undefined. */
  async captionFor(clipId: string, lang: string): Promise<ClipCaption | undefined> {
    return (await this.#repository.captions([clipId])).get(clipId)?.find((c) => c.lang === lang);
  }

  async #found(clipId: string): Promise<Clip> {
    const clip = await this.#repository.find(clipId);
    if (!clip) throw new NewsdeskError("CLIP_NOT_FOUND");
    return clip;
  }

  async #viewOf(clip: Clip): Promise<ClipView> {
    const [renditions, captions] = await Promise.all([
      this.#repository.renditions([clip.id]),
      this.#repository.captions([clip.id]),
    ]);
    return {
      clip,
      renditions: renditions.get(clip.id) ?? [],
      captions: captions.get(clip.id) ?? [],
    };
  }

  #now(): string {
    return this.#clock.now().toISOString();
  }
}

/** Passes the chunks through, feeding each to `hash`. */
async function* hashed(chunks: AsyncIterable<Uint8Array>, hash: Hash): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

function assertMayUseLibrary(actor: Actor): void {
  if (actor.kind === "system" || actor.isAdmin) return;
  if (!actor.grants.some((g) => can(actor, "media.upload", g.serviceId))) {
    throw new NewsdeskError("FORBIDDEN", {
      detail: "You need a newsroom role to use the media library.",
    });
  }
}
