import type { LivePage } from "../live/live-schema.js";
import type { ServiceId } from "../services/service-registry.js";
import type {
  Correction,
  IsoDateTime,
  NewRevision,
  RevisionSummary,
  Story,
  StoryRevision,
} from "./story-schema.js";

/**
 * What readers' lists need from a published story, copied from the published revision at
 * publish time so list pages, feeds and sitemaps never parse revision JSON.
 */
export interface PublishedProjection {
  readonly headline: string;
  readonly standfirst: string;
  readonly slug: string;
  readonly section: string;
  readonly topics: readonly string[];
  readonly leadMediaId: string | null;
  readonly personIds: readonly string[];
  readonly deskIds: readonly string[];
  /** Headline, standfirst and body text for search. */
  readonly searchText: string;
}

export interface StorySummary {
  readonly id: string;
  readonly serviceId: ServiceId;
  readonly headline: string;
  readonly standfirst: string;
  readonly slug: string;
  readonly section: string;
  readonly leadMediaId: string | null;
  readonly firstPublishedAt: IsoDateTime;
  readonly updatedAt: IsoDateTime | null;
  readonly lastModifiedAt: IsoDateTime;
}

/** A change to a story's head, applied only if the head still matches `expected`. */
export interface StoryHeadChange {
  readonly expected: { readonly status: Story["status"]; readonly currentRevisionId: string };
  readonly next: Story;
  /** New projection for readers; `null` removes the story from every reader list. */
  readonly projection?: PublishedProjection | null;
}

/** A row of the newsroom dashboard: the head plus the draft's headline. */
export interface NewsroomStoryRow {
  readonly story: Story;
  readonly workingHeadline: string;
}

/** The dashboard's tabs: each status, and the trash (never-published drafts set aside). */
export type NewsroomTab = Story["status"] | "trash";

/** Orders of the dashboard list: last change, creation, headline, first publication. */
export const newsroomSorts = ["changed", "created", "headline", "published"] as const;
export type NewsroomSort = (typeof newsroomSorts)[number];

/** Filters shared by the list and by its per-tab counts. */
export interface NewsroomListFilter {
  readonly serviceIds: readonly ServiceId[];
  /** Case-insensitive substring of the working headline. */
  readonly q?: string;
  /** Stories created by this user ("mine"). */
  readonly createdBy?: string;
  /** Section slug of the working draft. */
  readonly section?: string;
  /** A person in the working draft's bylines. */
  readonly personId?: string;
  /** Last change at or after / before this time (ISO). */
  readonly changedFrom?: string;
  readonly changedBefore?: string;
}

export interface NewsroomListQuery extends NewsroomListFilter {
  /** One tab; absent: every story that is not in the trash. */
  readonly tab?: NewsroomTab;
  readonly sort: NewsroomSort;
  readonly direction: "asc" | "desc";
  readonly limit: number;
  readonly offset: number;
}

/** A byline of the working draft with its name (a deleted person or desk has none). */
export interface DraftByline {
  readonly kind: "person" | "desk";
  readonly id: string;
  readonly name: string | null;
}

/** A dashboard row: the head plus what the list shows of the working draft. */
export interface NewsroomListRow extends NewsroomStoryRow {
  readonly section: string | null;
  readonly wordCount: number;
  readonly leadMediaId: string | null;
  readonly bylines: readonly DraftByline[];
}

export interface NewsroomListPage {
  readonly items: NewsroomListRow[];
  /**
   * Stories in the asked tab matching the filters: exact when `totalExact`, else a lower
   * bound (counting stops 1,000 stories past the page).
   */
  readonly total: number;
  readonly totalExact: boolean;
  /** Stories per tab matching the filters, up to 1,000 (tabs without any are absent). */
  readonly counts: Partial<Record<NewsroomTab, number>>;
  /** Tabs holding more than their count says (more than 1,000). */
  readonly over: NewsroomTab[];
}

export interface StoryRepository {
  /** Inserts a story and its first revision in one transaction. */
  /** `livePage`: a live story's initial settings, written in the same transaction. */
  insertStory(story: Story, firstRevision: StoryRevision, livePage?: LivePage): Promise<void>;
  /**
   * Appends a `saved` revision and moves the head to it, in one transaction, only if the
   * head is still at `revision.baseRevisionId`. Storage gives it the story's next number.
   * Returns null on a conflict; nothing is written then.
   */
  appendRevision(revision: NewRevision): Promise<StoryRevision | null>;
  /**
   * Keeps a refused version as a `not_merged` revision with the story's next number, never
   * moving the head. If the same person's newest not-merged revision on the same base has
   * the same content, that one is returned instead (autosave retrying adds nothing).
   */
  insertNotMerged(revision: NewRevision): Promise<StoryRevision>;
  /** Applies a head change atomically; false if the head moved meanwhile. */
  changeHead(change: StoryHeadChange): Promise<boolean>;
  /** Appends a correction and applies the head change in one transaction. */
  insertCorrection(correction: Correction, change: StoryHeadChange): Promise<boolean>;

  findStory(id: string): Promise<Story | undefined>;
  listForNewsroom(query: NewsroomListQuery): Promise<NewsroomListPage>;
  /**
   * Moves a story into the trash (`trashedAt` a time) or out of it (`null`), only if its head
   * still matches `expected` and it is (not) in the trash; false otherwise.
   */
  setTrashed(
    expected: StoryHeadChange["expected"] & { readonly id: string },
    trashedAt: IsoDateTime | null,
    by: string | null,
  ): Promise<boolean>;
  /** Every language version of a story (same family), oldest first. */
  listFamily(familyId: string): Promise<NewsroomStoryRow[]>;
  /** Scheduled stories whose time has come, oldest first. */
  listDueScheduled(now: IsoDateTime, limit: number): Promise<Story[]>;
  findRevision(id: string): Promise<StoryRevision | undefined>;
  /** The history, oldest first, with each author's display name. */
  listRevisionSummaries(storyId: string): Promise<RevisionSummary[]>;
  listCorrections(storyId: string): Promise<Correction[]>;
}
