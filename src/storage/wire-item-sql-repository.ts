import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { newId } from "../domain/ids.js";
import { wirePubStatusSchema } from "../domain/wire/wire-item-schema.js";
import type {
  StoreBatchInput,
  StoredItemOutcome,
  WireItemRepository,
  WireQueueEntry,
  WireQueueQuery,
  WireStoreRules,
  WireVersion,
} from "../domain/wire/wire-repository.js";
import type { SqlDialectName } from "./database.js";
import type { DatabaseSchema, WireItemsTable, WireItemVersionsTable } from "./database-schema.js";
import { likeContaining, likeStartingWith } from "./like-patterns.js";
import { wireItemFromJson } from "./wire-item-json.js";
import { setFileProgress } from "./wire-ledger-sql-repository.js";
import { insertFlag, linkedStoryIds } from "./wire-lineage-sql-repository.js";

const queueColumns = [
  "seq",
  "id",
  "agency_code",
  "guid",
  "source_id",
  "service_id",
  "item_type",
  "headline",
  "language",
  "urgency",
  "pub_status",
  "embargoed_until",
  "version_created",
  "first_received_at",
  "received_at",
  "sort_at",
  "version_count",
  "current_version_id",
] as const;

/**
 * Wire items (`wire_items`, searched through `wire_items_fts` on SQLite and pg_trgm on
 * PostgreSQL), their versions (`wire_item_versions`) and subject values
 * (`wire_item_subjects`): what ingest stores and the queue reads.
 */
export class WireItemSqlRepository implements WireItemRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #dialect: SqlDialectName;

  constructor(db: Kysely<DatabaseSchema>, dialect: SqlDialectName) {
    this.#db = db;
    this.#dialect = dialect;
  }

  // ---- storing items ---------------------------------------------------------------------

  async storeBatch(input: StoreBatchInput, rules: WireStoreRules): Promise<StoredItemOutcome[]> {
    return this.#db.transaction().execute(async (trx) => {
      const outcomes: StoredItemOutcome[] = [];
      for (const prepared of input.items) {
        outcomes.push(await this.#storeOne(trx, input, prepared, rules));
      }
      if (input.fileId !== null && input.itemsDoneAfter !== null) {
        await setFileProgress(trx, input.fileId, input.itemsDoneAfter);
      }
      return outcomes;
    });
  }

  async #storeOne(
    trx: Transaction<DatabaseSchema>,
    input: StoreBatchInput,
    prepared: StoreBatchInput["items"][number],
    rules: WireStoreRules,
  ): Promise<StoredItemOutcome> {
    const { item } = prepared;
    let existingQuery = trx
      .selectFrom("wire_items")
      .select(["seq", "id", "version_count", "version_created", "pub_status"])
      .where("agency_code", "=", input.source.agencyCode)
      .where("guid", "=", item.guid);
    // Two instances ingesting the same guid at once serialize on the item row.
    if (this.#dialect === "postgres") existingQuery = existingQuery.forUpdate();
    const existing = await existingQuery.executeTakeFirst();
    const hashSeen =
      existing !== undefined &&
      (await trx
        .selectFrom("wire_item_versions")
        .select("id")
        .where("item_seq", "=", existing.seq)
        .where("content_hash", "=", prepared.contentHash)
        .executeTakeFirst()) !== undefined;
    const decision = rules.decideVersion(
      existing
        ? {
            versionCreated: existing.version_created,
            pubStatus: wirePubStatusSchema.parse(existing.pub_status),
          }
        : undefined,
      { versionCreated: item.versionCreated, pubStatus: item.pubStatus, hashSeen },
    );
    const base = { guid: item.guid, decision: decision.kind, pubStatus: item.pubStatus };
    if (decision.kind === "duplicate") {
      return { ...base, itemId: existing?.id ?? "", versionId: null, flaggedStoryIds: [] };
    }
    const versionId = newId();
    const current = {
      current_version_id: versionId,
      source_id: input.source.id,
      item_type: item.itemType,
      headline: item.headline ?? item.slugline ?? null,
      language: item.language ?? null,
      urgency: item.urgency ?? null,
      pub_status: item.pubStatus,
      embargoed_until: item.embargoedUntil ?? null,
      version_created: item.versionCreated ?? null,
      received_at: input.receivedAt,
      sort_at: prepared.sortAt,
      search_text: prepared.searchText,
    };
    let seq: number;
    let itemId: string;
    let number: number;
    if (existing === undefined) {
      itemId = newId();
      number = 1;
      const inserted = await trx
        .insertInto("wire_items")
        .values({
          ...current,
          id: itemId,
          agency_code: input.source.agencyCode,
          guid: item.guid,
          version_count: 1,
          service_id: input.source.serviceId,
          first_received_at: input.receivedAt,
        })
        .returning("seq")
        .executeTakeFirstOrThrow();
      seq = Number(inserted.seq);
    } else {
      seq = Number(existing.seq);
      itemId = existing.id;
      number = Number(existing.version_count) + 1;
      if (decision.kind === "replace") {
        await trx
          .updateTable("wire_items")
          .set({ ...current, version_count: number })
          .where("seq", "=", seq)
          .execute();
        await trx.deleteFrom("wire_item_subjects").where("item_seq", "=", seq).execute();
      } else {
        await trx
          .updateTable("wire_items")
          .set({ version_count: number })
          .where("seq", "=", seq)
          .execute();
      }
    }
    await trx
      .insertInto("wire_item_versions")
      .values({
        id: versionId,
        item_seq: seq,
        number,
        content_hash: prepared.contentHash,
        version: item.version ?? null,
        version_created: item.versionCreated ?? null,
        pub_status: item.pubStatus,
        received_at: input.receivedAt,
        source_id: input.source.id,
        file_id: input.fileId,
        item: JSON.stringify(item),
      })
      .execute();
    if (decision.kind !== "history" && prepared.subjectValues.length > 0) {
      await trx
        .insertInto("wire_item_subjects")
        .values(prepared.subjectValues.map((value) => ({ item_seq: seq, value })))
        .execute();
    }
    // The domain decides which stories this version flags; the links and the flags are
    // read and written in this transaction, so a kill and a new link never miss each other.
    const flags = await rules.flagStories(
      {
        itemId,
        versionId,
        guid: item.guid,
        agencyCode: input.source.agencyCode,
        pubStatus: item.pubStatus,
        edNote: item.edNote,
        receivedAt: input.receivedAt,
        decision,
      },
      () => linkedStoryIds(trx, itemId),
    );
    for (const flag of flags) await insertFlag(trx, flag);
    return { ...base, itemId, versionId, flaggedStoryIds: flags.map((f) => f.storyId) };
  }

  // ---- the queue -----------------------------------------------------------------------------

  async listItems(query: WireQueueQuery): Promise<WireQueueEntry[]> {
    let q = this.#db.selectFrom("wire_items").select(queueColumns);
    if (query.agencyCode !== undefined) q = q.where("agency_code", "=", query.agencyCode);
    if (query.sourceId !== undefined) q = q.where("source_id", "=", query.sourceId);
    if (query.pubStatus !== undefined) q = q.where("pub_status", "=", query.pubStatus);
    const language = query.language?.toLowerCase();
    if (language !== undefined) {
      q = q.where((eb) =>
        eb.or([
          eb(eb.fn("lower", ["language"]), "=", language),
          likeStartingWith(eb.fn("lower", ["language"]), `${language}-`),
        ]),
      );
    }
    if (query.maxUrgency !== undefined) q = q.where("urgency", "<=", query.maxUrgency);
    if (query.since !== undefined) q = q.where("sort_at", ">=", query.since);
    if (query.until !== undefined) q = q.where("sort_at", "<", query.until);
    const subject = query.subject;
    if (subject !== undefined) {
      q = q.where("seq", "in", (eb) =>
        eb.selectFrom("wire_item_subjects").select("item_seq").where("value", "=", subject),
      );
    }
    for (const term of query.terms ?? []) {
      if (this.#dialect === "sqlite" && [...term].length >= 3) {
        // FTS5 trigram: a quoted phrase matches as a substring; quotes are doubled to escape.
        const phrase = `"${term.replaceAll('"', '""')}"`;
        q = q.where(
          "seq",
          "in",
          sql<number>`(select rowid from wire_items_fts where wire_items_fts match ${phrase})`,
        );
      } else {
        // PostgreSQL's pg_trgm GIN index serves this LIKE; in SQLite, terms under three
        // characters are too short for trigrams and are matched by scanning.
        q = q.where((eb) => likeContaining(eb.ref("search_text"), term));
      }
    }
    const cursor = query.cursor;
    if (cursor !== undefined) {
      q = q.where((eb) =>
        eb.or([
          eb("sort_at", "<", cursor.sortAt),
          eb.and([eb("sort_at", "=", cursor.sortAt), eb("seq", "<", cursor.seq)]),
        ]),
      );
    }
    const rows = await q
      .orderBy("sort_at", "desc")
      .orderBy("seq", "desc")
      .limit(query.limit)
      .execute();
    return rows.map(queueEntryFromRow);
  }

  async findItem(id: string): Promise<WireQueueEntry | undefined> {
    const row = await this.#db
      .selectFrom("wire_items")
      .select(queueColumns)
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? queueEntryFromRow(row) : undefined;
  }

  async listVersions(itemId: string): Promise<WireVersion[]> {
    const rows = await this.#db
      .selectFrom("wire_item_versions as v")
      .innerJoin("wire_items as i", "i.seq", "v.item_seq")
      .selectAll("v")
      .select("i.id as item_id")
      .where("i.id", "=", itemId)
      .orderBy("v.number", "desc")
      .execute();
    return rows.map(versionFromRow);
  }

  async findVersion(versionId: string): Promise<WireVersion | undefined> {
    const row = await this.#db
      .selectFrom("wire_item_versions as v")
      .innerJoin("wire_items as i", "i.seq", "v.item_seq")
      .selectAll("v")
      .select("i.id as item_id")
      .where("v.id", "=", versionId)
      .executeTakeFirst();
    return row ? versionFromRow(row) : undefined;
  }
}

function queueEntryFromRow(
  row: Pick<Selectable<WireItemsTable>, (typeof queueColumns)[number]>,
): WireQueueEntry {
  return {
    id: row.id,
    seq: Number(row.seq),
    agencyCode: row.agency_code,
    guid: row.guid,
    sourceId: row.source_id,
    serviceId: row.service_id,
    itemType: row.item_type,
    headline: row.headline,
    language: row.language,
    urgency: row.urgency === null ? null : Number(row.urgency),
    pubStatus: wirePubStatusSchema.parse(row.pub_status),
    embargoedUntil: row.embargoed_until,
    versionCreated: row.version_created,
    firstReceivedAt: row.first_received_at,
    receivedAt: row.received_at,
    sortAt: row.sort_at,
    versionCount: Number(row.version_count),
    currentVersionId: row.current_version_id,
  };
}

function versionFromRow(row: Selectable<WireItemVersionsTable> & { item_id: string }): WireVersion {
  return {
    id: row.id,
    itemId: row.item_id,
    number: Number(row.number),
    contentHash: row.content_hash,
    version: row.version,
    versionCreated: row.version_created,
    pubStatus: wirePubStatusSchema.parse(row.pub_status),
    receivedAt: row.received_at,
    sourceId: row.source_id,
    item: wireItemFromJson(row.item),
  };
}
