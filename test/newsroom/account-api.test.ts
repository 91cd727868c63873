import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { fixedClock } from "../support/test-clock.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const password = "correct horse battery staple";

function codeAt(secret: string, at: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

describe("the account API: password change, re-authentication and two-factor set-up", () => {
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite", {
      clock,
      seed: false,
      env: { REQUIRE_2FA: "1" },
    });
    const users = newsdesk.services.users;
    await users.create(systemActor("test"), {
      email: "chief@example.org",
      displayName: "Chief",
      password,
      isAdmin: true,
    });
    await users.create(systemActor("test"), {
      email: "writer@example.org",
      displayName: "Writer",
      password,
      grants: [{ serviceId: "en", role: "reporter" }],
    });
    await users.create(systemActor("test"), {
      email: "columnist@example.org",
      displayName: "Columnist",
      password,
      grants: [{ serviceId: "en", role: "reporter" }],
    });
  });
  afterAll(async () => {
    await newsdesk.dispose();
  });

  it("keeps the session cookie no longer than the session's absolute lifetime", async () => {
    const client = new NewsroomClient(newsdesk.app);
    const response = await client.login("writer@example.org", password);
    expect(response.headers.get("set-cookie")).toMatch(/Max-Age=43200/);
  });

  it("changes the password with the current one, ending the other sessions", async () => {
    const here = new NewsroomClient(newsdesk.app);
    const there = new NewsroomClient(newsdesk.app);
    await here.login("columnist@example.org", password);
    await there.login("columnist@example.org", password);
    const wrong = await here.request("POST", "/account/password", {
      currentPassword: "not the password at all",
      newPassword: "another long passphrase",
    });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ code: "REAUTHENTICATION_FAILED" });
    const common = await here.request("POST", "/account/password", {
      currentPassword: password,
      newPassword: "1qaz2wsx3edc",
    });
    expect(common.status).toBe(422);
    expect(await common.json()).toMatchObject({ code: "PASSWORD_TOO_COMMON" });
    const changed = await here.request("POST", "/account/password", {
      currentPassword: password,
      newPassword: "another long passphrase",
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ endedSessions: 1 });
    expect((await here.request("GET", "/session")).status).toBe(200);
    expect((await there.request("GET", "/session")).status).toBe(401);
  });

  it("lets an administrator without TOTP only enrol, then everything once enrolled", async () => {
    const chief = new NewsroomClient(newsdesk.app);
    const login = await chief.login("chief@example.org", password);
    expect(await login.json()).toMatchObject({ mustEnrolSecondFactor: true });
    expect((await chief.request("GET", "/users")).status).toBe(403);
    expect(await (await chief.request("GET", "/users")).json()).toMatchObject({
      code: "SECOND_FACTOR_ENROLMENT_REQUIRED",
    });
    expect((await chief.request("GET", "/account/2fa")).status).toBe(200);

    const enrol = await chief.json<{ secret: string; uri: string; qrSvg: string }>(
      "POST",
      "/account/2fa/enrol",
    );
    expect(enrol.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrol.qrSvg).toMatch(/^<svg [^>]*viewBox=/);
    expect(enrol.qrSvg).not.toContain("<script");
    const wrong = await chief.request("POST", "/account/2fa/confirm", { code: "000000" });
    expect(await wrong.json()).toMatchObject({ code: "SECOND_FACTOR_CODE_INVALID" });
    const confirmed = await chief.json<{ recoveryCodes: string[] }>(
      "POST",
      "/account/2fa/confirm",
      { code: codeAt(enrol.secret, clock.now()) },
    );
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect((await chief.request("GET", "/users")).status).toBe(200);
    expect(await chief.json("GET", "/account/2fa")).toEqual({
      enabled: true,
      pending: false,
      recoveryCodesLeft: 10,
    });

    // Log-in now needs the code in the same request; no cookie is set without it.
    const again = new NewsroomClient(newsdesk.app);
    const asked = await again.login("chief@example.org", password);
    expect(asked.status).toBe(401);
    expect(asked.headers.get("set-cookie")).toBeNull();
    expect(await asked.json()).toMatchObject({ code: "AUTH_SECOND_FACTOR_REQUIRED" });
    clock.advance(30_000);
    const withCode = await again.request("POST", "/session", {
      email: "chief@example.org",
      password,
      otp: codeAt(enrol.secret, clock.now()),
    });
    expect(withCode.status).toBe(200);
    expect(await withCode.json()).toMatchObject({ mustEnrolSecondFactor: false });

    // Turning it off needs a recent re-authentication with the second factor.
    clock.advance(6 * 60_000);
    const stale = await chief.request("POST", "/account/2fa/disable");
    expect(await stale.json()).toMatchObject({ code: "REAUTHENTICATION_REQUIRED" });
    const reauth = await chief.request("POST", "/account/reauthenticate", {
      password,
      recoveryCode: confirmed.recoveryCodes[0],
    });
    expect(reauth.status).toBe(204);
    const renewed = await chief.json<{ recoveryCodes: string[] }>(
      "POST",
      "/account/2fa/recovery-codes",
    );
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect((await chief.request("POST", "/account/2fa/disable")).status).toBe(204);
    // REQUIRE_2FA: back to enrolment only.
    expect((await chief.request("GET", "/users")).status).toBe(403);
  });

  it("refuses API tokens on account routes: they need a browser session", async () => {
    const response = await newsdesk.app.request("/newsroom/api/account/2fa", {
      headers: { Authorization: "Bearer nd_unknown" },
    });
    expect(response.status).toBe(401);
  });
});
