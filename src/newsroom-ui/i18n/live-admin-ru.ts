import type { LiveAdminMessageKey } from "./live-admin-en.js";

/** Live pages' audit-log labels and webhook event names (issue 15); the keys of live-admin-en.ts. */
export const liveAdminRu: Readonly<Record<LiveAdminMessageKey, string>> = {
  "audit.live.settings-changed":
    "Изменил статус, главные пункты или круг авторов онлайн-трансляции",
  "syndication.event.live.post.published": "Новая запись трансляции",
  "syndication.event.live.post.edited": "Запись трансляции изменена",
  "syndication.event.live.post.deleted": "Запись трансляции удалена",
  "audit.live.post-deleted": "Удалил запись из онлайн-трансляции",
};
