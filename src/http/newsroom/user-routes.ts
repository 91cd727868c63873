import { z } from "zod";
import type { AuditLog } from "../../domain/audit/audit-log.js";
import { NewsdeskError } from "../../domain/error-catalogue.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import type { AuthService } from "../../domain/users/auth-service.js";
import { createTokenInputSchema } from "../../domain/users/user-schema.js";
import type { UserService } from "../../domain/users/user-service.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

export interface UserRouteDeps {
  readonly users: UserService;
  readonly auth: AuthService;
  readonly audit: AuditLog;
}

const noStore = { "Cache-Control": "no-store" } as const;

/**
 * People and their roles (administrators and service admins), and each person's own API
 * tokens. Only a signed-in session may call these: a token can neither manage people nor
 * mint other tokens.
 */
export function userRoutes(r: NewsroomRouter, deps: UserRouteDeps): void {
  const manage = { action: "users.manage", scope: "session" } as const;

  r.get("/users", manage, async (c, { actor }) => c.json(await deps.users.list(actor)));

  r.post("/users", manage, async (c, { actor, body }) => {
    const user = await deps.users.create(actor, body);
    await deps.audit.record(actor, "user.create", {}, { userId: user.id, email: user.email });
    return c.json({ user }, 201);
  });

  r.put("/users/:id/grants", manage, async (c, { actor, body }) => {
    const input = parseOrThrow(z.object({ grants: z.unknown() }), body);
    const grants = await deps.users.setGrants(actor, pathParam(c, "id"), input.grants);
    await deps.audit.record(actor, "user.grants", {}, { userId: pathParam(c, "id"), grants });
    return c.json({ grants });
  });

  r.put("/users/:id/person", manage, async (c, { actor, body }) => {
    const entry = await deps.users.setPerson(actor, pathParam(c, "id"), body);
    await deps.audit.record(
      actor,
      "user.person",
      {},
      { userId: entry.user.id, personId: entry.user.personId },
    );
    return c.json(entry);
  });

  r.post("/users/:id/reset-password", manage, async (c, { actor, body }) => {
    const input = parseOrThrow(z.object({ password: z.unknown() }), body);
    await deps.users.resetPassword(actor, pathParam(c, "id"), input.password);
    await deps.audit.record(actor, "user.reset-password", {}, { userId: pathParam(c, "id") });
    return c.body(null, 204);
  });

  // Disabling ends the account's sessions and API tokens; enabling does not bring them back.
  r.post("/users/:id/disable", { ...manage, body: "none" }, async (c, { actor }) => {
    await deps.users.disable(actor, pathParam(c, "id"));
    await deps.audit.record(actor, "user.disable", {}, { userId: pathParam(c, "id") });
    return c.body(null, 204);
  });

  r.post("/users/:id/enable", { ...manage, body: "none" }, async (c, { actor }) => {
    await deps.users.enable(actor, pathParam(c, "id"));
    await deps.audit.record(actor, "user.enable", {}, { userId: pathParam(c, "id") });
    return c.body(null, 204);
  });

  r.post("/users/:id/sessions/end", { ...manage, body: "none" }, async (c, { actor }) => {
    const ended = await deps.users.endSessions(actor, pathParam(c, "id"));
    await deps.audit.record(
      actor,
      "user.end-sessions",
      {},
      { userId: pathParam(c, "id"), ...ended },
    );
    return c.json(ended);
  });

  const own = { action: "account.self", scope: "session" } as const;

  r.post("/tokens", own, async (c, { actor, auth, body }) => {
    // Declared for sessions only; the domain refuses a token credential again on its own.
    const input = parseOrThrow(createTokenInputSchema, body);
    const created = await deps.auth.createApiToken(actor, auth.credential, input);
    await deps.audit.record(
      actor,
      "token.create",
      {},
      { tokenId: created.id, scopes: input.scopes },
    );
    return c.json(created, 201, noStore);
  });

  r.get("/tokens", own, async (c, { actor }) =>
    c.json(await deps.auth.listApiTokens(actor), 200, noStore),
  );

  r.delete("/tokens/:id", own, async (c, { actor }) => {
    if (!(await deps.auth.revokeApiToken(actor, pathParam(c, "id"))))
      throw new NewsdeskError("NOT_FOUND");
    return c.body(null, 204);
  });
}
