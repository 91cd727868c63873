import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Serializes a page component; Preact escapes every text node and attribute value. */
export function renderHtml(page: VNode): string {
  return `<!DOCTYPE html>${renderToString(page)}`;
}
