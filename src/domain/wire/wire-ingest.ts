import { createHash } from "node:crypto";
import type { Clock } from "../clock.js";
import { newId } from "../ids.js";
import type { WireDocumentParser } from "./wire-document-parser.js";
import { type WireErrorCode, wireErrorCatalogue } from "./wire-errors.js";
import type { WireEvent, WireEvents, WireLogger } from "./wire-events.js";
import type { WireItem } from "./wire-item-schema.js";
import {
  sortInstant,
  wireContentHash,
  wireSearchText,
  wireStoreRules,
  wireSubjectValues,
} from "./wire-lifecycle.js";
import type {
  PreparedWireItem,
  QuarantineEntry,
  StoredItemOutcome,
  WireFileRecord,
  WireItemRepository,
  WireLedgerRepository,
  WireLineageRepository,
} from "./wire-repository.js";
import type { WireSource } from "./wire-source-schema.js";

export interface WireIngestDeps {
  readonly ledger: WireLedgerRepository;
  readonly items: WireItemRepository;
  /** Read back after a kill, for the "stories flagged" event. */
  readonly lineage: Pick<WireLineageRepository, "listFlags">;
  /** The format adapters; production parses off the event loop (`WireParseThread`). */
  readonly parser: WireDocumentParser;
  readonly clock: Clock;
  readonly logger: WireLogger;
  /** Told after commits; failures are logged only. */
  readonly events: WireEvents;
  /** Items stored per transaction; the ledger's progress moves with each batch. */
  readonly batchSize?: number;
}

/** One agency file as it arrived: bytes plus what the transport said about them. */
export interface WireDocument {
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly contentLanguage?: string;
  /** File name or URL, for the quarantine list and logs. */
  readonly filename?: string;
}

export interface IngestReport {
  /** `duplicate-file`: the same bytes from this source were fully ingested before. */
  readonly status: "ingested" | "duplicate-file" | "rejected";
  readonly fileId: string | null;
  readonly format: string | null;
  readonly items: number;
  readonly newItems: number;
  readonly newVersions: number;
  /** Versions older than the current one, kept in the history only. */
  readonly historyVersions: number;
  readonly duplicates: number;
  readonly quarantined: number;
  readonly flaggedStoryIds: readonly string[];
  readonly error?: { readonly code: WireErrorCode; readonly detail: string };
}

const excerptBytes = 2048;

/**
 * The wire desk's one ingest command: a file from a source is parsed (by the injected
 * parser), validated and stored, idempotently, with its ledger row and quarantine entries.
 * Transports (push, pull, drop directory) call it; nothing here knows a format.
 */
export class WireIngest {
  readonly #deps: WireIngestDeps;

  constructor(deps: WireIngestDeps) {
    this.#deps = deps;
  }

  /**
   * Ingests one file from a source. Idempotent: the file's hash is recorded in a ledger
   * whose progress moves in the same transaction as each batch of items, so re-ingesting a
   * file changes nothing and a restart mid-file resumes after the last committed batch.
   * Bad input never throws: it is quarantined with a stable code and logged.
   */
  async ingest(source: WireSource, document: WireDocument): Promise<IngestReport> {
    const report = await this.#ingest(source, document);
    await this.#deps.events.emit([
      {
        type: "file-processed",
        sourceId: source.id,
        status: report.status,
        quarantined: report.quarantined,
      },
    ]);
    return report;
  }

  async #ingest(source: WireSource, document: WireDocument): Promise<IngestReport> {
    const receivedAt = this.#now();
    const contentHash = sha256(document.bytes);
    const log = { sourceId: source.id, filename: document.filename, contentHash };
    const known = await this.#deps.ledger.findFile(source.id, contentHash);
    if (known?.status === "done") return emptyReport("duplicate-file", known.id, known.format);
    const parsed = await this.#deps.parser.parse({
      bytes: document.bytes,
      maxBytes: source.maxBytes,
      ...(document.contentType === undefined ? {} : { contentType: document.contentType }),
      ...(document.contentLanguage === undefined
        ? {}
        : { contentLanguage: document.contentLanguage }),
      ...(document.filename === undefined ? {} : { filename: document.filename }),
    });
    if (!parsed.ok) {
      const { code, message: detail } = parsed.error;
      // The same bad bytes again (a broken feed polled every minute): answer the same
      // error without flooding the quarantine list.
      if (known !== undefined) {
        return { ...emptyReport("rejected", known.id, null), error: { code, detail } };
      }
      const file = await this.#deps.ledger.beginFile(
        fileRecord(source.id, contentHash, document.filename, null, "rejected", 0, receivedAt),
        [
          quarantineEntry(source.id, document, {
            code,
            reason: detail || wireErrorCatalogue[code].message,
            contentHash,
            receivedAt,
          }),
        ],
      );
      this.#deps.logger.warn({ ...log, code, reason: detail }, "wire file quarantined");
      return { ...emptyReport("rejected", file.id, null), quarantined: 1, error: { code, detail } };
    }
    for (const skip of parsed.skipped) {
      const entry = { ...log, code: skip.code, reason: skip.reason, guid: skip.guid };
      if (skip.code === "WIRE_UNSUPPORTED_ITEM") this.#deps.logger.info(entry, "wire item skipped");
      else this.#deps.logger.warn(entry, "wire item quarantined");
    }
    const rejected = parsed.skipped.filter((skip) => skip.code !== "WIRE_UNSUPPORTED_ITEM");
    const file =
      known ??
      (await this.#deps.ledger.beginFile(
        fileRecord(
          source.id,
          contentHash,
          document.filename,
          parsed.format,
          "processing",
          parsed.items.length,
          receivedAt,
        ),
        rejected.map((skip) =>
          quarantineEntry(source.id, document, {
            code: skip.code,
            reason: skip.reason,
            guid: skip.guid,
            contentHash,
            receivedAt,
          }),
        ),
      ));
    const fresh = known === undefined && file.status === "processing" && file.itemsDone === 0;
    const outcomes: StoredItemOutcome[] = [];
    let quarantined = fresh ? rejected.length : 0;
    const batchSize = this.#deps.batchSize ?? 200;
    const target = { id: source.id, agencyCode: source.agencyCode, serviceId: source.serviceId };
    for (let start = file.itemsDone; start < parsed.items.length; start += batchSize) {
      const batch = parsed.items.slice(start, start + batchSize);
      const prepared = batch.map((item) => prepareItem(withDefaults(item, source), receivedAt));
      try {
        outcomes.push(
          ...(await this.#deps.items.storeBatch(
            {
              source: target,
              fileId: file.id,
              itemsDoneAfter: start + batch.length,
              receivedAt,
              items: prepared,
            },
            wireStoreRules,
          )),
        );
      } catch (batchError) {
        // One item the database refuses must not block its siblings: retry one by one and
        // quarantine only the item that fails again.
        this.#deps.logger.warn({ ...log, err: batchError }, "wire batch failed; retrying items");
        for (const [offset, one] of prepared.entries()) {
          try {
            outcomes.push(
              ...(await this.#deps.items.storeBatch(
                {
                  source: target,
                  fileId: file.id,
                  itemsDoneAfter: start + offset + 1,
                  receivedAt,
                  items: [one],
                },
                wireStoreRules,
              )),
            );
          } catch (itemError) {
            const reason = itemError instanceof Error ? itemError.message : String(itemError);
            // If even the quarantine cannot be written the database is down: let it throw,
            // leaving the ledger where it was so the next attempt resumes here.
            await this.#deps.ledger.insertQuarantine(
              quarantineEntry(source.id, document, {
                code: "WIRE_INTERNAL",
                reason: `The item could not be stored: ${reason}`,
                guid: one.item.guid,
                contentHash,
                receivedAt,
                fileId: file.id,
              }),
            );
            await this.#deps.ledger.setFileProgress(file.id, start + offset + 1);
            quarantined += 1;
            this.#deps.logger.error(
              { ...log, guid: one.item.guid, err: itemError },
              "wire item could not be stored",
            );
          }
        }
      }
    }
    await this.#deps.ledger.finishFile(file.id, "done", this.#now());
    const report = summarize(file, parsed.format, parsed.items.length, outcomes, quarantined);
    this.#deps.logger.info(
      {
        ...log,
        format: parsed.format,
        items: report.items,
        newItems: report.newItems,
        newVersions: report.newVersions,
        duplicates: report.duplicates,
        flaggedStories: report.flaggedStoryIds.length,
      },
      "wire file ingested",
    );
    await this.#announce(source.id, outcomes);
    return report;
  }

  /** Records a file that was refused before parsing (too large, unreadable, …). */
  async reject(
    source: WireSource,
    document: Omit<WireDocument, "bytes"> & { readonly bytes?: Uint8Array; readonly size?: number },
    code: WireErrorCode,
    detail: string,
  ): Promise<QuarantineEntry> {
    const entry = quarantineEntry(source.id, document, {
      code,
      reason: detail,
      contentHash: document.bytes ? sha256(document.bytes) : null,
      receivedAt: this.#now(),
      ...(document.size === undefined ? {} : { sizeBytes: document.size }),
    });
    await this.#deps.ledger.insertQuarantine(entry);
    this.#deps.logger.warn(
      { sourceId: source.id, filename: document.filename, code, reason: detail },
      "wire file quarantined",
    );
    await this.#deps.events.emit([
      { type: "file-processed", sourceId: source.id, status: "rejected", quarantined: 1 },
    ]);
    return entry;
  }

  async #announce(sourceId: string, outcomes: readonly StoredItemOutcome[]): Promise<void> {
    if (!this.#deps.events.listened) return;
    const itemIds = [
      ...new Set(outcomes.filter((o) => o.decision !== "duplicate").map((o) => o.itemId)),
    ];
    const flaggedStories = outcomes.flatMap((o) => o.flaggedStoryIds);
    const events: WireEvent[] = [];
    if (itemIds.length > 0) events.push({ type: "items-ingested", sourceId, itemIds });
    if (flaggedStories.length > 0) {
      const flags = (await this.#deps.lineage.listFlags({ open: true, limit: 500 })).filter((f) =>
        outcomes.some((o) => o.versionId === f.versionId),
      );
      events.push({ type: "stories-flagged", flags });
    }
    await this.#deps.events.emit(events);
  }

  #now(): string {
    return this.#deps.clock.now().toISOString();
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The source's default language fills in items that do not declare one. */
function withDefaults(item: WireItem, source: WireSource): WireItem {
  return item.language === undefined && source.language !== undefined
    ? { ...item, language: source.language.toLowerCase() }
    : item;
}

function prepareItem(item: WireItem, receivedAt: string): PreparedWireItem {
  return {
    item,
    contentHash: wireContentHash(item),
    sortAt: sortInstant(item, receivedAt),
    searchText: wireSearchText(item),
    subjectValues: wireSubjectValues(item),
  };
}

function quarantineEntry(
  sourceId: string,
  document: { readonly bytes?: Uint8Array; readonly filename?: string },
  facts: {
    code: WireErrorCode;
    reason: string;
    guid?: string | undefined;
    contentHash: string | null;
    receivedAt: string;
    fileId?: string;
    sizeBytes?: number;
  },
): QuarantineEntry {
  return {
    id: newId(),
    sourceId,
    fileId: facts.fileId ?? null,
    filename: document.filename?.slice(0, 1000) ?? null,
    code: facts.code,
    reason: facts.reason.slice(0, 4000),
    guid: facts.guid?.slice(0, 1024) ?? null,
    contentHash: facts.contentHash,
    sizeBytes: facts.sizeBytes ?? document.bytes?.byteLength ?? null,
    excerpt: document.bytes ? excerptOf(document.bytes) : null,
    receivedAt: facts.receivedAt,
  };
}

function excerptOf(bytes: Uint8Array): string {
  // Replacement characters make invalid bytes visible without storing binary.
  return new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, excerptBytes))
    .replaceAll("\u0000", "\uFFFD");
}

function fileRecord(
  sourceId: string,
  contentHash: string,
  filename: string | undefined,
  format: string | null,
  status: WireFileRecord["status"],
  itemsTotal: number,
  startedAt: string,
): WireFileRecord {
  return {
    id: newId(),
    sourceId,
    contentHash,
    filename: filename?.slice(0, 1000) ?? null,
    format,
    status,
    itemsTotal,
    itemsDone: 0,
    startedAt,
    finishedAt: status === "rejected" ? startedAt : null,
  };
}

function emptyReport(
  status: IngestReport["status"],
  fileId: string | null,
  format: string | null,
): IngestReport {
  return {
    status,
    fileId,
    format,
    items: 0,
    newItems: 0,
    newVersions: 0,
    historyVersions: 0,
    duplicates: 0,
    quarantined: 0,
    flaggedStoryIds: [],
  };
}

function summarize(
  file: WireFileRecord,
  format: string,
  items: number,
  outcomes: readonly StoredItemOutcome[],
  quarantined: number,
): IngestReport {
  const count = (kind: StoredItemOutcome["decision"]) =>
    outcomes.filter((o) => o.decision === kind).length;
  return {
    status: "ingested",
    fileId: file.id,
    format,
    items,
    newItems: count("new-item"),
    newVersions: count("replace"),
    historyVersions: count("history"),
    duplicates: count("duplicate"),
    quarantined,
    flaggedStoryIds: [...new Set(outcomes.flatMap((o) => o.flaggedStoryIds))],
  };
}
