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

export interface NewsroomListQuery {
  readonly serviceIds: readonly ServiceId[];
  readonly status?: Story["status"];
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
}

export interface StoryRepository {
  /** Inserts a story and its first revision in one transaction. */
  insertStory(story: Story, firstRevision: StoryRevision): Promise<void>;
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
  listForNewsroom(query: NewsroomListQuery): Promise<{ items: NewsroomStoryRow[]; total: number }>;
  /** Every language version of a story (same family), oldest first. */
  listFamily(familyId: string): Promise<NewsroomStoryRow[]>;
  /** Scheduled stories whose time has come, oldest first. */
  listDueScheduled(now: IsoDateTime, limit: number): Promise<Story[]>;
  findRevision(id: string): Promise<StoryRevision | undefined>;
  /** The history, oldest first, with each author's display name. */
  listRevisionSummaries(storyId: string): Promise<RevisionSummary[]>;
  listCorrections(storyId: string): Promise<Correction[]>;
}
