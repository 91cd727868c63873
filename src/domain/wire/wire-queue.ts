import { z } from "zod";
import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { searchTerms } from "../stories/search-text.js";
import { assertWireReader, mayManageWireSources } from "./wire-access.js";
import { wireErrorCatalogue } from "./wire-errors.js";
import { wirePubStatusSchema } from "./wire-item-schema.js";
import { isEmbargoed } from "./wire-lifecycle.js";
import type {
  QuarantineEntry,
  WireItemRepository,
  WireLedgerRepository,
  WireLineageRepository,
  WireQueueEntry,
  WireSourceRepository,
  WireStoryLink,
  WireVersion,
} from "./wire-repository.js";
import type { WireSource } from "./wire-source-schema.js";

export interface WireQueueDeps {
  readonly items: WireItemRepository;
  readonly lineage: Pick<WireLineageRepository, "listLinks">;
  readonly ledger: Pick<WireLedgerRepository, "listQuarantine">;
  readonly sources: Pick<WireSourceRepository, "listSources">;
  readonly clock: Clock;
}

export interface WireQueueItem extends WireQueueEntry {
  /** True while `embargoedUntil` lies in the future (computed at read time). */
  readonly embargoed: boolean;
}

export interface WireItemDetail {
  readonly item: WireQueueItem;
  /** The current version's full content. */
  readonly current: WireVersion;
  /** Every version, newest first (without their bodies repeated: see `getVersion`). */
  readonly versions: readonly Omit<WireVersion, "item">[];
  readonly links: readonly WireStoryLink[];
}

const wireQueueQuerySchema = z.object({
  q: z.string().trim().max(500).optional(),
  agency: z.string().trim().min(1).max(32).optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)
    .optional(),
  urgency: z.coerce.number().int().min(1).max(9).optional(),
  subject: z.string().trim().min(1).max(300).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  status: wirePubStatusSchema.optional(),
  source: z.string().trim().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The wire queue as editors read it: items newest first, one item with its history, rejects. */
export class WireQueue {
  readonly #deps: WireQueueDeps;

  constructor(deps: WireQueueDeps) {
    this.#deps = deps;
  }

  /** Newest first, filtered, searched; `nextCursor` continues the list. */
  async listQueue(
    actor: Actor,
    rawQuery: unknown,
  ): Promise<{ items: WireQueueItem[]; nextCursor: string | null }> {
    assertWireReader(actor);
    const query = parseOrThrow(wireQueueQuerySchema, rawQuery);
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const terms = query.q === undefined ? [] : searchTerms(query.q);
    const subject = query.subject === undefined ? undefined : searchTerms(query.subject).join(" ");
    const entries = await this.#deps.items.listItems({
      limit: query.limit + 1,
      ...(terms.length > 0 ? { terms } : {}),
      ...(query.agency === undefined ? {} : { agencyCode: query.agency.toUpperCase() }),
      ...(query.language === undefined ? {} : { language: query.language }),
      ...(query.urgency === undefined ? {} : { maxUrgency: query.urgency }),
      ...(subject === undefined || subject === "" ? {} : { subject }),
      ...(query.since === undefined ? {} : { since: toUtc(query.since) }),
      ...(query.until === undefined ? {} : { until: toUtc(query.until) }),
      ...(query.status === undefined ? {} : { pubStatus: query.status }),
      ...(query.source === undefined ? {} : { sourceId: query.source }),
      ...(cursor === undefined ? {} : { cursor }),
    });
    const page = entries.slice(0, query.limit);
    const last = page.at(-1);
    const now = this.#deps.clock.now();
    return {
      items: page.map((entry) => queueItem(entry, now)),
      nextCursor:
        entries.length > query.limit && last !== undefined
          ? encodeCursor(last.sortAt, last.seq)
          : null,
    };
  }

  async getItem(actor: Actor, itemId: string): Promise<WireItemDetail> {
    assertWireReader(actor);
    const entry = await requireItem(this.#deps.items, itemId);
    const [versions, links] = await Promise.all([
      this.#deps.items.listVersions(itemId),
      this.#deps.lineage.listLinks({ itemId }),
    ]);
    const current = versions.find((v) => v.id === entry.currentVersionId);
    if (current === undefined) throw new NewsdeskError("WIRE_ITEM_NOT_FOUND");
    return {
      item: queueItem(entry, this.#deps.clock.now()),
      current,
      versions: versions.map(({ item: _item, ...summary }) => summary),
      links,
    };
  }

  async getVersion(actor: Actor, itemId: string, versionId: string): Promise<WireVersion> {
    assertWireReader(actor);
    return requireVersion(this.#deps.items, itemId, versionId);
  }

  async listQuarantine(
    actor: Actor,
    query: { readonly sourceId?: string; readonly cursor?: string; readonly limit?: number },
  ): Promise<{ entries: QuarantineEntry[]; nextCursor: string | null }> {
    assertWireReader(actor);
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const before = query.cursor === undefined ? undefined : decodeQuarantineCursor(query.cursor);
    const rows = await this.#deps.ledger.listQuarantine({
      limit: limit + 1,
      ...(query.sourceId === undefined ? {} : { sourceId: query.sourceId }),
      ...(before === undefined ? {} : { before }),
    });
    const entries = rows.slice(0, limit);
    const last = entries.at(-1);
    const sources = new Map((await this.#deps.sources.listSources()).map((s) => [s.id, s]));
    return {
      entries: entries.map((entry) => {
        const source = entry.sourceId === null ? undefined : sources.get(entry.sourceId);
        return mayManageWireSources(actor, source?.serviceId ?? null)
          ? entry
          : withoutRawBytes(entry, source);
      }),
      nextCursor:
        rows.length > limit && last !== undefined
          ? Buffer.from(`${last.receivedAt}|${last.id}`).toString("base64url")
          : null,
    };
  }
}

/** The item, or WIRE_ITEM_NOT_FOUND (the queue and the story links both look items up). */
export async function requireItem(
  items: Pick<WireItemRepository, "findItem">,
  itemId: string,
): Promise<WireQueueEntry> {
  const entry = await items.findItem(itemId);
  if (entry === undefined) throw new NewsdeskError("WIRE_ITEM_NOT_FOUND");
  return entry;
}

/** A version of this item, or WIRE_ITEM_NOT_FOUND (also for a version of another item). */
export async function requireVersion(
  items: Pick<WireItemRepository, "findVersion">,
  itemId: string,
  versionId: string,
): Promise<WireVersion> {
  const version = await items.findVersion(versionId);
  if (version === undefined || version.itemId !== itemId) {
    throw new NewsdeskError("WIRE_ITEM_NOT_FOUND", { detail: "No such version of this item." });
  }
  return version;
}

function queueItem(entry: WireQueueEntry, now: Date): WireQueueItem {
  return { ...entry, embargoed: isEmbargoed(entry.embargoedUntil, now) };
}

/**
 * A quarantine entry for a caller who may not configure its source: no excerpt of the raw
 * bytes, the catalogue's sentence instead of a reason that may quote them (JSON.parse
 * does), and no file name where that is the feed's URL.
 */
function withoutRawBytes(entry: QuarantineEntry, source: WireSource | undefined): QuarantineEntry {
  const known = (wireErrorCatalogue as Record<string, { message: string } | undefined>)[entry.code];
  return {
    ...entry,
    excerpt: null,
    reason: known?.message ?? "The file was rejected.",
    filename: source === undefined || source.kind === "http-pull" ? null : entry.filename,
  };
}

function toUtc(instant: string): string {
  return new Date(instant).toISOString();
}

function encodeCursor(sortAt: string, seq: number): string {
  return Buffer.from(`${sortAt}|${seq}`).toString("base64url");
}

function decodeCursor(cursor: string): { sortAt: string; seq: number } {
  const [sortAt, seq] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const number = Number(seq);
  if (
    sortAt === undefined ||
    !/^\d{4}-\d{2}-\d{2}T/.test(sortAt) ||
    !Number.isSafeInteger(number)
  ) {
    throw new NewsdeskError("VALIDATION_FAILED", { detail: "The cursor is not valid." });
  }
  return { sortAt, seq: number };
}

function decodeQuarantineCursor(cursor: string): { receivedAt: string; id: string } {
  const [receivedAt, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (receivedAt === undefined || id === undefined || !/^\d{4}-\d{2}-\d{2}T/.test(receivedAt)) {
    throw new NewsdeskError("VALIDATION_FAILED", { detail: "The cursor is not valid." });
  }
  return { receivedAt, id };
}
