import type { Kysely, Selectable, Transaction } from "kysely";
import type {
  QuarantineEntry,
  WireFileRecord,
  WireFileStatus,
  WireLedgerRepository,
} from "../domain/wire/wire-repository.js";
import type { DatabaseSchema, WireFilesTable } from "./database-schema.js";

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/**
 * The ingest ledger (`wire_files`: one row per distinct file of a source, with its progress)
 * and the quarantine (`wire_quarantine`: rejected files and items).
 */
export class WireLedgerSqlRepository implements WireLedgerRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

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
    await setFileProgress(this.#db, fileId, itemsDone);
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
}

/**
 * Moves a file's progress; item storage calls it inside the transaction that stores a batch,
 * so a restart resumes after the last committed batch.
 */
export async function setFileProgress(db: Db, fileId: string, itemsDone: number): Promise<void> {
  await db
    .updateTable("wire_files")
    .set({ items_done: itemsDone })
    .where("id", "=", fileId)
    .execute();
}

function fileFromRow(row: Selectable<WireFilesTable>): WireFileRecord {
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
