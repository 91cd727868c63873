import { z } from "zod";

/**
 * The story body is a list of typed blocks, never an HTML blob. Editors (ProseMirror JSON),
 * wire adapters (ninjs body_html, NewsML-G2 inline XHTML, NITF) and the demo seed all map
 * into this one model; renderers map out of it. Keeping HTML out of storage means hostile
 * markup can never reach a reader page: the renderer decides every tag.
 */

/** Inline formatting marks, a subset of what ProseMirror's starter kit offers. */
const inlineMarkSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("em") }),
  z.object({ type: z.literal("strong") }),
  z.object({
    type: z.literal("link"),
    // Only absolute http(s) URLs or site-relative paths; `javascript:` and friends are refused.
    href: z
      .string()
      .max(2048)
      .refine((href) => /^(https?:\/\/|\/(?!\/))/i.test(href), {
        message: "Links must be http(s) URLs or site-relative paths.",
      }),
  }),
]);
export type InlineMark = z.infer<typeof inlineMarkSchema>;

const inlineTextSchema = z.object({
  text: z.string().min(1).max(20_000),
  marks: z.array(inlineMarkSchema).max(3).optional(),
});
export type InlineText = z.infer<typeof inlineTextSchema>;

const inlineContent = z.array(inlineTextSchema).max(500);

const paragraphBlockSchema = z.object({
  type: z.literal("paragraph"),
  content: inlineContent,
});

const headingBlockSchema = z.object({
  type: z.literal("heading"),
  // h1 is the headline; body headings start at h2 (WCAG 2.2 SC 1.3.1 heading structure).
  level: z.union([z.literal(2), z.literal(3)]),
  content: inlineContent.min(1),
});

const quoteBlockSchema = z.object({
  type: z.literal("quote"),
  content: inlineContent.min(1),
  speaker: z.string().max(200).optional(),
});

const listBlockSchema = z.object({
  type: z.literal("list"),
  ordered: z.boolean(),
  items: z.array(inlineContent.min(1)).min(1).max(200),
});

export const figureBlockSchema = z.object({
  type: z.literal("figure"),
  /** A media-library asset; its focal point drives the 16:9 crop. */
  mediaId: z.string().min(1).max(64),
  caption: z.string().max(2000),
  credit: z.string().max(300),
  /** Real alt text describing the image (WCAG 2.2 SC 1.1.1); not a copy of the caption. */
  alt: z.string().max(1000),
});

/**
 * Story ids as minted by newId() and parsed from reader URLs (src/render/reader-urls.ts):
 * twelve Crockford base32 characters.
 */
const storyIdSchema = z.string().regex(/^[0-9a-hjkmnp-tv-z]{12}$/, {
  message: "Story ids are twelve Crockford base32 characters.",
});

/**
 * Another story shown inside this body as a teaser card (issue 15: live posts embed other
 * stories). Only the id is stored: the headline and address are read when rendering, in the
 * reader's edition, so a renamed, killed or unpublished target never shows stale or hidden
 * text.
 */
const storyEmbedBlockSchema = z.object({
  type: z.literal("storyEmbed"),
  storyId: storyIdSchema,
});

/** At most this many embeds in one body: each costs a lookup when the page is rendered. */
export const maxStoryEmbeds = 20;

const storyBlockSchema = z.discriminatedUnion("type", [
  paragraphBlockSchema,
  headingBlockSchema,
  quoteBlockSchema,
  listBlockSchema,
  figureBlockSchema,
  storyEmbedBlockSchema,
]);
export type StoryBlock = z.infer<typeof storyBlockSchema>;
export type FigureBlock = z.infer<typeof figureBlockSchema>;

export const storyBodySchema = z
  .array(storyBlockSchema)
  .max(2000)
  .refine((body) => body.filter((block) => block.type === "storyEmbed").length <= maxStoryEmbeds, {
    message: `A body embeds at most ${maxStoryEmbeds} stories.`,
  });
export type StoryBody = z.infer<typeof storyBodySchema>;

/** The stories a body embeds, each once, in order of first appearance. */
export function embeddedStoryIds(body: readonly StoryBlock[]): string[] {
  const ids = new Set<string>();
  for (const block of body) if (block.type === "storyEmbed") ids.add(block.storyId);
  return [...ids];
}

/** Plain text of inline content, for search indexing, summaries and diffs. */
export function inlinePlainText(content: readonly InlineText[]): string {
  return content.map((part) => part.text).join("");
}

/** Plain text of a whole body, one block per line. */
export function bodyPlainText(body: StoryBody): string {
  const lines: string[] = [];
  for (const block of body) {
    switch (block.type) {
      case "paragraph":
      case "heading":
        lines.push(inlinePlainText(block.content));
        break;
      case "quote":
        lines.push(
          block.speaker
            ? `${inlinePlainText(block.content)} — ${block.speaker}`
            : inlinePlainText(block.content),
        );
        break;
      case "list":
        for (const item of block.items) lines.push(inlinePlainText(item));
        break;
      case "figure":
        lines.push(block.caption);
        break;
      case "storyEmbed":
        // The embedded story's text is its own: indexing or counting it here would make this
        // story match searches for the other one.
        break;
    }
  }
  return lines.filter((line) => line.length > 0).join("\n");
}
