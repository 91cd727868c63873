import { deleteCookie, setCookie } from "hono/cookie";
import type { AuditLog } from "../../domain/audit/audit-log.js";
import { NewsdeskError } from "../../domain/error-catalogue.js";
import { serviceIds, services } from "../../domain/services/service-registry.js";
import { can } from "../../domain/users/access-policy.js";
import type { AuthService, SessionView } from "../../domain/users/auth-service.js";
import { locales } from "../../i18n/locale-registry.js";
import { clientIpOf, type TrustedProxies } from "../client-ip.js";
import { sessionCookie } from "./authenticate.js";
import type { NewsroomRouter } from "./newsroom-router.js";

export interface SessionRouteDeps {
  readonly auth: AuthService;
  readonly audit: AuditLog;
  readonly publicUrl: string;
  readonly trustedProxies: TrustedProxies;
}

const noStore = { "Cache-Control": "no-store" } as const;

function sessionJson(session: SessionView) {
  return {
    user: session.user,
    grants: session.grants,
    csrfToken: session.csrfToken,
    mustEnrolSecondFactor: session.mustEnrolSecondFactor === true,
  };
}

/** Log-in, the current session, log-out, and the services the caller works in. */
export function sessionRoutes(r: NewsroomRouter, deps: SessionRouteDeps): void {
  const https = deps.publicUrl.startsWith("https:");

  r.anonymous("POST", "/session", {}, async (c, { body }) => {
    const ip = clientIpOf(c, deps.trustedProxies);
    const { token, session } = await deps.auth.login(body, ip);
    // SameSite=Strict: the newsroom is never entered from another site's link with a session.
    setCookie(c, sessionCookie, token, {
      path: "/newsroom",
      httpOnly: true,
      sameSite: "Strict",
      secure: https,
      maxAge: deps.auth.sessionCookieMaxAgeSeconds,
    });
    await deps.audit.record(session.actor, "session.login", {}, { ip });
    return c.json(sessionJson(session), 200, noStore);
  });

  r.get(
    "/session",
    { action: "account.self", scope: "session", beforeSecondFactor: true },
    (c, { auth }) => {
      if (auth.credential.kind !== "session") throw new NewsdeskError("AUTH_REQUIRED");
      return c.json(sessionJson(auth.credential.session), 200, noStore);
    },
  );

  r.delete(
    "/session",
    { action: "account.self", scope: "session", beforeSecondFactor: true },
    async (c, { auth }) => {
      if (auth.credential.kind === "session") await deps.auth.logout(auth.credential.token);
      deleteCookie(c, sessionCookie, { path: "/newsroom" });
      return c.body(null, 204);
    },
  );

  r.post(
    "/session/logout-everywhere",
    { action: "account.self", scope: "session", body: "none" },
    async (c, { actor }) => {
      if (actor.kind !== "user") throw new NewsdeskError("FORBIDDEN");
      await deps.auth.logoutEverywhere(actor.userId);
      await deps.audit.record(actor, "session.logout-everywhere", {});
      deleteCookie(c, sessionCookie, { path: "/newsroom" });
      return c.body(null, 204);
    },
  );

  r.get("/services", { action: "account.self", scope: "stories:read" }, (c, { actor }) => {
    const visible = serviceIds.filter((id) => can(actor, "story.view", id));
    return c.json(
      visible.map((id) => {
        const service = services[id];
        return {
          id,
          name: service.name,
          locale: service.locale,
          dir: locales[service.locale].dir,
          urlPrefix: service.urlPrefix,
          /** IANA zone of the service's readers: schedule dialogs state times in it too. */
          timeZone: service.timeZone,
          roles:
            actor.kind === "user"
              ? actor.grants.filter((g) => g.serviceId === id).map((g) => g.role)
              : [],
          isAdmin: actor.kind === "system" || actor.isAdmin,
        };
      }),
    );
  });
}
