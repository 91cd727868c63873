import { type Actor, rolesIn } from "../actor.js";
import { NewsdeskError } from "../error-catalogue.js";
import { type ServiceId, serviceIds, serviceNameInEnglish } from "../services/service-registry.js";
import type { Grant, Role } from "./user-schema.js";

/**
 * The access matrix, one pure function. Every domain service calls `assertCan` before it
 * changes anything; the UI only hides what this refuses anyway.
 */
export const actions = [
  "story.create",
  "story.edit",
  "story.submit",
  "story.publish",
  "story.schedule",
  "story.correct",
  "story.kill",
  "story.unpublish",
  "story.view",
  "story.comment",
  "story.trash",
  "translation.create",
  "translation.edit",
  "banner.manage",
  "curation.manage",
  "programme.manage",
  "alert.translate",
  "media.upload",
  "media.delete",
  "users.manage",
  "audit.read",
  "audit.browse",
  "wire.read",
  "wire.acknowledge",
  "wire.sources.manage",
  "settings.manage",
  "catalog.edit",
  "catalog.manage",
  "live.post",
  "live.manage",
  "live.edit",
] as const;
export type Action = (typeof actions)[number];

/** Facts about the story an action touches, where the answer depends on them. */
export interface StoryFacts {
  /** The user who created the story. */
  readonly createdBy: string | null;
  /** Drafts and stories in review; reporters may not touch what is live. */
  readonly unpublished: boolean;
  /** A translation of a story in another service. */
  readonly isTranslation: boolean;
  /**
   * Live on the reader site. Published copy is public, so anyone with a newsroom role in any
   * service may read it in the newsroom too (translators read their sources this way); drafts,
   * stories in review and killed stories stay within their service.
   */
  readonly published?: boolean;
  /**
   * Services that hold a translation made from this story. Whoever may work on one of those
   * translations may read its source, published or not (never change it: only `story.view`
   * looks at this).
   */
  readonly translatedInto?: readonly ServiceId[];
}

const editorial: readonly Role[] = ["editor", "service_admin"];

function allowed(
  roles: readonly Role[],
  action: Action,
  userId: string,
  story: StoryFacts | undefined,
): boolean {
  const has = (...wanted: Role[]) => roles.some((r) => wanted.includes(r));
  switch (action) {
    case "story.view":
    case "story.comment":
      return roles.length > 0;
    case "story.create":
      return has("reporter", ...editorial);
    case "story.edit":
    case "story.submit":
      if (has(...editorial)) return true;
      if (!story) return false;
      if (has("reporter") && story.createdBy === userId && story.unpublished) return true;
      return (
        has("translator") && story.isTranslation && (action === "story.edit" || story.unpublished)
      );
    case "story.trash":
      // Editors trash any draft; a reporter only their own.
      if (has(...editorial)) return true;
      return (
        has("reporter") && story !== undefined && story.createdBy === userId && story.unpublished
      );
    case "story.publish":
    case "story.schedule":
    case "story.correct":
    case "story.kill":
    case "story.unpublish":
    case "banner.manage":
    case "curation.manage":
    case "programme.manage":
    // Live pages (issue 15): settings, pins, key events and others' posts are the editors'.
    case "live.manage":
      return has(...editorial);
    // Posting on a live page: reporters too, where the page's settings allow it (the live
    // service checks those, and that a reporter changes only their own posts).
    case "live.post":
      return has("reporter", ...editorial);
    // Editing a post: reporters their own, translators the drafts offered to their service,
    // editors any; the live service checks which post it is.
    case "live.edit":
      return has("reporter", "translator", ...editorial);
    case "translation.create":
    case "translation.edit":
    case "alert.translate":
      return has("translator", ...editorial);
    case "audit.read":
    case "wire.read":
      return roles.length > 0;
    case "wire.acknowledge":
      return has(...editorial);
    case "media.upload":
      return has("reporter", "translator", ...editorial);
    // Deleting a clip removes it from every service's library (clips belong to no single
    // service), so it is an editor's decision, never a reporter's.
    case "media.delete":
      return has(...editorial);
    // People, desks and topics: editors add and edit them (and merge duplicate topics);
    // removing them, changing a topic's slug and every section change are the service
    // admin's, since they move reader URLs. Agencies belong to no service: administrators.
    case "catalog.edit":
      return has(...editorial);
    case "users.manage":
    case "wire.sources.manage":
    case "settings.manage":
    case "catalog.manage":
    case "audit.browse":
      return has("service_admin");
  }
}

export function can(
  actor: Actor,
  action: Action,
  serviceId: ServiceId,
  story?: StoryFacts,
): boolean {
  if (actor.kind === "system" || actor.isAdmin) return true;
  // Comments go with reading: whoever may read a story may discuss it with its desk.
  const reading = action === "story.view" || action === "story.comment";
  if (reading && story?.published === true && actor.grants.length > 0) return true;
  if (
    reading &&
    story?.translatedInto?.some((target) =>
      allowed(rolesIn(actor, target), "translation.edit", actor.userId, undefined),
    )
  ) {
    return true;
  }
  return allowed(rolesIn(actor, serviceId), action, actor.userId, story);
}

const needs: Record<Action, string> = {
  "story.view": "a role",
  "story.comment": "a role",
  "story.create": "the reporter or editor role",
  "story.edit": "the editor role, or to be the reporter of this unpublished story",
  "story.submit": "the editor role, or to be the reporter of this story",
  "story.publish": "the editor role",
  "story.schedule": "the editor role",
  "story.correct": "the editor role",
  "story.kill": "the editor role",
  "story.unpublish": "the editor role",
  "story.trash": "the editor role, or to be the reporter of this draft",
  "banner.manage": "the editor role",
  "curation.manage": "the editor role",
  "programme.manage": "the editor role",
  "alert.translate": "the translator or editor role",
  "audit.read": "a role",
  "audit.browse": "the service admin role",
  "wire.read": "a role",
  "wire.acknowledge": "the editor role",
  "wire.sources.manage": "the service admin role",
  "translation.create": "the translator or editor role",
  "translation.edit": "the translator or editor role",
  "media.upload": "a reporter, translator or editor role",
  "media.delete": "the editor role",
  "users.manage": "the service admin role",
  "settings.manage": "the service admin role",
  "catalog.edit": "the editor role",
  "catalog.manage": "the service admin role",
  "live.post": "the reporter or editor role",
  "live.manage": "the editor role",
  "live.edit": "the reporter, translator or editor role",
};

/**
 * Refusals whose rule does not fit "You need <role> in the <service> service to do that."
 * as one sentence; `service` is the service's name in words ("English").
 */
const sentences: Partial<Record<Action, (service: string) => string>> = {
  "story.view": (service) => `You need a role in the ${service} service to open this story.`,
  "story.edit": (service) =>
    `Only editors of the ${service} service can change this story; reporters can change their own stories there until they are published.`,
  "story.submit": (service) =>
    `Only editors of the ${service} service, or the reporter who wrote this story, can send it for review.`,
};

export function assertCan(
  actor: Actor,
  action: Action,
  serviceId: ServiceId,
  story?: StoryFacts,
): void {
  if (!can(actor, action, serviceId, story)) {
    const service = serviceNameInEnglish(serviceId);
    throw new NewsdeskError("FORBIDDEN", {
      detail:
        sentences[action]?.(service) ??
        `You need ${needs[action]} in the ${service} service to do that.`,
      details: { action, serviceId },
    });
  }
}

/** Newsroom-wide administrators (and the explicit system actor: CLI, seeding, jobs). */
function isAdministrator(actor: Actor): boolean {
  return actor.kind === "system" || actor.isAdmin;
}

/**
 * For settings that belong to no single service (content-API keys, partner webhooks): only
 * administrators may read or change them. `what` completes "Only administrators can …".
 */
export function assertAdmin(actor: Actor, what: string): void {
  if (!isAdministrator(actor)) {
    throw new NewsdeskError("FORBIDDEN", {
      detail: `Only administrators can ${what}.`,
      details: { action: "admin" },
    });
  }
}

/**
 * What a newsroom route may declare: an action of the matrix above, `account.self` (a
 * signed-in person acting on their own account: any user actor), or `syndication.manage`
 * (settings that belong to no single service: administrators only), or `mirrors.manage`
 * (the addresses a service is also served at: administrators only, like its domain).
 */
export type RouteAction = Action | "account.self" | "syndication.manage" | "mirrors.manage";

/** Story facts under which a story-bound action is most permissive: "could this ever pass?" */
function bestCaseFacts(userId: string): StoryFacts {
  return { createdBy: userId, unpublished: true, isTranslation: true };
}

/**
 * The router's coarse check, before any resource is loaded: may this actor perform the
 * action in at least one service? The domain service then checks the exact service and story.
 */
export function canSomewhere(actor: Actor, action: RouteAction): boolean {
  if (actor.kind === "system" || actor.isAdmin) return true;
  if (action === "account.self") return true;
  if (action === "syndication.manage" || action === "mirrors.manage") return false;
  const facts = bestCaseFacts(actor.userId);
  return serviceIds.some((id) => allowed(rolesIn(actor, id), action, actor.userId, facts));
}

export function assertCanSomewhere(actor: Actor, action: RouteAction): void {
  if (canSomewhere(actor, action)) return;
  throw new NewsdeskError("FORBIDDEN", {
    detail:
      action === "syndication.manage"
        ? "Only administrators can change syndication settings."
        : action === "mirrors.manage"
          ? "Only administrators can change a service's mirrors."
          : action === "account.self"
            ? "Only people can do that."
            : `You need ${needs[action]} in a language service to do that.`,
    details: { action },
  });
}

/**
 * User management, checked against the account it touches. Administrators are above
 * service admins: a service admin manages only accounts whose every grant lies in services
 * they administer, so an administrator, an account with no grants and an account with a
 * grant elsewhere are out of reach.
 */
const userActions = [
  "user.create",
  "user.grants",
  "user.resetPassword",
  "user.disable",
  "user.enable",
  "user.endSessions",
  "user.person",
] as const;
export type UserAction = (typeof userActions)[number];

/** Facts about the account a user-management action touches (or creates). */
export interface AccountFacts {
  /** Null for an account being created. */
  readonly id: string | null;
  readonly isAdmin: boolean;
  readonly grants: readonly Grant[];
}

/** The services whose people the actor manages (every service for administrators). */
export function managedServices(actor: Actor): readonly ServiceId[] {
  if (actor.kind === "user" && !actor.isAdmin) {
    return actor.grants.filter((g) => g.role === "service_admin").map((g) => g.serviceId);
  }
  return serviceIds;
}

/** Why the actor may not do `action` to `target`, or undefined when it may. */
function userManagementRefusal(
  actor: Actor,
  action: UserAction,
  target: AccountFacts,
  grantsAfter?: readonly Grant[],
): string | undefined {
  if (actor.kind === "system") return undefined;
  if (target.id === actor.userId) {
    // Ending one's own sessions is "log out everywhere". Everything else done to oneself would
    // skip a second person (privilege changes, OWASP ASVS 4.0.3 V1.4.3 / V4.1.3) or proof of
    // the current password (ASVS V2.1.6: the self-service change asks for it).
    return action === "user.endSessions"
      ? undefined
      : "You cannot do that to your own account; ask another administrator.";
  }
  if (actor.isAdmin) return undefined;
  const managed = managedServices(actor);
  if (managed.length === 0) return "You need the service admin role.";
  if (target.isAdmin) return "Only administrators can manage or create administrators.";
  const within = (grants: readonly Grant[]) => grants.every((g) => managed.includes(g.serviceId));
  // An account with no grants belongs to no service, so to no service admin.
  if (target.grants.length === 0 || !within(target.grants)) {
    return "You can only manage accounts whose every role is in a service you administer.";
  }
  if (grantsAfter && !within(grantsAfter)) {
    return "You can only grant roles in services you administer.";
  }
  return undefined;
}

export function canManageUser(
  actor: Actor,
  action: UserAction,
  target: AccountFacts,
  grantsAfter?: readonly Grant[],
): boolean {
  return userManagementRefusal(actor, action, target, grantsAfter) === undefined;
}

export function assertCanManageUser(
  actor: Actor,
  action: UserAction,
  target: AccountFacts,
  grantsAfter?: readonly Grant[],
): void {
  const refusal = userManagementRefusal(actor, action, target, grantsAfter);
  if (refusal !== undefined) {
    throw new NewsdeskError("FORBIDDEN", {
      detail: refusal,
      details: { action, ...(target.id ? { userId: target.id } : {}) },
    });
  }
}

/**
 * Who appears in the actor's user list: administrators see everyone; a service admin sees
 * themselves and everyone with a role in a service they administer (colleagues they may not
 * be able to manage, e.g. someone who also works for another service, included).
 */
export function canSeeUser(actor: Actor, target: AccountFacts): boolean {
  if (actor.kind === "system" || actor.isAdmin || target.id === actor.userId) return true;
  const managed = managedServices(actor);
  return target.grants.some((g) => managed.includes(g.serviceId));
}
