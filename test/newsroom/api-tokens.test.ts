import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, systemActor, userActor } from "../../src/domain/actor.js";
import { AuthService } from "../../src/domain/users/auth-service.js";
import { SecondFactorService } from "../../src/domain/users/second-factor-service.js";
import type { User } from "../../src/domain/users/user-schema.js";
import { UserService } from "../../src/domain/users/user-service.js";
import { Argon2PasswordHasher } from "../../src/security/argon2-password-hasher.js";
import { BundledCommonPasswords } from "../../src/security/common-password-list.js";
import { CatalogSqlRepository } from "../../src/storage/catalog-sql-repository.js";
import { SecondFactorSqlRepository } from "../../src/storage/second-factor-sql-repository.js";
import { UserSqlRepository } from "../../src/storage/user-sql-repository.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const password = "correct horse battery staple";
const day = 86_400_000;

/** Tokens end with their owner's sessions, expire, and need a session. */
describe.each(dialects)("API tokens on %s", (dialect) => {
  let database: TestDatabase;
  let users: UserSqlRepository;
  let accounts: UserService;
  let auth: AuthService;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 });
  let serial = 0;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    users = new UserSqlRepository(database.db);
    const commonPasswords = new BundledCommonPasswords();
    const secondFactors = new SecondFactorService({
      factors: new SecondFactorSqlRepository(database.db),
      clock,
      issuer: "Newsdesk",
    });
    accounts = new UserService({
      users,
      catalog: new CatalogSqlRepository(database.db),
      hasher,
      clock,
      commonPasswords,
    });
    auth = new AuthService({ users, hasher, clock, secondFactors, commonPasswords });
  });
  afterAll(async () => {
    await database.dispose();
  });

  /** A fresh editor (fa and en), logged in, with one live read token. */
  async function editorWithToken(): Promise<{
    user: User;
    actor: Actor;
    sessionToken: string;
    apiToken: string;
  }> {
    serial += 1;
    const user = await accounts.create(systemActor("test"), {
      email: `editor${serial}@example.org`,
      displayName: "Editor",
      password,
      grants: [
        { serviceId: "fa", role: "editor" },
        { serviceId: "en", role: "editor" },
      ],
    });
    const { token: sessionToken, session } = await auth.login(
      { email: user.email, password },
      `10.7.0.${serial}`,
    );
    const { token: apiToken } = await auth.createApiToken(
      session.actor,
      { kind: "session", session },
      { name: "bridge", scopes: ["stories:read"] },
    );
    return { user, actor: session.actor, sessionToken, apiToken };
  }

  async function expectEnded(e: { sessionToken: string; apiToken: string }) {
    expect(await auth.authenticate(e.sessionToken)).toBeUndefined();
    expect(await auth.authenticateToken(e.apiToken)).toBeUndefined();
  }

  it("needs a recent proof of identity to mint a token (ASVS V3.7.1)", async () => {
    const e = await editorWithToken();
    const stale = new Date(clock.now().getTime() - 6 * 60_000).toISOString();
    await expect(
      auth.createApiToken(
        e.actor,
        { kind: "session", session: { reauthenticatedAt: stale } },
        { name: "late", scopes: ["stories:read"] },
      ),
    ).rejects.toMatchObject({ code: "REAUTHENTICATION_REQUIRED" });
    await expect(
      auth.createApiToken(
        e.actor,
        { kind: "session", session: { reauthenticatedAt: null } },
        { name: "never", scopes: ["stories:read"] },
      ),
    ).rejects.toMatchObject({ code: "REAUTHENTICATION_REQUIRED" });
  });

  it("expires tokens after 90 days by default, or sooner when asked", async () => {
    const e = await editorWithToken();
    const short = await auth.createApiToken(
      e.actor,
      { kind: "session", session: { reauthenticatedAt: clock.now().toISOString() } },
      { name: "one week", scopes: ["stories:read"], expiresInDays: 7 },
    );
    expect(short.expiresAt).toBe(new Date(clock.now().getTime() + 7 * day).toISOString());
    const listed = await auth.listApiTokens(e.actor);
    expect(listed.find((t) => t.id === short.id)?.expiresAt).toBe(short.expiresAt);
    expect(listed.find((t) => t.id !== short.id)?.expiresAt).toBe(
      new Date(clock.now().getTime() + 90 * day).toISOString(),
    );
    await expect(
      auth.createApiToken(
        e.actor,
        { kind: "session", session: { reauthenticatedAt: clock.now().toISOString() } },
        { name: "forever", scopes: ["stories:read"], expiresInDays: 91 },
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });

    clock.advance(7 * day);
    expect(await auth.authenticateToken(short.token)).toBeUndefined();
    expect(await auth.authenticateToken(e.apiToken)).toBeDefined();
    clock.advance(83 * day - 1);
    expect(await auth.authenticateToken(e.apiToken)).toBeDefined();
    clock.advance(1);
    expect(await auth.authenticateToken(e.apiToken)).toBeUndefined();
  });

  it("refuses a token that tries to create a token, whatever scopes it asks for", async () => {
    const e = await editorWithToken();
    const resolved = await auth.authenticateToken(e.apiToken);
    if (!resolved) throw new Error("token expected to work");
    for (const scopes of [["stories:publish"], ["stories:read"]] as const) {
      await expect(
        auth.createApiToken(
          resolved.actor,
          { kind: "token", scopes: resolved.scopes },
          { name: "escalated", scopes },
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await auth.listApiTokens(e.actor)).toHaveLength(1);
  });

  it("revokes tokens with the sessions on log-out-everywhere", async () => {
    const e = await editorWithToken();
    expect(await auth.logoutEverywhere(e.user.id)).toEqual({ sessions: 1, tokens: 1 });
    await expectEnded(e);
  });

  it("revokes tokens with the sessions on a password reset", async () => {
    const e = await editorWithToken();
    await accounts.resetPassword(systemActor("test"), e.user.id, "a brand new long password");
    await expectEnded(e);
  });

  it("revokes tokens with the sessions when the account is disabled, and enabling does not revive them", async () => {
    const e = await editorWithToken();
    await accounts.disable(systemActor("test"), e.user.id);
    await expectEnded(e);
    await expect(auth.login({ email: e.user.email, password }, "10.7.1.1")).rejects.toMatchObject({
      code: "AUTH_FAILED",
    });
    await accounts.enable(systemActor("test"), e.user.id);
    await expectEnded(e);
    await expect(auth.login({ email: e.user.email, password }, "10.7.1.1")).resolves.toBeDefined();
  });

  it("refuses a disabled account's sessions and tokens even if they were not ended", async () => {
    const e = await editorWithToken();
    await users.setDisabled(e.user.id, clock.now().toISOString());
    await expectEnded(e);
    await users.setDisabled(e.user.id, null);
    expect(await auth.authenticate(e.sessionToken)).toBeDefined();
    expect(await auth.authenticateToken(e.apiToken)).toBeDefined();
  });

  it("revokes tokens when a role is removed, not when one is added", async () => {
    const e = await editorWithToken();
    await accounts.setGrants(systemActor("test"), e.user.id, [
      { serviceId: "fa", role: "editor" },
      { serviceId: "en", role: "editor" },
      { serviceId: "ha", role: "reporter" },
    ]);
    expect(await auth.authenticateToken(e.apiToken)).toBeDefined();
    const admin = userActor("some-admin", [], true);
    await accounts.setGrants(admin, e.user.id, [{ serviceId: "fa", role: "editor" }]);
    await expectEnded(e);
  });

  it("keeps other people's tokens when one account's access ends", async () => {
    const a = await editorWithToken();
    const b = await editorWithToken();
    await accounts.endSessions(systemActor("test"), a.user.id);
    await expectEnded(a);
    expect(await auth.authenticate(b.sessionToken)).toBeDefined();
    expect(await auth.authenticateToken(b.apiToken)).toBeDefined();
  });
});
