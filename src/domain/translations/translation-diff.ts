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

/** One row of the translator's side-by-side view: a source block and its translation. */
interface AlignedRow {
  /**
   * `same`: the source block is as the translation last followed it; `changed`: the source
   * block was rewritten since (`previous` is the old text); `added`: new in the source, not
   * yet translated; `removed`: gone from the source (`previous`), its translation remains.
   */
  readonly change: "same" | "changed" | "added" | "removed";
  readonly source: string | null;
  readonly previous: string | null;
  readonly translation: string | null;
}

/** A headline, standfirst or dateline side by side, with the source's old value if changed. */
interface AlignedField {
  readonly field: "headline" | "standfirst" | "dateline";
  readonly source: string;
  readonly previous: string | null;
  readonly translation: string;
}

export interface Alignment {
  readonly fields: AlignedField[];
  readonly rows: AlignedRow[];
  /** The body was past the line diff's limits: rows are paired by position, unmarked. */
  readonly tooLarge: boolean;
}

const blockText = (block: StoryContent["body"][number]): string => bodyPlainText([block]);

/**
 * Pairs the source and the translation block by block for the translator. A translation
 * starts as a copy of the source and is translated over, so its blocks follow the source
 * revision it was last reviewed against (`reviewed`) position by position. The bounded line
 * diff (one block per line) between that revision and the current source (`current`) says
 * which source blocks changed since: a removal followed by an addition is one changed block.
 */
export function alignForTranslator(
  reviewed: StoryContent,
  current: StoryContent,
  translation: StoryContent,
  limits: Partial<DiffLimits> = {},
): Alignment {
  const fields: AlignedField[] = (["headline", "standfirst", "dateline"] as const).map((field) => ({
    field,
    source: current[field],
    previous: reviewed[field] === current[field] ? null : reviewed[field],
    translation: translation[field],
  }));
  const before = reviewed.body.map(blockText);
  const after = current.body.map(blockText);
  const translated = translation.body.map(blockText);
  const result = diffLines(before, after, limits);
  const rows: AlignedRow[] = [];
  if (result.tooLarge) {
    const length = Math.max(after.length, translated.length);
    for (let i = 0; i < length; i++) {
      rows.push({
        change: "same",
        source: after[i] ?? null,
        previous: null,
        translation: translated[i] ?? null,
      });
    }
    return { fields, rows, tooLarge: true };
  }
  // Position in `reviewed`, which is also the position in the translation.
  let old = 0;
  const changes = result.changes;
  let i = 0;
  while (i < changes.length) {
    const change = changes[i];
    if (change?.op === "same") {
      rows.push({
        change: "same",
        source: change.text,
        previous: null,
        translation: translated[old] ?? null,
      });
      old++;
      i++;
      continue;
    }
    // A run of removed lines then a run of added ones: paired in order as changed blocks.
    const removed: string[] = [];
    const added: string[] = [];
    while (changes[i]?.op === "removed") removed.push(changes[i++]?.text ?? "");
    while (changes[i]?.op === "added") added.push(changes[i++]?.text ?? "");
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const gone = removed[k];
      const fresh = added[k];
      if (gone !== undefined) {
        rows.push({
          change: fresh === undefined ? "removed" : "changed",
          source: fresh ?? null,
          previous: gone,
          translation: translated[old] ?? null,
        });
        old++;
      } else if (fresh !== undefined) {
        rows.push({ change: "added", source: fresh, previous: null, translation: null });
      }
    }
  }
  // Blocks the translator added beyond the source's.
  for (; old < translated.length; old++) {
    rows.push({
      change: "same",
      source: null,
      previous: null,
      translation: translated[old] ?? null,
    });
  }
  return { fields, rows, tooLarge: false };
}
