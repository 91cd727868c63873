import type { LiveAdminMessageKey } from "./live-admin-en.js";

/** Live pages' audit-log labels and webhook event names (issue 15); the keys of live-admin-en.ts. */
export const liveAdminFa: Readonly<Record<LiveAdminMessageKey, string>> = {
  "audit.live.settings-changed": "وضعیت، نکته‌های کلیدی یا دسترسی ارسال یک صفحهٔ زنده را تغییر داد",
  "syndication.event.live.post.published": "پست زندهٔ تازه",
  "syndication.event.live.post.edited": "پست زنده ویرایش شد",
  "syndication.event.live.post.deleted": "پست زنده حذف شد",
  "audit.live.post-deleted": "پستی را از یک صفحهٔ زنده حذف کرد",
};
