import type { Grant, Role, Session } from "./api-schemas.js";

/**
 * What the signed-in user may do in one service, for showing the right controls. This is a
 * hint only: the server enforces every rule in its domain services and answers 403 FORBIDDEN
 * with a sentence, which the screens show as it is.
 */
export interface Capabilities {
  readonly role: Role | "administrator" | null;
  readonly canWrite: boolean;
  readonly canPublish: boolean;
  /**
   * Raise or clear the service's banner, and put breaking-alert text live there: their own,
   * or a translator's by approving it. Translators' alert text waits for this role
   *; it is the server's `banner.manage`.
   */
  readonly canSetBanner: boolean;
  /**
   * Translations into this service, and a breaking alert's text for it (which, without
   * `canSetBanner`, waits for an editor's approval).
   */
  readonly canTranslate: boolean;
  readonly canManageUsers: boolean;
}

const rank: Record<Role, number> = { translator: 1, reporter: 1, editor: 2, service_admin: 3 };

export function roleIn(grants: readonly Grant[], serviceId: string): Role | null {
  let best: Role | null = null;
  for (const grant of grants) {
    if (grant.serviceId !== serviceId) continue;
    if (best === null || rank[grant.role] > rank[best]) best = grant.role;
  }
  return best;
}

export function capabilitiesFor(session: Session, serviceId: string): Capabilities {
  if (session.user.isAdmin) {
    return {
      role: "administrator",
      canWrite: true,
      canPublish: true,
      canSetBanner: true,
      canTranslate: true,
      canManageUsers: true,
    };
  }
  const role = roleIn(session.grants, serviceId);
  const editorial = role === "editor" || role === "service_admin";
  return {
    role,
    canWrite: role !== null,
    canPublish: editorial,
    canSetBanner: editorial,
    canTranslate: editorial || role === "translator",
    canManageUsers: role === "service_admin",
  };
}

/** Whether the Users screen should be offered at all. */
export function canSeeUsersAdmin(session: Session): boolean {
  return session.user.isAdmin || session.grants.some((grant) => grant.role === "service_admin");
}

/** Writing settings: editors read their services' house style; service admins change it. */
export function canSeeWritingSettings(session: Session): boolean {
  return (
    session.user.isAdmin ||
    session.grants.some((grant) => grant.role === "editor" || grant.role === "service_admin")
  );
}

/**
 * Whether the user may change this story (the server's `story.edit`, access-policy.ts):
 * editors any story of their service, a reporter their own until it is published, a
 * translator a translation. Panels beside the story (the episode's programme, clip and
 * chapters) are enabled by it; the server refuses anything else anyway.
 */
export function canEditStory(
  session: Session,
  story: {
    readonly id: string;
    readonly serviceId: string;
    readonly status: string;
    readonly createdBy?: string | null | undefined;
    readonly familyId?: string | undefined;
  },
): boolean {
  const can = capabilitiesFor(session, story.serviceId);
  if (can.canPublish) return true;
  const unpublished = story.status === "draft" || story.status === "in_review";
  if (can.role === "reporter") return story.createdBy === session.user.id && unpublished;
  if (can.role === "translator") return story.familyId !== undefined && story.familyId !== story.id;
  return false;
}

/** Deleting audio and video (the server's `media.delete`): editors of any service. */
export function canDeleteClips(session: Session): boolean {
  return (
    session.user.isAdmin ||
    session.grants.some((grant) => grant.role === "editor" || grant.role === "service_admin")
  );
}
