import { z } from "zod";
import { renditionName, renditionWidths } from "../media/media-schema.js";
import { type serviceIdSchema, slugSchema } from "../stories/story-schema.js";

/**
 * A programme (a radio or TV show, or a podcast) of one language service. Its distribution
 * links (Apple Podcasts, Spotify, YouTube Music…) are data an editor edits: a new platform
 * needs no code change (Simorgh needed one per platform).
 */
const programmeKinds = ["radio", "tv", "podcast"] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

/** Only https links leave our pages for platforms; a `javascript:` URL never gets in. */
const httpsUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((url) => URL.canParse(url) && new URL(url).protocol === "https:", {
    message: "Use a full https:// address.",
  });

/** Trimmed text where "" means none (null); `undefined` when the field is left out. */
function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === "" ? null : v));
}

/**
 * Podcast artwork: Apple Podcasts asks for a square JPEG or PNG of 1400–3000 px
 * (podcasters.apple.com, "Artwork requirements"). The media library keeps JPEG renditions
 * up to `programmeArtworkWidth` wide (media-schema.ts `renditionWidths`), never upscaled, so
 * artwork must be square and at least that wide: its rendition of that width is then the
 * image the feed names, within Apple's range.
 */
export const programmeArtworkWidth = Math.max(...renditionWidths);

/** Whether an image can be a programme's podcast artwork (see programmeArtworkWidth). */
export function isPodcastArtwork(size: { width: number; height: number }): boolean {
  return size.width === size.height && size.width >= programmeArtworkWidth;
}

/** Where readers fetch a programme's podcast artwork: its square JPEG rendition. */
export function podcastArtworkPath(mediaId: string): string {
  const name = renditionName({ shape: "original", format: "jpeg", width: programmeArtworkWidth });
  return `/media/${mediaId}/${name}`;
}

const programmeLinkSchema = z.object({
  /** What readers see: "Apple Podcasts", "Spotify", "RSS"… */
  label: z.string().trim().min(1).max(60),
  url: httpsUrl,
});
export type ProgrammeLink = z.infer<typeof programmeLinkSchema>;

export const programmeInputSchema = z.object({
  slug: slugSchema,
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000),
  kind: z.enum(programmeKinds),
  /** A media-library image (square artwork for podcast directories). */
  artworkMediaId: z.string().min(1).max(64).nullable(),
  presenterIds: z.array(z.string().min(1).max(64)).max(10),
  links: z.array(programmeLinkSchema).max(12),
  /** The live stream (HLS `.m3u8`) this programme is heard or seen on, if any. */
  liveStreamUrl: httpsUrl.nullable(),
  /**
   * Who podcast directories contact about the feed (Apple Podcasts `itunes:owner`). Empty
   * means unset. Left out of a save, the saved value stays: a client that does not know
   * these fields does not erase them.
   */
  ownerName: optionalText(200),
  ownerEmail: optionalText(254).refine((v) => v == null || z.email().safeParse(v).success, {
    message: "Give an e-mail address.",
  }),
});
type ProgrammeInput = z.infer<typeof programmeInputSchema>;

export interface Programme extends Omit<ProgrammeInput, "ownerName" | "ownerEmail"> {
  readonly ownerName: string | null;
  readonly ownerEmail: string | null;
  readonly id: string;
  readonly serviceId: z.infer<typeof serviceIdSchema>;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

const localDate = z.iso.date();
const localTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, {
  message: "Times are HH:MM on a 24-hour clock.",
});
/** A broadcast may run past midnight, but not for more than a day. */
const duration = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

/** A weekly slot in the service's own time zone (service-registry `timeZone`). */
export const scheduleSlotInputSchema = z
  .object({
    programmeId: z.string().min(1).max(64),
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((days) => new Set(days).size === days.length, { message: "A weekday is repeated." }),
    start: localTime,
    durationMinutes: duration,
    validFrom: localDate,
    validUntil: localDate.nullable(),
    /** Where the slot is streamed live (overrides the programme's stream). */
    streamUrl: httpsUrl.nullable(),
  })
  .refine((slot) => slot.validUntil === null || slot.validUntil >= slot.validFrom, {
    message: "The slot ends before it starts.",
    path: ["validUntil"],
  });
type ScheduleSlotInput = z.infer<typeof scheduleSlotInputSchema>;

export interface ScheduleSlot extends ScheduleSlotInput {
  readonly id: string;
  readonly serviceId: z.infer<typeof serviceIdSchema>;
}

/**
 * One day's change to a slot: cancelled (a special broadcast replaces it), or moved to
 * another time, length or programme that day.
 */
export const scheduleExceptionInputSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("cancelled"), slotId: z.string().min(1).max(64), date: localDate }),
  z.object({
    kind: z.literal("moved"),
    slotId: z.string().min(1).max(64),
    date: localDate,
    start: localTime,
    durationMinutes: duration,
    programmeId: z.string().min(1).max(64).nullable(),
  }),
]);
type ScheduleExceptionInput = z.infer<typeof scheduleExceptionInputSchema>;
export type ScheduleException = ScheduleExceptionInput & { readonly id: string };

/** Limits that keep one service's schedule a schedule, not a denial of service. */
export const maxSlotsPerService = 500;
export const maxExceptionsPerService = 2000;
