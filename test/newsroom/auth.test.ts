import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor, userActor } from "../../src/domain/actor.js";
import { AuthService, hashSecret } from "../../src/domain/users/auth-service.js";
import { SecondFactorService } from "../../src/domain/users/second-factor-service.js";
import { UserService } from "../../src/domain/users/user-service.js";
import { Argon2PasswordHasher } from "../../src/security/argon2-password-hasher.js";
import { BundledCommonPasswords } from "../../src/security/common-password-list.js";
import { CatalogSqlRepository } from "../../src/storage/catalog-sql-repository.js";
import { SecondFactorSqlRepository } from "../../src/storage/second-factor-sql-repository.js";
import { UserSqlRepository } from "../../src/storage/user-sql-repository.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const password = "correct horse battery staple";

describe.each(dialects)("accounts and sessions on %s", (dialect) => {
  let database: TestDatabase;
  let users: UserSqlRepository;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 });
  let auth: AuthService;
  let accounts: UserService;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    users = new UserSqlRepository(database.db);
    const commonPasswords = new BundledCommonPasswords();
    const factors = new SecondFactorSqlRepository(database.db);
    const secondFactors = new SecondFactorService({ factors, clock, issuer: "Newsdesk" });
    auth = new AuthService({ users, hasher, clock, secondFactors, commonPasswords });
    accounts = new UserService({
      users,
      catalog: new CatalogSqlRepository(database.db),
      hasher,
      clock,
      commonPasswords,
    });
    await accounts.create(systemActor("test"), {
      email: "Editor@Example.org",
      displayName: "Eda Editor",
      password,
      grants: [{ serviceId: "fa", role: "editor" }],
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("stores argon2id hashes, never the password", async () => {
    const stored = await users.findCredentials("editor@example.org");
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored?.passwordHash).not.toContain(password);
  });

  it("logs in with the right password, case-insensitively by email, and resolves the session", async () => {
    const { token, session } = await auth.login(
      { email: " EDITOR@example.org ", password },
      "10.0.0.1",
    );
    expect(session.user.displayName).toBe("Eda Editor");
    expect(session.grants).toEqual([{ serviceId: "fa", role: "editor" }]);
    expect(await users.findSession(token)).toBeUndefined(); // only the hash is stored
    expect(await users.findSession(hashSecret(token))).toBeDefined();
    const again = await auth.authenticate(token);
    expect(again?.csrfToken).toBe(session.csrfToken);
    expect(again?.actor).toEqual(userActor(session.user.id, session.grants, false));
  });

  it("refuses a wrong password and an unknown account with the same error", async () => {
    await expect(
      auth.login({ email: "editor@example.org", password: "wrong password!" }, "10.0.0.2"),
    ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    await expect(
      auth.login({ email: "nobody@example.org", password }, "10.0.0.2"),
    ).rejects.toMatchObject({ code: "AUTH_FAILED" });
  });

  it("throttles an account after five attempts, even with the right password, then lets it in later", async () => {
    await accounts.create(systemActor("test"), {
      email: "target@example.org",
      displayName: "T",
      password,
    });
    for (let i = 0; i < 5; i++) {
      await expect(
        auth.login({ email: "target@example.org", password: `guess number ${i}` }, `10.1.0.${i}`),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    }
    const locked = auth.login({ email: "target@example.org", password }, "10.9.9.9");
    await expect(locked).rejects.toMatchObject({
      code: "LOGIN_THROTTLED",
      details: { retryAfterSeconds: 900 },
    });
    clock.advance(15 * 60_000 + 1000);
    await expect(
      auth.login({ email: "target@example.org", password }, "10.9.9.9"),
    ).resolves.toHaveProperty("token");
  });

  it("throttles one address spraying many accounts", async () => {
    for (let i = 0; i < 30; i++) {
      await expect(
        auth.login({ email: `spray${i}@example.org`, password }, "192.0.2.7"),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    }
    await expect(
      auth.login({ email: "editor@example.org", password }, "192.0.2.7"),
    ).rejects.toMatchObject({ code: "LOGIN_THROTTLED" });
    await expect(
      auth.login({ email: "editor@example.org", password }, "192.0.2.8"),
    ).resolves.toHaveProperty("token");
  });

  it("expires idle sessions and ends every session on logout-everywhere and password reset", async () => {
    const first = await auth.login({ email: "editor@example.org", password }, "10.0.0.3");
    clock.advance(13 * 3_600_000);
    expect(await auth.authenticate(first.token)).toBeUndefined();
    const a = await auth.login({ email: "editor@example.org", password }, "10.0.0.3");
    const b = await auth.login({ email: "editor@example.org", password }, "10.0.0.4");
    expect((await auth.logoutEverywhere(a.session.user.id)).sessions).toBeGreaterThanOrEqual(2);
    expect(await auth.authenticate(a.token)).toBeUndefined();
    expect(await auth.authenticate(b.token)).toBeUndefined();
    const c = await auth.login({ email: "editor@example.org", password }, "10.0.0.5");
    await accounts.resetPassword(
      systemActor("admin"),
      c.session.user.id,
      "a brand new long password",
    );
    expect(await auth.authenticate(c.token)).toBeUndefined();
    await expect(
      auth.login({ email: "editor@example.org", password }, "10.0.0.5"),
    ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    await accounts.resetPassword(systemActor("admin"), c.session.user.id, password);
  });

  it("issues scoped API tokens that are hashed at rest and can be revoked", async () => {
    const { session } = await auth.login({ email: "editor@example.org", password }, "10.0.0.6");
    const { id, token } = await auth.createApiToken(
      session.actor,
      { kind: "session", session },
      { name: "CMS bridge", scopes: ["stories:read", "stories:read"] },
    );
    expect(token).toMatch(/^nd_/);
    const resolved = await auth.authenticateToken(token);
    expect(resolved?.scopes).toEqual(["stories:read"]);
    expect(resolved?.actor).toMatchObject({ kind: "user", userId: session.user.id });
    expect(await auth.authenticateToken("nd_forged")).toBeUndefined();
    expect(await auth.revokeApiToken(session.actor, id)).toBe(true);
    expect(await auth.authenticateToken(token)).toBeUndefined();
  });

  it("lets service admins manage roles only in their own services", async () => {
    const admin = await accounts.create(systemActor("test"), {
      email: "sa@example.org",
      displayName: "Service Admin",
      password,
      grants: [{ serviceId: "fa", role: "service_admin" }],
    });
    const actor = userActor(admin.id, [{ serviceId: "fa", role: "service_admin" }]);
    const reporter = await accounts.create(actor, {
      email: "rep@example.org",
      displayName: "Rep",
      password,
      grants: [{ serviceId: "fa", role: "reporter" }],
    });
    await expect(
      accounts.setGrants(actor, reporter.id, [{ serviceId: "en", role: "editor" }]),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      accounts.create(actor, { email: "x@example.org", displayName: "X", password, isAdmin: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await accounts.setGrants(actor, reporter.id, [{ serviceId: "fa", role: "editor" }]),
    ).toEqual([{ serviceId: "fa", role: "editor" }]);
    await expect(
      accounts.create(systemActor("t"), { email: "REP@example.org", displayName: "Dup", password }),
    ).rejects.toMatchObject({ code: "USER_EXISTS" });
    await expect(
      accounts.create(systemActor("t"), {
        email: "short@example.org",
        displayName: "S",
        password: "short",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
