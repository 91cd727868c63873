import type { AuditLog } from "../../domain/audit/audit-log.js";
import { NewsdeskError } from "../../domain/error-catalogue.js";
import type { AuthService, SessionView } from "../../domain/users/auth-service.js";
import type { SecondFactorService } from "../../domain/users/second-factor-service.js";
import { qrCodeSvg } from "../../render/qr-code-svg.js";
import type { NewsroomAuth, NewsroomRouter } from "./newsroom-router.js";

export interface AccountRouteDeps {
  readonly auth: AuthService;
  readonly secondFactors: SecondFactorService;
  readonly audit: AuditLog;
}

const noStore = { "Cache-Control": "no-store" } as const;

function sessionOf(auth: NewsroomAuth): { token: string; session: SessionView } {
  if (auth.credential.kind !== "session") throw new NewsdeskError("AUTH_REQUIRED");
  return { token: auth.credential.token, session: auth.credential.session };
}

/**
 * The caller's own account: password change, re-authentication, and two-factor set-up
 *. Browser sessions only. Enrolment, confirmation, reading the
 * status and re-authenticating stay open to a session that must still enrol (REQUIRE_2FA);
 * turning the factor off and renewing recovery codes need a recent re-authentication,
 * which the domain service checks.
 */
export function accountRoutes(r: NewsroomRouter, deps: AccountRouteDeps): void {
  const own = { action: "account.self", scope: "session" } as const;
  const duringEnrolment = { ...own, beforeSecondFactor: true } as const;

  r.post("/account/password", own, async (c, { actor, auth, body }) => {
    const endedSessions = await deps.auth.changePassword(sessionOf(auth).token, body);
    await deps.audit.record(actor, "account.password-change", {}, { endedSessions });
    return c.json({ endedSessions }, 200, noStore);
  });

  r.post("/account/reauthenticate", duringEnrolment, async (c, { actor, auth, body }) => {
    await deps.auth.reauthenticate(sessionOf(auth).token, body);
    await deps.audit.record(actor, "account.reauthenticate", {});
    return c.body(null, 204);
  });

  r.get("/account/2fa", duringEnrolment, async (c, { auth }) =>
    c.json(await deps.secondFactors.status(sessionOf(auth).session), 200, noStore),
  );

  r.post("/account/2fa/enrol", { ...duringEnrolment, body: "none" }, async (c, { auth }) => {
    const { secret, uri } = await deps.secondFactors.enrol(sessionOf(auth).session);
    return c.json({ secret, uri, qrSvg: qrCodeSvg(uri) }, 200, noStore);
  });

  r.post("/account/2fa/confirm", duringEnrolment, async (c, { actor, auth, body }) => {
    const result = await deps.secondFactors.confirm(sessionOf(auth).session, body);
    await deps.audit.record(actor, "account.2fa-enable", {});
    return c.json(result, 200, noStore);
  });

  r.post("/account/2fa/disable", { ...own, body: "none" }, async (c, { actor, auth }) => {
    await deps.secondFactors.disable(sessionOf(auth).session);
    await deps.audit.record(actor, "account.2fa-disable", {});
    return c.body(null, 204);
  });

  r.post("/account/2fa/recovery-codes", { ...own, body: "none" }, async (c, { actor, auth }) => {
    const result = await deps.secondFactors.regenerateRecoveryCodes(sessionOf(auth).session);
    await deps.audit.record(actor, "account.recovery-codes", {});
    return c.json(result, 200, noStore);
  });
}
