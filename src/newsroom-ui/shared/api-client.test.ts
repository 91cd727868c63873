import { describe, expect, it } from "vitest";
import { ApiClient, ApiError, conflictOf, errorMessage } from "./api-client.js";
import { loginErrorText } from "./login-errors.js";

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
}

const content = {
  headline: "Trucks cross the border",
  standfirst: "",
  dateline: "",
  slug: "trucks-cross-the-border",
  section: "world",
  topics: [],
  leadFigure: null,
  body: [],
  bylines: [],
  agencies: [],
};

function fakeFetch(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const call: Call = {
      url,
      method: init?.method ?? "GET",
      headers: new Headers(init?.headers),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : init?.body,
    };
    calls.push(call);
    return respond(call);
  };
  return { calls, fetch };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": type, ...headers },
  });
}

const session = {
  user: { id: "u1", email: "editor@newsdesk.test", displayName: "Ed Itor", isAdmin: false },
  grants: [{ serviceId: "en", role: "editor" }],
  csrfToken: "csrf-123",
};

describe("ApiClient", () => {
  it("remembers the CSRF token from the session and sends it on state-changing requests only", async () => {
    const { calls, fetch } = fakeFetch((call) =>
      call.url.endsWith("/session")
        ? json(200, session)
        : call.method === "GET"
          ? json(200, [])
          : json(200, { story: storyHead() }),
    );
    const api = new ApiClient({ fetch });
    await api.login("editor@newsdesk.test", "pw");
    await api.services();
    await api.submit("s1");
    expect(calls.map((c) => [c.method, c.url, c.headers.get("X-CSRF-Token")])).toEqual([
      ["POST", "/newsroom/api/session", null],
      ["GET", "/newsroom/api/services", null],
      ["POST", "/newsroom/api/stories/s1/submit", "csrf-123"],
    ]);
    expect(calls[0]?.body).toEqual({ email: "editor@newsdesk.test", password: "pw" });
  });

  it("turns problem+json into an ApiError carrying the stable code", async () => {
    const { fetch } = fakeFetch(() =>
      json(403, {
        type: "about:blank",
        title: "You are not allowed to do that.",
        status: 403,
        code: "FORBIDDEN",
        detail: "Publishing in Meridian News needs the editor role.",
      }),
    );
    const api = new ApiClient({ fetch });
    const failure = await api.publish("s1", "first").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code: "FORBIDDEN", status: 403 });
    expect(errorMessage(failure)).toBe("Publishing in Meridian News needs the editor role.");
  });

  it("reports 401 AUTH_REQUIRED so the app can show the login screen", async () => {
    const { fetch } = fakeFetch(() => json(401, { code: "AUTH_REQUIRED", title: "Sign in." }));
    const api = new ApiClient({ fetch });
    let told = 0;
    api.onUnauthorized = () => {
      told += 1;
    };
    await expect(api.services()).rejects.toMatchObject({ code: "AUTH_REQUIRED" });
    expect(told).toBe(1);
  });

  it("explains login throttling with the Retry-After wait", async () => {
    const { fetch } = fakeFetch(() =>
      json(429, { code: "LOGIN_THROTTLED", title: "Too many attempts." }, { "Retry-After": "120" }),
    );
    const failure = await new ApiClient({ fetch }).login("a@b.c", "x").catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "LOGIN_THROTTLED", retryAfterSeconds: 120 });
    expect(loginErrorText(failure)).toBe(
      "Too many failed sign-in attempts, so signing in is paused for this account or network. Try again in 2 minutes.",
    );
  });

  it("keeps the three versions of a 409 REVISION_CONFLICT and the kept revision", async () => {
    const theirs = { ...content, headline: "Their headline" };
    const revision = (id: string, number: number, body: typeof content) => ({
      id,
      number,
      content: body,
      createdAt: "2026-05-14T10:00:00Z",
      createdBy: "u2",
      note: null,
    });
    const { fetch } = fakeFetch(() =>
      json(409, {
        code: "REVISION_CONFLICT",
        title: "The story was changed by someone else since you opened it.",
        currentRevision: revision("r2", 2, theirs),
        baseRevision: revision("r1", 1, content),
        notMergedRevision: { id: "r3", number: 3, createdAt: "2026-05-14T10:01:00Z" },
        yourContent: content,
      }),
    );
    const failure = await new ApiClient({ fetch })
      .saveDraft("s1", { baseRevisionId: "r1", content, autosave: true })
      .catch((e: unknown) => e);
    const conflict = conflictOf(failure);
    expect(conflict?.currentRevision.content.headline).toBe("Their headline");
    expect(conflict?.yourContent.headline).toBe("Trucks cross the border");
    expect(conflict?.baseRevision?.id).toBe("r1");
    expect(conflict?.notMergedRevision.number).toBe(3);
  });

  it("rejects a response that does not match the contract instead of trusting it", async () => {
    const { fetch } = fakeFetch(() => json(200, { items: "nope" }));
    await expect(new ApiClient({ fetch }).listStories({ service: "en" })).rejects.toMatchObject({
      code: "UNEXPECTED_RESPONSE",
    });
  });

  it("builds query strings without empty values and encodes path segments", async () => {
    const { calls, fetch } = fakeFetch(() =>
      json(200, { items: [], total: 0, totalExact: true, counts: {}, over: [] }),
    );
    await new ApiClient({ fetch }).listStories({ service: "fa", status: "draft", q: "" });
    expect(calls[0]?.url).toBe("/newsroom/api/stories?service=fa&status=draft");
    const api = new ApiClient({ fetch });
    expect(api.previewUrl("a/b")).toBe("/newsroom/api/stories/a%2Fb/preview");
  });

  it("sends uploads as multipart form data with the CSRF header", async () => {
    const asset = {
      id: "m1",
      mime: "image/png",
      width: 640,
      height: 480,
      bytes: 1000,
      caption: "c",
      credit: "cr",
      alt: "a",
      focalX: 0.25,
      focalY: 0.75,
      rightsSource: "",
      rightsUsage: "",
      createdAt: "2026-05-14T10:00:00Z",
    };
    const { calls, fetch } = fakeFetch(() => json(201, { asset, renditions: [] }));
    const api = new ApiClient({ fetch });
    api.setCsrfToken("t");
    await api.uploadMedia({
      file: new Blob([new Uint8Array([1, 2, 3])], { type: "image/png" }),
      fileName: "a.png",
      caption: "c",
      credit: "cr",
      alt: "a",
      focalX: 0.25,
      focalY: 0.75,
      rightsSource: "",
      rightsUsage: "",
    });
    const form = calls[0]?.body;
    expect(form).toBeInstanceOf(FormData);
    expect((form as FormData).get("focalX")).toBe("0.25");
    expect(calls[0]?.headers.get("X-CSRF-Token")).toBe("t");
    expect(calls[0]?.headers.get("Content-Type")).toBeNull();
  });

  it("names a network failure as such", async () => {
    const api = new ApiClient({
      fetch: async () => {
        throw new TypeError("Failed to fetch");
      },
    });
    const failure = await api.services().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "NETWORK_ERROR", status: 0 });
    expect(errorMessage(failure)).toMatch(/cannot be reached/);
  });
});

function storyHead() {
  return {
    id: "s1",
    serviceId: "en",
    status: "in_review",
    currentRevisionId: "r1",
    currentRevisionNumber: 1,
    publishedRevisionId: null,
    firstPublishedAt: null,
    updatedAt: null,
    lastModifiedAt: "2026-05-14T10:00:00Z",
    scheduledAt: null,
    embargoUntil: null,
  };
}
