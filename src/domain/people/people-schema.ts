import { z } from "zod";
import { serviceIdSchema, slugSchema } from "../stories/story-schema.js";

/** A journalist. People are data, so bylines can link to author pages and structured data. */
const personSchema = z.object({
  id: z.string().min(1).max(64),
  serviceId: serviceIdSchema,
  name: z.string().trim().min(1).max(200),
  /** Job title in the service's language, e.g. "Middle East correspondent". */
  title: z.string().trim().max(200),
  /** A few sentences for the author page (plain text). */
  bio: z.string().trim().max(2000).optional(),
  /** A picture from the media library. */
  photoMediaId: z.string().min(1).max(64).nullable().optional(),
  /** Other services this person writes for, besides their own (`serviceId`). */
  alsoWritesFor: z.array(serviceIdSchema).max(60).optional(),
});
export type Person = z.infer<typeof personSchema>;

/** Whether a person may be bylined in a service: their own, or one they also write for. */
export function writesFor(person: Person, serviceId: z.infer<typeof serviceIdSchema>): boolean {
  return person.serviceId === serviceId || (person.alsoWritesFor ?? []).includes(serviceId);
}

/** A desk byline such as "VOA News": many journalists, one card with a description. */
const deskSchema = z.object({
  id: z.string().min(1).max(64),
  serviceId: serviceIdSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000),
  /** People on the desk, in order (ids of people in the same service). */
  members: z.array(z.string().min(1).max(64)).max(200).optional(),
});
export type Desk = z.infer<typeof deskSchema>;

/** A news agency credited on stories built from its copy. */
const agencySchema = z.object({
  code: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[A-Z0-9_-]+$/),
  /** The name used in credit notes ("AFP", "Reuters"). */
  name: z.string().trim().min(1).max(100),
  /** How stories credit the agency, e.g. "With reporting by Agence France-Presse". */
  creditLine: z.string().trim().max(200).optional(),
  /** The agency's site. */
  link: z.string().max(500).nullable().optional(),
});
export type Agency = z.infer<typeof agencySchema>;

/**
 * First path segments the reader routes own under a service's prefix (`/english/search`,
 * `/english/topics/climate`, `/english/feeds/rss.xml`). A section with one of these slugs
 * would have a page no request reaches, and stories whose URLs another route answers.
 */
export const reservedSectionSlugs: readonly string[] = [
  "search",
  "topics",
  "people",
  "desks",
  "feeds",
  "programmes",
  "schedule",
];

/** A section's slug is the first path segment of its page and of its stories' URLs. */
export const sectionSchema = z.object({
  serviceId: serviceIdSchema,
  slug: slugSchema.refine((slug) => !reservedSectionSlugs.includes(slug), {
    message: `A section slug cannot be ${reservedSectionSlugs.join(", ")}: reader routes use them.`,
  }),
  name: z.string().trim().min(1).max(100),
  position: z.number().int().min(0),
});
export type Section = z.infer<typeof sectionSchema>;

const topicSchema = z.object({
  serviceId: serviceIdSchema,
  slug: z.string().min(1).max(120),
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).optional(),
});
export type Topic = z.infer<typeof topicSchema>;
