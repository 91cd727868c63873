import type { Editor } from "@tiptap/core";
import { anchorText } from "../../domain/comments/comment-anchor.js";
import { pmDocToBlocks } from "../../domain/stories/prosemirror-mapping.js";

/** A body block as the comments panel offers it: its index among the saved blocks. */
export interface EditorBlock {
  readonly index: number;
  /** Where the block's node starts in the editor document. */
  readonly pos: number;
  readonly text: string;
}

/**
 * The editor's top-level nodes that become body blocks, numbered as the server numbers them
 * (empty paragraphs are the editor's spacing and are not blocks: pmDocToBlocks drops them).
 */
export function editorBlocks(editor: Editor): EditorBlock[] {
  const blocks: EditorBlock[] = [];
  editor.state.doc.forEach((node, offset) => {
    let block: ReturnType<typeof pmDocToBlocks>[number] | undefined;
    try {
      [block] = pmDocToBlocks({ type: "doc", content: [node.toJSON()] });
    } catch {
      block = undefined;
    }
    if (block) blocks.push({ index: blocks.length, pos: offset, text: anchorText(block) });
  });
  return blocks;
}

/** The block holding the editor's cursor, if any. */
export function blockAtCursor(editor: Editor, blocks: readonly EditorBlock[]): EditorBlock | null {
  const from = editor.state.selection.from;
  let found: EditorBlock | null = null;
  for (const block of blocks) if (block.pos < from) found = block;
  return found;
}

/** Puts the cursor in the block and scrolls it into view. */
export function showBlock(editor: Editor, block: EditorBlock): void {
  editor
    .chain()
    .focus()
    .setTextSelection(block.pos + 1)
    .scrollIntoView()
    .run();
}
