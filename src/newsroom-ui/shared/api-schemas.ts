import { z } from "zod";
import { storyContentSchema } from "../../domain/stories/story-schema.js";

/**
 * Schemas for what the newsroom API (docs/newsroom-api.md) sends back. Every response is
 * `unknown` until parsed here (STYLE rule 3); the types the screens use are inferred from
 * these. Objects are loose: the server may add fields without breaking an older client.
 */

export const roles = ["reporter", "editor", "translator", "service_admin"] as const;
export type Role = (typeof roles)[number];

const nullableString = z.string().nullable();

export const userSchema = z.looseObject({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  /** The catalogue person the account writes as ("Add me" in the byline control). */
  personId: z.string().nullable().optional(),
});
export type User = z.infer<typeof userSchema>;

export const grantSchema = z.looseObject({ serviceId: z.string(), role: z.enum(roles) });
export type Grant = z.infer<typeof grantSchema>;

export const sessionSchema = z.looseObject({
  user: userSchema,
  grants: z.array(grantSchema),
  csrfToken: z.string(),
  /** REQUIRE_2FA: the session may only set up two-factor authentication until it has. */
  mustEnrolSecondFactor: z.boolean().optional(),
});
export type Session = z.infer<typeof sessionSchema>;

const serviceSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  locale: z.string(),
  dir: z.enum(["ltr", "rtl"]),
  urlPrefix: z.string(),
  /** IANA time zone of the service's readers. */
  timeZone: z.string().optional(),
  roles: z.array(z.enum(roles)),
});
export type ServiceInfo = z.infer<typeof serviceSchema>;
export const servicesSchema = z.array(serviceSchema);

export const catalogSchema = z.looseObject({
  sections: z.array(z.looseObject({ slug: z.string(), name: z.string() })),
  topics: z.array(z.looseObject({ slug: z.string(), name: z.string() })),
  people: z.array(z.looseObject({ id: z.string(), name: z.string(), title: z.string() })),
  desks: z.array(z.looseObject({ id: z.string(), name: z.string(), description: z.string() })),
  agencies: z.array(z.looseObject({ code: z.string(), name: z.string() })),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const storyStatusSchema = z.enum([
  "draft",
  "in_review",
  "scheduled",
  "published",
  "unpublished",
  "killed",
]);
export type StoryStatus = z.infer<typeof storyStatusSchema>;

/** A story's kind (issue 15): "live" for live pages; older servers send none (a story). */
const storyKinds = ["story", "live", "episode"] as const;
const storyKindSchema = z.enum(storyKinds).optional();

const storyListItemSchema = z.looseObject({
  id: z.string(),
  serviceId: z.string(),
  status: storyStatusSchema,
  headline: z.string(),
  currentRevisionNumber: z.number(),
  lastModifiedAt: z.string(),
  firstPublishedAt: nullableString,
  updatedAt: nullableString,
  scheduledAt: nullableString,
  embargoUntil: nullableString,
  flags: z.array(z.string()),
  section: nullableString,
  wordCount: z.number(),
  bylines: z.array(
    z.looseObject({ kind: z.enum(["person", "desk"]), id: z.string(), name: nullableString }),
  ),
  thumbnail: z.looseObject({ url: z.string(), width: z.number(), height: z.number() }).nullable(),
  trashedAt: nullableString,
  kind: storyKindSchema,
});
export type StoryListItem = z.infer<typeof storyListItemSchema>;
export const storyListSchema = z.looseObject({
  items: z.array(storyListItemSchema),
  total: z.number(),
  totalExact: z.boolean(),
  counts: z.record(z.string(), z.number()),
  over: z.array(z.string()),
});
export const bulkResultSchema = z.looseObject({
  done: z.number(),
  refused: z.number(),
  refusals: z.array(z.looseObject({ storyId: z.string(), code: z.string(), detail: z.string() })),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;
export type StoryList = z.infer<typeof storyListSchema>;

/**
 * Content as the server stores it. Parsed with the domain's own schema so the editor never
 * starts from something the server would reject on the next save.
 */
const contentSchema = storyContentSchema;
export type Content = z.infer<typeof contentSchema>;

export const storyHeadSchema = z.looseObject({
  id: z.string(),
  serviceId: z.string(),
  status: storyStatusSchema,
  currentRevisionId: z.string(),
  currentRevisionNumber: z.number(),
  publishedRevisionId: nullableString,
  firstPublishedAt: nullableString,
  updatedAt: nullableString,
  updateNote: nullableString.optional(),
  lastModifiedAt: z.string(),
  scheduledAt: nullableString,
  embargoUntil: nullableString,
  killedAt: nullableString.optional(),
  killReason: nullableString.optional(),
  kind: storyKindSchema,
  /** Who created it and its family (what `story.edit` depends on: permissions.ts). */
  createdBy: nullableString.optional(),
  familyId: z.string().optional(),
});
export type StoryHead = z.infer<typeof storyHeadSchema>;

export const revisionSchema = z.looseObject({
  id: z.string(),
  number: z.number(),
  content: contentSchema,
  createdAt: z.string(),
  createdBy: nullableString,
  note: nullableString,
});
export type Revision = z.infer<typeof revisionSchema>;

export const correctionSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type Correction = z.infer<typeof correctionSchema>;

export const storyDetailSchema = z.looseObject({
  story: storyHeadSchema,
  revision: revisionSchema,
  publishedRevisionId: nullableString,
  corrections: z.array(correctionSchema),
  readerUrl: nullableString,
});
export type StoryDetail = z.infer<typeof storyDetailSchema>;

export const createdStorySchema = z.looseObject({
  story: storyHeadSchema,
  revision: revisionSchema,
});
export const savedDraftSchema = z.looseObject({ story: storyHeadSchema, revision: revisionSchema });
export type SavedDraft = z.infer<typeof savedDraftSchema>;
export const storyResultSchema = z.looseObject({ story: storyHeadSchema });
export const correctionResultSchema = z.looseObject({ correction: correctionSchema });

/**
 * The extra members of a `409 REVISION_CONFLICT` problem: the current revision, the base
 * both started from (null if unknown), and the refused version, already kept by the server
 * as a "not merged" revision (ADR 0013).
 */
export const conflictSchema = z.looseObject({
  currentRevision: revisionSchema,
  baseRevision: revisionSchema.nullable(),
  notMergedRevision: z.looseObject({ id: z.string(), number: z.number() }),
  yourContent: contentSchema,
});
export type Conflict = z.infer<typeof conflictSchema>;

const revisionSummarySchema = z.looseObject({
  id: z.string(),
  number: z.number(),
  createdAt: z.string(),
  createdBy: nullableString,
  /** The saver's display name; null for system saves and removed accounts. */
  createdByName: nullableString.optional(),
  note: nullableString,
  baseRevisionId: nullableString.optional(),
  /** `not_merged`: a version refused by a conflict, kept in the history (ADR 0013). */
  kind: z.string().optional(),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;
export const revisionListSchema = z.array(revisionSummarySchema);

/** A body past the server's line-diff limits: why, and both texts to show side by side. */
export const tooLargeDiffSchema = z.looseObject({
  reason: z.string(),
  before: z.string(),
  after: z.string(),
});
export const diffSchema = z.looseObject({
  fields: z.array(z.looseObject({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  body: z.array(z.looseObject({ op: z.enum(["same", "added", "removed"]), text: z.string() })),
  tooLarge: tooLargeDiffSchema.nullable().default(null),
});
export type RevisionDiff = z.infer<typeof diffSchema>;
export const restoredSchema = z.looseObject({ revision: revisionSchema });

export const presenceSchema = z.looseObject({
  others: z.array(
    z.looseObject({ userId: z.string(), displayName: z.string(), since: z.string() }),
  ),
});
export type Presence = z.infer<typeof presenceSchema>;

const auditEntrySchema = z.looseObject({
  id: z.string(),
  at: z.string(),
  actorId: nullableString,
  /** Not in every server version; the screen falls back to the actor id. */
  actorName: nullableString.optional(),
  action: z.string(),
  storyId: nullableString,
  serviceId: nullableString,
  details: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = z.array(auditEntrySchema);

/** ProseMirror JSON from the server's sanitizer; checked again by pmDocToBlocks on save. */
export const pasteResultSchema = z.looseObject({
  doc: z.looseObject({ type: z.literal("doc"), content: z.array(z.unknown()).optional() }),
});

const bannerSchema = z.looseObject({
  id: z.string(),
  serviceId: z.string(),
  text: z.string(),
  url: nullableString,
  expiresAt: z.string(),
  createdAt: z.string(),
  clearedAt: nullableString,
});
export type Banner = z.infer<typeof bannerSchema>;
export const bannerResultSchema = z.looseObject({ banner: bannerSchema.nullable() });

const mediaAssetSchema = z.looseObject({
  id: z.string(),
  mime: z.string(),
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  caption: z.string(),
  credit: z.string(),
  alt: z.string(),
  focalX: z.number(),
  focalY: z.number(),
  rightsSource: z.string(),
  rightsUsage: z.string(),
  createdAt: z.string(),
});
export type MediaAsset = z.infer<typeof mediaAssetSchema>;
export const mediaListSchema = z.looseObject({
  /** thumbnailUrl is null while an asset has no 16:9 JPEG rendition yet. */
  items: z.array(z.looseObject({ asset: mediaAssetSchema, thumbnailUrl: z.string().nullable() })),
  total: z.number(),
});
export type MediaList = z.infer<typeof mediaListSchema>;
export const mediaUploadSchema = z.looseObject({ asset: mediaAssetSchema });
export const mediaPatchSchema = z.looseObject({ asset: mediaAssetSchema });
export const mediaItemSchema = z.looseObject({
  asset: mediaAssetSchema,
  thumbnailUrl: z.string().nullable(),
});

export const problemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  code: z.string().optional(),
  detail: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;
