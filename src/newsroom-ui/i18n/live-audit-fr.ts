import type { LiveAuditMessageKey } from "./live-audit-en.js";

/** Audit-log labels of live-page actions (issue 15); the keys of live-audit-en.ts. */
export const liveAuditFr: Readonly<Record<LiveAuditMessageKey, string>> = {
  "audit.live.settings-changed":
    "A modifié l’état, les points clés ou les auteurs autorisés d’une page en direct",
  "audit.live.post-deleted": "A supprimé un billet d’une page en direct",
};
