import { diffLines, type LineChange } from "../../domain/stories/line-diff.js";
import type { TooLargeDiff } from "../../domain/stories/revision-diff.js";
import { bodyPlainText } from "../../domain/stories/story-body-schema.js";
import type { WireItemContent, WirePubStatus } from "./wire-api.js";

/** One changed field between two versions of a wire item. */
interface WireFieldChange {
  readonly field: "headline" | "standfirst" | "byline" | "dateline" | "pubStatus" | "edNote";
  readonly before: string;
  readonly after: string;
}

export interface WireVersionDiff {
  readonly fields: readonly WireFieldChange[];
  /** The body line by line (one block per line); empty when `tooLarge` is set. */
  readonly body: readonly LineChange[];
  /** Past the line diff's limits: both texts, to show side by side. */
  readonly tooLarge: TooLargeDiff | null;
}

interface Comparable {
  readonly pubStatus: WirePubStatus;
  readonly item: WireItemContent;
}

const fieldNames = ["headline", "standfirst", "byline", "dateline", "pubStatus", "edNote"] as const;

function fieldsOf(version: Comparable): Record<WireFieldChange["field"], string> {
  const { item } = version;
  return {
    headline: item.headline ?? "",
    standfirst: item.standfirst ?? "",
    byline: item.byline ?? "",
    dateline: item.dateline ?? "",
    pubStatus: version.pubStatus,
    edNote: item.edNote ?? "",
  };
}

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() !== "");
}

/**
 * What changed from one version of an agency item to another, for the wire preview. Pure;
 * reuses the story revision diff's bounded line algorithm so both read the same way, and
 * so a huge agency item cannot freeze the editor's tab.
 */
export function diffWireVersions(before: Comparable, after: Comparable): WireVersionDiff {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  const fields = fieldNames.flatMap((field) =>
    a[field] === b[field] ? [] : [{ field, before: a[field], after: b[field] }],
  );
  const beforeText = bodyPlainText(before.item.body);
  const afterText = bodyPlainText(after.item.body);
  const result = diffLines(lines(beforeText), lines(afterText));
  return result.tooLarge
    ? {
        fields,
        body: [],
        tooLarge: { reason: result.reason, before: beforeText, after: afterText },
      }
    : { fields, body: result.changes, tooLarge: null };
}
