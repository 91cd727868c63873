import type { LiveAuditMessageKey } from "./live-audit-en.js";

/** Audit-log labels of live-page actions (issue 15); the keys of live-audit-en.ts. */
export const liveAuditFa: Readonly<Record<LiveAuditMessageKey, string>> = {
  "audit.live.settings-changed": "وضعیت، نکته‌های کلیدی یا دسترسی ارسال یک صفحهٔ زنده را تغییر داد",
  "audit.live.post-deleted": "پستی را از یک صفحهٔ زنده حذف کرد",
};
