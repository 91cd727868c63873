import { z } from "zod";
import { NewsdeskError } from "../error-catalogue.js";
import type { InlineMark, InlineText, StoryBlock, StoryBody } from "./story-body-schema.js";
import { storyBodySchema } from "./story-body-schema.js";

/**
 * The editor (Tiptap) speaks ProseMirror JSON; stories store typed blocks. This pure module
 * maps both ways and is shared by the browser editor and the server, which validates again:
 * the client is never trusted. Node and mark names follow Tiptap's StarterKit, plus two
 * Newsdesk nodes: `blockquote` with a `speaker` attribute and an atomic `figure`.
 */

interface PmMark {
  type: string;
  attrs?: Record<string, unknown> | undefined;
}
export interface PmNode {
  type: string;
  attrs?: Record<string, unknown> | undefined;
  content?: PmNode[] | undefined;
  text?: string | undefined;
  marks?: PmMark[] | undefined;
}

const pmMarkSchema = z.object({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
});
const pmNodeSchema: z.ZodType<PmNode> = z.lazy(() =>
  z.object({
    type: z.string().max(40),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(pmNodeSchema).max(5000).optional(),
    text: z.string().max(100_000).optional(),
    marks: z.array(pmMarkSchema).max(10).optional(),
  }),
);

function invalid(detail: string): NewsdeskError {
  return new NewsdeskError("VALIDATION_FAILED", { detail: `Editor document: ${detail}` });
}

function toMarks(marks: readonly PmMark[] | undefined): InlineMark[] {
  const result: InlineMark[] = [];
  for (const mark of marks ?? []) {
    if (mark.type === "italic") result.push({ type: "em" });
    else if (mark.type === "bold") result.push({ type: "strong" });
    else if (mark.type === "link") {
      const href = typeof mark.attrs?.href === "string" ? mark.attrs.href : "";
      result.push({ type: "link", href });
    }
    // Other marks (underline, strike, code) carry no meaning for readers and are dropped.
  }
  return result;
}

function toInline(nodes: readonly PmNode[] | undefined): InlineText[] {
  const parts: InlineText[] = [];
  for (const node of nodes ?? []) {
    if (node.type === "text" && node.text) {
      const marks = toMarks(node.marks);
      parts.push(marks.length > 0 ? { text: node.text, marks } : { text: node.text });
    } else if (node.type === "hardBreak") {
      parts.push({ text: "\n" });
    } else {
      throw invalid(`"${node.type}" cannot appear inside a paragraph.`);
    }
  }
  return parts;
}

function paragraphsText(nodes: readonly PmNode[] | undefined): InlineText[] {
  // Quotes and list items hold paragraphs; joined with a line break they become one block.
  const parts: InlineText[] = [];
  for (const [index, node] of (nodes ?? []).entries()) {
    if (node.type !== "paragraph") throw invalid(`"${node.type}" cannot appear here.`);
    if (index > 0) parts.push({ text: "\n" });
    parts.push(...toInline(node.content));
  }
  return parts;
}

function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function pmDocToBlocks(raw: unknown): StoryBody {
  const parsed = pmNodeSchema.safeParse(raw);
  if (!parsed.success || parsed.data.type !== "doc") throw invalid("not a ProseMirror document.");
  const blocks: StoryBlock[] = [];
  for (const node of parsed.data.content ?? []) {
    switch (node.type) {
      case "paragraph": {
        const content = toInline(node.content);
        // Empty paragraphs are the editor's spacing, not content.
        if (content.length > 0) blocks.push({ type: "paragraph", content });
        break;
      }
      case "heading": {
        const level = node.attrs?.level === 3 ? 3 : 2;
        const content = toInline(node.content);
        if (content.length > 0) blocks.push({ type: "heading", level, content });
        break;
      }
      case "blockquote": {
        const content = paragraphsText(node.content);
        const speaker = str(node.attrs?.speaker).trim();
        if (content.length > 0) {
          blocks.push(speaker ? { type: "quote", content, speaker } : { type: "quote", content });
        }
        break;
      }
      case "bulletList":
      case "orderedList": {
        const items = (node.content ?? [])
          .map((item) => {
            if (item.type !== "listItem") throw invalid(`"${item.type}" cannot appear in a list.`);
            return paragraphsText(item.content);
          })
          .filter((item) => item.length > 0);
        if (items.length > 0)
          blocks.push({ type: "list", ordered: node.type === "orderedList", items });
        break;
      }
      case "figure":
        blocks.push({
          type: "figure",
          mediaId: str(node.attrs?.mediaId),
          caption: str(node.attrs?.caption),
          credit: str(node.attrs?.credit),
          alt: str(node.attrs?.alt),
        });
        break;
      case "storyEmbed":
        // An atom node (the editor shows it as a card): the id is all it carries; the
        // schema below refuses a malformed one.
        blocks.push({ type: "storyEmbed", storyId: str(node.attrs?.storyId) });
        break;
      default:
        throw invalid(`"${node.type}" blocks are not supported.`);
    }
  }
  const checked = storyBodySchema.safeParse(blocks);
  if (!checked.success) {
    throw invalid(checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return checked.data;
}

function fromInline(content: readonly InlineText[]): PmNode[] {
  const nodes: PmNode[] = [];
  for (const part of content) {
    const lines = part.text.split("\n");
    for (const [index, line] of lines.entries()) {
      if (index > 0) nodes.push({ type: "hardBreak" });
      if (!line) continue;
      const marks = (part.marks ?? []).map(
        (mark): PmMark =>
          mark.type === "em"
            ? { type: "italic" }
            : mark.type === "strong"
              ? { type: "bold" }
              : { type: "link", attrs: { href: mark.href } },
      );
      nodes.push(
        marks.length > 0 ? { type: "text", text: line, marks } : { type: "text", text: line },
      );
    }
  }
  return nodes;
}

function paragraph(content: readonly InlineText[]): PmNode {
  const inline = fromInline(content);
  return inline.length > 0 ? { type: "paragraph", content: inline } : { type: "paragraph" };
}

function blockToPmNode(block: StoryBlock): PmNode {
  switch (block.type) {
    case "paragraph":
      return paragraph(block.content);
    case "heading":
      return {
        type: "heading",
        attrs: { level: block.level },
        content: fromInline(block.content),
      };
    case "quote":
      return {
        type: "blockquote",
        attrs: { speaker: block.speaker ?? "" },
        content: [paragraph(block.content)],
      };
    case "list":
      return {
        type: block.ordered ? "orderedList" : "bulletList",
        content: block.items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
      };
    case "figure":
      return {
        type: "figure",
        attrs: {
          mediaId: block.mediaId,
          caption: block.caption,
          credit: block.credit,
          alt: block.alt,
        },
      };
    case "storyEmbed":
      return { type: "storyEmbed", attrs: { storyId: block.storyId } };
  }
}

export function blocksToPmDoc(blocks: StoryBody): PmNode {
  const content = blocks.map(blockToPmNode);
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}
