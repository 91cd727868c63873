/**
 * Words for the desk's day-to-day screens in English: the withdrawn-copy list, "Add me" in
 * the byline control, the user ↔ person link and the audit-log screen; spread into en.ts.
 * desk-fa.ts has the same keys.
 */
export const deskEn = {
  // The withdrawn-copy list on the dashboard: the service a flagged story belongs to.
  "flags.inService": "{service} service",

  // The Users screen: the catalogue person an account writes as (its own byline).
  "users.col.person": "Writes as",
  "users.personNone": "No byline person",
  "users.personOf": "{name}, {service}",
  "users.choosePerson": "Byline person",
  "users.choosePersonOf": "Choose the byline person of {name}",
  "users.personTitle": "Byline person of {name}",
  "users.personHelp":
    "The person of the catalogue this account writes as. Its owner can then add themselves to a story's bylines with “Add me” in the story editor.",
  "users.personService": "Service",
  "users.personPerson": "Person",
  "users.personNoLink": "Nobody (remove the link)",
  "users.personLoading": "Loading the service's people…",
  "users.personSave": "Save byline person",
  "users.personSaved": "Byline person of {name} saved.",
  "users.error.personNotFound": "That person is no longer in the catalogue. Choose another.",

  // The story editor's byline control: the signed-in user adds their own byline.
  "bylines.addMe": "Add me",
  "bylines.addMeLabel": "Add me ({name}) to the bylines",
  "bylines.meUnlinked":
    "Your account is not linked to a person of the catalogue, so you cannot add yourself. Ask an administrator or your service admin to choose your byline person in the Users screen.",
  "bylines.meElsewhere":
    "Your byline person belongs to another service's catalogue, so you cannot add yourself to a story of this service. Ask an administrator to link you to a person of this service.",

  // The audit-log screen (administrators: every service; service admins: their services).
  "header.audit": "Audit log",
  "audit.title": "Audit log",
  "audit.scopeAll": "Every change and sign-in in the newsroom, newest first.",
  "audit.scopeServices":
    "Changes in the services you administer, newest first. Sign-ins and account changes that belong to no service are shown to administrators only.",
  "audit.filters": "Filters",
  "audit.filter.user": "User",
  "audit.filter.anyUser": "Anyone",
  "audit.filter.action": "Action",
  "audit.filter.anyAction": "Any action",
  "audit.filter.service": "Service",
  "audit.filter.anyService": "Every service you may see",
  "audit.filter.from": "From (date)",
  "audit.filter.to": "To (date, included)",
  "audit.filter.apply": "Show entries",
  "audit.filter.clear": "Clear filters",
  "audit.loading": "Loading the audit log…",
  "audit.empty": "No entries match these filters.",
  "audit.count": "{count} entries",
  "audit.countOne": "1 entry",
  "audit.col.when": "When",
  "audit.col.who": "Who",
  "audit.col.action": "Action",
  "audit.col.service": "Service",
  "audit.col.concerning": "Concerning",
  "audit.noService": "No service",
  "audit.openStory": "Open the story",
  "audit.account": "Account of {name}",
  "audit.note": "Note: {note}",
  // Readable names of the actions the log records (story events are under audit.story.*).
  "audit.session.login": "Signed in",
  "audit.session.logout-everywhere": "Signed out everywhere",
  "audit.account.password-change": "Changed their password",
  "audit.account.reauthenticate": "Confirmed their password again",
  "audit.account.2fa-enable": "Turned on two-factor authentication",
  "audit.account.2fa-disable": "Turned off two-factor authentication",
  "audit.account.recovery-codes": "Made new recovery codes",
  "audit.user.create": "Created an account",
  "audit.user.grants": "Changed roles",
  "audit.user.person": "Changed a byline person",
  "audit.user.reset-password": "Reset a password",
  "audit.user.disable": "Disabled an account",
  "audit.user.enable": "Enabled an account",
  "audit.user.end-sessions": "Ended an account's sessions",
  "audit.token.create": "Created an API token",
  "audit.media.upload": "Uploaded an image",
  "audit.banner.raise": "Raised the breaking-news banner",
  "audit.banner.clear": "Cleared the breaking-news banner",
  "audit.alert.raise": "Raised a breaking alert",
  "audit.alert.translate": "Translated a breaking alert",
  "audit.alert.approve": "Approved a breaking alert's text",
  "audit.webhook.subscribe": "Added a partner webhook",
  "audit.webhook.remove": "Removed a partner webhook",
  "audit.webhook.retry": "Retried a webhook delivery",
  "audit.api-key.issue": "Issued a content-API key",
  "audit.api-key.revoke": "Revoked a content-API key",
  "audit.comment.added": "Commented on a story",
  "audit.comment.edited": "Edited a comment",
  "audit.comment.deleted": "Deleted a comment",
  "audit.comment.resolved": "Resolved a comment thread",
  "audit.comment.reopened": "Reopened a comment thread",
  "audit.settings.writing.updated": "Changed the writing settings",
};

export type DeskMessageKey = keyof typeof deskEn;
