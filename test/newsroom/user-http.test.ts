import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type UserEntry = { user: { id: string; email: string }; manageable: boolean };

/** User management and tokens through HTTP: the headline attacks answer 403. */
describe.each(dialects)("user management and tokens over HTTP on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let admin: NewsroomClient;
  let hausaAdmin: NewsroomClient;
  // Time stands still: a token's expiry is asserted exactly, not within a wall-clock window.
  const clock = fixedClock(new Date());
  const client = () => new NewsroomClient(newsdesk.app);
  const idOf = async (email: string) =>
    (await admin.json<UserEntry[]>("GET", "/users")).find((e) => e.user.email === email)?.user.id ??
    "";
  const bearer = (token: string, method: string, path: string, body?: unknown) =>
    client().request(method, path, body, {
      csrf: null,
      origin: null,
      headers: { Authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, { clock });
    admin = client();
    expect((await admin.login("admin@newsdesk.test", "demo-password-ada")).status).toBe(200);
    await admin.json("POST", "/users", {
      email: "hausa-admin@newsdesk.test",
      displayName: "Hausa service admin",
      password: "sarki kano gari birni",
      grants: [{ serviceId: "ha", role: "service_admin" }],
    });
    await admin.json("POST", "/users", {
      email: "hausa-reporter@newsdesk.test",
      displayName: "Hausa reporter",
      password: "labarai daga zaria yau",
      grants: [{ serviceId: "ha", role: "reporter" }],
    });
    hausaAdmin = client();
    expect(
      (await hausaAdmin.login("hausa-admin@newsdesk.test", "sarki kano gari birni")).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("refuses a Hausa service admin who resets the administrator's password (403), and the administrator keeps theirs", async () => {
    const adminId = await idOf("admin@newsdesk.test");
    const attack = await hausaAdmin.request("POST", `/users/${adminId}/reset-password`, {
      password: "an attacker chose this one",
    });
    expect(attack.status).toBe(403);
    expect(await attack.json()).toMatchObject({ code: "FORBIDDEN" });
    for (const path of ["disable", "sessions/end"]) {
      expect((await hausaAdmin.request("POST", `/users/${adminId}/${path}`)).status).toBe(403);
    }
    expect(
      (await hausaAdmin.request("PUT", `/users/${adminId}/grants`, { grants: [] })).status,
    ).toBe(403);
    expect((await client().login("admin@newsdesk.test", "an attacker chose this one")).status).toBe(
      401,
    );
    expect((await client().login("admin@newsdesk.test", "demo-password-ada")).status).toBe(200);
    // The administrator's session was not ended either.
    expect((await admin.request("GET", "/session")).status).toBe(200);
  });

  it("lets the Hausa service admin disable, enable and end the sessions of a Hausa-only reporter", async () => {
    const reporterId = await idOf("hausa-reporter@newsdesk.test");
    const reporter = client();
    await reporter.login("hausa-reporter@newsdesk.test", "labarai daga zaria yau");
    const { token } = await reporter.json<{ token: string }>("POST", "/tokens", {
      name: "bridge",
      scopes: ["stories:read"],
    });
    expect(await hausaAdmin.json("POST", `/users/${reporterId}/sessions/end`)).toEqual({
      sessions: 1,
      tokens: 1,
    });
    expect((await reporter.request("GET", "/session")).status).toBe(401);
    expect((await bearer(token, "GET", "/services")).status).toBe(401);

    await reporter.login("hausa-reporter@newsdesk.test", "labarai daga zaria yau");
    expect((await hausaAdmin.request("POST", `/users/${reporterId}/disable`)).status).toBe(204);
    expect((await reporter.request("GET", "/session")).status).toBe(401);
    expect(
      (await client().login("hausa-reporter@newsdesk.test", "labarai daga zaria yau")).status,
    ).toBe(401);
    expect((await hausaAdmin.request("POST", `/users/${reporterId}/enable`)).status).toBe(204);
    expect(
      (await client().login("hausa-reporter@newsdesk.test", "labarai daga zaria yau")).status,
    ).toBe(200);
    const listed = (await hausaAdmin.json<UserEntry[]>("GET", "/users")).map((e) => [
      e.user.email,
      e.manageable,
    ]);
    expect(listed).toEqual(
      expect.arrayContaining([
        ["hausa-reporter@newsdesk.test", true],
        ["hausa-admin@newsdesk.test", false],
      ]),
    );
    expect(listed.map(([email]) => email)).not.toContain("admin@newsdesk.test");
  });

  it("refuses a read-scope token that tries to mint a publish token, or any token (403)", async () => {
    const editor = client();
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    const created = await editor.json<{ token: string; expiresAt: string }>("POST", "/tokens", {
      name: "reader",
      scopes: ["stories:read"],
      expiresInDays: 7,
    });
    expect(Date.parse(created.expiresAt) - clock.now().getTime()).toBe(7 * 86_400_000);
    for (const scopes of [["stories:publish"], ["stories:read"]]) {
      const minted = await bearer(created.token, "POST", "/tokens", { name: "more", scopes });
      expect(minted.status).toBe(403);
      expect(await minted.json()).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await editor.json<unknown[]>("GET", "/tokens")).toHaveLength(1);
    expect(
      (
        await editor.request("POST", "/tokens", {
          name: "long",
          scopes: ["stories:read"],
          expiresInDays: 365,
        })
      ).status,
    ).toBe(400);
  });
});
