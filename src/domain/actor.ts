import type { ServiceId } from "./services/service-registry.js";
import type { Grant } from "./users/user-schema.js";

/**
 * Who performs an action. Every service call takes one. Only the explicit system actor
 * (seeding, scheduled jobs, migrations) skips access checks; there is no default that
 * silently bypasses them (the trap in Payload's `overrideAccess = true`).
 */
export type Actor =
  | { readonly kind: "system"; readonly reason: string }
  | {
      readonly kind: "user";
      readonly userId: string;
      readonly isAdmin: boolean;
      /** Roles per language service, loaded once per request from the session. */
      readonly grants: readonly Grant[];
    };

export function systemActor(reason: string): Actor {
  return { kind: "system", reason };
}

export function userActor(userId: string, grants: readonly Grant[] = [], isAdmin = false): Actor {
  return { kind: "user", userId, isAdmin, grants };
}

export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}

export function rolesIn(actor: Actor, serviceId: ServiceId): Grant["role"][] {
  return actor.kind === "user"
    ? actor.grants.filter((g) => g.serviceId === serviceId).map((g) => g.role)
    : [];
}
