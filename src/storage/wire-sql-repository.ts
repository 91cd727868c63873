import { type Generated, type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { NewsdeskError } from "../domain/error-catalogue.js";
import { newId } from "../domain/ids.js";
import {
  type WireItem,
  wireItemSchema,
  wirePubStatusSchema,
} from "../domain/wire/wire-item-schema.js";
import type {
  DecideVersion,
  QuarantineEntry,
  StoreBatchInput,
  StoredItemOutcome,
  StoryWireFlag,
  WireFileRecord,
  WireFileStatus,
  WireQueueEntry,
  WireQueueQuery,
  WireRepository,
  WireStoryLink,
  WireUseMode,
  WireVersion,
} from "../domain/wire/wire-repository.js";
import {
  type WireSource,
  type WireSourceState,
  type WireSourceWithState,
  wireSourceInputSchema,
} from "../domain/wire/wire-source-schema.js";
import type { SqlDialectName } from "./database.js";
import type { DatabaseSchema } from "./database-schema.js";
import { likeContaining, likeStartingWith } from "./like-patterns.js";

/** The wire tables of migration 0004-wire, as Kysely sees them. */
export type WireTables = {
  wire_sources: {
    id: string;
    name: string;
    kind: string;
    agency_code: string;
    config: string;
    token_hash: string | null;
    enabled: number;
    created_at: string;
    updated_at: string;
    next_poll_at: string;
    etag: string | null;
    last_modified: string | null;
    failures: number;
    last_polled_at: string | null;
    last_success_at: string | null;
    last_error: string | null;
  };
  wire_items: {
    seq: Generated<number>;
    id: string;
    agency_code: string;
    guid: string;
    current_version_id: string;
    version_count: number;
    source_id: string;
    service_id: string;
    item_type: string;
    headline: string | null;
    language: string | null;
    urgency: number | null;
    pub_status: string;
    embargoed_until: string | null;
    version_created: string | null;
    first_received_at: string;
    received_at: string;
    sort_at: string;
    search_text: string;
  };
  wire_item_versions: {
    id: string;
    item_seq: number;
    number: number;
    content_hash: string;
    version: string | null;
    version_created: string | null;
    pub_status: string;
    received_at: string;
    source_id: string;
    file_id: string | null;
    item: string;
  };
  wire_item_subjects: { item_seq: number; value: string };
  wire_files: {
    id: string;
    source_id: string;
    content_hash: string;
    filename: string | null;
    format: string | null;
    status: string;
    items_total: number;
    items_done: number;
    started_at: string;
    finished_at: string | null;
  };
  wire_quarantine: {
    id: string;
    source_id: string | null;
    file_id: string | null;
    filename: string | null;
    code: string;
    reason: string;
    guid: string | null;
    content_hash: string | null;
    size_bytes: number | null;
    excerpt: string | null;
    received_at: string;
  };
  wire_story_links: {
    story_id: string;
    item_id: string;
    version_id: string;
    guid: string;
    version: string | null;
    agency_code: string;
    mode: string;
    used_at: string;
    used_by: string | null;
  };
  story_wire_flags: {
    id: string;
    story_id: string;
    item_id: string;
    version_id: string;
    guid: string;
    agency_code: string;
    pub_status: string;
    reason: string | null;
    flagged_at: string;
    acknowledged_at: string | null;
    acknowledged_by: string | null;
  };
};

type Schema = DatabaseSchema & WireTables;
type Db = Kysely<Schema> | Transaction<Schema>;
type ItemRow = Selectable<WireTables["wire_items"]>;
type SourceRow = Selectable<WireTables["wire_sources"]>;
type FlagRow = Selectable<WireTables["story_wire_flags"]>;

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

export class WireSqlRepository implements WireRepository {
  readonly #db: Kysely<Schema>;
  readonly #dialect: SqlDialectName;

  constructor(db: Kysely<DatabaseSchema>, dialect: SqlDialectName) {
    this.#db = db.withTables<WireTables>();
    this.#dialect = dialect;
  }

  // ---- sources -------------------------------------------------------------------------

  async insertSource(
    source: WireSource,
    tokenHash: string | null,
    state: WireSourceState,
  ): Promise<void> {
    await this.#db
      .insertInto("wire_sources")
      .values({ ...sourceRow(source), token_hash: tokenHash, ...stateRow(state) })
      .execute();
  }

  async replaceSource(source: WireSource): Promise<boolean> {
    const result = await this.#db
      .updateTable("wire_sources")
      .set(sourceRow(source))
      .where("id", "=", source.id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteSource(id: string): Promise<boolean> {
    const result = await this.#db
      .deleteFrom("wire_sources")
      .where("id", "=", id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  async findSource(id: string): Promise<WireSourceWithState | undefined> {
    const row = await this.#db
      .selectFrom("wire_sources")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? sourceFromRow(row) : undefined;
  }

  async listSources(): Promise<WireSourceWithState[]> {
    const rows = await this.#db
      .selectFrom("wire_sources")
      .selectAll()
      .orderBy("name", "asc")
      .orderBy("id", "asc")
      .execute();
    return rows.map(sourceFromRow);
  }

  async findTokenHash(sourceId: string): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom("wire_sources")
      .select("token_hash")
      .where("id", "=", sourceId)
      .executeTakeFirst();
    return row?.token_hash ?? undefined;
  }

  async setTokenHash(sourceId: string, tokenHash: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("wire_sources")
      .set({ token_hash: tokenHash })
      .where("id", "=", sourceId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async claimSource(id: string, expectedNextPollAt: string, leaseUntil: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("wire_sources")
      .set({ next_poll_at: leaseUntil })
      .where("id", "=", id)
      .where("next_poll_at", "=", expectedNextPollAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async saveSourceState(id: string, state: WireSourceState): Promise<void> {
    await this.#db.updateTable("wire_sources").set(stateRow(state)).where("id", "=", id).execute();
  }

  // ---- ingest ledger and quarantine ------------------------------------------------------

  async findFile(sourceId: string, contentHash: string): Promise<WireFileRecord | undefined> {
    const row = await this.#db
      .selectFrom("wire_files")
      .selectAll()
      .where("source_id", "=", sourceId)
      .where("content_hash", "=", contentHash)
      .executeTakeFirst();
    return row ? fileFromRow(row) : undefined;
  }

  async beginFile(
    record: WireFileRecord,
    quarantine: readonly QuarantineEntry[],
  ): Promise<WireFileRecord> {
    return this.#db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto("wire_files")
        .values({
          id: record.id,
          source_id: record.sourceId,
          content_hash: record.contentHash,
          filename: record.filename,
          format: record.format,
          status: record.status,
          items_total: record.itemsTotal,
          items_done: record.itemsDone,
          started_at: record.startedAt,
          finished_at: record.finishedAt,
        })
        .onConflict((oc) => oc.columns(["source_id", "content_hash"]).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) {
        const existing = await trx
          .selectFrom("wire_files")
          .selectAll()
          .where("source_id", "=", record.sourceId)
          .where("content_hash", "=", record.contentHash)
          .executeTakeFirstOrThrow();
        return fileFromRow(existing);
      }
      for (const entry of quarantine) {
        await trx.insertInto("wire_quarantine").values(quarantineRow(entry)).execute();
      }
      return record;
    });
  }

  async setFileProgress(fileId: string, itemsDone: number): Promise<void> {
    await this.#db
      .updateTable("wire_files")
      .set({ items_done: itemsDone })
      .where("id", "=", fileId)
      .execute();
  }

  async finishFile(fileId: string, status: WireFileStatus, finishedAt: string): Promise<void> {
    await this.#db
      .updateTable("wire_files")
      .set({ status, finished_at: finishedAt })
      .where("id", "=", fileId)
      .execute();
  }

  async insertQuarantine(entry: QuarantineEntry): Promise<void> {
    await this.#db.insertInto("wire_quarantine").values(quarantineRow(entry)).execute();
  }

  async listQuarantine(query: {
    readonly sourceId?: string;
    readonly before?: { readonly receivedAt: string; readonly id: string };
    readonly limit: number;
  }): Promise<QuarantineEntry[]> {
    let q = this.#db.selectFrom("wire_quarantine").selectAll();
    if (query.sourceId !== undefined) q = q.where("source_id", "=", query.sourceId);
    const before = query.before;
    if (before !== undefined) {
      q = q.where((eb) =>
        eb.or([
          eb("received_at", "<", before.receivedAt),
          eb.and([eb("received_at", "=", before.receivedAt), eb("id", "<", before.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy("received_at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      sourceId: r.source_id,
      fileId: r.file_id,
      filename: r.filename,
      code: r.code,
      reason: r.reason,
      guid: r.guid,
      contentHash: r.content_hash,
      sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
      excerpt: r.excerpt,
      receivedAt: r.received_at,
    }));
  }

  // ---- storing items ---------------------------------------------------------------------

  async storeBatch(input: StoreBatchInput, decide: DecideVersion): Promise<StoredItemOutcome[]> {
    return this.#db.transaction().execute(async (trx) => {
      const outcomes: StoredItemOutcome[] = [];
      for (const prepared of input.items) {
        outcomes.push(await this.#storeOne(trx, input, prepared, decide));
      }
      if (input.fileId !== null && input.itemsDoneAfter !== null) {
        await trx
          .updateTable("wire_files")
          .set({ items_done: input.itemsDoneAfter })
          .where("id", "=", input.fileId)
          .execute();
      }
      return outcomes;
    });
  }

  async #storeOne(
    trx: Transaction<Schema>,
    input: StoreBatchInput,
    prepared: StoreBatchInput["items"][number],
    decide: DecideVersion,
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
    const decision = decide(
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
    let flaggedStoryIds: string[] = [];
    if (decision.kind === "replace" && decision.flagStories && item.pubStatus !== "usable") {
      const links = await trx
        .selectFrom("wire_story_links")
        .select("story_id")
        .distinct()
        .where("item_id", "=", itemId)
        .execute();
      flaggedStoryIds = links.map((l) => l.story_id);
      for (const storyId of flaggedStoryIds) {
        await insertFlag(trx, {
          id: newId(),
          storyId,
          itemId,
          versionId,
          guid: item.guid,
          agencyCode: input.source.agencyCode,
          pubStatus: item.pubStatus,
          reason: item.edNote ?? null,
          flaggedAt: input.receivedAt,
          acknowledgedAt: null,
          acknowledgedBy: null,
        });
      }
    }
    return { ...base, itemId, versionId, flaggedStoryIds };
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

  // ---- lineage and flags ------------------------------------------------------------------

  async recordUse(link: WireStoryLink): Promise<StoryWireFlag[]> {
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
      // A kill may have committed between the editor reading the item and this link: check
      // the item's status inside the same transaction so the story cannot escape the flag.
      let itemQuery = trx
        .selectFrom("wire_items")
        .select(["current_version_id", "pub_status", "guid", "agency_code"])
        .where("id", "=", link.itemId);
      if (this.#dialect === "postgres") itemQuery = itemQuery.forShare();
      const item = await itemQuery.executeTakeFirst();
      if (item === undefined || item.pub_status === "usable") return [];
      const version = await trx
        .selectFrom("wire_item_versions")
        .select("item")
        .where("id", "=", item.current_version_id)
        .executeTakeFirst();
      const edNote = version ? parseItem(version.item).edNote : undefined;
      const flag: StoryWireFlag = {
        id: newId(),
        storyId: link.storyId,
        itemId: link.itemId,
        versionId: item.current_version_id,
        guid: item.guid,
        agencyCode: item.agency_code,
        pubStatus: item.pub_status === "withheld" ? "withheld" : "canceled",
        reason: edNote ?? null,
        flaggedAt: link.usedAt,
        acknowledgedAt: null,
        acknowledgedBy: null,
      };
      return (await insertFlag(trx, flag)) ? [flag] : [];
    });
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

async function insertFlag(db: Db, flag: StoryWireFlag): Promise<boolean> {
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

/** JSON read back from the database is a boundary: parse it through the schema again. */
function parseItem(json: string): WireItem {
  const result = wireItemSchema.safeParse(JSON.parse(json));
  if (!result.success) {
    throw new NewsdeskError("INTERNAL", {
      detail: "A stored wire version no longer matches the item schema.",
      cause: result.error,
    });
  }
  return result.data;
}

function sourceRow(source: WireSource) {
  const { id, createdAt, updatedAt, ...config } = source;
  return {
    id,
    name: source.name,
    kind: source.kind,
    agency_code: source.agencyCode,
    config: JSON.stringify(config),
    enabled: source.enabled ? 1 : 0,
    created_at: createdAt,
    updated_at: updatedAt,
  };
}

function stateRow(state: WireSourceState) {
  return {
    next_poll_at: state.nextPollAt,
    etag: state.etag,
    last_modified: state.lastModified,
    failures: state.failures,
    last_polled_at: state.lastPolledAt,
    last_success_at: state.lastSuccessAt,
    last_error: state.lastError,
  };
}

function sourceFromRow(row: SourceRow): WireSourceWithState {
  const parsed = wireSourceInputSchema.safeParse(JSON.parse(row.config));
  if (!parsed.success) {
    throw new NewsdeskError("INTERNAL", {
      detail: `The stored configuration of wire source ${row.id} is invalid.`,
      cause: parsed.error,
    });
  }
  return {
    ...parsed.data,
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    state: {
      nextPollAt: row.next_poll_at,
      etag: row.etag,
      lastModified: row.last_modified,
      failures: Number(row.failures),
      lastPolledAt: row.last_polled_at,
      lastSuccessAt: row.last_success_at,
      lastError: row.last_error,
    },
  };
}

function fileFromRow(row: Selectable<WireTables["wire_files"]>): WireFileRecord {
  return {
    id: row.id,
    sourceId: row.source_id,
    contentHash: row.content_hash,
    filename: row.filename,
    format: row.format,
    status: row.status === "done" ? "done" : row.status === "rejected" ? "rejected" : "processing",
    itemsTotal: Number(row.items_total),
    itemsDone: Number(row.items_done),
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

function quarantineRow(entry: QuarantineEntry) {
  return {
    id: entry.id,
    source_id: entry.sourceId,
    file_id: entry.fileId,
    filename: entry.filename,
    code: entry.code,
    reason: entry.reason,
    guid: entry.guid,
    content_hash: entry.contentHash,
    size_bytes: entry.sizeBytes,
    excerpt: entry.excerpt,
    received_at: entry.receivedAt,
  };
}

function queueEntryFromRow(row: Pick<ItemRow, (typeof queueColumns)[number]>): WireQueueEntry {
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

function versionFromRow(
  row: Selectable<WireTables["wire_item_versions"]> & { item_id: string },
): WireVersion {
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
    item: parseItem(row.item),
  };
}

function flagFromRow(row: FlagRow): StoryWireFlag {
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
