import type { LiveAdminMessageKey } from "./live-admin-en.js";

/** Live pages' audit-log labels and webhook event names (issue 15); the keys of live-admin-en.ts. */
export const liveAdminZhHans: Readonly<Record<LiveAdminMessageKey, string>> = {
  "audit.live.settings-changed": "更改了直播页面的状态、要点或可发帖的人",
  "syndication.event.live.post.published": "新的直播帖子",
  "syndication.event.live.post.edited": "直播帖子已编辑",
  "syndication.event.live.post.deleted": "直播帖子已删除",
  "audit.live.post-deleted": "从直播页面删除了一条帖子",
};
