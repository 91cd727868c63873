import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { newId } from "../domain/ids.js";
import { wirePubStatusSchema } from "../domain/wire/wire-item-schema.js";
import type {
  StoreBatchInput,
  StoredItemOutcome,
  StoryWireFlag,
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

interface ExistingItem {
  readonly seq: number;
  readonly id: string;
  readonly versionCount: number;
  readonly versionCreated: string | null;
  readonly pubStatus: string;
}

/** What one storeBatch transaction knows and has yet to write. */
interface BatchState {
  readonly existing: Map<string, ExistingItem>;
  /** `${item seq}|${content hash}` of versions stored, before this batch or in it. */
  readonly hashes: Set<string>;
  readonly versions: Insertable<WireItemVersionsTable>[];
  subjects: { item_seq: number; value: string }[];
  readonly flags: StoryWireFlag[];
  /** Unknown guids' rows, inserted together before the batch's items are decided in order. */
  readonly created: Map<
    string,
    { readonly seq: number; readonly id: string; readonly versionId: string }
  >;
}

/** Rows per multi-row insert: well under PostgreSQL's 65,535 bind parameters. */
const rowsPerInsert = 400;

function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

async function insertInChunks<T>(rows: readonly T[], insert: (rows: T[]) => Promise<unknown>) {
  for (const chunk of chunks(rows, rowsPerInsert)) await insert(chunk);
}

/** The `wire_items` columns that follow the current version. */
function currentColumns(
  input: StoreBatchInput,
  prepared: StoreBatchInput["items"][number],
  versionId: string,
) {
  const { item } = prepared;
  return {
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
}

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
      // A batch reads what it needs up front (its items' rows, locked on PostgreSQL, and the
      // content hashes they already hold) and writes versions, subjects and flags as
      // multi-row inserts at the end: a few round trips per batch instead of five per item,
      // which is what PostgreSQL ingest spent its time on. Items are still decided in file
      // order, each seeing the ones before it (a guid twice in one file).
      const batch = await this.#prefetch(trx, input);
      await this.#createNewItems(trx, input, rules, batch);
      const outcomes: StoredItemOutcome[] = [];
      for (const prepared of input.items) {
        outcomes.push(await this.#storeOne(trx, input, prepared, rules, batch));
      }
      await insertInChunks(batch.versions, (rows) =>
        trx.insertInto("wire_item_versions").values(rows).execute(),
      );
      await insertInChunks(batch.subjects, (rows) =>
        trx.insertInto("wire_item_subjects").values(rows).execute(),
      );
      for (const flag of batch.flags) await insertFlag(trx, flag);
      if (input.fileId !== null && input.itemsDoneAfter !== null) {
        await setFileProgress(trx, input.fileId, input.itemsDoneAfter);
      }
      return outcomes;
    });
  }

  async #prefetch(trx: Transaction<DatabaseSchema>, input: StoreBatchInput): Promise<BatchState> {
    const guids = [...new Set(input.items.map((p) => p.item.guid))];
    const existing = new Map<string, ExistingItem>();
    for (const chunk of chunks(guids, 500)) {
      let query = trx
        .selectFrom("wire_items")
        .select(["seq", "id", "guid", "version_count", "version_created", "pub_status"])
        .where("agency_code", "=", input.source.agencyCode)
        .where("guid", "in", chunk);
      // Two instances ingesting the same guid at once serialize on the item rows.
      if (this.#dialect === "postgres") query = query.forUpdate();
      for (const row of await query.execute()) {
        existing.set(row.guid, {
          seq: Number(row.seq),
          id: row.id,
          versionCount: Number(row.version_count),
          versionCreated: row.version_created,
          pubStatus: row.pub_status,
        });
      }
    }
    const hashes = new Set<string>();
    const seqs = [...existing.values()].map((e) => e.seq);
    const wanted = [...new Set(input.items.map((p) => p.contentHash))];
    for (const chunk of chunks(seqs, 500)) {
      const rows = await trx
        .selectFrom("wire_item_versions")
        .select(["item_seq", "content_hash"])
        .where("item_seq", "in", chunk)
        .where("content_hash", "in", wanted)
        .execute();
      for (const row of rows) hashes.add(`${Number(row.item_seq)}|${row.content_hash}`);
    }
    return { existing, hashes, versions: [], subjects: [], flags: [], created: new Map() };
  }

  /**
   * The rows of guids this agency has never sent, inserted in one multi-row statement per
   * 400 items rather than one round trip each (on PostgreSQL, most of an ingest's time).
   * Only a guid's first occurrence in the file is new; later ones are decided in order
   * against it, as before. The row is what `#storeOne` would have inserted for it.
   */
  async #createNewItems(
    trx: Transaction<DatabaseSchema>,
    input: StoreBatchInput,
    rules: WireStoreRules,
    batch: BatchState,
  ): Promise<void> {
    const rows: Insertable<DatabaseSchema["wire_items"]>[] = [];
    const ids = new Map<string, { id: string; versionId: string }>();
    for (const prepared of input.items) {
      const { item } = prepared;
      if (batch.existing.has(item.guid) || ids.has(item.guid)) continue;
      const decision = rules.decideVersion(undefined, {
        versionCreated: item.versionCreated,
        pubStatus: item.pubStatus,
        hashSeen: false,
      });
      if (decision.kind !== "new-item") continue;
      const id = newId();
      const versionId = newId();
      ids.set(item.guid, { id, versionId });
      rows.push({
        ...currentColumns(input, prepared, versionId),
        id,
        agency_code: input.source.agencyCode,
        guid: item.guid,
        version_count: 1,
        service_id: input.source.serviceId,
        first_received_at: input.receivedAt,
      });
    }
    await insertInChunks(rows, async (chunk) => {
      const inserted = await trx
        .insertInto("wire_items")
        .values(chunk)
        .returning(["guid", "seq"])
        .execute();
      for (const row of inserted) {
        const known = ids.get(row.guid);
        if (known) batch.created.set(row.guid, { ...known, seq: Number(row.seq) });
      }
    });
  }

  async #storeOne(
    trx: Transaction<DatabaseSchema>,
    input: StoreBatchInput,
    prepared: StoreBatchInput["items"][number],
    rules: WireStoreRules,
    batch: BatchState,
  ): Promise<StoredItemOutcome> {
    const { item } = prepared;
    const existing = batch.existing.get(item.guid);
    const hashSeen =
      existing !== undefined && batch.hashes.has(`${existing.seq}|${prepared.contentHash}`);
    const decision = rules.decideVersion(
      existing
        ? {
            versionCreated: existing.versionCreated,
            pubStatus: wirePubStatusSchema.parse(existing.pubStatus),
          }
        : undefined,
      { versionCreated: item.versionCreated, pubStatus: item.pubStatus, hashSeen },
    );
    const base = { guid: item.guid, decision: decision.kind, pubStatus: item.pubStatus };
    if (decision.kind === "duplicate") {
      return { ...base, itemId: existing?.id ?? "", versionId: null, flaggedStoryIds: [] };
    }
    const created = existing === undefined ? batch.created.get(item.guid) : undefined;
    const versionId = created?.versionId ?? newId();
    const current = currentColumns(input, prepared, versionId);
    let seq: number;
    let itemId: string;
    let number: number;
    if (existing === undefined) {
      // Inserted with the batch's other new guids (#createNewItems).
      if (!created) throw new Error(`wire item ${item.guid} was not created with its batch`);
      itemId = created.id;
      number = 1;
      seq = created.seq;
    } else {
      seq = existing.seq;
      itemId = existing.id;
      number = existing.versionCount + 1;
      if (decision.kind === "replace") {
        await trx
          .updateTable("wire_items")
          .set({ ...current, version_count: number })
          .where("seq", "=", seq)
          .execute();
        await trx.deleteFrom("wire_item_subjects").where("item_seq", "=", seq).execute();
        // Subjects of this item queued earlier in the batch belong to the replaced version.
        batch.subjects = batch.subjects.filter((row) => row.item_seq !== seq);
      } else {
        await trx
          .updateTable("wire_items")
          .set({ version_count: number })
          .where("seq", "=", seq)
          .execute();
      }
    }
    // What later items of this batch see of this one.
    const replaced = decision.kind !== "history" || existing === undefined;
    batch.existing.set(item.guid, {
      seq,
      id: itemId,
      versionCount: number,
      versionCreated: replaced ? (item.versionCreated ?? null) : (existing?.versionCreated ?? null),
      pubStatus: replaced ? item.pubStatus : (existing?.pubStatus ?? item.pubStatus),
    });
    batch.hashes.add(`${seq}|${prepared.contentHash}`);
    batch.versions.push({
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
    });
    if (decision.kind !== "history") {
      for (const value of prepared.subjectValues) batch.subjects.push({ item_seq: seq, value });
    }
    // The domain decides which stories this version flags; the links are read in this
    // transaction and the flags written in it, so a kill and a new link never miss each other.
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
    batch.flags.push(...flags);
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
