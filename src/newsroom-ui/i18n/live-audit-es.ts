import type { LiveAuditMessageKey } from "./live-audit-en.js";

/** Audit-log labels of live-page actions (issue 15); the keys of live-audit-en.ts. */
export const liveAuditEs: Readonly<Record<LiveAuditMessageKey, string>> = {
  "audit.live.settings-changed":
    "Cambió el estado, los puntos clave o quién puede publicar en una página en directo",
  "audit.live.post-deleted": "Eliminó una entrada de una página en directo",
};
