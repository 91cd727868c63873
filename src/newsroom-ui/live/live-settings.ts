import type { Capabilities } from "../shared/permissions.js";
import { type LivePage, type LiveStatus, maxKeyPointLength, maxKeyPoints } from "./live-api.js";

/** Each status's name in the interface catalogue. */
export const statusKeys = {
  upcoming: "live.status.upcoming",
  live: "live.status.live",
  ended: "live.status.ended",
} as const satisfies Record<LiveStatus, string>;

/** The settings form's values: key points as the text area holds them, one per line. */
export interface SettingsForm {
  readonly status: LiveStatus;
  readonly keyPointsText: string;
  readonly reportersMayPost: boolean;
}

export function settingsFormOf(page: LivePage): SettingsForm {
  return {
    status: page.status,
    keyPointsText: page.keyPoints.join("\n"),
    reportersMayPost: page.reportersMayPost,
  };
}

/** Key points from the text area: one per non-empty line, trimmed. */
export function keyPointsOf(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

export type KeyPointsProblem =
  | { readonly kind: "tooMany"; readonly count: number }
  | { readonly kind: "tooLong"; readonly line: number };

/** What the server would refuse, said before sending: more than 10 points or a long one. */
export function keyPointsProblem(text: string): KeyPointsProblem | null {
  const points = keyPointsOf(text);
  if (points.length > maxKeyPoints) return { kind: "tooMany", count: points.length };
  const long = points.findIndex((point) => [...point].length > maxKeyPointLength);
  return long === -1 ? null : { kind: "tooLong", line: long + 1 };
}

export function settingsChanged(page: LivePage, form: SettingsForm): boolean {
  const points = keyPointsOf(form.keyPointsText);
  return (
    form.status !== page.status ||
    form.reportersMayPost !== page.reportersMayPost ||
    points.length !== page.keyPoints.length ||
    points.some((point, index) => point !== page.keyPoints[index])
  );
}

/**
 * Why the signed-in person cannot post here, for the sentence shown instead of the posting
 * box; null when they can. The server's `canPost` decides; this only names the reason.
 */
export type PostingBlock = "ended" | "reportersClosed" | "noRole";

export function postingBlock(page: LivePage, can: Capabilities): PostingBlock | null {
  if (page.canPost) return null;
  if (!can.canWrite || can.role === "translator") return "noRole";
  if (page.status === "ended") return "ended";
  if (!page.reportersMayPost) return "reportersClosed";
  return "noRole";
}
