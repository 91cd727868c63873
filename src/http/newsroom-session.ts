import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { Actor } from "../domain/actor.js";
import { NewsdeskError } from "../domain/error-catalogue.js";
import { type AuthService, type SessionView, secretsEqual } from "../domain/users/auth-service.js";
import type { TokenScope } from "../domain/users/user-schema.js";

export const sessionCookie = "nd_session";

/** What the session middleware puts on the request for newsroom handlers. */
export interface NewsroomAuth {
  readonly actor: Actor;
  readonly session: SessionView | undefined;
  readonly scopes: readonly TokenScope[] | "session";
}

export type NewsroomEnv = { Variables: { auth: NewsroomAuth } };

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Resolves the caller from the session cookie or an API token, and enforces CSRF on
 * cookie-authenticated state changes: the `X-CSRF-Token` header must equal the session's
 * token (synchronizer-token pattern, OWASP CSRF Cheat Sheet), and a browser-sent `Origin`
 * must be our own. Bearer tokens are not sent by browsers automatically, so they need no CSRF.
 */
export function newsroomSession(
  auth: AuthService,
  options: { publicUrl: string },
): MiddlewareHandler<NewsroomEnv> {
  const ownOrigin = new URL(options.publicUrl).origin;
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (bearer) {
      const resolved = await auth.authenticateToken(bearer);
      if (!resolved)
        throw new NewsdeskError("AUTH_REQUIRED", { detail: "The API token is not valid." });
      c.set("auth", { actor: resolved.actor, session: undefined, scopes: resolved.scopes });
      return next();
    }
    const token = getCookie(c, sessionCookie);
    const session = token ? await auth.authenticate(token) : undefined;
    if (!session) throw new NewsdeskError("AUTH_REQUIRED");
    if (unsafeMethods.has(c.req.method)) {
      const origin = c.req.header("origin");
      const requestOrigin = new URL(c.req.url).origin;
      if (origin && origin !== ownOrigin && origin !== requestOrigin) {
        throw new NewsdeskError("CSRF_FAILED", { detail: "The request came from another site." });
      }
      const header = c.req.header("x-csrf-token") ?? "";
      if (!secretsEqual(header, session.csrfToken)) throw new NewsdeskError("CSRF_FAILED");
    }
    c.set("auth", { actor: session.actor, session, scopes: "session" });
    return next();
  };
}

/** API tokens carry scopes; sessions may do whatever the user's roles allow. */
export function requireScope(c: Context<NewsroomEnv>, scope: TokenScope): Actor {
  const { actor, scopes } = c.get("auth");
  if (scopes !== "session" && !scopes.includes(scope)) {
    throw new NewsdeskError("FORBIDDEN", { detail: `This API token lacks the ${scope} scope.` });
  }
  return actor;
}

export function clientIp(c: Context): string | null {
  // Only the socket address is trusted; a proxy's X-Forwarded-For would need explicit config.
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}
