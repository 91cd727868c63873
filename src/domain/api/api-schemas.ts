import { z } from "zod";
import { liveStatuses } from "../live/live-schema.js";
import { serviceIds } from "../services/service-registry.js";
import { storyKinds } from "../stories/story-schema.js";

/**
 * The content API's response shapes. Handlers parse every response through these before
 * sending, and the OpenAPI document is generated from the same objects (z.toJSONSchema),
 * so the documentation cannot drift from what is served.
 */
const isoDateTime = z.iso.datetime({ offset: true });

const serviceOutSchema = z
  .object({
    id: z.enum(serviceIds),
    name: z.string(),
    language: z.string().meta({ description: "BCP 47 language tag." }),
    direction: z.enum(["ltr", "rtl"]),
    url: z.url(),
  })
  .meta({ title: "Service" });

const sectionOutSchema = z
  .object({ slug: z.string(), name: z.string(), url: z.url() })
  .meta({ title: "Section" });

const topicOutSchema = z
  .object({ slug: z.string(), name: z.string(), url: z.url() })
  .meta({ title: "Topic" });

const personOutSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["person", "desk"]),
    name: z.string(),
    description: z.string(),
    url: z.url(),
  })
  .meta({ title: "Contributor", description: "A journalist (person) or a desk byline." });

const imageOutSchema = z
  .object({
    url: z.url(),
    width: z.int(),
    height: z.int(),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
  })
  .meta({ title: "Image" });

const storySummaryOutSchema = z
  .object({
    id: z.string(),
    service: z.enum(serviceIds),
    language: z.string(),
    headline: z.string(),
    standfirst: z.string(),
    section: z.string(),
    url: z.url(),
    firstPublishedAt: isoDateTime,
    updatedAt: isoDateTime.nullable().meta({
      description: "When an editor last published a newsworthy update (the visible tag).",
    }),
    lastModifiedAt: isoDateTime.meta({ description: "Any reader-visible change." }),
  })
  .meta({ title: "StorySummary" });

export const storyOutSchema = storySummaryOutSchema
  .extend({
    dateline: z.string(),
    bodyHtml: z.string().meta({ description: "Sanitized HTML rendered from the story blocks." }),
    bylines: z.array(personOutSchema),
    agencies: z.array(z.string()),
    topics: z.array(topicOutSchema),
    image: imageOutSchema.nullable(),
    corrections: z.array(z.object({ text: z.string(), createdAt: isoDateTime })),
    ninjsUrl: z.url(),
    kind: z.enum(storyKinds).meta({ description: "`live` for a live page (see `live`)." }),
    live: z
      .object({
        status: z.enum(liveStatuses),
        keyPoints: z.array(z.string()),
        coverageStartTime: isoDateTime.nullable(),
        coverageEndTime: isoDateTime.nullable(),
        postsUrl: z.url().meta({ description: "The page's posts, newest first." }),
      })
      .nullable()
      .meta({ description: "A live page's status and key points; null for other stories." }),
  })
  .meta({ title: "Story" });

/** One post of a live page (issue 15). */
const livePostOutSchema = z
  .object({
    id: z.string(),
    url: z.url().meta({ description: "The post's permalink on the reader page." }),
    postedAt: isoDateTime,
    editedAt: isoDateTime.nullable(),
    edited: z.boolean(),
    revision: z.int(),
    title: z.string().nullable(),
    bodyHtml: z.string().meta({ description: "Sanitized HTML rendered from the post blocks." }),
    bylines: z.array(z.object({ id: z.string(), name: z.string(), url: z.url() })),
    keyEvent: z.boolean(),
    pinned: z.boolean(),
  })
  .meta({ title: "LivePost" });

function page<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      next: z.url().nullable().meta({ description: "The next page, or null on the last page." }),
    })
    .meta({ title: id });
}

export const servicesOutSchema = z.object({ data: z.array(serviceOutSchema) }).meta({
  id: "ServiceList",
});
export const sectionsOutSchema = z.object({ data: z.array(sectionOutSchema) }).meta({
  id: "SectionList",
});
export const topicsOutSchema = z
  .object({ data: z.array(topicOutSchema) })
  .meta({ title: "TopicList" });
export const peopleOutSchema = z.object({ data: z.array(personOutSchema) }).meta({
  id: "ContributorList",
});
export const storyPageOutSchema = page(storySummaryOutSchema, "StoryPage");
export const livePostPageOutSchema = page(livePostOutSchema, "LivePostPage");

export const problemOutSchema = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.int(),
    code: z.string().meta({ description: "Stable error code; branch on this." }),
    detail: z.string().optional(),
  })
  .meta({ title: "Problem", description: "RFC 9457 problem details." });

/** The list query for stories. Unknown parameters are rejected, not ignored. */
export const storyListQuerySchema = z.strictObject({
  service: z.enum(serviceIds),
  section: z.string().min(1).max(120).optional(),
  topic: z.string().min(1).max(120).optional(),
  person: z.string().min(1).max(64).optional(),
  desk: z.string().min(1).max(64).optional(),
  updated_since: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/** A live page's posts: newest first, `before` a post id (the previous page's last). */
export const livePostsQuerySchema = z.strictObject({
  before: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
