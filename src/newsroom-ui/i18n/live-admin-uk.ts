import type { LiveAdminMessageKey } from "./live-admin-en.js";

/** Live pages' audit-log labels and webhook event names (issue 15); the keys of live-admin-en.ts. */
export const liveAdminUk: Readonly<Record<LiveAdminMessageKey, string>> = {
  "audit.live.settings-changed": "Змінив статус, головні пункти або коло авторів онлайн-трансляції",
  "syndication.event.live.post.published": "Новий допис трансляції",
  "syndication.event.live.post.edited": "Допис трансляції змінено",
  "syndication.event.live.post.deleted": "Допис трансляції видалено",
  "audit.live.post-deleted": "Видалив допис з онлайн-трансляції",
};
