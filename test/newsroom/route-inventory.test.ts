import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../../src/domain/users/access-policy.js";
import { tokenScopes } from "../../src/domain/users/user-schema.js";
import { NewsroomRouter } from "../../src/http/newsroom/newsroom-router.js";
import type { Newsdesk } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * The newsroom API denies by default: every route under /newsroom/api was declared with an
 * action and a scope, a handler registered any other way is refused at request time, and
 * docs/newsroom-api.md lists each route with what it declares.
 */
describe("the newsroom route inventory", () => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite", { seed: false });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("has only declared handlers under /newsroom/api", () => {
    const router = newsdesk.newsroomApi;
    const mounted = newsdesk.app.routes.filter((r) => r.path.startsWith("/newsroom/api"));
    expect(mounted.length).toBeGreaterThan(60);
    const undeclared = mounted.filter(
      (r) => !router.declares(r.handler) && !router.isGuard(r.handler),
    );
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("declares a known action and scope for every route", () => {
    const knownActions = new Set<string>([
      ...actions,
      "account.self",
      "syndication.manage",
      "mirrors.manage",
      "anonymous",
    ]);
    const knownScopes = new Set<string>([...tokenScopes, "session", "anonymous"]);
    for (const route of newsdesk.newsroomApi.routes) {
      expect(knownActions.has(route.action), `${route.method} ${route.path}`).toBe(true);
      expect(knownScopes.has(route.scope), `${route.method} ${route.path}`).toBe(true);
    }
    // Only log-in is anonymous.
    expect(
      newsdesk.newsroomApi.routes
        .filter((r) => r.action === "anonymous")
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(["POST /session"]);
  });

  it("refuses a handler that was registered without a declaration", async () => {
    const router = new NewsroomRouter({
      publicUrl: "https://news.example.org",
      authenticate: async () => {
        throw new Error("an undeclared route must be refused before anyone is authenticated");
      },
    });
    let ran = false;
    router.app.get("/sneaky", (c) => {
      ran = true;
      return c.text("leaked");
    });
    router.app.onError((error, c) =>
      c.json({ code: (error as { code?: string }).code ?? "INTERNAL" }, 403),
    );
    const response = await router.app.request("/sneaky");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ code: "ROUTE_UNDECLARED" });
    expect(ran).toBe(false);
  });

  it("lists every route with its action and scope in docs/newsroom-api.md", () => {
    const docs = readFileSync(new URL("../../docs/newsroom-api.md", import.meta.url), "utf8");
    const rows = new Set(
      [
        ...docs.matchAll(
          /^\| `(GET|POST|PUT|PATCH|DELETE)` \| `([^`]+)` \| `([^`]+)` \| `([^`]+)` \|/gm,
        ),
      ].map((m) => `${m[1]} ${m[2]} ${m[3]} ${m[4]}`),
    );
    const missing = newsdesk.newsroomApi.routes
      .map((r) => `${r.method} ${r.path} ${r.action} ${r.scope}`)
      .filter((row) => !rows.has(row));
    expect(missing).toEqual([]);
    expect(rows.size).toBe(newsdesk.newsroomApi.routes.length);
  });
});
