/**
 * Who performs an action. Every service call takes one. Only the explicit system actor
 * (seeding, scheduled jobs, migrations) may skip access checks; there is no default that
 * silently bypasses them (the trap in Payload's `overrideAccess = true`).
 */
export type Actor =
  | { readonly kind: "system"; readonly reason: string }
  | { readonly kind: "user"; readonly userId: string };

export function systemActor(reason: string): Actor {
  return { kind: "system", reason };
}

export function actorId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
