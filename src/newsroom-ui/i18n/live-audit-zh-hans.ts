import type { LiveAuditMessageKey } from "./live-audit-en.js";

/** Audit-log labels of live-page actions (issue 15); the keys of live-audit-en.ts. */
export const liveAuditZhHans: Readonly<Record<LiveAuditMessageKey, string>> = {
  "audit.live.settings-changed": "更改了直播页面的状态、要点或可发帖的人",
  "audit.live.post-deleted": "从直播页面删除了一条帖子",
};
