import type { LiveAdminMessageKey } from "./live-admin-en.js";

/** Live pages' audit-log labels and webhook event names (issue 15); the keys of live-admin-en.ts. */
export const liveAdminEs: Readonly<Record<LiveAdminMessageKey, string>> = {
  "audit.live.settings-changed":
    "Cambió el estado, los puntos clave o quién puede publicar en una página en directo",
  "syndication.event.live.post.published": "Nueva entrada en directo",
  "syndication.event.live.post.edited": "Entrada en directo editada",
  "syndication.event.live.post.deleted": "Entrada en directo eliminada",
  "audit.live.post-deleted": "Eliminó una entrada de una página en directo",
};
