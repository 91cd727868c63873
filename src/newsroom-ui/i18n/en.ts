import { accountEn } from "./account-en.js";
import { avEn } from "./av-en.js";
import { catalogEn } from "./catalog-en.js";
import { commentsEn } from "./comments-en.js";
import { conflictEn } from "./conflict-en.js";
import { curationEn } from "./curation-en.js";
import { deskEn } from "./desk-en.js";
import { episodesEn } from "./episodes-en.js";
import { liveAdminEn } from "./live-admin-en.js";
import { liveEn } from "./live-en.js";
import { mirrorsEn } from "./mirrors-en.js";
import { programmesEn } from "./programmes-en.js";
import { storyListEn } from "./story-list-en.js";
import { syndicationEn } from "./syndication-en.js";
import { translationEn } from "./translation-en.js";
import { writingEn } from "./writing-en.js";

/**
 * The newsroom interface's own words, in English: the source catalogue. Every other
 * language (fa.ts, ar.ts, es.ts, fr.ts, ru.ts, uk.ts, zh-hans.ts) has exactly these keys
 * and the same {placeholders}; catalogues.test.ts fails otherwise. Keys are grouped by screen; a comment gives context where the words alone
 * would not. Content (story text, agency copy) is never translated here.
 */
export const en = {
  // Application chrome
  "app.loading": "Loading the newsroom…",
  "app.skipLink": "Skip to main content",
  // The browser tab's title: {title} is the screen's own title.
  "app.documentTitle": "{title} · Newsdesk newsroom",
  "notFound.title": "Page not found",
  "notFound.body": "There is no newsroom screen at this address.",
  "common.cancel": "Cancel",

  // Header and navigation
  "header.brand": "Newsdesk newsroom",
  "header.nav": "Newsroom",
  "header.stories": "Stories",
  "header.wire": "Wire",
  "header.media": "Media library",
  "header.breaking": "Breaking news",
  "header.users": "Users",
  "header.tokens": "API tokens",
  // Followed by the person's name.
  "header.signedInAs": "Signed in as",
  "header.logOut": "Log out",
  "header.logOutEverywhere": "Log out everywhere",
  "header.logOutEverywhere.title": "Log out everywhere?",
  "header.logOutEverywhere.body":
    "Every browser and device signed in as {email} is signed out now, including this one. Unsaved changes in other browsers are lost.",
  "header.language": "Interface language",

  // A secret (API or push token) shown once
  "secret.once": "Copy it now: it will not be shown again. Newsdesk keeps only a hash of it.",
  "secret.copy": "Copy to the clipboard",
  "secret.copied": "Copied to the clipboard.",
  "secret.copyFailed": "The browser did not allow copying; select the text and copy it by hand.",

  // Wire desk: tabs
  "wire.tabs.label": "Wire desk",
  "wire.tabs.queue": "Queue",
  "wire.tabs.quarantine": "Quarantine",
  "wire.tabs.sources": "Sources",

  // Wire queue
  "wire.queue.title": "Wire queue",
  "wire.queue.listHeading": "Agency copy, newest first",
  "wire.queue.caption": "Wire items, newest first",
  "wire.queue.loading": "Loading the wire…",
  "wire.queue.empty": "No wire items match.",
  "wire.queue.more": "Show older items",
  // Announced to screen readers when an item arrives live.
  "wire.queue.arrived": "New from {agency}: {headline}",
  "wire.filters.label": "Filter the wire",
  "wire.filters.q": "Search the wire",
  "wire.filters.agency": "Agency code",
  "wire.filters.language": "Language",
  "wire.filters.languageHelp": "A language tag such as en, fa or pt-BR.",
  "wire.filters.urgency": "Urgency",
  "wire.filters.any": "Any",
  // Urgency 1 is the most urgent; the filter keeps items at least this urgent.
  "wire.filters.urgencyAtLeast": "{urgency} or more urgent",
  "wire.filters.subject": "Subject",
  "wire.filters.since": "Received from",
  "wire.filters.until": "Received until",
  "wire.filters.status": "Agency status",
  "wire.filters.apply": "Apply filters",
  "wire.filters.clear": "Clear filters",
  "wire.col.received": "Received",
  "wire.col.agency": "Agency",
  "wire.col.headline": "Headline",
  "wire.col.language": "Language",
  "wire.col.notes": "Notes",
  "wire.col.versions": "Versions",
  "wire.status.usable": "Usable",
  "wire.status.withheld": "Withheld",
  "wire.status.canceled": "Canceled",
  "wire.badge.urgency": "Urgency {urgency}",
  "wire.badge.embargoed": "Embargoed until {until}",
  "wire.badge.withheld": "Withheld by the agency",
  "wire.badge.canceled": "Canceled by the agency",

  // Wire item preview
  "wire.item.loadingTitle": "Wire item",
  "wire.item.loading": "Loading the wire item…",
  "wire.item.loadFailed": "This wire item cannot be opened: {error}",
  "wire.item.title": "Wire: {headline}",
  // Followed by the item's headline.
  "wire.item.heading": "Wire:",
  "wire.item.received": "received {time}",
  "wire.item.withheld": "{agency} has withheld this item: do not publish it.",
  "wire.item.canceled": "{agency} has canceled this item: do not publish it.",
  "wire.item.edNote": "Agency note:",
  "wire.item.embargoNote": "Embargoed until {until}: do not publish before then.",
  "wire.item.currentVersion": "Current version ({number})",
  "wire.item.subjects": "Subjects:",
  "wire.item.usageTerms": "Usage terms:",
  "wire.item.noBody": "This item has no body text.",
  "wire.item.usedIn": "Stories built on this item",
  "wire.item.storyLink": "Story {storyId}",
  "wire.item.usedAt": "(used {time})",
  "wire.use.heading": "Use this copy",
  "wire.use.service": "Service for a new story",
  "wire.use.newStory": "Use in new story",
  "wire.add.service": "Service of the story to add to",
  "wire.add.search": "Find a story",
  "wire.add.find": "Find stories",
  "wire.add.none": "No story matches.",
  "wire.add.story": "Story to add to",
  "wire.add.button": "Add to story",
  "wire.versions.heading": "Version history",
  "wire.versions.number": "Version",
  "wire.versions.agencyVersion": "Agency's version",
  "wire.versions.created": "Created by the agency",
  "wire.versions.received": "Received",
  "wire.versions.status": "Status",
  "wire.versions.from": "Compare version",
  "wire.versions.to": "with version",
  "wire.versions.option": "Version {number}",
  "wire.versions.compare": "Compare versions",
  "wire.versions.only": "This item has one version only.",
  "wire.diff.heading": "Differences",
  "wire.diff.none": "The two versions have the same text.",
  "wire.diff.empty": "(empty)",
  "wire.field.headline": "Headline",
  "wire.field.standfirst": "Standfirst",
  "wire.field.byline": "Byline",
  "wire.field.dateline": "Dateline",
  "wire.field.pubStatus": "Agency status",
  "wire.field.edNote": "Agency note",

  // Quarantine
  "wire.quarantine.title": "Wire quarantine",
  "wire.quarantine.intro":
    "Files and items the ingest refused. Nothing here reached the queue; each line says why.",
  "wire.quarantine.loading": "Loading the quarantine list…",
  "wire.quarantine.empty": "Nothing has been refused.",
  "wire.quarantine.time": "Received",
  "wire.quarantine.code": "Code",
  "wire.quarantine.reason": "Reason",
  "wire.quarantine.file": "File",
  "wire.quarantine.source": "Source",
  "wire.quarantine.more": "Show older entries",

  // Sources
  "wire.sources.title": "Wire sources",
  "wire.sources.loading": "Loading the sources…",
  "wire.sources.empty": "No wire sources yet.",
  "wire.sources.name": "Name",
  "wire.sources.kind": "Kind",
  "wire.sources.agency": "Agency",
  "wire.sources.service": "Service",
  "wire.sources.health": "Health",
  "wire.sources.actions": "Actions",
  "wire.sources.edit": "Edit {name}",
  "wire.sources.rotate": "New push token for {name}",
  "wire.sources.addHeading": "Add a source",
  "wire.sources.editHeading": "Edit the source",
  "wire.sources.agencyCode": "Agency code",
  "wire.sources.agencyCodeHelp": "Upper-case letters, digits, - or _, for example AFP.",
  "wire.sources.agencyName": "Agency name",
  "wire.sources.agencyNameHelp":
    "The name readers see in the credit: “Contains information from …”.",
  "wire.sources.defaultService": "Default service",
  "wire.sources.defaultLanguage": "Default language (if an item does not say)",
  "wire.sources.url": "Feed address (HTTP or HTTPS)",
  "wire.sources.directory": "Drop directory on the server",
  "wire.sources.interval": "Check every (seconds)",
  "wire.sources.enabled": "Enabled",
  "wire.sources.mappings": "Subjects to sections",
  "wire.sources.mappingsHelp":
    "An agency subject code or name (for example medtop:04000000) and the section its stories go to.",
  "wire.sources.subject": "Subject {number}",
  "wire.sources.section": "Section for subject {number}",
  "wire.sources.chooseSection": "Choose a section",
  "wire.sources.removeMapping": "Remove subject {number}",
  "wire.sources.addMapping": "Add a subject",
  "wire.sources.add": "Add source",
  "wire.sources.save": "Save source",
  "wire.sources.added": "Source {name} added.",
  "wire.sources.saved": "Source {name} saved.",
  "wire.sources.tokenHeading": "Push token for {name}",
  "wire.sources.pushUrl":
    "The agency posts files to {url} with the header Authorization: Bearer and this token.",
  "wire.sources.readOnly": "Only administrators and service admins configure wire sources.",
  "wire.kind.http-pull": "HTTP pull",
  "wire.kind.drop-directory": "Drop directory",
  "wire.kind.push": "Push",
  "wire.health.ok": "No errors.",
  "wire.health.disabled": "Disabled.",
  "wire.health.push": "Receives pushed files.",
  "wire.health.lastSuccess": "Last success {time}.",
  "wire.health.nextPoll": "Next check {time}.",
  "wire.health.failures": "Failures in a row: {count}.",
  "wire.health.lastError": "Last error:",

  // Kill flags
  "flags.bannerHeading": "Agency copy in this story was withdrawn",
  "flags.dashboardHeading": "Stories built on withdrawn agency copy",
  "flags.withheld": "{agency} withheld the item on {time}:",
  "flags.canceled": "{agency} canceled (killed) the item on {time}:",
  "flags.agencyNote": "Agency note:",
  "flags.acknowledge": "Acknowledge",
  "flags.acknowledged": "Flag acknowledged.",
  "flags.editorsOnly": "An editor of this service acknowledges the flag.",
  "flags.builtFrom": "Contains agency copy from {agencies}.",
  "flags.acknowledgedCount": "Acknowledged flags: {count}.",

  // Translations
  "translations.heading": "Translations",
  "translations.unavailable": "Linked translations are not available on this server yet.",
  "translations.translateInto": "Translate into",
  "translations.killed": "This story was killed, so it cannot be translated.",
  "translations.create": "Create translation",
  "translations.versions": "Language versions",
  "translations.source": "source",
  "translations.translation": "translation",
  "translations.stale": "needs updating",
  "translations.status.draft": "draft",
  "translations.status.in_review": "in review",
  "translations.status.scheduled": "scheduled",
  "translations.status.published": "published",
  "translations.status.unpublished": "unpublished",
  "translations.status.killed": "killed",
  "translations.staleHeading": "The source changed since this translation",
  "translations.eventUpdated": "The source was updated on {time}.",
  "translations.eventCorrected": "The source was corrected on {time}.",
  "translations.diffHeading": "What changed in the source",
  "translations.noTextChange": "The text did not change; see the corrections.",
  "translations.corrections": "Corrections to the source",
  "translations.markUpToDate": "Mark up to date",
  "translations.markedUpToDate": "The translation is marked up to date.",
  "translations.waiveReason": "Reason for not translating these changes",
  "translations.waive": "Waive with reason",
  "translations.waived": "The changes were waived.",
  "translations.queueHeading": "Translations to update",

  // API tokens
  "tokens.title": "API tokens",
  "tokens.intro":
    "Tokens let scripts and other systems use the newsroom API as you, limited to the scopes you choose.",
  "tokens.createHeading": "Create a token",
  "tokens.name": "Name",
  "tokens.scopes": "Scopes",
  "tokens.scope.stories:read": "Read stories and the wire",
  "tokens.scope.stories:write": "Write stories",
  "tokens.scope.stories:publish": "Publish stories",
  "tokens.scope.wire:push": "Push wire copy",
  "tokens.scope.media:write": "Upload media",
  "tokens.noScopes": "Choose at least one scope.",
  "tokens.create": "Create token",
  "tokens.createdHeading": "Your new token “{name}”",
  "tokens.usage": "Send it as the header Authorization: Bearer followed by the token.",
  "tokens.listHeading": "Your tokens",
  "tokens.loading": "Loading your tokens…",
  "tokens.empty": "You have no API tokens.",
  "tokens.created": "Created",
  "tokens.state": "State",
  "tokens.actions": "Actions",
  "tokens.active": "Active",
  "tokens.revokedAt": "Revoked {time}",
  "tokens.revoke": "Revoke {name}",
  "tokens.revokeTitle": "Revoke this token?",
  "tokens.revokeBody":
    "Anything using the token “{name}” stops working at once. This cannot be undone.",
  "tokens.revokeConfirm": "Revoke token",
  "tokens.revoked": "The token “{name}” was revoked.",
  // How long a new token works; the choices are 7, 30 and 90 days.
  "tokens.lifetime": "Valid for",
  "tokens.lifetimeDays": "{days} days",
  "tokens.lifetimeHelp":
    "The token stops working after this time. Make a new one when it runs out.",
  "tokens.expires": "Expires",
  "tokens.expired": "Expired",
  // A token stored before tokens had an expiry date; the server refuses it.
  "tokens.noExpiry": "Not recorded (it no longer works)",
  "tokens.worksUntil": "It works until {time}.",

  // Breaking-news alerts for several services at once
  "alerts.title": "Breaking news alerts",
  "alerts.intro":
    "One alert can go to several services at once, each in its own language. A service left without text waits for its translator; its bar goes live when an editor of that service approves the translation.",
  "alerts.bannersLink": "The banner of one service: replace or clear it",
  "alerts.raiseHeading": "Raise an alert",
  "alerts.services": "Services",
  "alerts.editorsOnly":
    "Raising an alert needs the editor role in a service. Translators add the text of waiting services below; an editor of the service approves it before readers see it.",
  // {service} is the service's name, in its own language.
  "alerts.textFor": "Text for {service}",
  "alerts.textHelp":
    "Each text is shown to that service's readers as it is written. Leave a text empty to wait for a translator.",
  "alerts.link": "Link (optional)",
  "alerts.linkHelp": "https://… for another site, or /path for a page on this site.",
  "alerts.expires": "Expires at (your time zone)",
  "alerts.raise": "Raise alert",
  "alerts.chooseService": "Choose at least one service.",
  "alerts.badLink":
    "The link must start with https://, http:// or a single / for a page on this site.",
  "alerts.badExpiry": "Choose an expiry time in the future.",
  "alerts.confirmTitle": "Raise this alert?",
  // One line per service: {text} is the alert's text, {until} its expiry time.
  "alerts.confirmLive":
    "Readers of {service} see “{text}” at the top of every page, from now until {until}.",
  "alerts.confirmWaiting":
    "Readers of {service} see nothing yet: the bar appears when an editor of that service adds its text or approves a translator's, and stays until {until}.",
  "alerts.confirmLink": "The bar links to {url}.",
  "alerts.confirmReplaces":
    "In each service, the bar replaces any breaking-news banner showing now.",
  "alerts.confirm": "Raise the alert now",
  "alerts.raised": "The alert was raised.",
  "alerts.listHeading": "Recent alerts",
  "alerts.loading": "Loading the alerts…",
  "alerts.empty": "No alerts have been raised yet.",
  "alerts.alertHeading": "Alert raised {time}",
  "alerts.expiresAt": "Expires {time}.",
  "alerts.linksTo": "Links to {url}.",
  "alerts.status.awaiting-translation": "Awaiting translation",
  // A translator's text that an editor of the service has not approved yet.
  "alerts.status.awaiting-approval": "Awaiting approval",
  "alerts.status.live": "Live",
  "alerts.status.expired": "Expired",
  "alerts.addText": "Add the text for {service}",
  "alerts.addTextHelp": "Readers of {service} see it at once, until the alert expires.",
  "alerts.addTextButton": "Put the {service} bar live",
  // A translator's text does not go live by itself (help and button of their text form).
  "alerts.proposeTextHelp": "An editor of {service} approves it before readers see it.",
  "alerts.proposeTextButton": "Send the {service} text for approval",
  "alerts.needTranslation": "Write the text first.",
  "alerts.translated": "The {service} text is live.",
  "alerts.submitted":
    "The {service} text was sent. It goes live when an editor of the service approves it.",
  // Above a translator's text that waits for approval.
  "alerts.proposed": "Proposed text, not shown to readers yet:",
  "alerts.awaitsEditor": "Waiting for an editor of {service} to approve it.",
  // Opens a form to write a different text for a service whose text awaits approval.
  "alerts.changeText": "Change the text",
  "alerts.newText": "New text for {service}",
  // An editor's button; the dialog then shows what readers will see.
  "alerts.approve": "Approve and publish the {service} text",
  "alerts.approveTitle": "Approve and publish this text?",
  "alerts.approveReplaces": "The bar replaces any breaking-news banner showing in {service} now.",
  "alerts.approveConfirm": "Approve and publish now",
  "alerts.approved": "The {service} text was approved and is live.",

  // Between items of a list written in a sentence.
  "common.sentenceSeparator": " ",
  "common.listSeparator": ", ",
  // Story states (dashboard tabs, the editor's status line).
  "status.draft": "Draft",
  "status.in_review": "In review",
  "status.scheduled": "Scheduled",
  "status.published": "Published",
  "status.unpublished": "Unpublished",
  "status.killed": "Killed",
  // Roles, inside sentences (lower case in English).
  "role.reporter": "reporter",
  "role.editor": "editor",
  "role.translator": "translator",
  "role.service_admin": "service admin",
  "role.administrator": "administrator",
  // Login screen
  "login.title": "Sign in to the Newsdesk newsroom",
  "login.documentTitle": "Sign in",
  "login.email": "Email address",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.busy": "Signing in…",
  "login.failed": "The email address or password is not correct.",
  "login.throttled":
    "Too many failed sign-in attempts, so signing in is paused for this account or network.",
  "login.tryAgainIn": "Try again in {wait}.",
  "login.tryAgainLater": "Try again later.",
  "login.seconds": "{count} seconds",
  "login.oneSecond": "1 second",
  "login.minutes": "{count} minutes",
  "login.sessionEnded": "Your session has ended. Please sign in again.",
  // Dashboard: {service} is the service's name in its own language.
  "dashboard.title": "Stories in {service}",
  "dashboard.documentTitle": "{status} stories · {service}",
  "dashboard.noServiceTitle": "Stories",
  "dashboard.noService":
    "You have no role in any language service yet. Ask an administrator for access.",
  "dashboard.services": "Language services",
  "dashboard.states": "Story states",
  "dashboard.search": "Search stories",
  "dashboard.searchButton": "Search",
  "dashboard.matching": "{status} matching “{q}”",
  "dashboard.loading": "Loading stories…",
  "dashboard.empty": "No stories here.",
  "dashboard.countOne": "1 story",
  "dashboard.count": "{count} stories",
  "dashboard.col.headline": "Headline",
  "dashboard.col.changed": "Last changed",
  "dashboard.col.revision": "Revision",
  "dashboard.col.notes": "Notes",
  "dashboard.note.scheduled": "Scheduled for {time}",
  "dashboard.note.embargoed": "Embargoed until {time}",
  "dashboard.note.updated": "Updated {time}",
  // A paged list's navigation (dashboard)
  "pager.label": "Pages",
  "pager.previous": "Previous page",
  "pager.next": "Next page",
  "pager.position": "Page {page} of {pages}",
  "dashboard.newStory": "New story",
  "dashboard.headline": "Headline",
  "dashboard.create": "Create story",
  // Story editor
  "editor.loadingTitle": "Story",
  "editor.loadingModule": "Loading the editor…",
  "editor.moduleFailed": "The editor could not be loaded: {error}",
  "editor.loading": "Loading the story…",
  "editor.loadFailed": "This story cannot be opened: {error}",
  // {headline} is the story's headline, in its own language.
  "editor.title": "Editing: {headline}",
  "editor.revision": "revision {number}",
  "editor.history": "Revision history and audit log",
  "editor.alsoEditing": "Also editing: {names}",
  "editor.readOnly": "You have no role in {service}, so you can read this story but not change it.",
  "editor.form": "Story content",
  "editor.fields": "Story fields",
  "editor.headline": "Headline",
  "editor.standfirst": "Standfirst",
  "editor.dateline": "Dateline (place)",
  "editor.slug": "Slug",
  "editor.slugHelp": "Lowercase words joined by hyphens; part of the story's address.",
  "editor.section": "Section",
  "editor.topics": "Topics",
  "editor.agencies": "Agency credits",
  "editor.noOptions": "None available.",
  "editor.loadingCatalog": "Loading sections, topics, people and desks…",
  "editor.leadImage": "Lead image",
  "editor.noCaption": "(no caption)",
  "editor.credit": "Credit: {credit}",
  "editor.alt": "Alt text: {alt}",
  "editor.altMissing": "Alt text is missing: describe the image for people who cannot see it.",
  "editor.noLead": "No lead image.",
  "editor.editLead": "Edit lead image details",
  "editor.removeLead": "Remove lead image",
  "editor.changeLead": "Change lead image",
  "editor.chooseLead": "Choose lead image",
  "editor.bodyLabel": "Body",
  "editor.body": "Story body",
  "editor.unsaved": "Unsaved changes.",
  "editor.allSaved": "All changes saved.",
  "editor.note": "Note for the history (optional)",
  "editor.save": "Save",
  "editor.notSaved": "Not saved: {error}",
  "editor.autosaved": "Autosaved {time} (revision {number}).",
  "editor.saved": "Saved {time} as revision {number}.",
  "editor.keptMine":
    "Your version was saved after revision {number}; theirs is kept in the history.",
  "editor.tookTheirs":
    "Loaded their version (revision {number}). Your version is shown below the editor.",
  "editor.pasteFailed": "The pasted text was not inserted: {error}",
  "editor.discarded": "Your version from before the conflict (kept as a not-merged revision)",
  "editor.dismissDiscarded": "Dismiss my old version",
  // The body's formatting toolbar
  "toolbar.label": "Body formatting",
  "toolbar.bold": "Bold",
  "toolbar.italic": "Italic",
  "toolbar.heading": "Heading",
  "toolbar.subheading": "Subheading",
  "toolbar.bulletList": "Bulleted list",
  "toolbar.orderedList": "Numbered list",
  "toolbar.quote": "Quote",
  "toolbar.link": "Link",
  "toolbar.removeLink": "Remove link",
  "toolbar.figure": "Insert figure",
  "toolbar.undo": "Undo",
  "toolbar.redo": "Redo",
  "toolbar.speaker": "Speaker of this quote",
  "toolbar.href": "Web address",
  "toolbar.hrefHelp": "https://… for other sites, or /path for a page on this site.",
  "toolbar.badHref":
    "Links must start with http://, https:// or a single / for pages on this site.",
  "toolbar.applyLink": "Apply link",
  // Workflow panel and its confirmation dialogs
  "workflow.heading": "Workflow",
  "workflow.status": "Status: {status}",
  "workflow.firstPublished": "first published {time}",
  "workflow.updated": "updated {time}",
  "workflow.scheduledFor": "scheduled for {time}",
  "workflow.embargoedUntil": "embargoed until {time}",
  "workflow.open": "Open the published story (new tab)",
  "workflow.needsEditor": "{actions}: these need the editor role in {service}.",
  "workflow.yourRole": "Your role there is {role}.",
  "workflow.noRole": "You have no role in {service}.",
  "workflow.corrections": "Corrections shown to readers",
  // The confirmation dialog's title: the action's name as a question.
  "workflow.dialogTitle": "{action}?",
  "workflow.confirm": "Confirm: {action}",
  "workflow.savedFirst": "Your unsaved changes are saved first.",
  "workflow.when": "Date and time (your time zone)",
  "workflow.noteLabel": "Update note for readers (optional)",
  "workflow.correctionLabel": "Correction text for readers",
  "workflow.reasonLabel": "Reason, shown to readers at the story's address",
  "workflow.chooseTime": "Choose a date and time.",
  "workflow.needReason": "Give a reason for readers.",
  "workflow.needCorrection": "Write the correction text.",
  "workflow.saveFailed":
    "Your changes could not be saved, so nothing else was done. See the message above the editor.",
  // Workflow actions (buttons and dialog titles)
  "action.submit": "Submit for review",
  "action.publish-first": "Publish",
  "action.publish-update": "Publish as update",
  "action.publish-silent": "Publish silent fix",
  "action.schedule": "Schedule",
  "action.cancel-schedule": "Cancel schedule",
  "action.embargo": "Set embargo",
  "action.lift-embargo": "Lift embargo",
  "action.correct": "Add correction",
  "action.kill": "Kill",
  "action.unpublish": "Unpublish",
  "done.submit": "Submitted for review.",
  "done.publish-first": "Published.",
  "done.publish-update": "Published as an update.",
  "done.publish-silent": "Published as a silent fix.",
  "done.schedule": "Scheduled.",
  "done.cancel-schedule": "The schedule was cancelled.",
  "done.embargo": "Embargo set.",
  "done.lift-embargo": "Embargo lifted.",
  "done.correct": "Correction added.",
  "done.kill": "The story was killed.",
  "done.unpublish": "The story was unpublished.",
  // Confirmation sentences: what readers will see.
  "confirm.chosenFallback": "the time you choose",
  "confirm.embargoNote": "Because of the embargo, readers see it only from {until}.",
  "confirm.submit":
    "The story goes to the editors' review queue. It stays unpublished until an editor publishes it.",
  "confirm.publish-first":
    "The story goes live on {service} now: on its home and section pages, in its feeds and sitemap, dated {now}.",
  "confirm.publish-update":
    "Readers will see an 'Updated' label with today's time ({now}) and your note, and this version replaces the published text.",
  "confirm.publish-silent":
    "This version replaces the published text with no 'Updated' label and no new time. Use it only for typos and small fixes.",
  "confirm.serviceTime": "For readers of {service} that is {time}.",
  "confirm.schedule":
    "The story will go live automatically on {service} at {chosen}. Until then readers cannot see it.",
  "confirm.cancel-schedule":
    "The scheduled time is removed. The story stays unpublished until someone publishes it.",
  "confirm.embargo":
    "Readers cannot see the story before {chosen}, even if it is published earlier.",
  "confirm.lift-embargo":
    "The embargo is removed. If the story is published, readers can see it immediately.",
  "confirm.correct":
    "A correction note dated {now} is added at the end of the published story, where readers can see it. It stays there permanently.",
  "confirm.kill":
    "The story is removed from every page, feed and sitemap, and its address shows a notice that it was withdrawn, with your reason. This cannot be undone.",
  "confirm.unpublish":
    "The story is taken off every page, feed and sitemap, and its address stops working. You can publish it again later.",
  // Media library: browse, upload, edit details, focal point
  "media.title": "Media library",
  // A button on each image of the library.
  "media.editDetails": "Edit details",
  "media.browse.heading": "Browse the library",
  "media.browse.search": "Search images",
  "media.browse.searchButton": "Search",
  "media.browse.loading": "Loading images…",
  "media.browse.empty": "No images found.",
  "media.browse.noCaption": "(no caption)",
  "media.caption": "Caption",
  "media.credit": "Credit",
  "media.alt": "Alt text",
  "media.rightsSource": "Rights: source",
  "media.rightsUsage": "Rights: usage terms",
  "media.upload.heading": "Upload an image",
  "media.upload.file": "Image file (JPEG, PNG, WebP or AVIF, up to 25 MB)",
  "media.upload.alt": "Alt text (describe what the image shows for people who cannot see it)",
  "media.upload.submit": "Upload image",
  "media.upload.chooseFirst": "Choose an image file first.",
  "media.upload.uploading": "Uploading and processing the image…",
  "media.upload.uploaded": "Uploaded “{name}”.",
  // {size} is the file's size, such as 31.2 MB.
  "media.upload.tooLarge":
    "The file is {size}; the limit is 25 MB. Export a smaller image and try again.",
  "media.upload.badType": "Only JPEG, PNG, WebP and AVIF images can be uploaded.",
  // {detail} is the server's own sentence.
  "media.upload.refusedLarge":
    "The image was refused because it is too large: {detail} Images must be under 25 MB and of a reasonable pixel size.",
  "media.upload.refusedType":
    "The file was refused because it is not a JPEG, PNG, WebP or AVIF image: {detail}",
  "media.edit.heading": "Edit image details",
  "media.edit.facts": "{width}×{height} px, {mime}. Changes apply wherever the image is used.",
  "media.edit.saving": "Saving…",
  "media.edit.saved": "Image details saved.",
  "media.edit.save": "Save image details",
  "focal.legend": "Focal point (kept in frame when the image is cropped to 16:9)",
  // Read by screen readers on the image; {x} and {y} are numbers.
  "focal.button": "Set the focal point, now {x}% from the left and {y}% from the top",
  "focal.help": "Click the image where the subject is, or focus it and use the arrow keys.",
  "focal.fromLeft": "From the left (%)",
  "focal.fromTop": "From the top (%)",

  // Breaking-news banner of one service
  "banner.title": "Breaking news",
  "banner.documentTitle": "Breaking news · {service}",
  "banner.heading": "Breaking news in {service}",
  "banner.current": "Current banner",
  "banner.loading": "Loading the banner…",
  "banner.shownUntil": "Shown until {until}.",
  "banner.clear": "Clear banner",
  "banner.none": "No banner is showing.",
  "banner.raiseHeading": "Raise a banner",
  "banner.text": "Banner text",
  "banner.link": "Link (optional)",
  "banner.expires": "Expires at (your time zone)",
  "banner.raise": "Raise banner",
  "banner.needsEditor": "Raising a banner needs the editor role in {service}.",
  "banner.errorText": "Write the banner text.",
  "banner.errorLink":
    "The link must start with https://, http:// or a single / for a page on this site.",
  "banner.errorExpiry": "Choose an expiry time in the future.",
  "banner.raised": "The banner is live.",
  "banner.cleared": "The banner was cleared.",
  "banner.confirmClear": "Clear the banner?",
  "banner.confirmRaise": "Raise this banner?",
  // {text} is the banner's own text, in the service's language.
  "banner.raiseBody":
    "Every page of {service} shows “{text}” at the top from now until {until}, or until someone clears it.",
  "banner.replaces": "It replaces the current banner.",
  "banner.clearBody": "The banner disappears from every page of {service} now.",

  // Users (administrators)
  "users.title": "Users",
  "users.accounts": "Accounts",
  "users.loading": "Loading the accounts…",
  "users.col.name": "Name",
  "users.col.email": "Email",
  "users.col.roles": "Roles",
  "users.col.actions": "Actions",
  "users.noRoles": "No roles",
  "users.administrator": "Administrator.",
  // One role of a person in one language service, such as 'editor in English'.
  "users.grant": "{role} in {service}",
  // Between the roles of one person.
  "users.grantSeparator": ", ",
  "users.editRoles": "Edit roles",
  "users.editRolesOf": "Edit roles of {name}",
  "users.resetPassword": "Reset password",
  "users.resetPasswordOf": "Reset the password of {name}",
  "users.created": "Created the account for {name}.",
  "users.rolesSaved": "Saved the roles of {name}.",
  "users.passwordReset": "The password of {name} was reset and their sessions were ended.",
  "users.newAccount": "New account",
  "users.email": "Email address",
  "users.displayName": "Display name",
  "users.firstPassword": "First password",
  "users.passwordHelp": "At least 12 characters. Give it to the person privately.",
  "users.isAdmin": "Administrator (every service, users and settings)",
  "users.create": "Create account",
  "users.rolesTitle": "Roles",
  "users.rolesOf": "Roles of {name}",
  "users.rolesApply":
    "The new roles apply to the person's next request; they do not need to sign in again.",
  "users.saveRoles": "Save roles",
  "users.resetBody":
    "The new password replaces the old one at once, and every session of this person is ended.",
  "users.newPassword": "New password",
  "users.col.state": "State",
  "users.state.active": "Active",
  "users.state.disabled": "Disabled since {time}",
  // After the signed-in person's own name in the list.
  "users.you": "(you)",
  "users.ownAccount":
    "Your own account: change your password under Your account, and end your sessions with Log out everywhere.",
  "users.notManageable": "Only an administrator can change this account.",
  "users.disable": "Disable",
  "users.disableOf": "Disable the account of {name}",
  "users.enable": "Enable",
  "users.enableOf": "Enable the account of {name}",
  "users.endSessions": "End sessions and revoke tokens",
  "users.endSessionsOf": "End sessions and revoke tokens for {name}",
  "users.disableTitle": "Disable this account?",
  "users.disableBody":
    "{name} can no longer sign in. Their sessions end at once and their API tokens are revoked; enabling the account later does not bring those back.",
  "users.disableConfirm": "Disable account",
  "users.disabled":
    "The account of {name} was disabled. Their sessions were ended and their API tokens revoked.",
  "users.enableTitle": "Enable this account again?",
  "users.enableBody":
    "{name} can sign in again with their current password. Their earlier sessions and API tokens stay ended.",
  "users.enableConfirm": "Enable account",
  "users.enabled": "The account of {name} was enabled; they can sign in again.",
  "users.endSessionsTitle": "End sessions and revoke tokens?",
  "users.endSessionsBody":
    "{name} is signed out in every browser and on every device, and every API token of theirs stops working. The account stays enabled and the password stays the same.",
  "users.endSessionsConfirm": "End sessions and revoke tokens",
  "users.sessionsEnded":
    "{name} was signed out everywhere. Sessions ended: {sessions}. API tokens revoked: {tokens}.",
  "users.error.forbidden":
    "You may not make this change. Service admins manage only people whose every role is in a service they administer, and give roles only there; nobody changes their own account here.",
  "users.error.notFound": "This account does not exist any more.",
  "users.error.exists": "An account with this email address already exists.",
  // The roles control: the person's roles listed, and a search to add one.
  "users.grants.legend": "Roles in language services",
  // Label of the search field that finds a service by name.
  "users.grants.service": "Language service",
  "users.grants.serviceHelp":
    "Type part of the service's name or language, in English or in the language itself, then choose it from the list.",
  "users.grants.role": "Role",
  "users.grants.add": "Add role",
  "users.grants.remove": "Remove",
  // {grant} is a role in a service, such as 'editor in Meridian Afrique'.
  "users.grants.removeOf": "Remove: {grant}",
  "users.grants.added": "Added: {grant}.",
  "users.grants.removed": "Removed: {grant}.",
  // Beside a service in the search results that already has a role; adding replaces it.
  "users.grants.current": "(now {role})",
  "users.grants.chooseService": "Choose a service from the list first.",
  "users.grants.noMatch": "No service matches.",
  "users.grants.matchOne": "1 service matches.",
  "users.grants.matches": "{count} services match.",

  // Passwords refused by the server's screening (users screen and account screen)
  "password.tooCommon":
    "This password is on the list of passwords attackers try first. Choose a longer, less predictable one.",
  "password.containsEmail":
    "The password must not contain the account's email address or the part before the @.",

  // Revision history and audit log
  "history.title": "Revision history",
  "history.documentTitle": "History: {headline}",
  "history.back": "Back to the story editor",
  "history.loading": "Loading the history…",
  "history.revisions": "Revisions",
  "history.col.revision": "Revision",
  "history.col.saved": "Saved",
  "history.col.by": "By",
  "history.col.note": "Note",
  "history.col.actions": "Actions",
  "history.current": "(current)",
  "history.published": "(published)",
  // Shown instead of a person's name for automatic changes.
  "history.system": "system",
  // Readable names of audit-log actions (the raw code is shown for any other action)
  "history.formerUser": "a removed account",
  "audit.story.created": "Created",
  "audit.story.saved": "Saved",
  "audit.story.submitted": "Sent for review",
  "audit.story.scheduled": "Scheduled",
  "audit.story.embargoed": "Embargoed",
  "audit.story.published": "Published",
  "audit.story.updated": "Published an update",
  "audit.story.silently-fixed": "Fixed without an update notice",
  "audit.story.corrected": "Corrected",
  "audit.story.killed": "Killed",
  "audit.story.unpublished": "Unpublished",
  "history.compareWithPrevious": "Compare with previous",
  "history.compareLabel": "Compare revision {number} with revision {previous}",
  "history.restore": "Restore",
  "history.restoreLabel": "Restore revision {number}",
  "history.restored": "Revision {number} was restored as revision {revision}.",
  // A revision in the lists of the comparison form; {time} is when it was saved.
  "history.option": "Revision {number}, {time}",
  "history.optionNote": "Revision {number}, {time} ({note})",
  "history.compareHeading": "Compare two revisions",
  "history.from": "From",
  "history.to": "To",
  "history.showDiff": "Show differences",
  "history.audit": "Audit log",
  "history.col.when": "When",
  "history.col.who": "Who",
  "history.col.action": "Action",
  "history.col.details": "Details",
  "history.noAudit": "No recorded actions.",
  "history.restoreTitle": "Restore this revision?",
  "history.restoreBody":
    "A new revision is made with the text of revision {number}. Nothing is deleted: every revision stays in the history. Readers see the restored text only after it is published.",
  "history.diff.fields": "Fields",
  "history.diff.noField": "No field changed.",
  "history.diff.field": "Field",
  "history.diff.before": "Before",
  "history.diff.after": "After",
  "history.diff.body": "Body",
  "history.diff.bodySame": "The body did not change.",

  // Read before an added or removed line of a diff (visually hidden): revision history,
  // wire versions, stale translations.
  "diff.added": "Added:",
  "diff.removed": "Removed:",
  // Shown instead of a line-by-line diff when two versions are too large to compare
  // (revision history, wire versions, stale translations); both texts follow side by side.
  "diff.tooLarge.title": "Too large to compare line by line.",
  "diff.tooLarge.lines":
    "The text has too many lines to compare line by line. Both versions are shown side by side.",
  "diff.tooLarge.characters":
    "The text is too long to compare line by line. Both versions are shown side by side.",
  "diff.tooLarge.edits":
    "Too much of the text changed to compare line by line. Both versions are shown side by side.",
  "diff.tooLarge.time":
    "Comparing the text line by line took too long. Both versions are shown side by side.",
  // Captions above the two texts.
  "diff.tooLarge.before": "Earlier version",
  "diff.tooLarge.after": "Later version",

  // Story editor: bylines, figure dialog, media picker
  "bylines.role.author": "Author",
  "bylines.role.contributor": "Contributor",
  "bylines.role.photographer": "Photographer",
  "bylines.legend": "Bylines (in the order readers see them)",
  "bylines.none": "No bylines yet.",
  "bylines.roleOf": "Role of {name}",
  // After a desk's name in the bylines, as opposed to a person.
  "bylines.desk": "(desk)",
  "bylines.moveUp": "Move up",
  "bylines.moveDown": "Move down",
  "bylines.remove": "Remove",
  "bylines.moveUpLabel": "Move {name} up",
  "bylines.moveDownLabel": "Move {name} down",
  "bylines.removeLabel": "Remove {name}",
  "bylines.moved": "{name} moved to position {position}.",
  "bylines.removed": "Removed {name}.",
  "bylines.added": "Added {name}.",
  "bylines.already": "{name} is already in the bylines.",
  "bylines.personOrDesk": "Person or desk",
  "bylines.choose": "Choose…",
  "bylines.people": "People",
  "bylines.desks": "Desks",
  // Between a chosen person and their role: 'Jane Doe as Photographer'.
  "bylines.as": "as",
  "bylines.add": "Add byline",
  "figure.title": "Figure",
  "figure.altHelp":
    "Describe what the image shows for people who cannot see it; do not repeat the caption.",
  "figure.focalNotSaved": "The focal point was not saved: {error}",
  "figure.save": "Save figure",
  "picker.useImage": "Use this image",
  "picker.leadTitle": "Choose the lead image",
  "picker.figureTitle": "Insert a figure",

  // Story editor: conflict view, a version's content, preview
  "conflict.heading": "Someone else saved this story while you were editing",
  "conflict.theirs": "Their version (revision {number})",
  "conflict.keepMine": "Keep mine (save on top of theirs)",
  "conflict.takeTheirs": "Take theirs",
  "content.headline": "Headline",
  "content.standfirst": "Standfirst",
  "content.dateline": "Dateline",
  "content.slug": "Slug",
  "content.section": "Section",
  "content.topics": "Topics",
  "content.bylines": "Bylines",
  "content.agencies": "Agencies",
  "content.leadImage": "Lead image",
  "content.body": "Body",
  // A tag after a field that is not the same in the two versions.
  "content.differs": "differs",
  "content.image": "[Image: {caption}]",
  "preview.heading": "Preview",
  "preview.help": "Shows the last saved revision as readers will see it.",
  "preview.unsaved": "You have unsaved changes; save to see them here.",
  "preview.refresh": "Refresh preview",
  "preview.frameTitle": "Preview of “{headline}” as readers will see it",

  // Syndication (partner webhooks, delivery log, content-API keys): syndication-en.ts
  ...syndicationEn,

  // The account screen and the log-in second-factor step: account-en.ts
  ...accountEn,
  ...writingEn,
  // Mirrors of each language service (issue 16): mirrors-en.ts
  ...mirrorsEn,
  // Comments beside the editor and the header's notifications: comments-en.ts
  ...commentsEn,
  // Audio and video in the media library: av-en.ts
  ...avEn,
  ...episodesEn,

  // The conflict view's merge and not-merged revisions in the history: conflict-en.ts
  ...conflictEn,
  // The translator view and the translator byline role: translation-en.ts
  ...translationEn,
  ...catalogEn,
  ...curationEn,
  ...programmesEn,
  ...storyListEn,
  // The desk's screens (withdrawn copy, bylines, audit log): desk-en.ts
  ...deskEn,
  // Live pages' audit-log labels and webhook event names: live-admin-en.ts
  ...liveAdminEn,
  // Live pages: the posting box, stream and settings (issue 15): live-en.ts
  ...liveEn,
};

export type MessageKey = keyof typeof en;
