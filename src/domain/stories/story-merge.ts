import { diffLines } from "./line-diff.js";
import { inlinePlainText, type StoryBlock } from "./story-body-schema.js";
import type { Byline, StoryContent, StorySeo } from "./story-schema.js";

/**
 * The three-way merge behind the conflict view (ADR 0013). `base` is the revision both
 * editors started from, `mine` the version that was refused, `theirs` the current revision.
 * A change made on one side only is taken; the same change on both sides is taken once;
 * only changes to the same field, or to the same stretch of body blocks, are asked about.
 *
 * Fields merge as values, except topics, agencies and bylines, which merge as sets (an
 * addition on either side stays, a removal on either side goes). The body merges block by
 * block like diff3 over lines (Khanna, Kunal and Pierce, "A Formal Investigation of Diff3",
 * FSTTCS 2007): blocks both sides kept from the base are the stable points, and each stretch
 * between them is taken from the side that changed it, or is a conflict.
 */

/** Fields that hold one value: a conflict on them is "mine", "theirs" or (text) "edit". */
const valueFields = [
  "headline",
  "standfirst",
  "dateline",
  "slug",
  "section",
  "leadFigure",
] as const;
type ValueField = (typeof valueFields)[number];
/** Fields that hold a set of values. */
const setFields = ["topics", "bylines", "agencies"] as const;
type SetField = (typeof setFields)[number];
export type MergeField = ValueField | SetField;

/** Value fields that are free text, so a conflict on them may be settled by writing. */
const textFields: ReadonlySet<MergeField> = new Set(["headline", "standfirst", "dateline", "slug"]);

/**
 * The search and social fields (all optional together: revisions from before they existed
 * have none). Each merges like a value field; an absent one counts as empty.
 */
const seoFields = [
  "title",
  "description",
  "socialTitle",
  "socialDescription",
  "socialImageId",
] as const;
export type SeoField = (typeof seoFields)[number];

/** Every field of StoryContent the merge handles; a test keeps it equal to the schema's. */
export const mergedFields = [...valueFields, ...setFields, "seo", "body"] as const;

/** The largest set each set field may hold (story-schema.ts); past it, the union conflicts. */
const setLimits: Record<SetField, number> = { topics: 20, bylines: 30, agencies: 20 };

/** How one field or stretch of the body came out. */
type MergeSource = "unchanged" | "mine" | "theirs" | "both" | "combined" | "conflict";

export interface FieldConflict<F extends MergeField = MergeField> {
  readonly id: F;
  readonly kind: "field";
  readonly base: StoryContent[F];
  readonly mine: StoryContent[F];
  readonly theirs: StoryContent[F];
  /** Whether "edit" (writing a new text) can settle it. */
  readonly editable: boolean;
}

export interface BlockConflict {
  /** Stable within one merge: `body-<position of the stretch>`. */
  readonly id: string;
  readonly kind: "blocks";
  /** Where the stretch starts in the base body (0-based), to name it for people. */
  readonly baseIndex: number;
  readonly base: readonly StoryBlock[];
  readonly mine: readonly StoryBlock[];
  readonly theirs: readonly StoryBlock[];
  /** The text "edit" starts from (one line per block), or null if a block is not text. */
  readonly editText: string | null;
}

interface SeoConflict {
  readonly id: `seo.${SeoField}`;
  readonly kind: "seo";
  readonly field: SeoField;
  readonly base: string | null;
  readonly mine: string | null;
  readonly theirs: string | null;
  /** The texts may be written anew; the social image is chosen, not written. */
  readonly editable: boolean;
}

export type MergeConflict = FieldConflict | SeoConflict | BlockConflict;

type BodyPart =
  | { readonly kind: "resolved"; readonly blocks: readonly StoryBlock[] }
  | { readonly kind: "conflict"; readonly conflict: BlockConflict };

export interface StoryMerge {
  /** The merged value of every field without a conflict, and how each came out. */
  readonly fields: { readonly [F in MergeField]: { value: StoryContent[F]; source: MergeSource } };
  /** The merged search and social fields, or undefined if no version has them. */
  readonly seo: StorySeo | undefined;
  readonly body: readonly BodyPart[];
  /** Every true conflict, fields first, then body stretches in order. */
  readonly conflicts: readonly MergeConflict[];
  /** Changes taken without asking (fields and body stretches changed on one or both sides). */
  readonly autoMerged: number;
  /** True if the body was past the block diff's limits and merged as one piece. */
  readonly bodyTooLarge: boolean;
}

export type Resolution =
  | { readonly choice: "mine" }
  | { readonly choice: "theirs" }
  | { readonly choice: "edit"; readonly text: string };

/** Edited text is bounded like the fields it becomes (story-schema.ts, story-body-schema.ts). */
const maxEditedCharacters = 200_000;

/**
 * `base` is null when the refused save named no revision of this story that is known: then
 * every difference is a conflict and sets are joined, since nothing says who changed what.
 */
export function mergeStories(
  base: StoryContent | null,
  mine: StoryContent,
  theirs: StoryContent,
): StoryMerge {
  const conflicts: MergeConflict[] = [];
  let autoMerged = 0;
  const fields = {} as { [F in MergeField]: { value: StoryContent[F]; source: MergeSource } };

  const value = <F extends ValueField>(field: F) => {
    const from = base?.[field];
    const known = base !== null;
    const source = pick(known && same(from, mine[field]), known && same(from, theirs[field]), () =>
      same(mine[field], theirs[field]),
    );
    if (source === "conflict") {
      conflicts.push({
        id: field,
        kind: "field",
        base: from ?? null,
        mine: mine[field],
        theirs: theirs[field],
        editable: textFields.has(field),
      } as FieldConflict);
    } else if (source !== "unchanged") autoMerged += 1;
    fields[field] = {
      value: source === "mine" ? mine[field] : theirs[field],
      source,
    } as (typeof fields)[F];
  };
  for (const field of valueFields) value(field);

  const set = <F extends SetField>(field: F, key: (item: StoryContent[F][number]) => string) => {
    const merged = mergeSet(
      base?.[field] ?? null,
      mine[field],
      theirs[field],
      key,
      setLimits[field],
    );
    if (merged.source === "conflict") {
      conflicts.push({
        id: field,
        kind: "field",
        base: base?.[field] ?? [],
        mine: mine[field],
        theirs: theirs[field],
        editable: false,
      } as FieldConflict);
    } else if (merged.source !== "unchanged") autoMerged += 1;
    fields[field] = { value: merged.value, source: merged.source } as (typeof fields)[F];
  };
  set("topics", (topic) => topic);
  set("agencies", (code) => code);
  set("bylines", bylineKey);

  let seo: StorySeo | undefined;
  if (base?.seo || mine.seo || theirs.seo) {
    const merged: Record<string, string | null> = {};
    for (const field of seoFields) {
      const empty = field === "socialImageId" ? null : "";
      const of = (content: StoryContent | null) => content?.seo?.[field] ?? empty;
      const known = base !== null;
      const source = pick(known && of(base) === of(mine), known && of(base) === of(theirs), () =>
        same(of(mine), of(theirs)),
      );
      if (source === "conflict") {
        conflicts.push({
          id: `seo.${field}` as const,
          kind: "seo",
          field,
          base: known ? of(base) : null,
          mine: of(mine),
          theirs: of(theirs),
          editable: field !== "socialImageId",
        });
      } else if (source !== "unchanged") autoMerged += 1;
      merged[field] = source === "mine" ? of(mine) : of(theirs);
    }
    seo = merged as StorySeo;
  }

  const body = base
    ? mergeBody(base.body, mine.body, theirs.body)
    : same(mine.body, theirs.body)
      ? {
          parts: [{ kind: "resolved" as const, blocks: theirs.body }],
          autoMerged: 0,
          tooLarge: false,
        }
      : {
          parts: mergeStretch([], mine.body, theirs.body, 0, 0, true).parts,
          autoMerged: 0,
          tooLarge: false,
        };
  for (const part of body.parts) {
    if (part.kind === "conflict") conflicts.push(part.conflict);
  }
  autoMerged += body.autoMerged;
  return { fields, seo, body: body.parts, conflicts, autoMerged, bodyTooLarge: body.tooLarge };
}

/**
 * The merged story once every conflict has a resolution. Throws if one is missing: the
 * conflict view only offers "save" when each has been answered.
 */
export function resolveMerge(
  merge: StoryMerge,
  resolutions: ReadonlyMap<string, Resolution>,
): StoryContent {
  const answer = (conflict: MergeConflict): Resolution => {
    const found = resolutions.get(conflict.id);
    if (!found) throw new Error(`The conflict "${conflict.id}" has no resolution.`);
    return found;
  };
  const content = Object.fromEntries(
    [...valueFields, ...setFields].map((field) => [field, merge.fields[field].value]),
  ) as unknown as Omit<StoryContent, "body" | "seo">;
  const resolved: Record<string, unknown> = { ...content };
  const seo: Record<string, string | null> | undefined = merge.seo ? { ...merge.seo } : undefined;
  for (const conflict of merge.conflicts) {
    if (conflict.kind === "seo" && seo) {
      const chosen = answer(conflict);
      seo[conflict.field] =
        chosen.choice === "edit" && conflict.editable
          ? chosen.text.slice(0, maxEditedCharacters).trim()
          : chosen.choice === "theirs"
            ? conflict.theirs
            : conflict.mine;
    }
    if (conflict.kind !== "field") continue;
    const chosen = answer(conflict);
    resolved[conflict.id] =
      chosen.choice === "edit" && conflict.editable
        ? chosen.text.slice(0, maxEditedCharacters).trim()
        : chosen.choice === "theirs"
          ? conflict.theirs
          : conflict.mine;
  }
  const body = merge.body.flatMap((part) => {
    if (part.kind === "resolved") return [...part.blocks];
    const chosen = answer(part.conflict);
    if (chosen.choice === "edit" && part.conflict.editText !== null) {
      return blocksFromText(chosen.text, editSource(part.conflict));
    }
    return [...(chosen.choice === "theirs" ? part.conflict.theirs : part.conflict.mine)];
  });
  return {
    ...(resolved as Omit<StoryContent, "body" | "seo">),
    ...(seo ? { seo: seo as StorySeo } : {}),
    body,
  };
}

/** Every conflict settled the same way: "Keep mine" / "Take theirs" for what is left. */
export function resolveAll(merge: StoryMerge, choice: "mine" | "theirs"): StoryContent {
  return resolveMerge(merge, new Map(merge.conflicts.map((c) => [c.id, { choice }])));
}

/** Plain text of a block, for the conflict view and for "edit". */
export function blockText(block: StoryBlock): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
    case "quote":
      return inlinePlainText(block.content);
    case "list":
      return block.items.map((item) => inlinePlainText(item)).join("\n");
    case "figure":
      return block.caption || block.alt || block.mediaId;
    case "storyEmbed":
      return block.storyId;
  }
}

// Values ---------------------------------------------------------------------------------

function pick(mineUnchanged: boolean, theirsUnchanged: boolean, agree: () => boolean) {
  if (mineUnchanged && theirsUnchanged) return "unchanged" as const;
  if (theirsUnchanged) return "mine" as const;
  if (mineUnchanged) return "theirs" as const;
  return agree() ? ("both" as const) : ("conflict" as const);
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with object keys sorted, so two equal blocks compare equal however they were built. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : item,
  );
}

function bylineKey(byline: Byline): string {
  return byline.kind === "person"
    ? `person:${byline.personId}:${byline.role}`
    : `desk:${byline.deskId}`;
}

/**
 * Sets: what either side added stays, what either side removed goes, in their order with
 * my additions after. A side that only reordered wins its order when the other kept the base.
 */
function mergeSet<T>(
  base: readonly T[] | null,
  mine: readonly T[],
  theirs: readonly T[],
  key: (item: T) => string,
  limit: number,
): { value: T[]; source: MergeSource } {
  const source = pick(base !== null && same(base, mine), base !== null && same(base, theirs), () =>
    same(mine, theirs),
  );
  if (source === "unchanged" || source === "theirs" || source === "both") {
    return { value: [...theirs], source };
  }
  if (source === "mine") return { value: [...mine], source };
  const baseKeys = new Set((base ?? []).map(key));
  const mineKeys = new Set(mine.map(key));
  const value = theirs.filter((item) => !baseKeys.has(key(item)) || mineKeys.has(key(item)));
  const present = new Set(value.map(key));
  for (const item of mine) {
    if (!baseKeys.has(key(item)) && !present.has(key(item))) {
      value.push(item);
      present.add(key(item));
    }
  }
  return value.length > limit
    ? { value: [...theirs], source: "conflict" }
    : { value, source: "combined" };
}

// Body -----------------------------------------------------------------------------------

function mergeBody(
  base: readonly StoryBlock[],
  mine: readonly StoryBlock[],
  theirs: readonly StoryBlock[],
): { parts: BodyPart[]; autoMerged: number; tooLarge: boolean } {
  const keys = (blocks: readonly StoryBlock[]) => blocks.map((block) => canonical(block));
  const o = keys(base);
  const a = keys(mine);
  const b = keys(theirs);
  const toMine = matches(o, a);
  const toTheirs = matches(o, b);
  const parts: BodyPart[] = [];
  let autoMerged = 0;
  const stretch = (oEnd: number, aEnd: number, bEnd: number, from: [number, number, number]) => {
    const [i, j, k] = from;
    const result = mergeStretch(
      base.slice(i, oEnd),
      mine.slice(j, aEnd),
      theirs.slice(k, bEnd),
      parts.length,
      i,
    );
    autoMerged += result.autoMerged;
    parts.push(...result.parts);
  };
  if (!toMine || !toTheirs) {
    stretch(base.length, mine.length, theirs.length, [0, 0, 0]);
    return { parts: compact(parts), autoMerged, tooLarge: true };
  }
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < base.length || j < mine.length || k < theirs.length) {
    if (i < base.length && toMine[i] === j && toTheirs[i] === k) {
      // A stable block: both sides kept it where it was.
      parts.push({ kind: "resolved", blocks: [base[i] as StoryBlock] });
      i += 1;
      j += 1;
      k += 1;
      continue;
    }
    // The next base block both sides kept closes the unstable stretch.
    let next = i;
    while (next < base.length && (toMine[next] === -1 || toTheirs[next] === -1)) next += 1;
    const aEnd = next < base.length ? (toMine[next] as number) : mine.length;
    const bEnd = next < base.length ? (toTheirs[next] as number) : theirs.length;
    stretch(next, aEnd, bEnd, [i, j, k]);
    i = next;
    j = aEnd;
    k = bEnd;
  }
  return { parts: compact(parts), autoMerged, tooLarge: false };
}

/** For each base block, the index of the same block in the other version, or -1. */
function matches(base: readonly string[], other: readonly string[]): Int32Array | null {
  // Two thousand blocks a side (the body's own limit) and a generous budget: the merge runs
  // once per conflict, in the editor's browser or a test, never per request on the server.
  const diff = diffLines(base, other, { maxLines: 2_000, maxEdits: 4_000, budgetMs: 200 });
  if (diff.tooLarge) return null;
  const map = new Int32Array(base.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const change of diff.changes) {
    if (change.op === "same") {
      map[i] = j;
      i += 1;
      j += 1;
    } else if (change.op === "removed") i += 1;
    else j += 1;
  }
  return map;
}

/** One unstable stretch: taken from the side that changed it, or a conflict. */
function mergeStretch(
  base: readonly StoryBlock[],
  mine: readonly StoryBlock[],
  theirs: readonly StoryBlock[],
  position: number,
  baseIndex: number,
  baseUnknown = false,
): { parts: BodyPart[]; autoMerged: number } {
  const source = baseUnknown
    ? pick(false, false, () => same(mine, theirs))
    : pick(same(base, mine), same(base, theirs), () => same(mine, theirs));
  if (source === "unchanged") return { parts: [{ kind: "resolved", blocks: base }], autoMerged: 0 };
  if (source !== "conflict") {
    return {
      parts: [{ kind: "resolved", blocks: source === "mine" ? mine : theirs }],
      autoMerged: 1,
    };
  }
  // Both sides rewrote the same number of blocks here: settle them block by block, so a
  // conflict is one paragraph, not the whole stretch.
  if (base.length > 1 && mine.length === base.length && theirs.length === base.length) {
    const parts: BodyPart[] = [];
    let autoMerged = 0;
    for (let index = 0; index < base.length; index += 1) {
      const one = mergeStretch(
        base.slice(index, index + 1),
        mine.slice(index, index + 1),
        theirs.slice(index, index + 1),
        position * 10_000 + index,
        baseIndex + index,
      );
      parts.push(...one.parts);
      autoMerged += one.autoMerged;
    }
    return { parts, autoMerged };
  }
  const conflict: BlockConflict = {
    id: `body-${position}`,
    kind: "blocks",
    baseIndex,
    base,
    mine,
    theirs,
    editText: editableText(editSource({ base, mine, theirs })),
  };
  return { parts: [{ kind: "conflict", conflict }], autoMerged: 0 };
}

/** Neighbouring resolved blocks joined into one part. */
function compact(parts: readonly BodyPart[]): BodyPart[] {
  const out: BodyPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part.kind === "resolved" && last?.kind === "resolved") {
      out[out.length - 1] = { kind: "resolved", blocks: [...last.blocks, ...part.blocks] };
    } else if (part.kind === "conflict" || part.blocks.length > 0) out.push(part);
  }
  return out;
}

type TextBlock = Extract<StoryBlock, { type: "paragraph" | "heading" | "quote" }>;

function isTextBlock(block: StoryBlock): block is TextBlock {
  return block.type === "paragraph" || block.type === "heading" || block.type === "quote";
}

function editableText(blocks: readonly StoryBlock[]): string | null {
  if (blocks.length === 0 || !blocks.every(isTextBlock)) return null;
  return blocks.map((block) => blockText(block)).join("\n");
}

/**
 * What "edit" starts from: both texts, mine first, where both sides added blocks at the same
 * place; else my blocks, or theirs where I deleted the stretch they changed.
 */
function editSource(conflict: Pick<BlockConflict, "base" | "mine" | "theirs">): StoryBlock[] {
  if (conflict.base.length === 0) return [...conflict.mine, ...conflict.theirs];
  return [...(conflict.mine.length > 0 ? conflict.mine : conflict.theirs)];
}

/**
 * Edited text back into blocks: one block per non-empty line. A line keeps the kind of the
 * block it replaced (a heading stays a heading); inline formatting is not kept, since the
 * text was edited as plain text (the editor can format it again).
 */
function blocksFromText(text: string, source: readonly StoryBlock[]): StoryBlock[] {
  const lines = text
    .slice(0, maxEditedCharacters)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .slice(0, 2_000);
  return lines.map((line, index): StoryBlock => {
    const content = [{ text: line.slice(0, 20_000) }];
    const replaced = source[index];
    if (replaced?.type === "heading") return { type: "heading", level: replaced.level, content };
    if (replaced?.type === "quote") {
      return replaced.speaker === undefined
        ? { type: "quote", content }
        : { type: "quote", content, speaker: replaced.speaker };
    }
    return { type: "paragraph", content };
  });
}
