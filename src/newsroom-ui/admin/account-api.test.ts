import { describe, expect, it } from "vitest";
import { ApiClient } from "../shared/api-client.js";
import { loginErrorText } from "../shared/login-errors.js";
import {
  changePassword,
  confirmSecondFactor,
  enrolSecondFactor,
  isReauthenticationRequired,
  qrImageSource,
  reauthenticate,
  secondFactorProof,
  secondFactorStatus,
} from "./account-api.js";

function fakeServer(respond: (method: string, url: string, body: unknown) => Response) {
  const calls: { method: string; url: string; body: unknown; csrf: string | null }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const method = init?.method ?? "GET";
    calls.push({ method, url, body, csrf: new Headers(init?.headers).get("X-CSRF-Token") });
    return respond(method, url, body);
  };
  return { calls, api: new ApiClient({ fetch }) };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

const session = {
  user: { id: "u1", email: "chief@newsdesk.test", displayName: "Chief", isAdmin: true },
  grants: [],
  csrfToken: "csrf-1",
  mustEnrolSecondFactor: true,
};

describe("the account API client", () => {
  it("sends the second factor with the password in one log-in request", async () => {
    const { calls, api } = fakeServer(() => json(200, session));
    const signedIn = await api.login("chief@newsdesk.test", "pw", { otp: "123456" });
    expect(signedIn.mustEnrolSecondFactor).toBe(true);
    await api.login("chief@newsdesk.test", "pw", { recoveryCode: "abcde-fghjk" });
    await api.login("chief@newsdesk.test", "pw");
    expect(calls.map((c) => c.body)).toEqual([
      { email: "chief@newsdesk.test", password: "pw", otp: "123456" },
      { email: "chief@newsdesk.test", password: "pw", recoveryCode: "abcde-fghjk" },
      { email: "chief@newsdesk.test", password: "pw" },
    ]);
  });

  it("explains when the server asks for a code, and when the code was wrong", async () => {
    const asked = await fakeServer(() =>
      json(401, { code: "AUTH_SECOND_FACTOR_REQUIRED", title: "Code needed." }),
    )
      .api.login("a@b.c", "x")
      .catch((e: unknown) => e);
    expect(loginErrorText(asked)).toBe(
      "Enter the six-digit code from your authenticator app, or one of your recovery codes.",
    );
    expect(loginErrorText(asked, "fa")).toMatch(/[\u0600-\u06FF]/);
    const wrong = await fakeServer(() =>
      json(401, { code: "AUTH_SECOND_FACTOR_FAILED", title: "Wrong." }),
    )
      .api.login("a@b.c", "x")
      .catch((e: unknown) => e);
    expect(loginErrorText(wrong)).toBe(
      "That code is not correct or was already used. Enter the newest code from your app.",
    );
  });

  it("calls the account routes with the CSRF token and reads their answers", async () => {
    const { calls, api } = fakeServer((method, url) => {
      if (url.endsWith("/session")) return json(200, { ...session, mustEnrolSecondFactor: false });
      if (url.endsWith("/account/2fa"))
        return json(200, { enabled: false, pending: false, recoveryCodesLeft: 0 });
      if (url.endsWith("/enrol"))
        return json(200, { secret: "ABC", uri: "otpauth://totp/x", qrSvg: "<svg></svg>" });
      if (url.endsWith("/confirm")) return json(200, { recoveryCodes: ["a", "b"] });
      if (url.endsWith("/account/password")) return json(200, { endedSessions: 2 });
      return method === "POST" ? new Response(null, { status: 204 }) : json(404, {});
    });
    await api.getSession();
    expect(await secondFactorStatus(api)).toEqual({
      enabled: false,
      pending: false,
      recoveryCodesLeft: 0,
    });
    expect((await enrolSecondFactor(api)).secret).toBe("ABC");
    expect(await confirmSecondFactor(api, " 123 456 ")).toEqual(["a", "b"]);
    expect(
      await changePassword(api, { currentPassword: "old", newPassword: "new", code: "" }),
    ).toBe(2);
    await reauthenticate(api, { password: "pw", code: "654 321" });
    await reauthenticate(api, { password: "pw", code: "ABCDE-FGHJK-MNPQR-STVWX" });
    expect(calls.slice(1).map((c) => [c.method, c.url, c.csrf, c.body])).toEqual([
      ["GET", "/newsroom/api/account/2fa", null, undefined],
      ["POST", "/newsroom/api/account/2fa/enrol", "csrf-1", undefined],
      ["POST", "/newsroom/api/account/2fa/confirm", "csrf-1", { code: "123456" }],
      [
        "POST",
        "/newsroom/api/account/password",
        "csrf-1",
        { currentPassword: "old", newPassword: "new" },
      ],
      ["POST", "/newsroom/api/account/reauthenticate", "csrf-1", { password: "pw", otp: "654321" }],
      [
        "POST",
        "/newsroom/api/account/reauthenticate",
        "csrf-1",
        { password: "pw", recoveryCode: "ABCDE-FGHJK-MNPQR-STVWX" },
      ],
    ]);
  });

  it("tells a six-digit app code from a recovery code typed in the same field", () => {
    expect(secondFactorProof(" 123 456 ")).toEqual({ otp: "123456" });
    expect(secondFactorProof("abcde-fghjk")).toEqual({ recoveryCode: "abcde-fghjk" });
    expect(secondFactorProof("   ")).toEqual({});
  });

  it("recognises the server asking for re-authentication", async () => {
    const failure = await fakeServer(() =>
      json(403, { code: "REAUTHENTICATION_REQUIRED", title: "Confirm." }),
    )
      .api.request("POST", "/account/2fa/disable")
      .catch((e: unknown) => e);
    expect(isReauthenticationRequired(failure)).toBe(true);
    expect(isReauthenticationRequired(new Error("other"))).toBe(false);
  });

  it("shows the server's QR code as an image, never as markup in the page", () => {
    const source = qrImageSource('<svg xmlns="http://www.w3.org/2000/svg"><path d="M0,0"/></svg>');
    expect(source.startsWith("data:image/svg+xml,")).toBe(true);
    expect(source).not.toContain("<");
    expect(decodeURIComponent(source.slice("data:image/svg+xml,".length))).toContain("<svg");
  });
});
