import type { Kysely, Selectable } from "kysely";
import type { ClipRepository, ClipStoredObjects } from "../domain/clips/clip-repository.js";
import type {
  Clip,
  ClipCaption,
  ClipKind,
  ClipRendition,
  ClipStatus,
  RenditionRole,
} from "../domain/clips/clip-schema.js";
import type {
  ClipCaptionsTable,
  ClipRenditionsTable,
  ClipsTable,
  DatabaseSchema,
} from "./database-schema.js";
import { likeContaining } from "./like-patterns.js";
import { syncEpisodeTranscripts } from "./search-index.js";

/** Clips' metadata, renditions' store keys and captions (the bytes are in the media store). */
export class ClipSqlRepository implements ClipRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async listStoredObjects(after: string | undefined, limit: number): Promise<ClipStoredObjects[]> {
    let query = this.#db
      .selectFrom("clips")
      .select(["id", "original_key", "original_bytes", "sha256"])
      .orderBy("id")
      .limit(limit);
    if (after !== undefined) query = query.where("id", ">", after);
    const clips = await query.execute();
    if (clips.length === 0) return [];
    const renditions = await this.#db
      .selectFrom("clip_renditions")
      .select(["clip_id", "object_key", "bytes"])
      .where(
        "clip_id",
        "in",
        clips.map((c) => c.id),
      )
      .orderBy("clip_id")
      .orderBy("object_key")
      .execute();
    return clips.map((clip) => ({
      clipId: clip.id,
      objects: [
        ...(clip.original_key
          ? [
              {
                key: clip.original_key,
                bytes: clip.original_bytes === null ? null : Number(clip.original_bytes),
                sha256: clip.sha256,
              },
            ]
          : []),
        ...renditions
          .filter((r) => r.clip_id === clip.id)
          .map((r) => ({ key: r.object_key, bytes: Number(r.bytes), sha256: null })),
      ],
    }));
  }

  async insert(clip: Clip): Promise<void> {
    await this.#db
      .insertInto("clips")
      .values({
        id: clip.id,
        kind: clip.kind,
        title: clip.title,
        source: clip.source,
        external_url: clip.externalUrl,
        duration_ms: clip.durationMs,
        width: clip.width,
        height: clip.height,
        original_key: clip.originalKey,
        original_format: clip.originalFormat,
        original_bytes: clip.originalBytes,
        sha256: clip.sha256,
        status: clip.status,
        error: clip.error,
        progress_permille: null,
        created_at: clip.createdAt,
        updated_at: clip.updatedAt,
      })
      .execute();
  }

  async find(id: string): Promise<Clip | undefined> {
    const row = await this.#db
      .selectFrom("clips")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? toClip(row) : undefined;
  }

  async findBySha256(sha256: string): Promise<Clip | undefined> {
    const row = await this.#db
      .selectFrom("clips")
      .selectAll()
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    return row ? toClip(row) : undefined;
  }

  async list(query: { q?: string; limit: number; offset: number }): Promise<{
    items: Clip[];
    total: number;
  }> {
    let q = this.#db.selectFrom("clips");
    const text = query.q?.trim();
    if (text) q = q.where((eb) => likeContaining(eb.ref("title"), text));
    const [count, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
      q
        .selectAll()
        .orderBy("created_at", "desc")
        .orderBy("id")
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
    ]);
    return { items: rows.map(toClip), total: Number(count.n) };
  }

  async setTitle(id: string, title: string, at: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("clips")
      .set({ title, updated_at: at })
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async setStatus(id: string, status: ClipStatus, error: string | null, at: string): Promise<void> {
    await this.#db
      .updateTable("clips")
      .set({ status, error, progress_permille: null, updated_at: at })
      .where("id", "=", id)
      .execute();
  }

  async setProgress(id: string, fraction: number): Promise<void> {
    await this.#db
      .updateTable("clips")
      .set({ progress_permille: Math.round(Math.min(1, Math.max(0, fraction)) * 1000) })
      .where("id", "=", id)
      .where("status", "=", "running")
      .execute();
  }

  async completeRenditions(
    id: string,
    renditions: readonly ClipRendition[],
    at: string,
  ): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("clip_renditions").where("clip_id", "=", id).execute();
      if (renditions.length > 0) {
        await trx
          .insertInto("clip_renditions")
          .values(
            renditions.map((r) => ({
              clip_id: id,
              name: r.name,
              role: r.role,
              object_key: r.key,
              mime: r.mime,
              codecs: r.codecs,
              bitrate: Math.round(r.bitrate),
              bytes: r.bytes,
              width: r.width,
              height: r.height,
              sha256: r.sha256 ?? null,
            })),
          )
          .execute();
      }
      await trx
        .updateTable("clips")
        .set({ status: "ready", error: null, progress_permille: null, updated_at: at })
        .where("id", "=", id)
        .execute();
    });
  }

  async renditions(ids: readonly string[]): Promise<Map<string, ClipRendition[]>> {
    const map = new Map<string, ClipRendition[]>();
    if (ids.length === 0) return map;
    const rows = await this.#db
      .selectFrom("clip_renditions")
      .selectAll()
      .where("clip_id", "in", ids)
      .orderBy("clip_id")
      .orderBy("bitrate")
      .orderBy("name")
      .execute();
    for (const row of rows) {
      const list = map.get(row.clip_id) ?? [];
      list.push(toRendition(row));
      map.set(row.clip_id, list);
    }
    return map;
  }

  async captions(ids: readonly string[]): Promise<Map<string, ClipCaption[]>> {
    const map = new Map<string, ClipCaption[]>();
    if (ids.length === 0) return map;
    const rows = await this.#db
      .selectFrom("clip_captions")
      .selectAll()
      .where("clip_id", "in", ids)
      .orderBy("clip_id")
      .orderBy("lang")
      .execute();
    for (const row of rows) {
      const list = map.get(row.clip_id) ?? [];
      list.push(toCaption(row));
      map.set(row.clip_id, list);
    }
    return map;
  }

  async putCaption(clipId: string, caption: ClipCaption, by: string | null): Promise<void> {
    const values = {
      vtt: caption.vtt,
      transcript: caption.transcript,
      transcript_edited: caption.transcriptEdited ? 1 : 0,
      cue_count: caption.cueCount,
      updated_at: caption.updatedAt,
      updated_by: by,
    };
    // Search finds episodes by their transcript: the index changes with the captions.
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("clip_captions")
        .values({ clip_id: clipId, lang: caption.lang, ...values })
        .onConflict((oc) => oc.columns(["clip_id", "lang"]).doUpdateSet(values))
        .execute();
      await syncEpisodeTranscripts(trx, { clipId });
    });
  }

  async deleteCaption(clipId: string, lang: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom("clip_captions")
        .where("clip_id", "=", clipId)
        .where("lang", "=", lang)
        .executeTakeFirst();
      await syncEpisodeTranscripts(trx, { clipId });
      return Number(result.numDeletedRows) > 0;
    });
  }

  async delete(clipId: string): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      await trx.deleteFrom("clip_captions").where("clip_id", "=", clipId).execute();
      await trx.deleteFrom("clip_renditions").where("clip_id", "=", clipId).execute();
      const result = await trx.deleteFrom("clips").where("id", "=", clipId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  async setTranscript(
    clipId: string,
    lang: string,
    transcript: string,
    edited: boolean,
    at: string,
  ): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable("clip_captions")
        .set({ transcript, transcript_edited: edited ? 1 : 0, updated_at: at })
        .where("clip_id", "=", clipId)
        .where("lang", "=", lang)
        .executeTakeFirst();
      await syncEpisodeTranscripts(trx, { clipId });
      return Number(result.numUpdatedRows) > 0;
    });
  }
}

const nullableNumber = (value: number | string | null) => (value === null ? null : Number(value));

function toClip(row: Selectable<ClipsTable>): Clip {
  return {
    id: row.id,
    kind: row.kind as ClipKind,
    title: row.title,
    source: row.source === "external" ? "external" : "upload",
    externalUrl: row.external_url,
    durationMs: nullableNumber(row.duration_ms),
    width: row.width,
    height: row.height,
    originalKey: row.original_key,
    originalFormat: row.original_format,
    originalBytes: nullableNumber(row.original_bytes),
    sha256: row.sha256,
    status: row.status as ClipStatus,
    error: row.error,
    progress: row.progress_permille === null ? null : Number(row.progress_permille) / 1000,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRendition(row: Selectable<ClipRenditionsTable>): ClipRendition {
  return {
    name: row.name,
    role: row.role as RenditionRole,
    key: row.object_key,
    mime: row.mime,
    codecs: row.codecs,
    bitrate: Number(row.bitrate),
    bytes: Number(row.bytes),
    width: row.width,
    height: row.height,
    ...(row.sha256 ? { sha256: row.sha256 } : {}),
  };
}

function toCaption(row: Selectable<ClipCaptionsTable>): ClipCaption {
  return {
    lang: row.lang,
    vtt: row.vtt,
    transcript: row.transcript,
    transcriptEdited: Number(row.transcript_edited) === 1,
    cueCount: Number(row.cue_count),
    updatedAt: row.updated_at,
  };
}
