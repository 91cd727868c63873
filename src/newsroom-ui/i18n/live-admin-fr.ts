import type { LiveAdminMessageKey } from "./live-admin-en.js";

/** Live pages' audit-log labels and webhook event names (issue 15); the keys of live-admin-en.ts. */
export const liveAdminFr: Readonly<Record<LiveAdminMessageKey, string>> = {
  "audit.live.settings-changed":
    "A modifié l’état, les points clés ou les auteurs autorisés d’une page en direct",
  "syndication.event.live.post.published": "Nouveau billet en direct",
  "syndication.event.live.post.edited": "Billet en direct modifié",
  "syndication.event.live.post.deleted": "Billet en direct supprimé",
  "audit.live.post-deleted": "A supprimé un billet d’une page en direct",
};
