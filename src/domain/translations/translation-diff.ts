import { bodyPlainText } from "../stories/story-body-schema.js";
import type { StoryContent } from "../stories/story-schema.js";

/** One line of a source change, in the order a translator reads the story. */
export interface DiffLine {
  readonly op: "added" | "removed";
  readonly field: "headline" | "standfirst" | "dateline" | "body";
  readonly text: string;
}

/**
 * What changed in the source between two revisions: headline, standfirst and dateline as
 * whole values, the body line by line (one block per line) using a longest-common-
 * subsequence diff, so an inserted paragraph shows as one added line, not a cascade.
 */
export function contentDiff(before: StoryContent, after: StoryContent): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const field of ["headline", "standfirst", "dateline"] as const) {
    if (before[field] !== after[field]) {
      if (before[field]) lines.push({ op: "removed", field, text: before[field] });
      if (after[field]) lines.push({ op: "added", field, text: after[field] });
    }
  }
  const a = bodyPlainText(before.body).split("\n").filter(Boolean);
  const b = bodyPlainText(after.body).split("\n").filter(Boolean);
  for (const line of lineDiff(a, b)) lines.push({ ...line, field: "body" });
  return lines;
}

/** Removed and added lines between two sequences (LCS table; bodies are short). */
export function lineDiff(
  a: readonly string[],
  b: readonly string[],
): { op: "added" | "removed"; text: string }[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    const row = lcs[i] ?? [];
    const below = lcs[i + 1] ?? [];
    for (let j = m - 1; j >= 0; j -= 1) {
      row[j] = a[i] === b[j] ? (below[j + 1] ?? 0) + 1 : Math.max(below[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: { op: "added" | "removed"; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i += 1;
      j += 1;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      out.push({ op: "removed", text: a[i] ?? "" });
      i += 1;
    } else {
      out.push({ op: "added", text: b[j] ?? "" });
      j += 1;
    }
  }
  for (; i < n; i += 1) out.push({ op: "removed", text: a[i] ?? "" });
  for (; j < m; j += 1) out.push({ op: "added", text: b[j] ?? "" });
  return out;
}
