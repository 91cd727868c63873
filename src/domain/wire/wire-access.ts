import { type Actor, rolesIn } from "../actor.js";
import { NewsdeskError } from "../error-catalogue.js";
import { type ServiceId, serviceIds } from "../services/service-registry.js";

/**
 * Who may see and configure the wire desk. Using copy in a story is checked by
 * `StoryService` (story.create / story.edit); these cover what the access matrix in
 * `users/access-policy.ts` has no action for yet. Only the explicit system actor and
 * administrators pass without a role.
 */

/** Reading the queue, quarantine and flags: anyone with a role in any service. */
export function assertWireReader(actor: Actor): void {
  if (actor.kind === "system" || actor.isAdmin) return;
  if (serviceIds.some((id) => rolesIn(actor, id).length > 0)) return;
  throw new NewsdeskError("FORBIDDEN", {
    detail: "You need a role in a language service to read the wire.",
  });
}

/**
 * Whether the actor may configure the wire sources of a service: its service admins and
 * administrators. They alone see where a source reads from (URL, directory) and the raw
 * bytes of what it rejected; a `null` service (a source since deleted) is theirs only for
 * administrators.
 */
export function mayManageWireSources(actor: Actor, serviceId: ServiceId | null): boolean {
  if (actor.kind === "system" || actor.isAdmin) return true;
  return serviceId !== null && rolesIn(actor, serviceId).includes("service_admin");
}

/** Configuring sources: the service admin of the service the source delivers to. */
export function assertWireAdmin(actor: Actor, serviceId: ServiceId): void {
  if (mayManageWireSources(actor, serviceId)) return;
  throw new NewsdeskError("FORBIDDEN", {
    detail: `You need the service admin role in the ${serviceId} service to configure its wire sources.`,
  });
}

/** Acknowledging a kill flag on a story: an editor of the story's service. */
export function assertWireEditor(actor: Actor, serviceId: ServiceId): void {
  if (actor.kind === "system" || actor.isAdmin) return;
  const roles = rolesIn(actor, serviceId);
  if (roles.includes("editor") || roles.includes("service_admin")) return;
  throw new NewsdeskError("FORBIDDEN", {
    detail: `You need the editor role in the ${serviceId} service to acknowledge wire flags.`,
  });
}
