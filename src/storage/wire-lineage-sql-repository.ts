import type { Kysely, Selectable, Transaction } from "kysely";
import { wirePubStatusSchema } from "../domain/wire/wire-item-schema.js";
import type {
  FlagForUse,
  StoryWireFlag,
  UsedItemFacts,
  WireLineageRepository,
  WireStoryLink,
  WireUseMode,
} from "../domain/wire/wire-repository.js";
import type { SqlDialectName } from "./database.js";
import type { DatabaseSchema, StoryWireFlagsTable } from "./database-schema.js";
import { wireItemFromJson } from "./wire-item-json.js";

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/**
 * Lineage (`wire_story_links`: which version of which item a story was built from) and the
 * flags kills raise on those stories (`story_wire_flags`). Which stories to flag is the
 * domain's rule (`wire-lifecycle.ts`); this file reads the links and writes the flags.
 */
export class WireLineageSqlRepository implements WireLineageRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #dialect: SqlDialectName;

  constructor(db: Kysely<DatabaseSchema>, dialect: SqlDialectName) {
    this.#db = db;
    this.#dialect = dialect;
  }

  async recordUse(link: WireStoryLink, flagForUse: FlagForUse): Promise<StoryWireFlag[]> {
    return this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("wire_story_links")
        .values({
          story_id: link.storyId,
          item_id: link.itemId,
          version_id: link.versionId,
          guid: link.guid,
          version: link.version,
          agency_code: link.agencyCode,
          mode: link.mode,
          used_at: link.usedAt,
          used_by: link.usedBy,
        })
        .onConflict((oc) => oc.columns(["story_id", "version_id"]).doNothing())
        .execute();
      // A kill may have committed between the editor reading the item and this link: read
      // the item's status inside the same transaction so the story cannot escape the flag.
      const flag = flagForUse(link, await this.#usedItem(trx, link.itemId));
      return flag !== undefined && (await insertFlag(trx, flag)) ? [flag] : [];
    });
  }

  async #usedItem(
    trx: Transaction<DatabaseSchema>,
    itemId: string,
  ): Promise<UsedItemFacts | undefined> {
    let itemQuery = trx
      .selectFrom("wire_items")
      .select(["current_version_id", "pub_status", "guid", "agency_code"])
      .where("id", "=", itemId);
    // Waits for a kill storing a version of this item (it holds the row for update).
    if (this.#dialect === "postgres") itemQuery = itemQuery.forShare();
    const item = await itemQuery.executeTakeFirst();
    if (item === undefined) return undefined;
    const version = await trx
      .selectFrom("wire_item_versions")
      .select("item")
      .where("id", "=", item.current_version_id)
      .executeTakeFirst();
    return {
      currentVersionId: item.current_version_id,
      guid: item.guid,
      agencyCode: item.agency_code,
      pubStatus: wirePubStatusSchema.parse(item.pub_status),
      edNote: version ? wireItemFromJson(version.item).edNote : undefined,
    };
  }

  async listLinks(query: {
    readonly storyId?: string;
    readonly itemId?: string;
  }): Promise<WireStoryLink[]> {
    let q = this.#db.selectFrom("wire_story_links").selectAll();
    if (query.storyId !== undefined) q = q.where("story_id", "=", query.storyId);
    if (query.itemId !== undefined) q = q.where("item_id", "=", query.itemId);
    const rows = await q.orderBy("used_at", "asc").orderBy("version_id", "asc").execute();
    return rows.map((r) => ({
      storyId: r.story_id,
      itemId: r.item_id,
      versionId: r.version_id,
      guid: r.guid,
      version: r.version,
      agencyCode: r.agency_code,
      mode: (r.mode === "add-to-story" ? "add-to-story" : "new-story") satisfies WireUseMode,
      usedAt: r.used_at,
      usedBy: r.used_by,
    }));
  }

  async listFlags(query: {
    readonly id?: string;
    readonly storyId?: string;
    readonly open?: boolean;
    readonly limit: number;
  }): Promise<StoryWireFlag[]> {
    let q = this.#db.selectFrom("story_wire_flags").selectAll();
    if (query.id !== undefined) q = q.where("id", "=", query.id);
    if (query.storyId !== undefined) q = q.where("story_id", "=", query.storyId);
    if (query.open === true) q = q.where("acknowledged_at", "is", null);
    if (query.open === false) q = q.where("acknowledged_at", "is not", null);
    const rows = await q
      .orderBy("flagged_at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit)
      .execute();
    return rows.map(flagFromRow);
  }

  async acknowledgeFlag(
    id: string,
    by: string | null,
    at: string,
  ): Promise<StoryWireFlag | undefined> {
    await this.#db
      .updateTable("story_wire_flags")
      .set({ acknowledged_at: at, acknowledged_by: by })
      .where("id", "=", id)
      .where("acknowledged_at", "is", null)
      .execute();
    const row = await this.#db
      .selectFrom("story_wire_flags")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? flagFromRow(row) : undefined;
  }
}

/** The stories built on any version of an item, each once; item storage reads them for a kill. */
export async function linkedStoryIds(db: Db, itemId: string): Promise<string[]> {
  const links = await db
    .selectFrom("wire_story_links")
    .select("story_id")
    .distinct()
    .where("item_id", "=", itemId)
    .execute();
  return links.map((l) => l.story_id);
}

/** Inserts a flag unless the story is already flagged for that version; true if inserted. */
export async function insertFlag(db: Db, flag: StoryWireFlag): Promise<boolean> {
  const result = await db
    .insertInto("story_wire_flags")
    .values({
      id: flag.id,
      story_id: flag.storyId,
      item_id: flag.itemId,
      version_id: flag.versionId,
      guid: flag.guid,
      agency_code: flag.agencyCode,
      pub_status: flag.pubStatus,
      reason: flag.reason,
      flagged_at: flag.flaggedAt,
      acknowledged_at: flag.acknowledgedAt,
      acknowledged_by: flag.acknowledgedBy,
    })
    .onConflict((oc) => oc.columns(["story_id", "version_id"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

function flagFromRow(row: Selectable<StoryWireFlagsTable>): StoryWireFlag {
  return {
    id: row.id,
    storyId: row.story_id,
    itemId: row.item_id,
    versionId: row.version_id,
    guid: row.guid,
    agencyCode: row.agency_code,
    pubStatus: row.pub_status === "withheld" ? "withheld" : "canceled",
    reason: row.reason,
    flaggedAt: row.flagged_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by,
  };
}
