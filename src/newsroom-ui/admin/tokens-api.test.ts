import { describe, expect, it } from "vitest";
import { fakeNewsroomApi, jsonAnswer } from "../../../test/support/fake-newsroom-api.js";
import {
  type ApiToken,
  createToken,
  defaultTokenLifetime,
  listTokens,
  revokeToken,
  tokenLifetimes,
  tokenState,
} from "./tokens-api.js";

const token = (fields: Partial<ApiToken>): ApiToken => ({
  id: "t1",
  name: "Script",
  scopes: ["stories:read"],
  createdAt: "2031-01-01T00:00:00.000Z",
  expiresAt: "2031-01-08T00:00:00.000Z",
  revokedAt: null,
  ...fields,
});

describe("the API tokens client", () => {
  it("offers 7, 30 and 90 days, 90 by default (the server's maximum)", () => {
    expect(tokenLifetimes).toEqual([7, 30, 90]);
    expect(defaultTokenLifetime).toBe(90);
  });

  it("sends the chosen lifetime and reads the expiry back", async () => {
    const { api, calls } = fakeNewsroomApi((call) =>
      call.method === "POST"
        ? jsonAnswer(201, { id: "t1", token: "nd_secret", expiresAt: "2031-01-08T00:00:00.000Z" })
        : new Response(null, { status: 204 }),
    );
    const created = await createToken(api, {
      name: "Script",
      scopes: ["stories:read", "stories:write"],
      expiresInDays: 7,
    });
    expect(created).toEqual({
      id: "t1",
      token: "nd_secret",
      expiresAt: "2031-01-08T00:00:00.000Z",
    });
    await revokeToken(api, "t/1");
    expect(calls.map((c) => [c.method, c.url, c.csrf, c.body])).toEqual([
      [
        "POST",
        "/newsroom/api/tokens",
        "csrf-1",
        { name: "Script", scopes: ["stories:read", "stories:write"], expiresInDays: 7 },
      ],
      ["DELETE", "/newsroom/api/tokens/t%2F1", "csrf-1", undefined],
    ]);
  });

  it("lists tokens with their expiry, and refuses a listing without it", async () => {
    const listed = await listTokens(fakeNewsroomApi(() => jsonAnswer(200, [token({})])).api);
    expect(listed[0]?.expiresAt).toBe("2031-01-08T00:00:00.000Z");
    const { expiresAt: _, ...withoutExpiry } = token({});
    const failure = await listTokens(
      fakeNewsroomApi(() => jsonAnswer(200, [withoutExpiry])).api,
    ).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "UNEXPECTED_RESPONSE" });
  });

  it("marks a token expired from its expiry on, as the server refuses it", () => {
    const before = new Date("2031-01-07T23:59:59.999Z");
    const at = new Date("2031-01-08T00:00:00.000Z");
    expect(tokenState(token({}), before)).toBe("active");
    expect(tokenState(token({}), at)).toBe("expired");
    // Stored before tokens expired: the server refuses it, so it is not shown as working.
    expect(tokenState(token({ expiresAt: null }), before)).toBe("expired");
    // Revoked wins over expired: that is what the person did.
    expect(tokenState(token({ revokedAt: "2031-01-02T00:00:00.000Z" }), at)).toBe("revoked");
  });
});
