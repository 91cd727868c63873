import type { LiveAuditMessageKey } from "./live-audit-en.js";

/** Audit-log labels of live-page actions (issue 15); the keys of live-audit-en.ts. */
export const liveAuditUk: Readonly<Record<LiveAuditMessageKey, string>> = {
  "audit.live.settings-changed": "Змінив статус, головні пункти або коло авторів онлайн-трансляції",
  "audit.live.post-deleted": "Видалив допис з онлайн-трансляції",
};
