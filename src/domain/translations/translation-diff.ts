import { type DiffLimits, diffLines } from "../stories/line-diff.js";
import type { TooLargeDiff } from "../stories/revision-diff.js";
import { bodyPlainText } from "../stories/story-body-schema.js";
import type { StoryContent } from "../stories/story-schema.js";

/** One line of a source change, in the order a translator reads the story. */
export interface DiffLine {
  readonly op: "added" | "removed";
  readonly field: "headline" | "standfirst" | "dateline" | "body";
  readonly text: string;
}

/** The source changes; the body as two texts when it is past the line diff's limits. */
export interface ContentDiff {
  readonly lines: DiffLine[];
  readonly bodyTooLarge: TooLargeDiff | null;
}

/**
 * What changed in the source between two revisions: headline, standfirst and dateline as
 * whole values, the body line by line (one block per line) using the bounded Myers diff of
 * `line-diff.ts`, so an inserted paragraph shows as one added line, not a cascade, and two
 * huge revisions cannot block the server.
 */
export function contentDiff(
  before: StoryContent,
  after: StoryContent,
  limits: Partial<DiffLimits> = {},
): ContentDiff {
  const lines: DiffLine[] = [];
  for (const field of ["headline", "standfirst", "dateline"] as const) {
    if (before[field] !== after[field]) {
      if (before[field]) lines.push({ op: "removed", field, text: before[field] });
      if (after[field]) lines.push({ op: "added", field, text: after[field] });
    }
  }
  const beforeText = bodyPlainText(before.body);
  const afterText = bodyPlainText(after.body);
  const result = diffLines(
    beforeText.split("\n").filter(Boolean),
    afterText.split("\n").filter(Boolean),
    limits,
  );
  if (result.tooLarge) {
    return {
      lines,
      bodyTooLarge: { reason: result.reason, before: beforeText, after: afterText },
    };
  }
  for (const change of result.changes) {
    if (change.op !== "same") lines.push({ op: change.op, field: "body", text: change.text });
  }
  return { lines, bodyTooLarge: null };
}
