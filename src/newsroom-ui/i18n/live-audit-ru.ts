import type { LiveAuditMessageKey } from "./live-audit-en.js";

/** Audit-log labels of live-page actions (issue 15); the keys of live-audit-en.ts. */
export const liveAuditRu: Readonly<Record<LiveAuditMessageKey, string>> = {
  "audit.live.settings-changed":
    "Изменил статус, главные пункты или круг авторов онлайн-трансляции",
  "audit.live.post-deleted": "Удалил запись из онлайн-трансляции",
};
