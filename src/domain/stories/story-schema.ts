import { z } from "zod";
import { serviceIds } from "../services/service-registry.js";
import { figureBlockSchema, storyBodySchema } from "./story-body-schema.js";

/** ISO 8601 UTC timestamps (RFC 3339) are the one time format in the domain and storage. */
export const isoDateTimeSchema = z.iso.datetime({ offset: false });
export type IsoDateTime = string;

export const serviceIdSchema = z.enum(serviceIds);

/** URL-safe slugs: lowercase letters or digits of any script, joined by single hyphens. */
export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{N}\p{M}]+)*$/u, {
    message: "Slugs are lowercase words joined by hyphens.",
  });

/**
 * `translator`: the person who translated this language version; readers see "Translated
 * by" after the source's authors, and structured data names them as `translator`.
 */
export const bylineRoles = ["author", "contributor", "photographer", "translator"] as const;
export type BylineRole = (typeof bylineRoles)[number];

/**
 * A byline is structured data, never free text to be parsed later (dotcom-rendering's
 * "staff and agencies" regex is what we avoid). Order matters and is kept.
 */
const bylineSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("person"),
    personId: z.string().min(1).max(64),
    role: z.enum(bylineRoles),
  }),
  z.object({ kind: z.literal("desk"), deskId: z.string().min(1).max(64) }),
]);
export type Byline = z.infer<typeof bylineSchema>;

/**
 * How the story presents itself to search engines and social networks, when that should
 * differ from the headline and standfirst. Empty strings mean "use the headline/standfirst";
 * the social image is a media asset (else the lead image). Optional, so revisions saved
 * before these fields existed stay valid.
 */
const storySeoSchema = z.object({
  title: z.string().trim().max(300),
  description: z.string().trim().max(1000),
  socialTitle: z.string().trim().max(300),
  socialDescription: z.string().trim().max(1000),
  socialImageId: z.string().min(1).max(64).nullable(),
});
export type StorySeo = z.infer<typeof storySeoSchema>;

/** What an editor writes: the payload of one immutable revision. */
export const storyContentSchema = z.object({
  headline: z.string().trim().min(1).max(300),
  standfirst: z.string().trim().max(1000),
  /** The place part of the dateline ("ALEPPO, Syria"); the date comes from publication. */
  dateline: z.string().trim().max(200),
  slug: slugSchema,
  section: slugSchema,
  topics: z.array(slugSchema).max(20),
  leadFigure: figureBlockSchema.nullable(),
  body: storyBodySchema,
  bylines: z.array(bylineSchema).max(30),
  /** Agency codes (AFP, REUTERS, AP…) credited in the reader-facing note. */
  agencies: z.array(z.string().min(1).max(32)).max(20),
  seo: storySeoSchema.optional(),
});
export type StoryContent = z.infer<typeof storyContentSchema>;

export const storyStatuses = [
  "draft",
  "in_review",
  "scheduled",
  "published",
  "unpublished",
  "killed",
] as const;
export type StoryStatus = (typeof storyStatuses)[number];

/**
 * What a story is (issue 15): an ordinary article, a live page (a stream of posts beside the
 * story's own text, src/domain/live/), or a programme episode (reserved for programmes: the
 * schema accepts it, nothing treats it differently yet). Fixed when the story is created.
 */
export const storyKinds = ["story", "live", "episode"] as const;
export type StoryKind = (typeof storyKinds)[number];

/** The mutable head of a story; its text lives only in immutable revisions. */
export interface Story {
  readonly id: string;
  readonly kind: StoryKind;
  readonly serviceId: z.infer<typeof serviceIdSchema>;
  /** Language versions of one story share a family id. */
  readonly familyId: string;
  readonly status: StoryStatus;
  /** The newest revision: the working draft. */
  readonly currentRevisionId: string;
  readonly currentRevisionNumber: number;
  /** The revision readers see; distinct from the draft once the draft moves on. */
  readonly publishedRevisionId: string | null;
  readonly firstPublishedAt: IsoDateTime | null;
  /** Set only when an editor publishes a change as an "update" (the visible Updated tag). */
  readonly updatedAt: IsoDateTime | null;
  readonly updateNote: string | null;
  /** Any reader-visible change, silent fixes included (sitemaps' lastmod, feeds' updated). */
  readonly lastModifiedAt: IsoDateTime;
  readonly scheduledAt: IsoDateTime | null;
  readonly embargoUntil: IsoDateTime | null;
  readonly killedAt: IsoDateTime | null;
  readonly killReason: string | null;
  readonly createdAt: IsoDateTime;
  /** The user who created the story (reporters may edit their own drafts). */
  readonly createdBy: string | null;
  /**
   * When a never-published draft was moved to the trash (null or absent: not in the trash).
   * Only `StoryRepository.setTrashed` changes it; head changes never touch it.
   */
  readonly trashedAt?: IsoDateTime | null;
}

/**
 * `saved` revisions moved the story's head when written. A `not_merged` revision is a
 * version refused as REVISION_CONFLICT, kept so nothing typed is lost (ADR 0013); it never
 * becomes the current version by itself.
 */
export type RevisionKind = "saved" | "not_merged";

export interface StoryRevision {
  readonly id: string;
  readonly storyId: string;
  readonly number: number;
  /** The revision the editor started from; null for the first. */
  readonly baseRevisionId: string | null;
  readonly content: StoryContent;
  readonly createdAt: IsoDateTime;
  readonly createdBy: string | null;
  readonly note: string | null;
  readonly kind: RevisionKind;
}

/** A revision about to be written: storage numbers it (ADR 0013). */
export type NewRevision = Omit<StoryRevision, "number">;

/** A revision in the history list: who saved it and when, without its content. */
export type RevisionSummary = Omit<StoryRevision, "content"> & {
  /** The display name of `createdBy` (null for system saves or a deleted account). */
  readonly createdByName: string | null;
};

export interface Correction {
  readonly id: string;
  readonly storyId: string;
  readonly text: string;
  readonly createdAt: IsoDateTime;
}

export const correctionInputSchema = z.object({ text: z.string().trim().min(1).max(2000) });

export const publishInputSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("first") }),
  /** A newsworthy change: readers see "Updated" with the time and optional note. */
  z.object({ mode: z.literal("update"), note: z.string().trim().max(500).optional() }),
  /** A typo fix: no tag, no new time shown to readers. */
  z.object({ mode: z.literal("silent") }),
]);
export type PublishInput = z.infer<typeof publishInputSchema>;
