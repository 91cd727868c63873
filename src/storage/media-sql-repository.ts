import { type Kysely, type Selectable, sql } from "kysely";
import type { MediaRepository } from "../domain/media/media-repository.js";
import {
  type MediaAsset,
  type MediaMetadata,
  type MediaObjectRecord,
  type ObjectLocation,
  objectKeyFor,
  type RenditionFormat,
  type RenditionInfo,
  type RenditionShape,
} from "../domain/media/media-schema.js";
import type { DatabaseSchema, MediaTable } from "./database-schema.js";
import { likeContaining } from "./like-patterns.js";

/** What a moved object's `data` holds: nothing (migration 0023 keeps the column NOT NULL). */
const noBytes = new Uint8Array(0);

/**
 * Asset metadata and the keys of its files; the bytes are in a media store (ADR 0014).
 * Rows from before keep their bytes in `data` (location `db`) until they are migrated.
 */
export class MediaSqlRepository implements MediaRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async insert(asset: MediaAsset, objects: readonly MediaObjectRecord[]): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("media")
        .values({
          id: asset.id,
          mime: asset.mime,
          width: asset.width,
          height: asset.height,
          bytes: asset.bytes,
          sha256: asset.sha256,
          caption: asset.caption,
          credit: asset.credit,
          alt: asset.alt,
          focal_x: asset.focalX,
          focal_y: asset.focalY,
          rights_source: asset.rightsSource,
          rights_usage: asset.rightsUsage,
          created_at: asset.createdAt,
        })
        .execute();
      // The original is kept (name "source") so later renditions start from full quality.
      if (objects.length > 0) {
        await trx.insertInto("media_renditions").values(objects.map(objectRow)).execute();
      }
    });
  }

  async addRenditions(_id: string, objects: readonly MediaObjectRecord[]): Promise<void> {
    if (objects.length === 0) return;
    await this.#db
      .insertInto("media_renditions")
      .values(objects.map(objectRow))
      .onConflict((oc) => oc.columns(["media_id", "name"]).doNothing())
      .execute();
  }

  async findObject(id: string, name: string): Promise<MediaObjectRecord | undefined> {
    const row = await this.#objectRows()
      .where("media_id", "=", id)
      .where("name", "=", name)
      .executeTakeFirst();
    return row ? objectFromRow(row) : undefined;
  }

  async readDatabaseBytes(id: string, name: string): Promise<Uint8Array | undefined> {
    const row = await this.#db
      .selectFrom("media_renditions")
      .select("data")
      .where("media_id", "=", id)
      .where("name", "=", name)
      .where("store", "=", "db")
      .executeTakeFirst();
    return row?.data;
  }

  async listObjectsOutside(
    location: ObjectLocation,
    after: { mediaId: string; name: string } | undefined,
    limit: number,
  ): Promise<MediaObjectRecord[]> {
    let q = this.#objectRows().where("store", "<>", location);
    if (after) q = q.where(afterKey(after));
    const rows = await q.orderBy("media_id").orderBy("name").limit(limit).execute();
    return rows.map(objectFromRow);
  }

  async listStoredObjects(
    after: { mediaId: string; name: string } | undefined,
    limit: number,
  ): Promise<MediaObjectRecord[]> {
    return this.listObjectsOutside("db", after, limit);
  }

  async relocate(
    object: Pick<MediaObjectRecord, "mediaId" | "name" | "location">,
    to: { location: Exclude<ObjectLocation, "db">; key: string; bytes: number; sha256: string },
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable("media_renditions")
      .set({
        store: to.location,
        object_key: to.key,
        byte_length: to.bytes,
        sha256: to.sha256,
        data: noBytes,
      })
      .where("media_id", "=", object.mediaId)
      .where("name", "=", object.name)
      .where("store", "=", object.location)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async countByLocation(): Promise<Record<ObjectLocation, { objects: number; bytes: number }>> {
    const rows = await this.#db
      .selectFrom("media_renditions")
      .select((eb) => [
        "store",
        eb.fn.countAll().as("n"),
        eb.fn.sum<number | string | null>(sizeOf()).as("total"),
      ])
      .groupBy("store")
      .execute();
    const counts: Record<ObjectLocation, { objects: number; bytes: number }> = {
      db: { objects: 0, bytes: 0 },
      dir: { objects: 0, bytes: 0 },
      s3: { objects: 0, bytes: 0 },
    };
    for (const row of rows) {
      if (row.store in counts) {
        counts[row.store as ObjectLocation] = {
          objects: Number(row.n),
          bytes: Number(row.total ?? 0),
        };
      }
    }
    return counts;
  }

  #objectRows() {
    return this.#db
      .selectFrom("media_renditions")
      .select([
        "media_id",
        "name",
        "shape",
        "format",
        "width",
        "height",
        "store",
        "object_key",
        "sha256",
      ])
      .select(sizeOf().as("size"));
  }

  async list(query: {
    q?: string;
    limit: number;
    offset: number;
  }): Promise<{ items: MediaAsset[]; total: number }> {
    let q = this.#db.selectFrom("media");
    if (query.q) {
      const text = query.q;
      q = q.where((eb) =>
        eb.or(
          (["caption", "credit", "alt"] as const).map((column) =>
            likeContaining(eb.ref(column), text),
          ),
        ),
      );
    }
    const [count, rows] = await Promise.all([
      q.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
      q
        .selectAll()
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
    ]);
    return { items: rows.map(assetFromRow), total: Number(count.n) };
  }

  async updateMetadata(id: string, m: MediaMetadata): Promise<boolean> {
    const result = await this.#db
      .updateTable("media")
      .set({
        caption: m.caption,
        credit: m.credit,
        alt: m.alt,
        focal_x: m.focalX,
        focal_y: m.focalY,
        rights_source: m.rightsSource,
        rights_usage: m.rightsUsage,
      })
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async find(id: string): Promise<MediaAsset | undefined> {
    const row = await this.#db
      .selectFrom("media")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? assetFromRow(row) : undefined;
  }

  async findMany(ids: readonly string[]): Promise<MediaAsset[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .selectFrom("media")
      .selectAll()
      .where("id", "in", [...ids])
      .execute();
    return rows.map(assetFromRow);
  }

  async findBySha256(sha256: string): Promise<MediaAsset | undefined> {
    const row = await this.#db
      .selectFrom("media")
      .selectAll()
      .where("sha256", "=", sha256)
      .executeTakeFirst();
    return row ? assetFromRow(row) : undefined;
  }

  async listRenditions(ids: readonly string[]): Promise<Map<string, RenditionInfo[]>> {
    const byId = new Map<string, RenditionInfo[]>();
    if (ids.length === 0) return byId;
    const rows = await this.#db
      .selectFrom("media_renditions")
      .select(["media_id", "shape", "format", "width", "height"])
      .where("media_id", "in", [...ids])
      .where("shape", "<>", "source")
      .orderBy("width", "asc")
      .orderBy("format", "asc")
      .execute();
    for (const row of rows) {
      const list = byId.get(row.media_id) ?? [];
      list.push({
        shape: row.shape as RenditionShape,
        format: row.format as RenditionFormat,
        width: Number(row.width),
        height: Number(row.height),
      });
      byId.set(row.media_id, list);
    }
    return byId;
  }
}

/** An object's size: recorded once it is in a store, the bytes' length before. */
function sizeOf() {
  return sql<number | string>`coalesce(byte_length, length(data))`;
}

/** Keyset paging over the (media_id, name) primary key, in both dialects. */
function afterKey(after: { mediaId: string; name: string }) {
  return sql<boolean>`(media_id > ${after.mediaId} or (media_id = ${after.mediaId} and name > ${after.name}))`;
}

function objectRow(o: MediaObjectRecord) {
  return {
    media_id: o.mediaId,
    name: o.name,
    shape: o.shape,
    format: o.format,
    width: o.width,
    height: o.height,
    data: noBytes,
    store: o.location,
    object_key: o.key,
    byte_length: o.bytes,
    sha256: o.sha256 ?? null,
  };
}

function objectFromRow(row: {
  media_id: string;
  name: string;
  shape: string;
  format: string;
  width: number;
  height: number;
  store: string;
  object_key: string | null;
  sha256: string | null;
  size: number | string;
}): MediaObjectRecord {
  return {
    mediaId: row.media_id,
    name: row.name,
    shape: row.shape as RenditionShape | "source",
    format: row.format,
    width: Number(row.width),
    height: Number(row.height),
    location: row.store as ObjectLocation,
    key: row.object_key ?? objectKeyFor(row.media_id, row.name, row.format),
    bytes: Number(row.size),
    sha256: row.sha256 ?? undefined,
  };
}

function assetFromRow(row: Selectable<MediaTable>): MediaAsset {
  return {
    id: row.id,
    mime: row.mime,
    width: Number(row.width),
    height: Number(row.height),
    bytes: Number(row.bytes),
    sha256: row.sha256,
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    focalX: Number(row.focal_x),
    focalY: Number(row.focal_y),
    rightsSource: row.rights_source,
    rightsUsage: row.rights_usage,
    createdAt: row.created_at,
  };
}
