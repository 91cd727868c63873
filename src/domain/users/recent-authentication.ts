import { NewsdeskError } from "../error-catalogue.js";

/**
 * How long a log-in or re-authentication counts as "recent" for sensitive actions: changing
 * second factors, creating API tokens (ASVS 4.0.3 V3.7.1). Long enough for one task, short
 * enough that a session left open on a shared computer cannot do them.
 */
export const recentAuthenticationMs = 5 * 60_000;

/** Throws REAUTHENTICATION_REQUIRED unless the session proved its credentials recently. */
export function assertRecentlyAuthenticated(
  session: { readonly reauthenticatedAt?: string | null | undefined },
  now: Date,
  windowMs: number = recentAuthenticationMs,
): void {
  const at = session.reauthenticatedAt ? Date.parse(session.reauthenticatedAt) : Number.NaN;
  if (!(at + windowMs > now.getTime())) throw new NewsdeskError("REAUTHENTICATION_REQUIRED");
}
