import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecondFactorSqlRepository } from "../../src/storage/second-factor-sql-repository.js";
import { UserSqlRepository } from "../../src/storage/user-sql-repository.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

describe.each(dialects)("second-factor storage on %s", (dialect) => {
  let database: TestDatabase;
  let factors: SecondFactorSqlRepository;
  const at = "2026-11-20T10:00:00.000Z";

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    factors = new SecondFactorSqlRepository(database.db);
    const users = new UserSqlRepository(database.db);
    for (const id of ["u1", "u2", "u3"]) {
      await users.insertUser(
        {
          id,
          email: `${id}@example.org`,
          displayName: id,
          isAdmin: false,
          createdAt: at,
          disabledAt: null,
          personId: null,
        },
        "hash",
        [],
      );
    }
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("keeps a factor pending until confirmed with the secret it was started with", async () => {
    expect(await factors.savePendingTotp("u1", "SECRETONE", at)).toBe(true);
    expect(await factors.savePendingTotp("u1", "SECRETTWO", at)).toBe(true);
    expect(await factors.confirmTotp("u1", "SECRETONE", 100, at)).toBe(false);
    expect(await factors.findTotp("u1")).toMatchObject({ secret: "SECRETTWO", confirmedAt: null });
    expect(await factors.confirmTotp("u1", "SECRETTWO", 100, at)).toBe(true);
    expect(await factors.findTotp("u1")).toMatchObject({ confirmedAt: at, lastUsedStep: 100 });
    // A confirmed factor is never replaced by a new enrolment.
    expect(await factors.savePendingTotp("u1", "SECRETTHREE", at)).toBe(false);
    expect((await factors.findTotp("u1"))?.secret).toBe("SECRETTWO");
  });

  it("accepts each time step once, even when two requests race", async () => {
    expect(await factors.useTotpStep("u1", 100)).toBe(false);
    expect(await factors.useTotpStep("u1", 99)).toBe(false);
    const raced = await Promise.all([
      factors.useTotpStep("u1", 101),
      factors.useTotpStep("u1", 101),
    ]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await factors.useTotpStep("u2", 101)).toBe(false); // no factor at all
  });

  it("spends each recovery code once, and replaces them all on regeneration", async () => {
    await factors.replaceRecoveryCodes("u1", "salt-a", ["h1", "h2", "h3"], at);
    expect(await factors.unusedRecoveryCodes("u1")).toBe(3);
    expect((await factors.findTotp("u1"))?.recoverySalt).toBe("salt-a");
    const raced = await Promise.all([
      factors.useRecoveryCode("u1", "h2", at),
      factors.useRecoveryCode("u1", "h2", at),
    ]);
    expect(raced.filter(Boolean)).toHaveLength(1);
    expect(await factors.useRecoveryCode("u1", "h2", at)).toBe(false);
    expect(await factors.useRecoveryCode("u2", "h1", at)).toBe(false); // another user's code
    expect(await factors.unusedRecoveryCodes("u1")).toBe(2);
    await factors.replaceRecoveryCodes("u1", "salt-b", ["h4"], at);
    expect(await factors.useRecoveryCode("u1", "h1", at)).toBe(false);
    expect(await factors.unusedRecoveryCodes("u1")).toBe(1);
  });

  it("forgets the factor and its codes when it is turned off", async () => {
    await factors.deleteTotp("u1");
    expect(await factors.findTotp("u1")).toBeUndefined();
    expect(await factors.unusedRecoveryCodes("u1")).toBe(0);
    expect(await factors.useRecoveryCode("u1", "h4", at)).toBe(false);
  });

  it("records when a session last proved its password, and ends all but one session", async () => {
    const users = new UserSqlRepository(database.db);
    for (const tokenHash of ["s1", "s2", "s3"]) {
      await users.insertSession({
        tokenHash,
        userId: "u3",
        csrfToken: "c",
        createdAt: at,
        expiresAt: "2026-11-20T22:00:00.000Z",
        lastSeenAt: at,
        reauthenticatedAt: null,
        ip: null,
      });
    }
    await users.markSessionAuthenticated("s2", "2026-11-20T10:05:00.000Z");
    expect((await users.findSession("s2"))?.reauthenticatedAt).toBe("2026-11-20T10:05:00.000Z");
    expect(await users.endUserSessions("u3", at, "s2")).toEqual({ sessions: 2, tokens: 0 });
    expect(await users.findSession("s1")).toBeUndefined();
    expect(await users.findSession("s2")).toBeDefined();
  });
});
