import type { WireItem, WirePubStatus } from "./wire-item-schema.js";
import type {
  CurrentVersionFacts,
  IncomingVersionFacts,
  VersionDecision,
} from "./wire-lifecycle.js";
import type { WireSource, WireSourceState, WireSourceWithState } from "./wire-source-schema.js";

/**
 * The storage interfaces of the wire desk, one per table group; `src/storage/wire-*-sql-
 * repository.ts` implement them on both dialects.
 */

/** An item ready to store: parsed, validated and with its derived values computed. */
export interface PreparedWireItem {
  readonly item: WireItem;
  readonly contentHash: string;
  readonly sortAt: string;
  readonly searchText: string;
  readonly subjectValues: readonly string[];
}

export interface StoreBatchInput {
  readonly source: { readonly id: string; readonly agencyCode: string; readonly serviceId: string };
  /** The ledger row of the file the items came from; its progress moves in the same transaction. */
  readonly fileId: string | null;
  readonly itemsDoneAfter: number | null;
  readonly receivedAt: string;
  readonly items: readonly PreparedWireItem[];
}

export interface StoredItemOutcome {
  readonly guid: string;
  readonly itemId: string;
  readonly versionId: string | null;
  readonly decision: VersionDecision["kind"];
  readonly pubStatus: WirePubStatus;
  /** Stories flagged in the same transaction because this version stops publication. */
  readonly flaggedStoryIds: readonly string[];
}

type DecideVersion = (
  current: CurrentVersionFacts | undefined,
  incoming: IncomingVersionFacts,
) => VersionDecision;

export type WireFileStatus = "processing" | "done" | "rejected";

/** The ingest ledger: one row per distinct file (source + content hash). */
export interface WireFileRecord {
  readonly id: string;
  readonly sourceId: string;
  readonly contentHash: string;
  readonly filename: string | null;
  readonly format: string | null;
  readonly status: WireFileStatus;
  readonly itemsTotal: number;
  readonly itemsDone: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

export interface QuarantineEntry {
  readonly id: string;
  readonly sourceId: string | null;
  readonly fileId: string | null;
  readonly filename: string | null;
  /** A stable code from the wire error catalogue (`WIRE_MALFORMED_XML`, …). */
  readonly code: string;
  readonly reason: string;
  readonly guid: string | null;
  readonly contentHash: string | null;
  readonly sizeBytes: number | null;
  /** The first bytes as text (invalid UTF-8 replaced), for a human to see what arrived. */
  readonly excerpt: string | null;
  readonly receivedAt: string;
}

interface QueueCursor {
  readonly sortAt: string;
  readonly seq: number;
}

export interface WireQueueQuery {
  /** Folded search terms; every term must occur (substring, any script). */
  readonly terms?: readonly string[];
  readonly agencyCode?: string;
  /** `en` matches `en` and `en-GB`. */
  readonly language?: string;
  /** Items at least this urgent (1 = most urgent, so `urgency <= maxUrgency`). */
  readonly maxUrgency?: number;
  /** A folded subject code or name. */
  readonly subject?: string;
  readonly since?: string;
  readonly until?: string;
  readonly pubStatus?: WirePubStatus;
  readonly sourceId?: string;
  readonly cursor?: QueueCursor;
  readonly limit: number;
}

export interface WireQueueEntry {
  readonly id: string;
  readonly seq: number;
  readonly agencyCode: string;
  readonly guid: string;
  readonly sourceId: string;
  readonly serviceId: string;
  readonly itemType: string;
  readonly headline: string | null;
  readonly language: string | null;
  readonly urgency: number | null;
  readonly pubStatus: WirePubStatus;
  readonly embargoedUntil: string | null;
  readonly versionCreated: string | null;
  readonly firstReceivedAt: string;
  readonly receivedAt: string;
  readonly sortAt: string;
  readonly versionCount: number;
  readonly currentVersionId: string;
}

export interface WireVersion {
  readonly id: string;
  readonly itemId: string;
  readonly number: number;
  readonly contentHash: string;
  readonly version: string | null;
  readonly versionCreated: string | null;
  readonly pubStatus: WirePubStatus;
  readonly receivedAt: string;
  readonly sourceId: string;
  readonly item: WireItem;
}

export type WireUseMode = "new-story" | "add-to-story";

/** Lineage: which version of which item a story was built from. */
export interface WireStoryLink {
  readonly storyId: string;
  readonly itemId: string;
  readonly versionId: string;
  readonly guid: string;
  readonly version: string | null;
  readonly agencyCode: string;
  readonly mode: WireUseMode;
  readonly usedAt: string;
  readonly usedBy: string | null;
}

/** A story built on an item the agency has since withheld or canceled. */
export interface StoryWireFlag {
  readonly id: string;
  readonly storyId: string;
  readonly itemId: string;
  readonly versionId: string;
  readonly guid: string;
  readonly agencyCode: string;
  readonly pubStatus: Exclude<WirePubStatus, "usable">;
  /** The agency's editorial note on the kill, when it sent one. */
  readonly reason: string | null;
  readonly flaggedAt: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
}

/** What storage knows about a version it has just stored, for the kill rule. */
export interface StoredVersionFacts {
  readonly itemId: string;
  readonly versionId: string;
  readonly guid: string;
  readonly agencyCode: string;
  readonly pubStatus: WirePubStatus;
  /** The agency's editorial note on this version, the reason a flag shows. */
  readonly edNote: string | undefined;
  readonly receivedAt: string;
  readonly decision: VersionDecision;
}

/**
 * Decides which stories a stored version flags. Storage calls it inside the transaction that
 * stores the version and inserts what it returns; `linkedStoryIds` reads the stories built on
 * any version of the item, in the same transaction, only if the rule asks.
 */
export type FlagStories = (
  version: StoredVersionFacts,
  linkedStoryIds: () => Promise<readonly string[]>,
) => Promise<StoryWireFlag[]>;

/** An item's current state, read in the transaction that records a use of it. */
export interface UsedItemFacts {
  readonly currentVersionId: string;
  readonly guid: string;
  readonly agencyCode: string;
  readonly pubStatus: WirePubStatus;
  readonly edNote: string | undefined;
}

/** Decides whether recording a use flags the story at once (the item was killed meanwhile). */
export type FlagForUse = (
  link: WireStoryLink,
  item: UsedItemFacts | undefined,
) => StoryWireFlag | undefined;

/** The domain rules storage applies inside the transaction that stores a batch. */
export interface WireStoreRules {
  readonly decideVersion: DecideVersion;
  readonly flagStories: FlagStories;
}

/** The `wire_sources` table: configuration, push-token hashes and polling state. */
export interface WireSourceRepository {
  insertSource(source: WireSource, tokenHash: string | null, state: WireSourceState): Promise<void>;
  replaceSource(source: WireSource): Promise<boolean>;
  deleteSource(id: string): Promise<boolean>;
  findSource(id: string): Promise<WireSourceWithState | undefined>;
  listSources(): Promise<WireSourceWithState[]>;
  findTokenHash(sourceId: string): Promise<string | undefined>;
  setTokenHash(sourceId: string, tokenHash: string): Promise<boolean>;
  /**
   * Takes a due source for one poll: moves `next_poll_at` from `expectedNextPollAt` to
   * `leaseUntil` only if nobody else did, so instances sharing a database never poll the
   * same source twice.
   */
  claimSource(id: string, expectedNextPollAt: string, leaseUntil: string): Promise<boolean>;
  saveSourceState(id: string, state: WireSourceState): Promise<void>;
}

/** The ingest ledger (`wire_files`) and the quarantine (`wire_quarantine`). */
export interface WireLedgerRepository {
  findFile(sourceId: string, contentHash: string): Promise<WireFileRecord | undefined>;
  /** Inserts the ledger row and its quarantined siblings; returns the existing row if any. */
  beginFile(
    record: WireFileRecord,
    quarantine: readonly QuarantineEntry[],
  ): Promise<WireFileRecord>;
  setFileProgress(fileId: string, itemsDone: number): Promise<void>;
  finishFile(fileId: string, status: WireFileStatus, finishedAt: string): Promise<void>;
  insertQuarantine(entry: QuarantineEntry): Promise<void>;
  listQuarantine(query: {
    readonly sourceId?: string;
    readonly before?: { readonly receivedAt: string; readonly id: string };
    readonly limit: number;
  }): Promise<QuarantineEntry[]>;
}

/** Items, their versions and subjects: what ingest stores and the queue reads. */
export interface WireItemRepository {
  /**
   * Stores items in one transaction, deciding each version and the stories a kill flags with
   * `rules`; the ledger's progress moves in the same transaction.
   */
  storeBatch(input: StoreBatchInput, rules: WireStoreRules): Promise<StoredItemOutcome[]>;
  listItems(query: WireQueueQuery): Promise<WireQueueEntry[]>;
  findItem(id: string): Promise<WireQueueEntry | undefined>;
  listVersions(itemId: string): Promise<WireVersion[]>;
  findVersion(versionId: string): Promise<WireVersion | undefined>;
}

/** Lineage (`wire_story_links`) and the flags kills raise on stories (`story_wire_flags`). */
export interface WireLineageRepository {
  /**
   * Records the link and, in the same transaction, reads the item's current state and
   * inserts the flag `flagForUse` returns for it.
   */
  recordUse(link: WireStoryLink, flagForUse: FlagForUse): Promise<StoryWireFlag[]>;
  listLinks(query: {
    readonly storyId?: string;
    readonly itemId?: string;
  }): Promise<WireStoryLink[]>;
  listFlags(query: {
    readonly id?: string;
    readonly storyId?: string;
    readonly open?: boolean;
    readonly limit: number;
  }): Promise<StoryWireFlag[]>;
  acknowledgeFlag(id: string, by: string | null, at: string): Promise<StoryWireFlag | undefined>;
}

/** The wire desk's storage, one repository per table group. */
export interface WireRepositories {
  readonly sources: WireSourceRepository;
  readonly ledger: WireLedgerRepository;
  readonly items: WireItemRepository;
  readonly lineage: WireLineageRepository;
}
