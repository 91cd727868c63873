import { z } from "zod";
import { storyBodySchema } from "../stories/story-body-schema.js";
import type { WireErrorCode } from "./wire-errors.js";

/**
 * The one internal model of an agency item. Every format adapter (ninjs 1.x-3.x, NewsML-G2,
 * NewsML 1.2, NITF, RSS, Atom, JSON Feed) maps into this shape, and nothing downstream ever
 * sees the source format again, except `sourceFormat` for diagnostics.
 *
 * Times are normalised to UTC ISO 8601 strings (`2024-05-01T10:00:00.000Z`). Controlled
 * values keep their original code and scheme so they can be mapped to sections later.
 */

const wireSourceFormats = [
  "ninjs-1",
  "ninjs-2",
  "ninjs-3",
  "newsml-g2",
  "newsml-1",
  "nitf",
  "rss",
  "atom",
  "json-feed",
] as const;
const wireSourceFormatSchema = z.enum(wireSourceFormats);
export type WireSourceFormat = z.infer<typeof wireSourceFormatSchema>;

/** ninjs `type` values (3.x adds event and planning); `package` is a NewsML-G2 packageItem. */
const wireItemTypeSchema = z.enum([
  "text",
  "picture",
  "graphic",
  "video",
  "audio",
  "composite",
  "package",
  "event",
  "planning",
]);
export type WireItemType = z.infer<typeof wireItemTypeSchema>;

/**
 * ninjs `pubStatus` / NewsML-G2 `pubStatus` (stat:usable|withheld|canceled). Anything other
 * than `usable` must stop publication downstream.
 */
export const wirePubStatusSchema = z.enum(["usable", "withheld", "canceled"]);
export type WirePubStatus = z.infer<typeof wirePubStatusSchema>;

const isoInstant = z.iso.datetime({ offset: false });
const shortText = z.string().min(1).max(1000);
const longText = z.string().min(1).max(20_000);
const url = z.string().min(1).max(4096);

/** A subject, genre or place concept: a code within a scheme (QCode), a name, or both. */
const wireConceptSchema = z
  .object({
    code: shortText.optional(),
    name: shortText.optional(),
    /** Scheme alias or URI, e.g. `medtop`, `subj`, `http://cv.ap.org/id/`. */
    scheme: shortText.optional(),
  })
  .refine((c) => c.code !== undefined || c.name !== undefined, {
    message: "A concept needs a code or a name.",
  });
export type WireConcept = z.infer<typeof wireConceptSchema>;

/** One file of a picture, video or audio item (ninjs `renditions[]`, G2 `remoteContent`). */
const wireRenditionSchema = z.object({
  name: shortText,
  href: url.optional(),
  contentType: shortText.optional(),
  width: z.number().int().nonnegative().optional(),
  height: z.number().int().nonnegative().optional(),
  sizeInBytes: z.number().int().nonnegative().optional(),
});
export type WireRendition = z.infer<typeof wireRenditionSchema>;

/** A picture that belongs to the item (ninjs association, Media RSS content, NITF media). */
const wirePictureSchema = z.object({
  /** The picture's own item id, when the agency sends it as a separate item. */
  ref: url.optional(),
  headline: shortText.optional(),
  caption: longText.optional(),
  credit: shortText.optional(),
  /** Alt text proper, never a copy of the caption (WCAG 2.2 SC 1.1.1). */
  alt: shortText.optional(),
  renditions: z.array(wireRenditionSchema).max(50),
});
export type WirePicture = z.infer<typeof wirePictureSchema>;

/** A member of a NewsML-G2 packageItem group or a ninjs association that is not a picture. */
const wireItemRefSchema = z.object({
  ref: url,
  role: shortText.optional(),
  itemType: shortText.optional(),
  headline: shortText.optional(),
  version: shortText.optional(),
});

const wireRightsSchema = z.object({
  copyrightHolder: shortText.optional(),
  copyrightNotice: longText.optional(),
  usageTerms: longText.optional(),
});

export const wireItemSchema = z.object({
  /** ninjs `uri`, NewsML-G2 `guid`, NITF `doc-id`, RSS `guid`, Atom `id`: stable across versions. */
  guid: z.string().min(1).max(1024),
  /** The agency's version label; compare versions by `versionCreated`, not by this string. */
  version: shortText.optional(),
  sourceFormat: wireSourceFormatSchema,
  itemType: wireItemTypeSchema,
  /** The agency or feed that supplied the item, used for credits ("AFP", "reuters.com"). */
  provider: shortText.optional(),
  headline: longText.optional(),
  /** Summary / abstract / ninjs description / Atom summary. */
  standfirst: longText.optional(),
  body: storyBodySchema,
  byline: shortText.optional(),
  /** The dateline text as sent ("STOCKHOLM, Aug 29, 2014 (AFP) -"). */
  dateline: shortText.optional(),
  slugline: shortText.optional(),
  /** BCP 47 tag, lower-case language, as sent by the agency. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)
    .optional(),
  /** Text direction when the source declares it (NewsML-G2 `dir`); ninjs cannot express it. */
  direction: z.enum(["ltr", "rtl"]).optional(),
  /** 1 (most urgent) to 9, as in ninjs 3.x and NewsML-G2. */
  urgency: z.number().int().min(1).max(9).optional(),
  /** ninjs `priority` or an agency's own editorial priority label. */
  priority: shortText.optional(),
  subjects: z.array(wireConceptSchema).max(500),
  genres: z.array(wireConceptSchema).max(100),
  places: z.array(wireConceptSchema).max(200),
  keywords: z.array(shortText).max(500),
  renditions: z.array(wireRenditionSchema).max(100),
  pictures: z.array(wirePictureSchema).max(200),
  /** Caption, credit and alt text of the item itself when it is a picture. */
  caption: longText.optional(),
  credit: shortText.optional(),
  alt: shortText.optional(),
  rights: wireRightsSchema,
  /** Publication must wait until this instant (ninjs `embargoedUntil`, G2 `embargoed`). */
  embargoedUntil: isoInstant.optional(),
  firstCreated: isoInstant.optional(),
  versionCreated: isoInstant.optional(),
  contentCreated: isoInstant.optional(),
  pubStatus: wirePubStatusSchema,
  /** Raw signals (G2 `signal` QCodes, AP `signals`), e.g. `sig:correction`, `sig:update`. */
  signals: z.array(shortText).max(100),
  edNote: longText.optional(),
  /** Members of a package, or non-picture associations. */
  refs: z.array(wireItemRefSchema).max(500),
  /** The web page of the item (feeds, AP links). */
  link: url.optional(),
  /** Deviations from the standard that lenient parsing tolerated, for the ingest log. */
  warnings: z.array(z.string().max(1000)).max(100),
});
export type WireItem = z.infer<typeof wireItemSchema>;

/** An item inside an otherwise readable file that was not ingested, with why. */
export type WireSkip = {
  code: WireErrorCode;
  reason: string;
  /** The item's id, when it had one. */
  guid?: string;
};
