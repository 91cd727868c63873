import type { LiveAuditMessageKey } from "./live-audit-en.js";

/** Audit-log labels of live-page actions (issue 15); the keys of live-audit-en.ts. */
export const liveAuditAr: Readonly<Record<LiveAuditMessageKey, string>> = {
  "audit.live.settings-changed": "غيّر حالة صفحة مباشرة أو نقاطها الرئيسية أو من يحق له النشر فيها",
  "audit.live.post-deleted": "حذف منشورًا من صفحة مباشرة",
};
