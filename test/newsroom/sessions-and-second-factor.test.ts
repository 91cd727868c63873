import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import {
  type AuthPolicy,
  AuthService,
  defaultAuthPolicy,
} from "../../src/domain/users/auth-service.js";
import type { CommonPasswords } from "../../src/domain/users/password-policy.js";
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
const minute = 60_000;
const hour = 60 * minute;
const hasher = new Argon2PasswordHasher({ memoryCost: 1024, timeCost: 1 });
const commonPasswords: CommonPasswords = new BundledCommonPasswords();

function codeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

describe.each(dialects)("sessions, password change and two-factor log-in on %s", (dialect) => {
  let database: TestDatabase;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  let accounts: UserService;

  function services(policy: Partial<AuthPolicy> = {}) {
    const users = new UserSqlRepository(database.db);
    const secondFactors = new SecondFactorService({
      factors: new SecondFactorSqlRepository(database.db),
      clock,
      issuer: "Meridian News",
    });
    const auth = new AuthService({
      users,
      hasher,
      clock,
      secondFactors,
      commonPasswords,
      policy: { ...defaultAuthPolicy, ...policy },
    });
    return { auth, secondFactors };
  }

  async function person(email: string, extra: { isAdmin?: boolean; role?: "service_admin" } = {}) {
    return accounts.create(systemActor("test"), {
      email,
      displayName: email,
      password,
      isAdmin: extra.isAdmin ?? false,
      grants: extra.role ? [{ serviceId: "fa", role: extra.role }] : [],
    });
  }

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    accounts = new UserService({
      users: new UserSqlRepository(database.db),
      catalog: new CatalogSqlRepository(database.db),
      hasher,
      clock,
      commonPasswords,
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  describe("session lifetime (ASVS 4.0.3 V3.3.2, level 2)", () => {
    it("defaults to 30 minutes idle and 12 hours absolute", () => {
      expect(defaultAuthPolicy.idleMs).toBe(30 * minute);
      expect(defaultAuthPolicy.sessionMs).toBe(12 * hour);
      expect(services().auth.sessionCookieMaxAgeSeconds).toBe(12 * 3600);
    });

    it("ends a session after 30 minutes without a request, and not before", async () => {
      await person("idle@example.org");
      const { auth } = services();
      const { token } = await auth.login({ email: "idle@example.org", password }, null);
      clock.advance(29 * minute);
      expect(await auth.authenticate(token)).toBeDefined();
      clock.advance(29 * minute); // activity slid the window
      expect(await auth.authenticate(token)).toBeDefined();
      clock.advance(30 * minute + 1000);
      expect(await auth.authenticate(token)).toBeUndefined();
    });

    it("ends an active session 12 hours after log-in", async () => {
      await person("busy@example.org");
      const { auth } = services();
      const { token } = await auth.login({ email: "busy@example.org", password }, null);
      for (let elapsed = 0; elapsed < 12 * hour - 20 * minute; elapsed += 20 * minute) {
        clock.advance(20 * minute);
        expect(await auth.authenticate(token), `after ${elapsed / hour} h`).toBeDefined();
      }
      clock.advance(20 * minute);
      expect(await auth.authenticate(token)).toBeUndefined();
    });

    it("follows a configured policy", async () => {
      await person("short@example.org");
      const { auth } = services({ idleMs: 5 * minute, sessionMs: 1 * hour });
      expect(auth.sessionCookieMaxAgeSeconds).toBe(3600);
      const { token } = await auth.login({ email: "short@example.org", password }, null);
      clock.advance(6 * minute);
      expect(await auth.authenticate(token)).toBeUndefined();
    });
  });

  describe("password change and common passwords", () => {
    it("refuses common passwords and the email's local part when accounts are made or reset", async () => {
      for (const bad of ["1qaz2wsx3edc", "QWERTYQWERTY", "123456qwerty"]) {
        await expect(
          accounts.create(systemActor("test"), {
            email: `weak-${bad}@example.org`,
            displayName: "Weak",
            password: bad,
          }),
        ).rejects.toMatchObject({ code: "PASSWORD_TOO_COMMON", status: 422 });
      }
      await expect(
        accounts.create(systemActor("test"), {
          email: "nadia.karimi@example.org",
          displayName: "Nadia",
          password: "Nadia.Karimi-2026!",
        }),
      ).rejects.toMatchObject({ code: "PASSWORD_CONTAINS_EMAIL" });
      const user = await person("reset@example.org");
      await expect(
        accounts.resetPassword(systemActor("test"), user.id, "qazwsxedcrfv"),
      ).rejects.toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    });

    it("needs the current password, refuses a common one, and ends only the other sessions", async () => {
      await person("changer@example.org");
      const { auth } = services();
      const here = await auth.login({ email: "changer@example.org", password }, null);
      const there = await auth.login({ email: "changer@example.org", password }, null);
      await expect(
        auth.changePassword(here.token, {
          currentPassword: "not my password at all",
          newPassword: "a fresh long passphrase",
        }),
      ).rejects.toMatchObject({ code: "REAUTHENTICATION_FAILED" });
      await expect(
        auth.changePassword(here.token, {
          currentPassword: password,
          newPassword: "qwertyqwerty",
        }),
      ).rejects.toMatchObject({ code: "PASSWORD_TOO_COMMON" });
      await expect(
        auth.changePassword(here.token, { currentPassword: password, newPassword: "short" }),
      ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
      expect(await auth.authenticate(there.token)).toBeDefined();

      await auth.changePassword(here.token, {
        currentPassword: password,
        newPassword: "a fresh long passphrase",
      });
      expect(await auth.authenticate(here.token)).toBeDefined();
      expect(await auth.authenticate(there.token)).toBeUndefined();
      await expect(
        auth.login({ email: "changer@example.org", password }, null),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
      await expect(
        auth.login({ email: "changer@example.org", password: "a fresh long passphrase" }, null),
      ).resolves.toHaveProperty("token");
    });

    it("counts wrong current passwords towards the account's log-in throttle", async () => {
      await person("guessed@example.org");
      const { auth } = services();
      const { token } = await auth.login({ email: "guessed@example.org", password }, null);
      for (let i = 0; i < 5; i++) {
        await expect(
          auth.changePassword(token, { currentPassword: `guess ${i} guess`, newPassword: "x" }),
        ).rejects.toMatchObject({ code: "REAUTHENTICATION_FAILED" });
      }
      await expect(
        auth.changePassword(token, {
          currentPassword: password,
          newPassword: "a fresh long passphrase",
        }),
      ).rejects.toMatchObject({ code: "LOGIN_THROTTLED" });
      clock.advance(16 * minute);
    });
  });

  describe("re-authentication (ASVS 4.0.3 V3.7.1)", () => {
    it("counts a fresh log-in as recent for five minutes, then asks again", async () => {
      await person("sudo@example.org");
      const { auth } = services();
      const { token, session } = await auth.login({ email: "sudo@example.org", password }, null);
      expect(() => auth.requireRecentAuthentication(session)).not.toThrow();
      clock.advance(6 * minute);
      const later = await auth.authenticate(token);
      if (!later) throw new Error("session ended");
      expect(() => auth.requireRecentAuthentication(later)).toThrow(
        expect.objectContaining({ code: "REAUTHENTICATION_REQUIRED" }),
      );
      await expect(
        auth.reauthenticate(token, { password: "wrong password here" }),
      ).rejects.toMatchObject({ code: "REAUTHENTICATION_FAILED" });
      const renewed = await auth.reauthenticate(token, { password });
      expect(() => auth.requireRecentAuthentication(renewed)).not.toThrow();
      const reread = await auth.authenticate(token);
      if (!reread) throw new Error("session ended");
      expect(() => auth.requireRecentAuthentication(reread)).not.toThrow();
    });
  });

  describe("TOTP (RFC 6238) and recovery codes", () => {
    it("enrols, confirms, then asks for a code at every log-in; codes and recovery codes work once", async () => {
      await person("totp@example.org");
      const { auth, secondFactors } = services();
      const first = await auth.login({ email: "totp@example.org", password }, null);
      const { secret, uri } = await secondFactors.enrol(first.session);
      expect(uri).toContain(`secret=${secret}`);
      expect(uri).toContain("issuer=Meridian%20News");
      expect(await secondFactors.status(first.session)).toEqual({
        enabled: false,
        pending: true,
        recoveryCodesLeft: 0,
      });
      // Not active until confirmed: log-in still needs the password only.
      await expect(
        auth.login({ email: "totp@example.org", password }, null),
      ).resolves.toHaveProperty("token");
      await expect(secondFactors.confirm(first.session, { code: "000000" })).rejects.toMatchObject({
        code: "SECOND_FACTOR_CODE_INVALID",
      });
      const { recoveryCodes } = await secondFactors.confirm(first.session, {
        code: codeAt(secret, clock.now()),
      });
      expect(recoveryCodes).toHaveLength(10);
      expect(await secondFactors.status(first.session)).toEqual({
        enabled: true,
        pending: false,
        recoveryCodesLeft: 10,
      });
      await expect(secondFactors.enrol(first.session)).rejects.toMatchObject({
        code: "SECOND_FACTOR_ALREADY_ENABLED",
      });

      await expect(auth.login({ email: "totp@example.org", password }, null)).rejects.toMatchObject(
        { code: "AUTH_SECOND_FACTOR_REQUIRED", status: 401 },
      );
      await expect(
        auth.login({ email: "totp@example.org", password, otp: "123456" }, null),
      ).rejects.toMatchObject({ code: "AUTH_SECOND_FACTOR_FAILED" });
      // The confirmation code's own step cannot be replayed at log-in.
      await expect(
        auth.login({ email: "totp@example.org", password, otp: codeAt(secret, clock.now()) }, null),
      ).rejects.toMatchObject({ code: "AUTH_SECOND_FACTOR_FAILED" });
      clock.advance(30_000);
      const code = codeAt(secret, clock.now());
      await expect(
        auth.login({ email: "totp@example.org", password, otp: code }, null),
      ).resolves.toHaveProperty("token");
      await expect(
        auth.login({ email: "totp@example.org", password, otp: code }, null),
      ).rejects.toMatchObject({ code: "AUTH_SECOND_FACTOR_FAILED" });

      const [recovery = ""] = recoveryCodes;
      await expect(
        auth.login(
          { email: "totp@example.org", password, recoveryCode: recovery.toUpperCase() },
          null,
        ),
      ).resolves.toHaveProperty("token");
      await expect(
        auth.login({ email: "totp@example.org", password, recoveryCode: recovery }, null),
      ).rejects.toMatchObject({ code: "AUTH_SECOND_FACTOR_FAILED" });
      expect((await secondFactors.status(first.session)).recoveryCodesLeft).toBe(9);
      // A wrong password with a right code is still a wrong password.
      clock.advance(30_000);
      await expect(
        auth.login(
          {
            email: "totp@example.org",
            password: "wrong password here",
            otp: codeAt(secret, clock.now()),
          },
          null,
        ),
      ).rejects.toMatchObject({ code: "AUTH_FAILED" });
    });

    it("throttles wrong codes like wrong passwords", async () => {
      const user = await person("guess-otp@example.org");
      const { auth, secondFactors } = services();
      const { session } = await auth.login({ email: "guess-otp@example.org", password }, null);
      const { secret } = await secondFactors.enrol(session);
      await secondFactors.confirm(session, { code: codeAt(secret, clock.now()) });
      clock.advance(30_000);
      for (let i = 0; i < 5; i++) {
        await expect(
          auth.login({ email: "guess-otp@example.org", password, otp: `00000${i}` }, `10.7.0.${i}`),
        ).rejects.toMatchObject({ code: "AUTH_SECOND_FACTOR_FAILED" });
      }
      await expect(
        auth.login(
          { email: "guess-otp@example.org", password, otp: codeAt(secret, clock.now()) },
          "10.7.1.1",
        ),
      ).rejects.toMatchObject({ code: "LOGIN_THROTTLED" });
      expect(user.id).toBeTruthy();
      clock.advance(16 * minute);
    });

    it("needs re-authentication with the second factor to turn it off or renew recovery codes", async () => {
      await person("off@example.org");
      const { auth, secondFactors } = services();
      const { token, session } = await auth.login({ email: "off@example.org", password }, null);
      const { secret } = await secondFactors.enrol(session);
      await secondFactors.confirm(session, { code: codeAt(secret, clock.now()) });
      clock.advance(6 * minute);
      const stale = await auth.authenticate(token);
      if (!stale) throw new Error("session ended");
      await expect(secondFactors.disable(stale)).rejects.toMatchObject({
        code: "REAUTHENTICATION_REQUIRED",
      });
      await expect(secondFactors.regenerateRecoveryCodes(stale)).rejects.toMatchObject({
        code: "REAUTHENTICATION_REQUIRED",
      });
      // The password alone no longer re-authenticates an account with a second factor.
      await expect(auth.reauthenticate(token, { password })).rejects.toMatchObject({
        code: "REAUTHENTICATION_FAILED",
      });
      const fresh = await auth.reauthenticate(token, {
        password,
        otp: codeAt(secret, clock.now()),
      });
      const { recoveryCodes } = await secondFactors.regenerateRecoveryCodes(fresh);
      expect(recoveryCodes).toHaveLength(10);
      await secondFactors.disable(fresh);
      expect(await secondFactors.status(fresh)).toEqual({
        enabled: false,
        pending: false,
        recoveryCodesLeft: 0,
      });
      await expect(
        auth.login({ email: "off@example.org", password }, null),
      ).resolves.toHaveProperty("token");
    });
  });

  describe("REQUIRE_2FA", () => {
    it("lets administrators and service admins without TOTP in only to enrol", async () => {
      await person("chief@example.org", { isAdmin: true });
      await person("desk-admin@example.org", { role: "service_admin" });
      await person("plain@example.org");
      const { auth, secondFactors } = services({ requireSecondFactor: true });
      const chief = await auth.login({ email: "chief@example.org", password }, null);
      expect(chief.session.mustEnrolSecondFactor).toBe(true);
      expect((await auth.authenticate(chief.token))?.mustEnrolSecondFactor).toBe(true);
      const deskAdmin = await auth.login({ email: "desk-admin@example.org", password }, null);
      expect(deskAdmin.session.mustEnrolSecondFactor).toBe(true);
      const plain = await auth.login({ email: "plain@example.org", password }, null);
      expect(plain.session.mustEnrolSecondFactor).toBe(false);

      const { secret } = await secondFactors.enrol(chief.session);
      // Pending is not enough.
      expect((await auth.authenticate(chief.token))?.mustEnrolSecondFactor).toBe(true);
      await secondFactors.confirm(chief.session, { code: codeAt(secret, clock.now()) });
      expect((await auth.authenticate(chief.token))?.mustEnrolSecondFactor).toBe(false);

      const relaxed = services({ requireSecondFactor: false });
      const again = await relaxed.auth.login({ email: "desk-admin@example.org", password }, null);
      expect(again.session.mustEnrolSecondFactor).toBe(false);
    });
  });
});
