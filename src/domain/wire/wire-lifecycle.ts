import { createHash } from "node:crypto";
import { newId } from "../ids.js";
import { foldForSearch } from "../stories/search-text.js";
import { bodyPlainText } from "../stories/story-body-schema.js";
import type { WireItem, WirePubStatus } from "./wire-item-schema.js";
import type { FlagForUse, FlagStories, StoryWireFlag, WireStoreRules } from "./wire-repository.js";

/**
 * The lifecycle rules of wire items as plain functions over explicit state: which version
 * is current, what is a duplicate, what counts as embargoed, what flags derived stories.
 * Storage calls `decideVersion`, `flagStories` and `flagForUse` inside its transactions (so a
 * kill and a use of the same item can never miss each other); nothing here does I/O but
 * what storage hands in.
 */

/** What storage knows about an item's current version when a new one arrives. */
export interface CurrentVersionFacts {
  readonly versionCreated: string | null;
  readonly pubStatus: WirePubStatus;
}

export type VersionDecision =
  /** The same content (by hash) is already stored for this item: nothing changes. */
  | { readonly kind: "duplicate" }
  /** The first version of an unknown guid. */
  | { readonly kind: "new-item" }
  /** Becomes the current version; the previous one stays in the history. */
  | { readonly kind: "replace"; readonly flagStories: boolean }
  /** Older than the current version (arrived late): kept in the history only. */
  | { readonly kind: "history" };

export interface IncomingVersionFacts {
  readonly versionCreated: string | undefined;
  readonly pubStatus: WirePubStatus;
  /** A version with the same content hash is already stored for this item. */
  readonly hashSeen: boolean;
}

/**
 * Versions are ordered by `versionCreated` (the README of the item model: never by the
 * agency's version label). A version without a time is taken as the newest, since it is
 * the latest thing the agency sent. A kill (withheld or canceled) always becomes current
 * and flags every story built on the item, even when it claims to be older: a spurious
 * flag costs an editor a click, a missed kill publishes withdrawn copy.
 */
function decideVersion(
  current: CurrentVersionFacts | undefined,
  incoming: IncomingVersionFacts,
): VersionDecision {
  if (current === undefined) return { kind: "new-item" };
  if (incoming.hashSeen) return { kind: "duplicate" };
  const stopsPublication = incoming.pubStatus !== "usable";
  if (
    !stopsPublication &&
    incoming.versionCreated !== undefined &&
    current.versionCreated !== null &&
    incoming.versionCreated < current.versionCreated
  ) {
    return { kind: "history" };
  }
  return { kind: "replace", flagStories: stopsPublication };
}

/**
 * A version that stops publication and became current flags every story built on any
 * version of the item, once per story, with the agency's note as the reason.
 */
export const flagStories: FlagStories = async (version, linkedStoryIds) => {
  const { decision, pubStatus } = version;
  if (decision.kind !== "replace" || !decision.flagStories || pubStatus === "usable") return [];
  const storyIds = new Set(await linkedStoryIds());
  return [...storyIds].map(
    (storyId): StoryWireFlag => ({
      id: newId(),
      storyId,
      itemId: version.itemId,
      versionId: version.versionId,
      guid: version.guid,
      agencyCode: version.agencyCode,
      pubStatus,
      reason: version.edNote ?? null,
      flaggedAt: version.receivedAt,
      acknowledgedAt: null,
      acknowledgedBy: null,
    }),
  );
};

/**
 * A use recorded after the agency withheld or canceled the item (a kill that committed
 * between the editor reading the item and the link) flags the story at once.
 */
export const flagForUse: FlagForUse = (link, item) => {
  if (item === undefined) return undefined;
  const { pubStatus } = item;
  if (pubStatus === "usable") return undefined;
  return {
    id: newId(),
    storyId: link.storyId,
    itemId: link.itemId,
    versionId: item.currentVersionId,
    guid: item.guid,
    agencyCode: item.agencyCode,
    pubStatus,
    reason: item.edNote ?? null,
    flaggedAt: link.usedAt,
    acknowledgedAt: null,
    acknowledgedBy: null,
  };
};

/** The rules ingest hands to storage with each batch. */
export const wireStoreRules: WireStoreRules = { decideVersion, flagStories };

/** An item is embargoed until its `embargoedUntil` instant has passed. */
export function isEmbargoed(embargoedUntil: string | null | undefined, now: Date): boolean {
  return (
    embargoedUntil !== null && embargoedUntil !== undefined && embargoedUntil > now.toISOString()
  );
}

/**
 * The queue orders by when a version happened, but never by a time later than when it
 * arrived: an agency clock running ahead must not pin an item to the top of the queue.
 */
export function sortInstant(item: WireItem, receivedAt: string): string {
  const created = item.versionCreated ?? item.firstCreated;
  return created !== undefined && created < receivedAt ? created : receivedAt;
}

/** SHA-256 of the item's content; parser warnings are diagnostics, not content. */
export function wireContentHash(item: WireItem): string {
  const { warnings: _warnings, ...content } = item;
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

const maxSearchText = 64 * 1024;

/** Folded text of everything an editor might search for (search-text.ts folding). */
export function wireSearchText(item: WireItem): string {
  const parts = [
    item.headline,
    item.slugline,
    item.standfirst,
    item.byline,
    item.dateline,
    item.caption,
    ...item.keywords,
    ...item.subjects.map((s) => s.name),
    ...item.places.map((p) => p.name),
    bodyPlainText(item.body),
  ].filter((part): part is string => part !== undefined && part.length > 0);
  return foldForSearch(parts.join("\n")).slice(0, maxSearchText);
}

/** Subject codes and names, folded, that the queue's subject filter matches exactly. */
export function wireSubjectValues(item: WireItem): string[] {
  const values = new Set<string>();
  for (const subject of item.subjects) {
    for (const value of [subject.code, subject.name]) {
      if (value !== undefined) {
        const folded = foldForSearch(value);
        if (folded.length > 0 && folded.length <= 300) values.add(folded);
      }
    }
  }
  return [...values].slice(0, 200);
}
