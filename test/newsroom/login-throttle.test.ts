import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { AuthService } from "../../src/domain/users/auth-service.js";
import type { PasswordHasher } from "../../src/domain/users/password-hasher.js";
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

/** Counts how often a password reaches the (expensive) hasher: what throttling must bound. */
class CountingHasher implements PasswordHasher {
  verifications = 0;
  readonly #inner: PasswordHasher;
  constructor(inner: PasswordHasher) {
    this.#inner = inner;
  }
  hash(plain: string): Promise<string> {
    return this.#inner.hash(plain);
  }
  verify(hashed: string, plain: string): Promise<boolean> {
    this.verifications += 1;
    return this.#inner.verify(hashed, plain);
  }
}

describe.each(dialects)("log-in throttling under concurrency on %s", (dialect) => {
  let database: TestDatabase;
  let users: UserSqlRepository;
  let accounts: UserService;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  const hasher = new CountingHasher(new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 }));
  const limits = { account: 5, ip: 10 };
  let auth: AuthService;

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
    auth = new AuthService({
      users,
      hasher,
      clock,
      secondFactors,
      commonPasswords,
      throttle: {
        account: { maxAttempts: limits.account, windowMs: 15 * 60_000 },
        ip: { maxAttempts: limits.ip, windowMs: 15 * 60_000 },
      },
    });
    for (const name of ["victim", "sprayed", "office", "v6"]) {
      await accounts.create(systemActor("test"), {
        email: `${name}@example.org`,
        displayName: name,
        password,
      });
    }
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("verifies at most N passwords when 50 wrong guesses at one account arrive at once", async () => {
    hasher.verifications = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        auth.login({ email: "victim@example.org", password: `guess ${i}` }, `198.51.100.${i + 1}`),
      ),
    );
    const codes = results.map((r) => (r.status === "rejected" ? r.reason.code : "LOGGED_IN"));
    expect(hasher.verifications).toBeLessThanOrEqual(limits.account);
    expect(codes.filter((c) => c === "AUTH_FAILED")).toHaveLength(limits.account);
    expect(codes.filter((c) => c === "LOGIN_THROTTLED")).toHaveLength(50 - limits.account);
    // The right password is refused too, until the window ends.
    await expect(
      auth.login({ email: "victim@example.org", password }, "198.51.100.200"),
    ).rejects.toMatchObject({ code: "LOGIN_THROTTLED" });
  });

  it("verifies at most N passwords when one address sprays 50 accounts at once", async () => {
    hasher.verifications = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        auth.login({ email: `sprayed${i}@example.org`, password }, "203.0.113.9"),
      ),
    );
    expect(hasher.verifications).toBeLessThanOrEqual(limits.ip);
    expect(
      results.filter((r) => r.status === "rejected" && r.reason.code === "LOGIN_THROTTLED"),
    ).toHaveLength(50 - limits.ip);
  });

  it("counts IPv6 clients per /64, and IPv4-mapped IPv6 as IPv4", async () => {
    for (let i = 0; i < limits.ip; i++) {
      const host = (i + 1).toString(16);
      await expect(
        auth.login({ email: `six${i}@example.org`, password }, `2001:db8:0:1:${host}::${host}`),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    }
    await expect(
      auth.login({ email: "v6@example.org", password }, "2001:DB8:0:1:ffff:ffff:ffff:fffe"),
    ).rejects.toMatchObject({ code: "LOGIN_THROTTLED" });
    await expect(
      auth.login({ email: "v6@example.org", password }, "2001:db8:0:2::1"),
    ).resolves.toHaveProperty("token");

    for (let i = 0; i < limits.ip; i++) {
      await expect(
        auth.login({ email: `four${i}@example.org`, password }, "::ffff:192.0.2.77"),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    }
    await expect(
      auth.login({ email: "v6@example.org", password }, "192.0.2.77"),
    ).rejects.toMatchObject({ code: "LOGIN_THROTTLED" });
  });

  it("clears the account counter on success, but only refunds the address its own attempt", async () => {
    const ip = "192.0.2.200";
    // Four wrong guesses, then the right password: the account starts over …
    for (let i = 0; i < limits.account - 1; i++) {
      await expect(
        auth.login({ email: "office@example.org", password: `typo ${i}` }, ip),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    }
    await expect(auth.login({ email: "office@example.org", password }, ip)).resolves.toBeDefined();
    for (let i = 0; i < limits.account - 1; i++) {
      await expect(
        auth.login({ email: "office@example.org", password: `typo again ${i}` }, "192.0.2.201"),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    }
    await expect(
      auth.login({ email: "office@example.org", password }, "192.0.2.201"),
    ).resolves.toBeDefined();
    // … while the address keeps its 4 failures: successes never wash them away.
    const logins = 20;
    for (let i = 0; i < logins; i++) {
      await auth.login({ email: "office@example.org", password }, ip);
    }
    for (let i = 0; i < limits.ip - (limits.account - 1); i++) {
      await expect(
        auth.login({ email: `nobody${i}@example.org`, password }, ip),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    }
    await expect(auth.login({ email: "office@example.org", password }, ip)).rejects.toMatchObject({
      code: "LOGIN_THROTTLED",
    });
  });

  it("restarts a counter when its window ends", async () => {
    await expect(
      auth.login({ email: "victim@example.org", password }, "198.51.100.201"),
    ).rejects.toMatchObject({ code: "LOGIN_THROTTLED", details: { retryAfterSeconds: 900 } });
    clock.advance(15 * 60_000);
    await expect(
      auth.login({ email: "victim@example.org", password }, "198.51.100.201"),
    ).resolves.toHaveProperty("token");
  });
});
