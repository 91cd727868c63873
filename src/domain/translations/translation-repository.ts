import type { ServiceId } from "../services/service-registry.js";
import type { IsoDateTime } from "../stories/story-schema.js";
import type { StaleEvent, TranslationLink } from "./translation-schema.js";

/** A published language version of a story family, for switchers and hreflang. */
export interface FamilyVersion {
  readonly storyId: string;
  readonly serviceId: ServiceId;
  readonly headline: string;
  readonly slug: string;
  readonly section: string;
}

export interface TranslationRepository {
  insertLink(link: TranslationLink): Promise<void>;
  findLink(storyId: string): Promise<TranslationLink | undefined>;
  listLinksFromSource(sourceStoryId: string): Promise<TranslationLink[]>;
  /** Stale translations in a service (the translator's queue), oldest change first. */
  listStale(serviceId: ServiceId | null): Promise<TranslationLink[]>;
  /** Appends a stale event to every link from the source, in one statement per link. */
  markStale(sourceStoryId: string, event: StaleEvent, at: IsoDateTime): Promise<number>;
  /**
   * Sets the link current or waived, only if it is still stale and its reviewed revision is
   * `expectedReviewedRevisionId` (optimistic lock). Returns false otherwise.
   */
  resolve(
    storyId: string,
    expectedReviewedRevisionId: string,
    next: Pick<
      TranslationLink,
      "status" | "syncedRevisionId" | "reviewedRevisionId" | "reviewedAt" | "waiverReason"
    > & { readonly updatedAt: IsoDateTime },
    /** When given, the link's pending events must still be exactly these. */
    expectedEvents?: readonly StaleEvent[],
  ): Promise<boolean>;
  /** Any non-killed story of the family in the service (one version per service). */
  findFamilyMember(familyId: string, serviceId: ServiceId): Promise<string | undefined>;
  listPublishedFamily(familyId: string): Promise<FamilyVersion[]>;
}
