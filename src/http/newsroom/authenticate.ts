import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { NewsdeskError } from "../../domain/error-catalogue.js";
import type { AuthService } from "../../domain/users/auth-service.js";
import type { Authenticator } from "./newsroom-router.js";

/** The newsroom's session cookie: HttpOnly, SameSite=Strict, path /newsroom. */
export const sessionCookie = "nd_session";

/**
 * The production authenticator: an `Authorization: Bearer nd_…` API token, or else the
 * session cookie. A request that carries a bearer token is judged by it alone, so a bad token
 * never falls back to an ambient cookie.
 */
export function sessionOrTokenAuthenticator(auth: AuthService): Authenticator {
  return async (c: Context) => {
    const header = c.req.header("authorization");
    if (header !== undefined && header.trim() !== "") {
      const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const resolved = bearer ? await auth.authenticateToken(bearer) : undefined;
      if (!resolved) {
        throw new NewsdeskError("AUTH_REQUIRED", { detail: "The API token is not valid." });
      }
      return {
        actor: resolved.actor,
        credential: { kind: "token", tokenId: resolved.tokenId, scopes: resolved.scopes },
      };
    }
    const token = getCookie(c, sessionCookie);
    const session = token ? await auth.authenticate(token) : undefined;
    if (!token || !session) throw new NewsdeskError("AUTH_REQUIRED");
    return { actor: session.actor, credential: { kind: "session", session, token } };
  };
}
