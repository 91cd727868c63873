import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, userActor } from "../../src/domain/actor.js";
import { isNewsdeskError } from "../../src/domain/error-catalogue.js";
import { NewsroomRouter } from "../../src/http/newsroom/newsroom-router.js";
import { wireRoutes } from "../../src/http/newsroom/wire-routes.js";
import { problemResponse } from "../../src/http/problem-json.js";
import { wirePushRoutes } from "../../src/http/wire-push-routes.js";
import { dialects } from "../support/test-databases.js";
import { ninjsBytes, openWireHarness, type WireHarness } from "./wire-test-support.js";

describe.each(dialects)("wire HTTP API on %s", (dialect) => {
  let h: WireHarness;
  let app: Hono;
  let sourceId: string;
  let token: string;
  const admin = userActor("admin-1", [], true);
  const nobody = userActor("nobody", []);
  let caller: Actor = admin;
  const csrfToken = "csrf-token";
  /** A newsroom request as the app sends it: with the session's CSRF token. */
  const request = (path: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), "X-CSRF-Token": csrfToken },
    });

  beforeAll(async () => {
    h = await openWireHarness(dialect);
    app = new Hono();
    // The same router, mounting and error handling as src/http/app.tsx, with a stub
    // authenticator: a browser session of whoever `caller` is.
    const router = new NewsroomRouter({
      publicUrl: "https://news.example.org",
      authenticate: async () => ({
        actor: caller,
        credential: {
          kind: "session",
          token: "session-token",
          session: {
            user: {
              id: "caller",
              email: "caller@example.org",
              displayName: "Caller",
              isAdmin: caller.kind === "user" && caller.isAdmin,
              createdAt: "2026-01-01T00:00:00.000Z",
              disabledAt: null,
              personId: null,
            },
            grants: [],
            csrfToken,
            actor: caller,
          },
        },
      }),
    });
    wireRoutes(router, {
      queue: h.queue,
      stories: h.wireStories,
      flags: h.flags,
      sources: h.sources,
    });
    app.route("/newsroom/api", router.app);
    app.route(
      "/ingest",
      wirePushRoutes({ ingest: h.ingest, sources: h.sources, logger: h.logger }),
    );
    app.onError((error, c) =>
      isNewsdeskError(error) && error.status < 500
        ? problemResponse(c, error.code, error.message)
        : problemResponse(c, "INTERNAL"),
    );
  });
  afterAll(async () => {
    await h.database.dispose();
  });

  const json = (body: unknown) => ({
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const push = (body: BodyInit, auth: string | undefined, type = "application/json") =>
    app.request(`/ingest/push/${sourceId}`, {
      method: "POST",
      headers: { "Content-Type": type, ...(auth === undefined ? {} : { Authorization: auth }) },
      body,
    });

  it("creates a push source and shows its token once", async () => {
    const res = await request(
      "/newsroom/api/wire/sources",
      json({
        kind: "push",
        name: "Agency push",
        agencyCode: "PUSHAG",
        agencyName: "Push Agency",
        serviceId: "en",
        maxBytes: 4096,
      }),
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { source: { id: string }; pushToken: string };
    expect(body.pushToken).toMatch(/^ndw_[A-Za-z0-9_-]{43}$/);
    sourceId = body.source.id;
    token = body.pushToken;
    const listed = await (await request("/newsroom/api/wire/sources")).text();
    expect(listed).toContain("Agency push");
    expect(listed).not.toContain(token);
    expect(listed).not.toMatch(/token_?hash/i);
  });

  it("refuses pushes without the right bearer token, in problem+json", async () => {
    const bytes = ninjsBytes({ uri: "urn:push:1", headline: "Pushed copy" });
    for (const auth of [undefined, "Bearer wrong", `Basic ${token}`, `Bearer ${token}x`]) {
      const res = await push(bytes, auth);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect(await res.json()).toMatchObject({ code: "WIRE_PUSH_UNAUTHORIZED", status: 401 });
    }
    const other = await app.request("/ingest/push/nosuchsource", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}` },
      body: bytes,
    });
    expect(other.status).toBe(401);
  });

  it("ingests an authenticated push once; the same body again changes nothing", async () => {
    const bytes = ninjsBytes({ uri: "urn:push:1", headline: "Pushed copy" });
    const res = await push(bytes, `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ingested", newItems: 1 });
    const again = await push(bytes, `Bearer ${token}`);
    expect(await again.json()).toMatchObject({ status: "duplicate-file" });
  });

  it("answers hostile pushes with the wire error's status and quarantines them", async () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><nitf>&lol2;</nitf>';
    const res = await push(bomb, `Bearer ${token}`, "application/xml");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "WIRE_ENTITY_EXPANSION" });
    h.clock.advance(1000);
    const big = await push(new Uint8Array(10_000), `Bearer ${token}`);
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: "WIRE_TOO_LARGE" });
    h.clock.advance(1000);
    const truncated = await push(
      '<?xml version="1.0"?><nitf><body>',
      `Bearer ${token}`,
      "application/xml",
    );
    expect(truncated.status).toBe(400);
    expect(await truncated.json()).toMatchObject({ code: "WIRE_MALFORMED_XML" });
    const quarantine = (await (await request("/newsroom/api/wire/quarantine")).json()) as {
      entries: { code: string; sourceId: string }[];
    };
    expect(quarantine.entries.map((e) => e.code)).toEqual([
      "WIRE_MALFORMED_XML",
      "WIRE_TOO_LARGE",
      "WIRE_ENTITY_EXPANSION",
    ]);
    expect(quarantine.entries.every((e) => e.sourceId === sourceId)).toBe(true);
  });

  it("lists the queue, shows an item with its history and builds a story from it", async () => {
    await push(
      ninjsBytes({
        uri: "urn:push:1",
        version: "2",
        versioncreated: "2031-05-01T11:00:00Z",
        headline: "Pushed copy, updated",
      }),
      `Bearer ${token}`,
    );
    const queue = (await (
      await request("/newsroom/api/wire/items?q=pushed&agency=PUSHAG")
    ).json()) as {
      items: { id: string; headline: string; versionCount: number }[];
      nextCursor: string | null;
    };
    expect(queue.items).toMatchObject([{ headline: "Pushed copy, updated", versionCount: 2 }]);
    const id = queue.items[0]?.id ?? "";
    const detail = (await (await request(`/newsroom/api/wire/items/${id}`)).json()) as {
      versions: { id: string; version: string }[];
      current: { item: { headline: string } };
    };
    expect(detail.versions.map((v) => v.version)).toEqual(["2", "1"]);
    const oldId = detail.versions[1]?.id ?? "";
    const old = await (await request(`/newsroom/api/wire/items/${id}/versions/${oldId}`)).json();
    expect(old).toMatchObject({ item: { headline: "Pushed copy" } });

    const used = await request(`/newsroom/api/wire/items/${id}/use`, json({ section: "world" }));
    expect(used.status).toBe(201);
    const story = (await used.json()) as {
      story: { id: string };
      revision: { content: { agencies: string[] } };
    };
    expect(story.revision.content.agencies).toEqual(["PUSHAG"]);

    // The agency kills the item: the story is flagged and the editor sees it.
    await push(
      ninjsBytes({
        uri: "urn:push:1",
        version: "3",
        versioncreated: "2031-05-01T12:00:00Z",
        pubstatus: "withheld",
      }),
      `Bearer ${token}`,
    );
    const lineage = (await (
      await request(`/newsroom/api/wire/stories/${story.story.id}`)
    ).json()) as {
      flags: { id: string; pubStatus: string }[];
    };
    expect(lineage.flags).toMatchObject([{ pubStatus: "withheld" }]);
    const flags = (await (await request("/newsroom/api/wire/flags")).json()) as {
      flags: unknown[];
    };
    expect(flags.flags).toHaveLength(1);
    const reuse = await request(`/newsroom/api/wire/items/${id}/use`, json({}));
    expect(reuse.status).toBe(409);
    expect(await reuse.json()).toMatchObject({ code: "WIRE_ITEM_NOT_USABLE" });
    const ack = await request(`/newsroom/api/wire/flags/${lineage.flags[0]?.id}/acknowledge`, {
      method: "POST",
    });
    expect(ack.status).toBe(200);
    expect(
      ((await (await request("/newsroom/api/wire/flags")).json()) as { flags: unknown[] }).flags,
    ).toEqual([]);
  });

  it("validates input and refuses callers without a role", async () => {
    const bad = await request("/newsroom/api/wire/items?urgency=12");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    const missing = await request("/newsroom/api/wire/items/nope");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "WIRE_ITEM_NOT_FOUND" });
    caller = nobody;
    try {
      expect((await request("/newsroom/api/wire/items")).status).toBe(403);
      const create = await request(
        "/newsroom/api/wire/sources",
        json({ kind: "push", name: "x", agencyCode: "X", agencyName: "X", serviceId: "en" }),
      );
      expect(create.status).toBe(403);
    } finally {
      caller = admin;
    }
  });

  it("rotates and removes a push source; the old token stops working", async () => {
    const rotated = (await (
      await request(`/newsroom/api/wire/sources/${sourceId}/token`, { method: "POST" })
    ).json()) as { pushToken: string };
    expect(rotated.pushToken).not.toBe(token);
    const bytes = ninjsBytes({ uri: "urn:push:rotate" });
    expect((await push(bytes, `Bearer ${token}`)).status).toBe(401);
    expect((await push(bytes, `Bearer ${rotated.pushToken}`)).status).toBe(200);
    expect(
      (await request(`/newsroom/api/wire/sources/${sourceId}`, { method: "DELETE" })).status,
    ).toBe(204);
    expect((await push(bytes, `Bearer ${rotated.pushToken}`)).status).toBe(401);
  });
});
