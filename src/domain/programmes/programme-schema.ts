import { z } from "zod";
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
});
type ProgrammeInput = z.infer<typeof programmeInputSchema>;

export interface Programme extends ProgrammeInput {
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
