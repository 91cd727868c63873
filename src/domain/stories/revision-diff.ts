import { bodyPlainText } from "./story-body-schema.js";
import type { StoryContent } from "./story-schema.js";

export interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export interface LineChange {
  readonly op: "same" | "added" | "removed";
  readonly text: string;
}

export interface RevisionDiff {
  readonly fields: readonly FieldChange[];
  readonly body: readonly LineChange[];
}

function describeFields(c: StoryContent): Record<string, string> {
  return {
    headline: c.headline,
    standfirst: c.standfirst,
    dateline: c.dateline,
    slug: c.slug,
    section: c.section,
    topics: c.topics.join(", "),
    bylines: c.bylines
      .map((b) => (b.kind === "person" ? `${b.personId} (${b.role})` : `desk ${b.deskId}`))
      .join(", "),
    agencies: c.agencies.join(", "),
    leadFigure: c.leadFigure ? `${c.leadFigure.mediaId}: ${c.leadFigure.caption}` : "",
  };
}

/**
 * A readable diff between two revisions: changed fields side by side, and the body as a
 * line diff (one line per block) from the longest common subsequence.
 */
export function diffRevisions(before: StoryContent, after: StoryContent): RevisionDiff {
  const a = describeFields(before);
  const b = describeFields(after);
  const fields = Object.keys(a).flatMap((field) =>
    a[field] === b[field] ? [] : [{ field, before: a[field] ?? "", after: b[field] ?? "" }],
  );
  return {
    fields,
    body: diffLines(bodyPlainText(before.body).split("\n"), bodyPlainText(after.body).split("\n")),
  };
}

export function diffLines(before: readonly string[], after: readonly string[]): LineChange[] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j] = length of the LCS of before[i..] and after[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const next = lcs[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) {
      row[j] =
        before[i] === after[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ op: "same", text: before[i] ?? "" });
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      out.push({ op: "removed", text: before[i++] ?? "" });
    } else {
      out.push({ op: "added", text: after[j++] ?? "" });
    }
  }
  while (i < n) out.push({ op: "removed", text: before[i++] ?? "" });
  while (j < m) out.push({ op: "added", text: after[j++] ?? "" });
  return out.filter((change) => change.text.length > 0 || change.op !== "same");
}
