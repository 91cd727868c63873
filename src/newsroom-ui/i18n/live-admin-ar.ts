import type { LiveAdminMessageKey } from "./live-admin-en.js";

/** Live pages' audit-log labels and webhook event names (issue 15); the keys of live-admin-en.ts. */
export const liveAdminAr: Readonly<Record<LiveAdminMessageKey, string>> = {
  "audit.live.settings-changed": "غيّر حالة صفحة مباشرة أو نقاطها الرئيسية أو من يحق له النشر فيها",
  "syndication.event.live.post.published": "منشور مباشر جديد",
  "syndication.event.live.post.edited": "عُدّل منشور مباشر",
  "syndication.event.live.post.deleted": "حُذف منشور مباشر",
  "audit.live.post-deleted": "حذف منشورًا من صفحة مباشرة",
};
