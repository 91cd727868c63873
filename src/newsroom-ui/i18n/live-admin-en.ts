/**
 * Live pages' words on the administrators' screens (issue 15), in English: audit-log
 * labels and webhook event names; spread into en.ts. The other live-admin files have the same keys.
 */
export const liveAdminEn = {
  "audit.live.settings-changed": "Changed a live page's status, key points or who may post",
  "syndication.event.live.post.published": "New live post",
  "syndication.event.live.post.edited": "Live post edited",
  "syndication.event.live.post.deleted": "Live post deleted",
  "audit.live.post-deleted": "Deleted a post from a live page",
} as const;

export type LiveAdminMessageKey = keyof typeof liveAdminEn;
