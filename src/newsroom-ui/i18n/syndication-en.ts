/**
 * The Syndication screens' words in English (partner webhooks, their delivery log and
 * content-API keys), spread into en.ts; syndication-fa.ts has the same keys.
 */
export const syndicationEn = {
  "header.syndication": "Syndication",
  "syndication.tabs.label": "Syndication",
  "syndication.tabs.webhooks": "Webhooks",
  "syndication.tabs.keys": "Content-API keys",

  "syndication.webhooks.title": "Partner webhooks",
  "syndication.webhooks.intro":
    "Partner stations receive every published, updated, corrected, killed or unpublished story as signed JSON (ninjs). Only administrators see this screen.",
  "syndication.webhooks.createHeading": "Subscribe a partner",
  "syndication.webhooks.url": "Partner URL",
  "syndication.webhooks.urlHelp":
    "An https:// address on the public internet that accepts POST requests.",
  "syndication.webhooks.events": "Events",
  "syndication.event.published": "Published",
  "syndication.event.updated": "Updated",
  "syndication.event.corrected": "Corrected",
  "syndication.event.killed": "Killed",
  "syndication.event.unpublished": "Unpublished",
  "syndication.webhooks.service": "Language service",
  "syndication.webhooks.allServices": "All services",
  "syndication.webhooks.noEvents": "Choose at least one event.",
  "syndication.webhooks.create": "Subscribe",
  // {url} is the partner's address.
  "syndication.webhooks.createdHeading": "Signing secret for {url}",
  "syndication.webhooks.usage":
    "Give it to the partner: they check the Newsdesk-Signature header of every request with it.",
  "syndication.webhooks.listHeading": "Subscriptions",
  "syndication.webhooks.loading": "Loading the subscriptions…",
  "syndication.webhooks.empty": "No partner is subscribed.",
  "syndication.webhooks.created": "Created",
  "syndication.webhooks.actions": "Actions",
  "syndication.webhooks.log": "Delivery log",
  "syndication.webhooks.remove": "Remove",
  "syndication.webhooks.removeTitle": "Remove this subscription?",
  "syndication.webhooks.removeBody":
    "{url} receives no more stories, and its delivery log is deleted.",
  "syndication.webhooks.removeConfirm": "Remove subscription",
  "syndication.webhooks.removed": "The subscription for {url} was removed.",

  "syndication.deliveries.title": "Delivery log",
  "syndication.deliveries.intro":
    "Deliveries to {url}, newest first. Failed attempts are retried after 30 seconds, 2 minutes, 10 minutes, 1 hour and 6 hours, then marked failed.",
  "syndication.deliveries.back": "All subscriptions",
  "syndication.deliveries.refresh": "Refresh the log",
  "syndication.deliveries.refreshed": "The log was refreshed: {count} deliveries.",
  "syndication.deliveries.loading": "Loading the log…",
  "syndication.deliveries.empty": "Nothing has been sent to this partner yet.",
  "syndication.deliveries.caption": "Deliveries, newest first",
  "syndication.deliveries.event": "Event",
  "syndication.deliveries.story": "Story",
  "syndication.deliveries.status": "State",
  "syndication.deliveries.attempts": "Attempts",
  "syndication.deliveries.statusCode": "HTTP status",
  "syndication.deliveries.nextRetry": "Next retry",
  "syndication.deliveries.lastError": "Last error",
  "syndication.deliveries.queued": "Queued",
  "syndication.deliveries.actions": "Actions",
  // Shown in a cell that has no value (no status code, no next retry, no error).
  "syndication.deliveries.none": "none",
  "syndication.deliveries.retry": "Retry now",
  "syndication.deliveries.retried": "The delivery will be sent again within a few seconds.",
  "syndication.deliveries.unknown": "This subscription does not exist any more.",
  "syndication.status.pending": "Waiting",
  "syndication.status.delivering": "Sending",
  "syndication.status.delivered": "Delivered",
  "syndication.status.failed": "Failed",

  "syndication.keys.title": "Content-API keys",
  "syndication.keys.intro":
    "Partners read the content API (/api/v1) with a key. Each key has its own limit of requests per minute; Newsdesk keeps only a hash of it.",
  "syndication.keys.createHeading": "Issue a key",
  "syndication.keys.name": "Partner name",
  "syndication.keys.rate": "Requests per minute",
  "syndication.keys.rateHelp":
    "From 1 to 100000. Requests beyond it are answered 429 with Retry-After.",
  "syndication.keys.create": "Issue key",
  "syndication.keys.createdHeading": "The new key for “{name}”",
  "syndication.keys.usage":
    "The partner sends it as the header Authorization: Bearer followed by the key.",
  "syndication.keys.listHeading": "Keys",
  "syndication.keys.loading": "Loading the keys…",
  "syndication.keys.empty": "No key has been issued.",
  "syndication.keys.issued": "Issued",
  "syndication.keys.state": "State",
  "syndication.keys.actions": "Actions",
  "syndication.keys.active": "Active",
  "syndication.keys.revokedAt": "Revoked {time}",
  "syndication.keys.perMinute": "{rate} per minute",
  "syndication.keys.revoke": "Revoke",
  "syndication.keys.revokeTitle": "Revoke this key?",
  "syndication.keys.revokeBody":
    "Requests with the key for “{name}” are refused at once. This cannot be undone.",
  "syndication.keys.revokeConfirm": "Revoke key",
  "syndication.keys.revoked": "The key for “{name}” was revoked.",
} as const;

export type SyndicationMessageKey = keyof typeof syndicationEn;
