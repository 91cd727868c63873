import { type Actor, actorId } from "../actor.js";
import type { ServiceId } from "../services/service-registry.js";
import { can } from "../users/access-policy.js";
import type { LivePage, LivePost, LiveSettings } from "./live-schema.js";

/**
 * The rules of live pages as plain functions over explicit state (like story-workflow.ts):
 * who may post, change a post, and how settings move the coverage times. No storage, no HTTP.
 */

/** A new live page: not yet live, no key points, reporters may post (the contract's defaults). */
export function initialLivePage(storyId: string): LivePage {
  return {
    storyId,
    status: "upcoming",
    keyPoints: [],
    reportersMayPost: true,
    coverageStartTime: null,
    coverageEndTime: null,
    version: 1,
  };
}

/** Editors and service admins of the page's service (and administrators, the system). */
export function mayModerate(actor: Actor, serviceId: ServiceId): boolean {
  return can(actor, "live.manage", serviceId);
}

/**
 * Whether the actor may add a post now: editors always; reporters of the service only while
 * the page lets reporters post and has not ended.
 */
export function mayPost(actor: Actor, serviceId: ServiceId, page: LivePage): boolean {
  if (mayModerate(actor, serviceId)) return true;
  return can(actor, "live.post", serviceId) && page.reportersMayPost && page.status !== "ended";
}

/**
 * Editors change any post; a reporter only their own (flags stay the editors'); translators
 * of the service the drafts offered to it from another service's page (the translation
 * workflow), until they are published.
 */
export function mayChangePost(actor: Actor, serviceId: ServiceId, post: LivePost): boolean {
  if (mayModerate(actor, serviceId)) return true;
  if (post.draft === true && post.sourcePostId !== null) {
    if (can(actor, "translation.edit", serviceId)) return true;
  }
  const userId = actorId(actor);
  return can(actor, "live.post", serviceId) && userId !== null && post.createdBy === userId;
}

/**
 * The page after an editor's settings change: the first move to "live" starts the coverage
 * (schema.org `coverageStartTime`), "ended" ends it (`coverageEndTime`), and reopening an
 * ended page clears the end again.
 */
export function applySettings(page: LivePage, settings: LiveSettings, now: string): LivePage {
  const started = settings.status !== "upcoming";
  return {
    ...page,
    ...settings,
    coverageStartTime: page.coverageStartTime ?? (started ? now : null),
    coverageEndTime:
      settings.status === "ended" ? (page.status === "ended" ? page.coverageEndTime : now) : null,
    version: page.version + 1,
  };
}
