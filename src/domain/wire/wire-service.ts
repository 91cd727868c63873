import { createHash } from "node:crypto";
import { z } from "zod";
import { type Actor, actorId, systemActor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import { isServiceId, type ServiceId } from "../services/service-registry.js";
import { searchTerms } from "../stories/search-text.js";
import type { StoryRepository } from "../stories/story-repository.js";
import {
  type Story,
  type StoryRevision,
  serviceIdSchema,
  slugSchema,
} from "../stories/story-schema.js";
import { factsOf, type StoryService } from "../stories/story-service.js";
import { assertCan, can } from "../users/access-policy.js";
import { assertWireEditor, assertWireReader, mayManageWireSources } from "./wire-access.js";
import type { WireDocumentParser } from "./wire-document-parser.js";
import { type WireErrorCode, wireErrorCatalogue } from "./wire-errors.js";
import { type WireItem, wirePubStatusSchema } from "./wire-item-schema.js";
import {
  decideVersion,
  isEmbargoed,
  sortInstant,
  wireContentHash,
  wireSearchText,
  wireSubjectValues,
} from "./wire-lifecycle.js";
import type {
  PreparedWireItem,
  QuarantineEntry,
  StoredItemOutcome,
  StoryWireFlag,
  WireFileRecord,
  WireQueueEntry,
  WireRepository,
  WireStoryLink,
  WireVersion,
} from "./wire-repository.js";
import type { WireSource } from "./wire-source-schema.js";
import { appendWireToContent, sectionForSubjects, storyContentFromWire } from "./wire-story.js";

/** The subset of pino the wire desk logs through (pino's `Logger` satisfies it). */
export interface WireLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export type WireEvent =
  | {
      readonly type: "items-ingested";
      readonly sourceId: string;
      readonly itemIds: readonly string[];
    }
  | { readonly type: "stories-flagged"; readonly flags: readonly StoryWireFlag[] };

export interface WireEventListener {
  onWireEvent(event: WireEvent): void | Promise<void>;
}

export interface WireServiceDeps {
  readonly wire: WireRepository;
  /** The format adapters; production parses off the event loop (`WireParseThread`). */
  readonly parser: WireDocumentParser;
  readonly stories: StoryService;
  readonly storyRepository: StoryRepository;
  readonly catalog: CatalogRepository;
  readonly clock: Clock;
  readonly logger: WireLogger;
  /** Items stored per transaction; the ledger's progress moves with each batch. */
  readonly batchSize?: number;
  /** Told after commits (the newsroom's live queue, dashboards). Failures are logged only. */
  readonly listeners?: readonly WireEventListener[];
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

export const wireQueueQuerySchema = z.object({
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
export type WireQueueQueryInput = z.input<typeof wireQueueQuerySchema>;

export const useInNewStoryInputSchema = z.object({
  serviceId: serviceIdSchema.optional(),
  section: slugSchema.optional(),
  /** Use an earlier version instead of the current one. */
  versionId: z.string().min(1).max(64).optional(),
});

export const addToStoryInputSchema = z.object({
  storyId: z.string().min(1).max(64),
  /** The revision the editor is looking at; a stale one is refused as REVISION_CONFLICT. */
  baseRevisionId: z.string().min(1).max(64).optional(),
  versionId: z.string().min(1).max(64).optional(),
});

const excerptBytes = 2048;

/**
 * The wire desk: ingest (parse → validate → store, idempotent), the queue, "use in new
 * story" / "add to story" with lineage, and the flags a kill raises on derived stories.
 */
export class WireService {
  readonly #deps: WireServiceDeps;

  constructor(deps: WireServiceDeps) {
    this.#deps = deps;
  }

  // ---- ingest -----------------------------------------------------------------------------

  /**
   * Ingests one file from a source. Idempotent: the file's hash is recorded in a ledger
   * whose progress moves in the same transaction as each batch of items, so re-ingesting a
   * file changes nothing and a restart mid-file resumes after the last committed batch.
   * Bad input never throws: it is quarantined with a stable code and logged.
   */
  async ingest(source: WireSource, document: WireDocument): Promise<IngestReport> {
    const receivedAt = this.#now();
    const contentHash = sha256(document.bytes);
    const log = { sourceId: source.id, filename: document.filename, contentHash };
    const known = await this.#deps.wire.findFile(source.id, contentHash);
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
      const file = await this.#deps.wire.beginFile(
        fileRecord(source.id, contentHash, document.filename, null, "rejected", 0, receivedAt),
        [
          this.#quarantineEntry(source.id, document, {
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
      (await this.#deps.wire.beginFile(
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
          this.#quarantineEntry(source.id, document, {
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
          ...(await this.#deps.wire.storeBatch(
            {
              source: target,
              fileId: file.id,
              itemsDoneAfter: start + batch.length,
              receivedAt,
              items: prepared,
            },
            decideVersion,
          )),
        );
      } catch (batchError) {
        // One item the database refuses must not block its siblings: retry one by one and
        // quarantine only the item that fails again.
        this.#deps.logger.warn({ ...log, err: batchError }, "wire batch failed; retrying items");
        for (const [offset, one] of prepared.entries()) {
          try {
            outcomes.push(
              ...(await this.#deps.wire.storeBatch(
                {
                  source: target,
                  fileId: file.id,
                  itemsDoneAfter: start + offset + 1,
                  receivedAt,
                  items: [one],
                },
                decideVersion,
              )),
            );
          } catch (itemError) {
            const reason = itemError instanceof Error ? itemError.message : String(itemError);
            // If even the quarantine cannot be written the database is down: let it throw,
            // leaving the ledger where it was so the next attempt resumes here.
            await this.#deps.wire.insertQuarantine(
              this.#quarantineEntry(source.id, document, {
                code: "WIRE_INTERNAL",
                reason: `The item could not be stored: ${reason}`,
                guid: one.item.guid,
                contentHash,
                receivedAt,
                fileId: file.id,
              }),
            );
            await this.#deps.wire.setFileProgress(file.id, start + offset + 1);
            quarantined += 1;
            this.#deps.logger.error(
              { ...log, guid: one.item.guid, err: itemError },
              "wire item could not be stored",
            );
          }
        }
      }
    }
    await this.#deps.wire.finishFile(file.id, "done", this.#now());
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
    const entry = this.#quarantineEntry(source.id, document, {
      code,
      reason: detail,
      contentHash: document.bytes ? sha256(document.bytes) : null,
      receivedAt: this.#now(),
      ...(document.size === undefined ? {} : { sizeBytes: document.size }),
    });
    await this.#deps.wire.insertQuarantine(entry);
    this.#deps.logger.warn(
      { sourceId: source.id, filename: document.filename, code, reason: detail },
      "wire file quarantined",
    );
    return entry;
  }

  #quarantineEntry(
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

  async #announce(sourceId: string, outcomes: readonly StoredItemOutcome[]): Promise<void> {
    const listeners = this.#deps.listeners ?? [];
    if (listeners.length === 0) return;
    const itemIds = [
      ...new Set(outcomes.filter((o) => o.decision !== "duplicate").map((o) => o.itemId)),
    ];
    const flaggedStories = outcomes.flatMap((o) => o.flaggedStoryIds);
    const events: WireEvent[] = [];
    if (itemIds.length > 0) events.push({ type: "items-ingested", sourceId, itemIds });
    if (flaggedStories.length > 0) {
      const flags = (await this.#deps.wire.listFlags({ open: true, limit: 500 })).filter((f) =>
        outcomes.some((o) => o.versionId === f.versionId),
      );
      events.push({ type: "stories-flagged", flags });
    }
    await this.#emit(events);
  }

  async #emit(events: readonly WireEvent[]): Promise<void> {
    for (const event of events) {
      for (const listener of this.#deps.listeners ?? []) {
        try {
          await listener.onWireEvent(event);
        } catch (error) {
          this.#deps.logger.error({ err: error, event: event.type }, "wire listener failed");
        }
      }
    }
  }

  // ---- the queue --------------------------------------------------------------------------

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
    const entries = await this.#deps.wire.listItems({
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
      items: page.map((entry) => this.#queueItem(entry, now)),
      nextCursor:
        entries.length > query.limit && last !== undefined
          ? encodeCursor(last.sortAt, last.seq)
          : null,
    };
  }

  async getItem(actor: Actor, itemId: string): Promise<WireItemDetail> {
    assertWireReader(actor);
    const entry = await this.#requireItem(itemId);
    const [versions, links] = await Promise.all([
      this.#deps.wire.listVersions(itemId),
      this.#deps.wire.listLinks({ itemId }),
    ]);
    const current = versions.find((v) => v.id === entry.currentVersionId);
    if (current === undefined) throw new NewsdeskError("WIRE_ITEM_NOT_FOUND");
    return {
      item: this.#queueItem(entry, this.#deps.clock.now()),
      current,
      versions: versions.map(({ item: _item, ...summary }) => summary),
      links,
    };
  }

  async getVersion(actor: Actor, itemId: string, versionId: string): Promise<WireVersion> {
    assertWireReader(actor);
    return this.#version(itemId, versionId);
  }

  async #version(itemId: string, versionId: string): Promise<WireVersion> {
    const version = await this.#deps.wire.findVersion(versionId);
    if (version === undefined || version.itemId !== itemId) {
      throw new NewsdeskError("WIRE_ITEM_NOT_FOUND", { detail: "No such version of this item." });
    }
    return version;
  }

  async listQuarantine(
    actor: Actor,
    query: { readonly sourceId?: string; readonly cursor?: string; readonly limit?: number },
  ): Promise<{ entries: QuarantineEntry[]; nextCursor: string | null }> {
    assertWireReader(actor);
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
    const before = query.cursor === undefined ? undefined : decodeQuarantineCursor(query.cursor);
    const rows = await this.#deps.wire.listQuarantine({
      limit: limit + 1,
      ...(query.sourceId === undefined ? {} : { sourceId: query.sourceId }),
      ...(before === undefined ? {} : { before }),
    });
    const entries = rows.slice(0, limit);
    const last = entries.at(-1);
    const sources = new Map((await this.#deps.wire.listSources()).map((s) => [s.id, s]));
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

  // ---- using wire copy in stories ----------------------------------------------------------

  /** "Use in new story": a draft with the item's text, the agency credited, lineage recorded. */
  async useInNewStory(
    actor: Actor,
    itemId: string,
    rawInput: unknown,
  ): Promise<{
    story: Story;
    revision: StoryRevision;
    link: WireStoryLink;
    flags: StoryWireFlag[];
    embargoedUntil: string | null;
  }> {
    const input = parseOrThrow(useInNewStoryInputSchema, rawInput ?? {});
    const { entry, version, source } = await this.#usable(itemId, input.versionId);
    await this.#ensureAgency(entry.agencyCode, source);
    const serviceId: ServiceId =
      input.serviceId ??
      source?.serviceId ??
      (isServiceId(entry.serviceId) ? entry.serviceId : "en");
    const section = input.section ?? (await this.#defaultSection(serviceId, version.item, source));
    const content = storyContentFromWire(version.item, { agencyCode: entry.agencyCode, section });
    const created = await this.#deps.stories.create(actor, { serviceId, content });
    const { revision } = created;
    const embargoedUntil = this.#activeEmbargo(version.item);
    const story = (await this.#carryEmbargo(created.story, embargoedUntil)) ?? created.story;
    const link = this.#link(actor, story.id, entry, version, "new-story");
    const flags = await this.#deps.wire.recordUse(link);
    await this.#emitFlags(flags);
    return { story, revision, link, flags, embargoedUntil };
  }

  /** "Add to story": appends the item's text to a story's draft and credits the agency. */
  async addToStory(
    actor: Actor,
    itemId: string,
    rawInput: unknown,
  ): Promise<{
    revision: StoryRevision;
    link: WireStoryLink;
    flags: StoryWireFlag[];
    embargoedUntil: string | null;
  }> {
    const input = parseOrThrow(addToStoryInputSchema, rawInput);
    const { entry, version, source } = await this.#usable(itemId, input.versionId);
    const story = await this.#deps.storyRepository.findStory(input.storyId);
    if (story === undefined) throw new NewsdeskError("STORY_NOT_FOUND");
    const base = await this.#deps.storyRepository.findRevision(story.currentRevisionId);
    if (base === undefined) throw new NewsdeskError("STORY_NOT_FOUND");
    await this.#ensureAgency(entry.agencyCode, source);
    const content = appendWireToContent(base.content, version.item, entry.agencyCode);
    const revision = await this.#deps.stories.saveDraft(actor, story.id, {
      baseRevisionId: input.baseRevisionId ?? base.id,
      content,
      note: `Added wire copy ${entry.guid} (${entry.agencyCode}).`,
    });
    const embargoedUntil = this.#activeEmbargo(version.item);
    await this.#carryEmbargo(
      (await this.#deps.storyRepository.findStory(story.id)) ?? story,
      embargoedUntil,
    );
    const link = this.#link(actor, story.id, entry, version, "add-to-story");
    const flags = await this.#deps.wire.recordUse(link);
    await this.#emitFlags(flags);
    return { revision, link, flags, embargoedUntil };
  }

  /**
   * An agency's embargo binds every story built on its copy: the story may not go out before
   * it. Applied by the system (the rule is the agency's, not the user's choice), and only to
   * stories not yet published; a later embargo already on the story is kept.
   */
  async #carryEmbargo(story: Story, embargoedUntil: string | null): Promise<Story | undefined> {
    if (!embargoedUntil || story.status === "published" || story.status === "killed")
      return undefined;
    if (story.embargoUntil && Date.parse(story.embargoUntil) >= Date.parse(embargoedUntil))
      return undefined;
    return this.#deps.stories.setEmbargo(systemActor("agency embargo"), story.id, embargoedUntil);
  }

  /** What a story was built from, with each item's current status: the editor's banner data. */
  async storyWire(
    actor: Actor,
    storyId: string,
  ): Promise<{
    links: (WireStoryLink & {
      readonly currentPubStatus: WireQueueEntry["pubStatus"] | null;
      readonly embargoed: boolean;
    })[];
    flags: StoryWireFlag[];
  }> {
    assertWireReader(actor);
    // A story's wire lineage is part of the story: only for those who may see the story.
    const story = await this.#deps.storyRepository.findStory(storyId);
    if (story === undefined) throw new NewsdeskError("STORY_NOT_FOUND");
    assertCan(actor, "story.view", story.serviceId, factsOf(story));
    const [links, flags] = await Promise.all([
      this.#deps.wire.listLinks({ storyId }),
      this.#deps.wire.listFlags({ storyId, limit: 200 }),
    ]);
    const now = this.#deps.clock.now();
    const items = new Map<string, WireQueueEntry | undefined>();
    for (const link of links) {
      if (!items.has(link.itemId))
        items.set(link.itemId, await this.#deps.wire.findItem(link.itemId));
    }
    return {
      links: links.map((link) => {
        const item = items.get(link.itemId);
        return {
          ...link,
          currentPubStatus: item?.pubStatus ?? null,
          embargoed: isEmbargoed(item?.embargoedUntil, now),
        };
      }),
      flags,
    };
  }

  /** Flags for the dashboard: open ones by default, newest first. */
  async listFlags(
    actor: Actor,
    query: { readonly open?: boolean; readonly limit?: number },
  ): Promise<StoryWireFlag[]> {
    assertWireReader(actor);
    const flags = await this.#deps.wire.listFlags({
      open: query.open ?? true,
      limit: Math.min(Math.max(query.limit ?? 100, 1), 500),
    });
    // Flags name stories: each caller sees only those on stories they may see.
    const visible = new Map<string, boolean>();
    for (const storyId of new Set(flags.map((f) => f.storyId))) {
      const story = await this.#deps.storyRepository.findStory(storyId);
      visible.set(
        storyId,
        story !== undefined && can(actor, "story.view", story.serviceId, factsOf(story)),
      );
    }
    return flags.filter((f) => visible.get(f.storyId) === true);
  }

  async acknowledgeFlag(actor: Actor, flagId: string): Promise<StoryWireFlag> {
    const [existing] = await this.#deps.wire.listFlags({ id: flagId, limit: 1 });
    if (existing === undefined) throw new NewsdeskError("WIRE_FLAG_NOT_FOUND");
    const story = await this.#deps.storyRepository.findStory(existing.storyId);
    if (story === undefined) throw new NewsdeskError("STORY_NOT_FOUND");
    assertWireEditor(actor, story.serviceId);
    const flag = await this.#deps.wire.acknowledgeFlag(flagId, actorId(actor), this.#now());
    if (flag === undefined) throw new NewsdeskError("WIRE_FLAG_NOT_FOUND");
    return flag;
  }

  // ---- helpers -----------------------------------------------------------------------------

  async #usable(
    itemId: string,
    versionId: string | undefined,
  ): Promise<{ entry: WireQueueEntry; version: WireVersion; source: WireSource | undefined }> {
    const entry = await this.#requireItem(itemId);
    if (entry.pubStatus !== "usable") {
      throw new NewsdeskError("WIRE_ITEM_NOT_USABLE", {
        detail: `The agency marked ${entry.guid} as ${entry.pubStatus}.`,
      });
    }
    const version = await this.#version(itemId, versionId ?? entry.currentVersionId);
    const source = await this.#deps.wire.findSource(entry.sourceId);
    return { entry, version, source };
  }

  async #requireItem(itemId: string): Promise<WireQueueEntry> {
    const entry = await this.#deps.wire.findItem(itemId);
    if (entry === undefined) throw new NewsdeskError("WIRE_ITEM_NOT_FOUND");
    return entry;
  }

  /** Agency codes in credits must exist in `agencies`; the source knows the display name. */
  async #ensureAgency(code: string, source: WireSource | undefined): Promise<void> {
    if (source !== undefined && source.agencyCode === code) {
      await this.#deps.catalog.upsertAgency({ code, name: source.agencyName });
      return;
    }
    const [existing] = await this.#deps.catalog.findAgencies([code]);
    if (existing === undefined) await this.#deps.catalog.upsertAgency({ code, name: code });
  }

  /** The source's subject mapping when it names a section of this service, else the first one. */
  async #defaultSection(
    serviceId: ServiceId,
    item: WireItem,
    source: WireSource | undefined,
  ): Promise<string> {
    const sections = await this.#deps.catalog.listSections(serviceId);
    const mapped = source ? sectionForSubjects(item, source.subjectSections) : undefined;
    if (mapped !== undefined && sections.some((s) => s.slug === mapped)) return mapped;
    const first = sections[0];
    if (first === undefined) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: `The ${serviceId} service has no sections; choose a section.`,
      });
    }
    return first.slug;
  }

  #link(
    actor: Actor,
    storyId: string,
    entry: WireQueueEntry,
    version: WireVersion,
    mode: WireStoryLink["mode"],
  ): WireStoryLink {
    return {
      storyId,
      itemId: entry.id,
      versionId: version.id,
      guid: entry.guid,
      version: version.version,
      agencyCode: entry.agencyCode,
      mode,
      usedAt: this.#now(),
      usedBy: actorId(actor),
    };
  }

  async #emitFlags(flags: readonly StoryWireFlag[]): Promise<void> {
    if (flags.length > 0) await this.#emit([{ type: "stories-flagged", flags }]);
  }

  #activeEmbargo(item: WireItem): string | null {
    return isEmbargoed(item.embargoedUntil, this.#deps.clock.now())
      ? (item.embargoedUntil ?? null)
      : null;
  }

  #queueItem(entry: WireQueueEntry, now: Date): WireQueueItem {
    return { ...entry, embargoed: isEmbargoed(entry.embargoedUntil, now) };
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

export function prepareItem(item: WireItem, receivedAt: string): PreparedWireItem {
  return {
    item,
    contentHash: wireContentHash(item),
    sortAt: sortInstant(item, receivedAt),
    searchText: wireSearchText(item),
    subjectValues: wireSubjectValues(item),
  };
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

function excerptOf(bytes: Uint8Array): string {
  // Replacement characters make invalid bytes visible without storing binary.
  return new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, excerptBytes))
    .replaceAll("\u0000", "\uFFFD");
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
