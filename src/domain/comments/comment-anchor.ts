import { inlinePlainText, type StoryBlock, type StoryBody } from "../stories/story-body-schema.js";

/**
 * Where a block comment sits. Story body blocks have no stable ids (ADR 0001 keeps the body
 * as plain typed blocks, and the editor, wire adapters and paste all make blocks without
 * one), so a comment remembers its block by position and text, the way Google Docs keeps
 * the quoted text of a comment whose anchor moved:
 *
 * 1. the block at the remembered position still has the remembered text: it is there;
 * 2. else the nearest block with exactly that text (a paragraph moved up or down);
 * 3. else the block near the old position whose words overlap most (a paragraph edited),
 *    if at least half of the words are shared;
 * 4. else the block is gone: the comment is kept, marked orphaned, with its quoted text.
 *
 * After every save the comments of the story are moved along (CommentService listens for
 * "saved"), so a paragraph edited a little at a time keeps its comments.
 */
export interface BlockAnchor {
  readonly index: number;
  readonly text: string;
}

export type ResolvedAnchor =
  | { readonly state: "block"; readonly index: number; readonly text: string }
  | { readonly state: "orphaned" };

/** A block's text as remembered by an anchor is cut to this many characters. */
export const anchorTextLength = 500;
/** How far from the remembered position an edited block is looked for. */
const searchRadius = 25;
const minimumOverlap = 0.5;

function blockPlainText(block: StoryBlock): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
    case "quote":
      return inlinePlainText(block.content);
    case "list":
      return block.items.map((item) => inlinePlainText(item)).join("\n");
    case "figure":
      return block.caption;
    case "storyEmbed":
      // No text of its own: a comment on it is anchored by the id it shows.
      return block.storyId;
  }
}

export function anchorText(block: StoryBlock): string {
  return blockPlainText(block).normalize("NFC").slice(0, anchorTextLength);
}

export function resolveAnchor(body: StoryBody, anchor: BlockAnchor): ResolvedAnchor {
  const texts = body.map((block) => anchorText(block));
  if (texts[anchor.index] === anchor.text) {
    return { state: "block", index: anchor.index, text: anchor.text };
  }
  let exact = -1;
  for (let i = 0; i < texts.length; i++) {
    if (texts[i] !== anchor.text) continue;
    if (exact === -1 || Math.abs(i - anchor.index) < Math.abs(exact - anchor.index)) exact = i;
  }
  if (exact !== -1) return { state: "block", index: exact, text: anchor.text };

  const wanted = wordsOf(anchor.text);
  if (wanted.size === 0) return { state: "orphaned" };
  let best = -1;
  let bestScore = 0;
  const from = Math.max(0, anchor.index - searchRadius);
  const to = Math.min(texts.length - 1, anchor.index + searchRadius);
  for (let i = from; i <= to; i++) {
    const score = overlap(wanted, wordsOf(texts[i] ?? ""));
    const closer = Math.abs(i - anchor.index) < Math.abs(best - anchor.index);
    if (score > bestScore || (score === bestScore && best !== -1 && closer)) {
      best = i;
      bestScore = score;
    }
  }
  if (best !== -1 && bestScore >= minimumOverlap) {
    return { state: "block", index: best, text: texts[best] ?? "" };
  }
  return { state: "orphaned" };
}

function wordsOf(text: string): Set<string> {
  return new Set(
    text
      .toLocaleLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 0),
  );
}

/** Shared words over the larger set (Jaccard-like, never above 1). */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.max(a.size, b.size);
}
