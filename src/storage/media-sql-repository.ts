import type { Kysely, Selectable } from "kysely";
import type { MediaRepository } from "../domain/media/media-repository.js";
import {
  type MediaAsset,
  type MediaMetadata,
  type Rendition,
  type RenditionFormat,
  type RenditionInfo,
  type RenditionShape,
  renditionName,
} from "../domain/media/media-schema.js";
import type { DatabaseSchema, MediaTable } from "./database-schema.js";
import { likeContaining } from "./like-patterns.js";

/**
 * Image bytes live in the database beside their metadata, so every instance sharing one
 * PostgreSQL serves every image without a shared file system (see docs/adr/0003).
 */
export class MediaSqlRepository implements MediaRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async insert(
    asset: MediaAsset,
    source: Uint8Array,
    renditions: readonly Rendition[],
  ): Promise<void> {
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
      // The original is kept (shape "source") so later renditions start from full quality.
      await trx
        .insertInto("media_renditions")
        .values({
          media_id: asset.id,
          name: "source",
          shape: "source",
          format: asset.mime.replace("image/", ""),
          width: asset.width,
          height: asset.height,
          data: source,
        })
        .execute();
      for (const r of renditions) {
        await trx
          .insertInto("media_renditions")
          .values({
            media_id: asset.id,
            name: renditionName(r),
            shape: r.shape,
            format: r.format,
            width: r.width,
            height: r.height,
            data: r.data,
          })
          .execute();
      }
    });
  }

  async addRenditions(id: string, renditions: readonly Rendition[]): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      for (const r of renditions) {
        await trx
          .insertInto("media_renditions")
          .values({
            media_id: id,
            name: renditionName(r),
            shape: r.shape,
            format: r.format,
            width: r.width,
            height: r.height,
            data: r.data,
          })
          .onConflict((oc) => oc.columns(["media_id", "name"]).doNothing())
          .execute();
      }
    });
  }

  async readSource(id: string): Promise<Uint8Array | undefined> {
    const row = await this.#db
      .selectFrom("media_renditions")
      .select("data")
      .where("media_id", "=", id)
      .where("name", "=", "source")
      .executeTakeFirst();
    return row?.data;
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

  async readRendition(id: string, name: string): Promise<Rendition | undefined> {
    const row = await this.#db
      .selectFrom("media_renditions")
      .selectAll()
      .where("media_id", "=", id)
      .where("name", "=", name)
      .where("shape", "<>", "source")
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      shape: row.shape as RenditionShape,
      format: row.format as RenditionFormat,
      width: Number(row.width),
      height: Number(row.height),
      data: row.data,
    };
  }
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
