import type { Actor } from "../actor.js";
import type { ServiceId } from "../services/service-registry.js";
import { assertCan, assertCanSomewhere, can } from "../users/access-policy.js";

/**
 * The wire desk's access rules, as the access matrix (`users/access-policy.ts`) states them:
 * `wire.read`, `wire.sources.manage` and `wire.acknowledge`. Using copy in a story is checked
 * by `StoryService` (story.create / story.edit).
 */

/** Reading the queue, quarantine and flags: anyone with a role in any service. */
export function assertWireReader(actor: Actor): void {
  assertCanSomewhere(actor, "wire.read");
}

/**
 * Whether the actor may configure the wire sources of a service: its service admins and
 * administrators. They alone see where a source reads from (URL, directory) and the raw
 * bytes of what it rejected; a `null` service (a source since deleted) is theirs only for
 * administrators.
 */
export function mayManageWireSources(actor: Actor, serviceId: ServiceId | null): boolean {
  if (actor.kind === "system" || actor.isAdmin) return true;
  return serviceId !== null && can(actor, "wire.sources.manage", serviceId);
}

/** Configuring sources: the service admin of the service the source delivers to. */
export function assertWireAdmin(actor: Actor, serviceId: ServiceId): void {
  assertCan(actor, "wire.sources.manage", serviceId);
}

/** Acknowledging a kill flag on a story: an editor of the story's service. */
export function assertWireEditor(actor: Actor, serviceId: ServiceId): void {
  assertCan(actor, "wire.acknowledge", serviceId);
}
