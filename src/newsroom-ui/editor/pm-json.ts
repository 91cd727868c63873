import type { JSONContent } from "@tiptap/core";
import type { PmNode } from "../../domain/stories/prosemirror-mapping.js";

/**
 * The shared mapping's `PmNode` allows explicit `undefined` members, Tiptap's JSONContent
 * does not (exactOptionalPropertyTypes); a JSON round trip drops them, which is exactly
 * what ProseMirror would see anyway.
 */
export function toEditorJson(node: PmNode): JSONContent {
  return JSON.parse(JSON.stringify(node)) as JSONContent;
}
