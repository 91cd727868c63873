/**
 * Audit-log labels of live-page actions (issue 15) in English; spread into en.ts.
 * The other languages' live-audit files have the same keys.
 */
export const liveAuditEn = {
  "audit.live.settings-changed": "Changed a live page's status, key points or who may post",
  "audit.live.post-deleted": "Deleted a post from a live page",
} as const;

export type LiveAuditMessageKey = keyof typeof liveAuditEn;
