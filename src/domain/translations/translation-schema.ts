import { z } from "zod";
import type { ServiceId } from "../services/service-registry.js";
import type { IsoDateTime } from "../stories/story-schema.js";

/** `current`: made from the source's latest changes; `stale`: the source changed since. */
export const translationStatuses = ["current", "stale", "waived"] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

/** A change to the source that the translation has not caught up with. */
const staleEventSchema = z.object({
  kind: z.enum(["updated", "corrected"]),
  at: z.iso.datetime({ offset: false }),
  /** The source's published revision after the change. */
  sourceRevisionId: z.string().min(1),
  /** The update note or the correction text. */
  note: z.string().nullable(),
});
export type StaleEvent = z.infer<typeof staleEventSchema>;
export const staleEventsSchema = z.array(staleEventSchema);

/**
 * The link between a translation and its source story. Both are stories in one family
 * (`Story.familyId`); the link adds which revision of the source the translation follows.
 */
export interface TranslationLink {
  readonly storyId: string;
  readonly familyId: string;
  readonly sourceStoryId: string;
  readonly sourceServiceId: ServiceId;
  readonly targetServiceId: ServiceId;
  /** The source revision the translation was made from, or last brought up to date with. */
  readonly syncedRevisionId: string;
  /** The newest source revision accounted for: synced, or waived with a reason. */
  readonly reviewedRevisionId: string;
  readonly reviewedAt: IsoDateTime;
  readonly status: TranslationStatus;
  readonly staleEvents: readonly StaleEvent[];
  readonly waiverReason: string | null;
  readonly createdAt: IsoDateTime;
  readonly createdBy: string | null;
  readonly updatedAt: IsoDateTime;
}

export const waiveInputSchema = z.object({ reason: z.string().trim().min(3).max(1000) });
export const markUpToDateInputSchema = z.object({
  /** The source revision the translator compared against (from the stale report). */
  sourceRevisionId: z.string().min(1).max(64),
});
