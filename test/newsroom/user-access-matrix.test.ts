import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, systemActor, userActor } from "../../src/domain/actor.js";
import { hashSecret } from "../../src/domain/users/auth-service.js";
import type { Grant } from "../../src/domain/users/user-schema.js";
import { UserService } from "../../src/domain/users/user-service.js";
import { Argon2PasswordHasher } from "../../src/security/argon2-password-hasher.js";
import { BundledCommonPasswords } from "../../src/security/common-password-list.js";
import { CatalogSqlRepository } from "../../src/storage/catalog-sql-repository.js";
import { UserSqlRepository } from "../../src/storage/user-sql-repository.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

/**
 * The user-management access matrix over TARGETS, run against
 * the real UserService and storage. Hausa (ha) is the service the service admin runs;
 * Persian (fa) is "elsewhere". The expected outcomes are written out by hand below, row by
 * row, independently of how access-policy.ts computes them.
 */
const callers = {
  admin: { isAdmin: true, grants: [] },
  "ha service admin": { isAdmin: false, grants: [{ serviceId: "ha", role: "service_admin" }] },
  "ha editor": { isAdmin: false, grants: [{ serviceId: "ha", role: "editor" }] },
  "ha reporter": { isAdmin: false, grants: [{ serviceId: "ha", role: "reporter" }] },
  "ha translator": { isAdmin: false, grants: [{ serviceId: "ha", role: "translator" }] },
  "fa service admin": { isAdmin: false, grants: [{ serviceId: "fa", role: "service_admin" }] },
} satisfies Record<string, { isAdmin: boolean; grants: Grant[] }>;
type Caller = keyof typeof callers;
const callerNames = Object.keys(callers) as Caller[];

/** `self` is the caller's own account; every other target is a separate account. */
const targets = {
  administrator: { isAdmin: true, grants: [] },
  "administrator with a ha role": {
    isAdmin: true,
    grants: [{ serviceId: "ha", role: "reporter" }],
  },
  "ha user": { isAdmin: false, grants: [{ serviceId: "ha", role: "reporter" }] },
  "fa user": { isAdmin: false, grants: [{ serviceId: "fa", role: "reporter" }] },
  "ha and fa user": {
    isAdmin: false,
    grants: [
      { serviceId: "ha", role: "reporter" },
      { serviceId: "fa", role: "reporter" },
    ],
  },
  "user without grants": { isAdmin: false, grants: [] },
  self: undefined,
} satisfies Record<string, { isAdmin: boolean; grants: Grant[] } | undefined>;
type Target = keyof typeof targets;

type Outcome = "ok" | "403";
/** Columns, in order: admin, ha service admin, ha editor, ha reporter, ha translator, fa service admin. */
type Row = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

/** setGrants, resetPassword, disable and enable share one table. */
const manage: Record<Target, Row> = {
  administrator: ["ok", "403", "403", "403", "403", "403"],
  "administrator with a ha role": ["ok", "403", "403", "403", "403", "403"],
  "ha user": ["ok", "ok", "403", "403", "403", "403"],
  "fa user": ["ok", "403", "403", "403", "403", "ok"],
  "ha and fa user": ["ok", "403", "403", "403", "403", "403"],
  "user without grants": ["ok", "403", "403", "403", "403", "403"],
  self: ["403", "403", "403", "403", "403", "403"],
};

/** Ending sessions is the same, except that everyone may end their own ("log out everywhere"). */
const endSessions: Record<Target, Row> = {
  ...manage,
  self: ["ok", "ok", "ok", "ok", "ok", "ok"],
};

/** Creating an account with the target's flags and grants (there is no "self" to create). */
const create: Record<Exclude<Target, "self">, Row> = {
  administrator: ["ok", "403", "403", "403", "403", "403"],
  "administrator with a ha role": ["ok", "403", "403", "403", "403", "403"],
  "ha user": ["ok", "ok", "403", "403", "403", "403"],
  "fa user": ["ok", "403", "403", "403", "403", "ok"],
  "ha and fa user": ["ok", "403", "403", "403", "403", "403"],
  "user without grants": ["ok", "403", "403", "403", "403", "403"],
};

/** The user list: "403" for the whole list, else whether the target is listed and manageable. */
type Listing = "manage" | "view" | "hidden" | "403";
const list: Record<Target, readonly [Listing, Listing, Listing, Listing, Listing, Listing]> = {
  administrator: ["manage", "hidden", "403", "403", "403", "hidden"],
  "administrator with a ha role": ["manage", "view", "403", "403", "403", "hidden"],
  "ha user": ["manage", "manage", "403", "403", "403", "hidden"],
  "fa user": ["manage", "hidden", "403", "403", "403", "manage"],
  "ha and fa user": ["manage", "view", "403", "403", "403", "view"],
  "user without grants": ["manage", "hidden", "403", "403", "403", "hidden"],
  self: ["view", "view", "403", "403", "403", "view"],
};

const targetNames = Object.keys(targets) as Target[];
const password = "the original long password";

describe.each(dialects)("user management by target on %s", (dialect) => {
  let database: TestDatabase;
  let users: UserSqlRepository;
  let accounts: UserService;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 });
  let serial = 0;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    users = new UserSqlRepository(database.db);
    const commonPasswords = new BundledCommonPasswords();
    accounts = new UserService({
      users,
      catalog: new CatalogSqlRepository(database.db),
      hasher,
      clock,
      commonPasswords,
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  /** A fresh caller and a fresh target for every cell, so no cell sees another's effects. */
  async function cell(caller: Caller, target: Target) {
    serial += 1;
    const callerUser = await accounts.create(systemActor("test"), {
      email: `caller${serial}@example.org`,
      displayName: `Caller ${serial}`,
      password,
      ...callers[caller],
    });
    const actor: Actor = userActor(callerUser.id, callers[caller].grants, callers[caller].isAdmin);
    const spec = targets[target] ?? callers[caller];
    const targetUser =
      targets[target] === undefined
        ? callerUser
        : await accounts.create(systemActor("test"), {
            email: `target${serial}@example.org`,
            displayName: `Target ${serial}`,
            password,
            ...spec,
          });
    // A live session and API token, to see that refused calls leave them alone.
    await users.insertSession({
      tokenHash: hashSecret(`session${serial}`),
      userId: targetUser.id,
      csrfToken: "csrf",
      createdAt: clock.now().toISOString(),
      expiresAt: "2027-01-01T00:00:00.000Z",
      lastSeenAt: clock.now().toISOString(),
      reauthenticatedAt: null,
      ip: null,
    });
    await users.insertToken({
      id: `token${serial}`,
      userId: targetUser.id,
      name: "bridge",
      tokenHash: hashSecret(`token${serial}`),
      scopes: ["stories:read"],
      createdAt: clock.now().toISOString(),
      expiresAt: "2027-01-01T00:00:00.000Z",
      revokedAt: null,
    });
    const state = async () => ({
      passwordHash: (await users.findCredentials(targetUser.email))?.passwordHash,
      grants: await users.grantsOf(targetUser.id),
      disabledAt: (await users.findUser(targetUser.id))?.disabledAt,
      session: (await users.findSession(hashSecret(`session${serial}`))) !== undefined,
      tokenLive: (await users.findToken(hashSecret(`token${serial}`)))?.revokedAt === null,
    });
    /** Grants the caller would plausibly set: the target's services as editor, or its own. */
    const home = callers[caller].grants[0]?.serviceId ?? "ha";
    const newGrants: Grant[] =
      spec.grants.length > 0
        ? spec.grants.map((g) => ({ serviceId: g.serviceId, role: "editor" }))
        : [{ serviceId: home, role: "editor" }];
    return { actor, target: targetUser, state, newGrants, serial };
  }

  async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
    try {
      await run();
      return "ok";
    } catch (error) {
      expect(error).toMatchObject({ code: "FORBIDDEN" });
      return "403";
    }
  }

  const column = (caller: Caller) => callerNames.indexOf(caller);

  for (const target of targetNames) {
    for (const caller of callerNames) {
      const label = `${caller} → ${target}`;

      it(`resetPassword: ${label}`, async () => {
        const { actor, target: t, state } = await cell(caller, target);
        const before = await state();
        const result = await outcome(() =>
          accounts.resetPassword(actor, t.id, "a password chosen by the caller"),
        );
        expect(result).toBe(manage[target][column(caller)]);
        const after = await state();
        if (result === "ok") {
          expect(after.passwordHash).not.toBe(before.passwordHash);
          expect([after.session, after.tokenLive]).toEqual([false, false]);
        } else {
          expect(after).toEqual(before);
        }
      });

      it(`setGrants: ${label}`, async () => {
        const { actor, target: t, state, newGrants } = await cell(caller, target);
        const before = await state();
        const result = await outcome(() => accounts.setGrants(actor, t.id, newGrants));
        expect(result).toBe(manage[target][column(caller)]);
        const after = await state();
        if (result === "ok") expect(after.grants).toEqual(expect.arrayContaining(newGrants));
        else expect(after).toEqual(before);
      });

      it(`disable: ${label}`, async () => {
        const { actor, target: t, state } = await cell(caller, target);
        const before = await state();
        const result = await outcome(() => accounts.disable(actor, t.id));
        expect(result).toBe(manage[target][column(caller)]);
        const after = await state();
        if (result === "ok") {
          expect(after.disabledAt).toBe(clock.now().toISOString());
          expect([after.session, after.tokenLive]).toEqual([false, false]);
        } else {
          expect(after).toEqual(before);
        }
      });

      it(`enable: ${label}`, async () => {
        const { actor, target: t, state } = await cell(caller, target);
        await users.setDisabled(t.id, "2026-11-19T00:00:00.000Z");
        const before = await state();
        const result = await outcome(() => accounts.enable(actor, t.id));
        expect(result).toBe(manage[target][column(caller)]);
        const after = await state();
        expect(after.disabledAt).toBe(result === "ok" ? null : before.disabledAt);
      });

      it(`endSessions: ${label}`, async () => {
        const { actor, target: t, state } = await cell(caller, target);
        const before = await state();
        const result = await outcome(() => accounts.endSessions(actor, t.id));
        expect(result).toBe(endSessions[target][column(caller)]);
        const after = await state();
        if (result === "ok") expect([after.session, after.tokenLive]).toEqual([false, false]);
        else expect(after).toEqual(before);
      });

      it(`list: ${label}`, async () => {
        const { actor, target: t } = await cell(caller, target);
        let listing: Listing;
        try {
          const entry = (await accounts.list(actor)).find((e) => e.user.id === t.id);
          listing = entry ? (entry.manageable ? "manage" : "view") : "hidden";
        } catch (error) {
          expect(error).toMatchObject({ code: "FORBIDDEN" });
          listing = "403";
        }
        expect(listing).toBe(list[target][column(caller)]);
      });

      if (target !== "self") {
        it(`create: ${label}`, async () => {
          const { actor, serial } = await cell(caller, target);
          const email = `created${serial}@example.org`;
          const result = await outcome(() =>
            accounts.create(actor, { email, displayName: "New", password, ...targets[target] }),
          );
          expect(result).toBe(create[target][column(caller)]);
          expect(await accounts.findByEmail(email)).toSatisfy((u) =>
            result === "ok" ? u !== undefined : u === undefined,
          );
        });
      }
    }
  }

  it("refuses a service admin who grants a role outside their services, or makes anyone an administrator", async () => {
    const { actor, target: haUser, state } = await cell("ha service admin", "ha user");
    const before = await state();
    await expect(
      accounts.setGrants(actor, haUser.id, [
        { serviceId: "ha", role: "reporter" },
        { serviceId: "fa", role: "service_admin" },
      ]),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await state()).toEqual(before);
    // Nobody raises themselves: not to service admin elsewhere, not by any other path.
    if (actor.kind !== "user") throw new Error("user actor expected");
    await expect(
      accounts.setGrants(actor, actor.userId, [
        { serviceId: "ha", role: "service_admin" },
        { serviceId: "fa", role: "service_admin" },
      ]),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await users.grantsOf(actor.userId)).toEqual([
      { serviceId: "ha", role: "service_admin" },
    ]);
  });

  it("removes a role only together with the sessions and tokens minted under it", async () => {
    const { target: t, state } = await cell("admin", "ha and fa user");
    await accounts.setGrants(systemActor("test"), t.id, [
      { serviceId: "ha", role: "reporter" },
      { serviceId: "fa", role: "reporter" },
      { serviceId: "fa", role: "editor" },
    ]);
    // Adding a role leaves sessions and tokens alone …
    expect(await state()).toMatchObject({ session: true, tokenLive: true });
    await accounts.setGrants(systemActor("test"), t.id, [{ serviceId: "ha", role: "reporter" }]);
    // … removing one ends them.
    expect(await state()).toMatchObject({ session: false, tokenLive: false });
  });

  it("answers USER_NOT_FOUND to a manager and FORBIDDEN to a reporter who probes an unknown id", async () => {
    const admin = (await cell("admin", "ha user")).actor;
    const reporter = (await cell("ha reporter", "ha user")).actor;
    await expect(accounts.disable(admin, "no-such-user")).rejects.toMatchObject({
      code: "USER_NOT_FOUND",
    });
    await expect(accounts.disable(reporter, "no-such-user")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
