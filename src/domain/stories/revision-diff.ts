import { type DiffLimitReason, type DiffLimits, diffLines, type LineChange } from "./line-diff.js";
import { bodyPlainText } from "./story-body-schema.js";
import type { StoryContent } from "./story-schema.js";

interface FieldChange {
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

/**
 * A body too large to compare line by line within the diff's limits: both versions' text,
 * for the newsroom to show side by side, and which limit was reached.
 */
export interface TooLargeDiff {
  readonly reason: DiffLimitReason;
  readonly before: string;
  readonly after: string;
}

export interface RevisionDiff {
  readonly fields: readonly FieldChange[];
  /** The body line by line; empty when `tooLarge` is set. */
  readonly body: readonly LineChange[];
  /** Set when the body was past a limit of the line diff ("too large to compare"). */
  readonly tooLarge: TooLargeDiff | null;
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
 * line diff (one line per block) from the bounded Myers diff in `line-diff.ts`. Past its
 * limits the body is returned as two texts instead (`tooLarge`).
 */
export function diffRevisions(
  before: StoryContent,
  after: StoryContent,
  limits: Partial<DiffLimits> = {},
): RevisionDiff {
  const a = describeFields(before);
  const b = describeFields(after);
  const fields = Object.keys(a).flatMap((field) =>
    a[field] === b[field] ? [] : [{ field, before: a[field] ?? "", after: b[field] ?? "" }],
  );
  const beforeText = bodyPlainText(before.body);
  const afterText = bodyPlainText(after.body);
  const result = diffLines(beforeText.split("\n"), afterText.split("\n"), limits);
  if (result.tooLarge) {
    return {
      fields,
      body: [],
      tooLarge: { reason: result.reason, before: beforeText, after: afterText },
    };
  }
  return {
    fields,
    body: result.changes.filter((change) => change.text.length > 0 || change.op !== "same"),
    tooLarge: null,
  };
}
