import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { fillStyleSlot } from "./reader/reader-styles.js";

/**
 * Serializes a page component; Preact escapes every text node and attribute value. A reader
 * page's stylesheet gets its rules last, once the page's classes are known.
 */
export function renderHtml(page: VNode): string {
  return fillStyleSlot(`<!DOCTYPE html>${renderToString(page)}`);
}
