import { type AuditAction, auditActions } from "../../domain/audit/audit-actions.js";
import type { MessageKey } from "../i18n/en.js";

/**
 * The readable name of every action the audit log records. Keyed by the server's closed list,
 * so an action added there without a label here does not compile.
 */
const labels: Record<AuditAction, MessageKey> = {
  "story.created": "audit.story.created",
  "story.saved": "audit.story.saved",
  "story.submitted": "audit.story.submitted",
  "story.scheduled": "audit.story.scheduled",
  "story.embargoed": "audit.story.embargoed",
  "story.published": "audit.story.published",
  "story.updated": "audit.story.updated",
  "story.silently-fixed": "audit.story.silently-fixed",
  "story.corrected": "audit.story.corrected",
  "story.killed": "audit.story.killed",
  "story.unpublished": "audit.story.unpublished",
  "story.trashed": "audit.story.trashed",
  "story.restored": "audit.story.restored",
  "session.login": "audit.session.login",
  "session.logout-everywhere": "audit.session.logout-everywhere",
  "account.password-change": "audit.account.password-change",
  "account.reauthenticate": "audit.account.reauthenticate",
  "account.2fa-enable": "audit.account.2fa-enable",
  "account.2fa-disable": "audit.account.2fa-disable",
  "account.recovery-codes": "audit.account.recovery-codes",
  "user.create": "audit.user.create",
  "user.grants": "audit.user.grants",
  "user.person": "audit.user.person",
  "user.reset-password": "audit.user.reset-password",
  "user.disable": "audit.user.disable",
  "user.enable": "audit.user.enable",
  "user.end-sessions": "audit.user.end-sessions",
  "token.create": "audit.token.create",
  "media.upload": "audit.media.upload",
  "clip.captions-saved": "audit.clip.captions-saved",
  "clip.captions-removed": "audit.clip.captions-removed",
  "clip.deleted": "audit.clip.deleted",
  "banner.raise": "audit.banner.raise",
  "banner.clear": "audit.banner.clear",
  "alert.raise": "audit.alert.raise",
  "alert.translate": "audit.alert.translate",
  "alert.approve": "audit.alert.approve",
  "webhook.subscribe": "audit.webhook.subscribe",
  "webhook.remove": "audit.webhook.remove",
  "webhook.retry": "audit.webhook.retry",
  "api-key.issue": "audit.api-key.issue",
  "api-key.revoke": "audit.api-key.revoke",
  "comment.added": "audit.comment.added",
  "comment.edited": "audit.comment.edited",
  "comment.deleted": "audit.comment.deleted",
  "comment.resolved": "audit.comment.resolved",
  "comment.reopened": "audit.comment.reopened",
  "settings.writing.updated": "audit.settings.writing.updated",
  "mirror.add": "audit.mirror.add",
  "mirror.remove": "audit.mirror.remove",
  "catalog.person.create": "audit.catalog.person.create",
  "catalog.person.edit": "audit.catalog.person.edit",
  "catalog.person.merge": "audit.catalog.person.merge",
  "catalog.person.remove": "audit.catalog.person.remove",
  "catalog.desk.create": "audit.catalog.desk.create",
  "catalog.desk.edit": "audit.catalog.desk.edit",
  "catalog.desk.remove": "audit.catalog.desk.remove",
  "catalog.topic.create": "audit.catalog.topic.create",
  "catalog.topic.edit": "audit.catalog.topic.edit",
  "catalog.topic.merge": "audit.catalog.topic.merge",
  "catalog.topic.remove": "audit.catalog.topic.remove",
  "catalog.section.create": "audit.catalog.section.create",
  "catalog.section.edit": "audit.catalog.section.edit",
  "catalog.section.remove": "audit.catalog.section.remove",
  "catalog.agency.create": "audit.catalog.agency.create",
  "catalog.agency.edit": "audit.catalog.agency.edit",
  "catalog.agency.remove": "audit.catalog.agency.remove",
  "curation.saved": "audit.curation.saved",
  "programme.create": "audit.programme.create",
  "programme.edit": "audit.programme.edit",
  "programme.remove": "audit.programme.remove",
  "schedule.saved": "audit.schedule.saved",
  "episode.saved": "audit.episode.saved",
  "live.settings-changed": "audit.live.settings-changed",
  "live.post-deleted": "audit.live.post-deleted",
};

/** The actions in the order the filter offers them. */
export const auditActionList: readonly AuditAction[] = auditActions;

/** The catalogue key naming an action, or null for a code this interface does not know. */
export function auditActionKey(action: string): MessageKey | null {
  return (auditActions as readonly string[]).includes(action)
    ? labels[action as AuditAction]
    : null;
}
