import { describe, expect, it } from "vitest";
import { fakeNewsroomApi, jsonAnswer } from "../../../test/support/fake-newsroom-api.js";
import { ApiError } from "../shared/api-client.js";
import { passwordErrorText } from "./password-errors.js";
import {
  accountState,
  createUser,
  disableUser,
  enableUser,
  endUserSessions,
  listUsers,
  resetPassword,
  setGrants,
  userErrorText,
} from "./users-api.js";

const noContent = () => new Response(null, { status: 204 });

const person = (id: string, disabledAt: string | null) => ({
  id,
  email: `${id}@newsdesk.test`,
  displayName: `Person ${id}`,
  isAdmin: false,
  createdAt: "2031-01-01T00:00:00.000Z",
  disabledAt,
});

describe("the users API client", () => {
  it("lists people with their state and whether the caller may manage them", async () => {
    const { api, calls } = fakeNewsroomApi(() =>
      jsonAnswer(200, [
        {
          user: person("u1", null),
          grants: [{ serviceId: "en", role: "editor" }],
          manageable: true,
          person: { id: "lena-okafor", serviceId: "en", name: "Lena Okafor" },
        },
        {
          user: person("u2", "2031-02-01T09:00:00.000Z"),
          grants: [],
          manageable: false,
          person: null,
        },
      ]),
    );
    const entries = await listUsers(api);
    expect(calls.map((c) => [c.method, c.url])).toEqual([["GET", "/newsroom/api/users"]]);
    expect(
      entries.map((e) => [e.user.id, accountState(e.user), e.manageable, e.person?.name]),
    ).toEqual([
      ["u1", "active", true, "Lena Okafor"],
      ["u2", "disabled", false, undefined],
    ]);
  });

  it("refuses a listing without the state or the manageable flag rather than guessing", async () => {
    const withoutFlag = await listUsers(
      fakeNewsroomApi(() =>
        jsonAnswer(200, [{ user: person("u1", null), grants: [], person: null }]),
      ).api,
    ).catch((e: unknown) => e);
    expect(withoutFlag).toBeInstanceOf(ApiError);
    expect((withoutFlag as ApiError).code).toBe("UNEXPECTED_RESPONSE");
    const { disabledAt: _, ...noState } = person("u1", null);
    const withoutState = await listUsers(
      fakeNewsroomApi(() =>
        jsonAnswer(200, [{ user: noState, grants: [], manageable: true, person: null }]),
      ).api,
    ).catch((e: unknown) => e);
    expect((withoutState as ApiError).code).toBe("UNEXPECTED_RESPONSE");
  });

  it("disables, enables and ends sessions with the CSRF token, on the escaped id", async () => {
    const { api, calls } = fakeNewsroomApi((call) =>
      call.url.endsWith("/sessions/end")
        ? jsonAnswer(200, { sessions: 2, tokens: 1 })
        : noContent(),
    );
    const id = "u/1?x";
    await disableUser(api, id);
    await enableUser(api, id);
    expect(await endUserSessions(api, id)).toEqual({ sessions: 2, tokens: 1 });
    expect(calls.map((c) => [c.method, c.url, c.csrf, c.body])).toEqual([
      ["POST", "/newsroom/api/users/u%2F1%3Fx/disable", "csrf-1", undefined],
      ["POST", "/newsroom/api/users/u%2F1%3Fx/enable", "csrf-1", undefined],
      ["POST", "/newsroom/api/users/u%2F1%3Fx/sessions/end", "csrf-1", undefined],
    ]);
  });

  it("creates people, sets roles and resets passwords", async () => {
    const { api, calls } = fakeNewsroomApi((call) => {
      if (call.url.endsWith("/grants"))
        return jsonAnswer(200, { grants: [{ serviceId: "fa", role: "translator" }] });
      if (call.url.endsWith("/users")) return jsonAnswer(201, { user: person("u3", null) });
      return noContent();
    });
    const created = await createUser(api, {
      email: "u3@newsdesk.test",
      displayName: "Person u3",
      password: "a-long-enough-password",
      isAdmin: false,
      grants: [{ serviceId: "fa", role: "translator" }],
    });
    expect(created.id).toBe("u3");
    expect(await setGrants(api, "u3", [{ serviceId: "fa", role: "translator" }])).toEqual([
      { serviceId: "fa", role: "translator" },
    ]);
    await resetPassword(api, "u3", "another-long-password");
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      [
        "POST",
        "/newsroom/api/users",
        {
          email: "u3@newsdesk.test",
          displayName: "Person u3",
          password: "a-long-enough-password",
          isAdmin: false,
          grants: [{ serviceId: "fa", role: "translator" }],
        },
      ],
      [
        "PUT",
        "/newsroom/api/users/u3/grants",
        { grants: [{ serviceId: "fa", role: "translator" }] },
      ],
      ["POST", "/newsroom/api/users/u3/reset-password", { password: "another-long-password" }],
    ]);
  });

  it("reads a refusal in the interface language, password rules included", async () => {
    const refused = async (code: string, status: number) =>
      disableUser(
        fakeNewsroomApi(() => jsonAnswer(status, { code, title: "English sentence." })).api,
        "u1",
      ).catch((e: unknown) => e);
    const forbidden = await refused("FORBIDDEN", 403);
    expect(userErrorText(forbidden)).toMatch(/^You may not make this change\./);
    expect(userErrorText(forbidden, "fa")).toMatch(/^اجازهٔ این تغییر را ندارید/);
    expect(userErrorText(await refused("USER_NOT_FOUND", 404))).toBe(
      "This account does not exist any more.",
    );
    const common = await refused("PASSWORD_TOO_COMMON", 422);
    expect(userErrorText(common)).toMatch(/^This password is on the list/);
    expect(passwordErrorText(common, "fa")).toMatch(/^این گذرواژه در فهرست/);
    expect(passwordErrorText(await refused("PASSWORD_CONTAINS_EMAIL", 422))).toBe(
      "The password must not contain the account's email address or the part before the @.",
    );
    // Anything else keeps the server's own sentence.
    expect(userErrorText(await refused("SOMETHING_ELSE", 500))).toBe("English sentence.");
  });
});
