import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { movableClock } from "../support/test-clock.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Json = Record<string, unknown>;

const content = (overrides: Json = {}) => ({
  headline: "Council approves new river bridge",
  standfirst: "The crossing will open in 2028.",
  dateline: "NORTH HAVEN",
  slug: "council-approves-new-river-bridge",
  section: "world",
  topics: ["diplomacy"],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "The council voted on Tuesday." }] }],
  bylines: [
    { kind: "person", personId: "lena-okafor", role: "author" },
    { kind: "person", personId: "tomas-reyes", role: "author" },
    { kind: "desk", deskId: "meridian-news" },
  ],
  agencies: ["AFP"],
  ...overrides,
});

async function png(width: number, height: number): Promise<Blob> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: "#3a6ea5" } })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(bytes)], { type: "image/png" });
}

/** A valid 1×1 PNG whose header is rewritten to claim width × height (CRC fixed). */
async function pixelBomb(width: number, height: number): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } })
    .png()
    .toBuffer();
  // IHDR data starts at byte 16 (8-byte signature + 4 length + 4 type); CRC follows its 13 bytes.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

describe.each(dialects)("the newsroom API on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  const clock = movableClock();
  const editor = () => new NewsroomClient(newsdesk.app);
  let ed: NewsroomClient;
  let rep: NewsroomClient;
  let tr: NewsroomClient;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, { clock });
    ed = editor();
    rep = editor();
    tr = editor();
    expect((await ed.login("editor@newsdesk.test", "demo-password-elif")).status).toBe(200);
    expect((await rep.login("reporter@newsdesk.test", "demo-password-rafael")).status).toBe(200);
    expect((await tr.login("translator@newsdesk.test", "demo-password-taraneh")).status).toBe(200);
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("sets an HttpOnly, SameSite=Strict session cookie and refuses wrong passwords with a stable code", async () => {
    const client = editor();
    const ok = await client.login("admin@newsdesk.test", "demo-password-ada");
    const cookie = ok.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /nd_session=[^;]+; Max-Age=\d+; Path=\/newsroom; HttpOnly; Secure; SameSite=Strict/,
    );
    const bad = await editor().login("admin@newsdesk.test", "not the password");
    expect(bad.status).toBe(401);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(await bad.json()).toMatchObject({ code: "AUTH_FAILED", status: 401 });
    expect((await editor().request("GET", "/session")).status).toBe(401);
  });

  it("rejects state changes without the CSRF token or from another origin", async () => {
    const noToken = await ed.request(
      "POST",
      "/stories",
      { serviceId: "en", content: content() },
      { csrf: null },
    );
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ code: "CSRF_FAILED" });
    const wrongToken = await ed.request(
      "POST",
      "/stories",
      { serviceId: "en", content: content() },
      { csrf: "forged" },
    );
    expect((await wrongToken.json()) as Json).toMatchObject({ code: "CSRF_FAILED" });
    const crossSite = await ed.request(
      "POST",
      "/stories",
      { serviceId: "en", content: content() },
      { origin: "https://evil.example" },
    );
    expect((await crossSite.json()) as Json).toMatchObject({ code: "CSRF_FAILED" });
    // Reading needs no token.
    expect((await ed.request("GET", "/stories", undefined, { csrf: null })).status).toBe(200);
  });

  it("takes a story from reporter draft to editor publication, update and correction, visible to readers", async () => {
    const created = await rep.json<{ story: Json; revision: Json }>("POST", "/stories", {
      serviceId: "en",
      content: content(),
    });
    const id = String(created.story.id);
    expect((await rep.json<{ story: Json }>("POST", `/stories/${id}/submit`)).story.status).toBe(
      "in_review",
    );
    const denied = await rep.request("POST", `/stories/${id}/publish`, { mode: "first" });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({
      code: "FORBIDDEN",
      detail: "You need the editor role in a language service to do that.",
    });
    await ed.json("POST", `/stories/${id}/publish`, { mode: "first" });
    const detail = await ed.json<{ readerUrl: string; revision: { id: string } }>(
      "GET",
      `/stories/${id}`,
    );
    const path = new URL(detail.readerUrl).pathname;
    let page = await (await newsdesk.app.request(path)).text();
    expect(page).toContain("<h1>Council approves new river bridge</h1>");
    // The story's own dates (related-story cards may carry their own "Updated" labels).
    const storyMeta = (html: string) => /<p class="meta">(.*?)<\/p>/su.exec(html)?.[1] ?? "";
    expect(storyMeta(page)).not.toContain('class="tag-updated"');

    await ed.json("PUT", `/stories/${id}/draft`, {
      baseRevisionId: detail.revision.id,
      content: content({ standfirst: "The crossing will open in 2028, a year early." }),
    });
    await ed.json("POST", `/stories/${id}/publish`, {
      mode: "update",
      note: "Adds the new opening date.",
    });
    page = await (await newsdesk.app.request(path)).text();
    expect(storyMeta(page)).toContain('<span class="tag-updated">Updated</span>');
    expect(page).toContain("Adds the new opening date.");

    await ed.json("POST", `/stories/${id}/corrections`, {
      text: "An earlier version misspelled the name of the council leader.",
    });
    page = await (await newsdesk.app.request(path)).text();
    expect(page).toContain("An earlier version misspelled the name of the council leader.");

    const audit = await ed.json<{ action: string; actorName: string | null }[]>(
      "GET",
      `/audit?storyId=${id}`,
    );
    expect(audit.map((a) => a.action).reverse()).toEqual([
      "story.created",
      "story.submitted",
      "story.published",
      "story.saved",
      "story.updated",
      "story.corrected",
    ]);
    expect(audit.at(-1)?.actorName).toBe("Rafael Reporter");
  });

  it("refuses a stale save with 409 and both versions, and keeps every revision", async () => {
    const created = await ed.json<{ story: { id: string }; revision: { id: string } }>(
      "POST",
      "/stories",
      { serviceId: "en", content: content() },
    );
    const base = created.revision.id;
    const id = created.story.id;
    await ed.json("PUT", `/stories/${id}/draft`, {
      baseRevisionId: base,
      content: content({ headline: "First editor's headline" }),
    });
    const stale = await rep.request("PUT", `/stories/${id}/draft`, {
      baseRevisionId: base,
      content: content({ headline: "Second editor's headline" }),
    });
    // The reporter may not edit an editor's story at all; an editor with a stale base conflicts.
    expect(stale.status).toBe(403);
    const other = editor();
    await other.login("admin@newsdesk.test", "demo-password-ada");
    const conflict = await other.request("PUT", `/stories/${id}/draft`, {
      baseRevisionId: base,
      content: content({ headline: "Second editor's headline" }),
    });
    expect(conflict.status).toBe(409);
    const problem = (await conflict.json()) as {
      code: string;
      currentRevision: { content: Json };
      yourContent: Json;
    };
    expect(problem.code).toBe("REVISION_CONFLICT");
    expect(problem.currentRevision.content.headline).toBe("First editor's headline");
    expect(problem.yourContent.headline).toBe("Second editor's headline");
    const all = await ed.json<
      {
        id: string;
        number: number;
        createdByName: string | null;
        content?: unknown;
        kind: string;
      }[]
    >("GET", `/stories/${id}/revisions`);
    // The refused version is kept, marked not merged (ADR 0013); the reporter's left nothing.
    expect(all.map((r) => [r.number, r.kind])).toEqual([
      [3, "not_merged"],
      [2, "saved"],
      [1, "saved"],
    ]);
    const revisions = all.filter((r) => r.kind === "saved");
    // The history names who saved each revision, and carries no full texts.
    expect(all.map((r) => r.createdByName)).toEqual(["Ada Admin", "Elif Editor", "Elif Editor"]);
    expect(revisions.every((r) => r.content === undefined)).toBe(true);
    const diff = await ed.json<{ fields: Json[] }>(
      "GET",
      `/stories/${id}/revisions/${revisions[1]?.id}/diff/${revisions[0]?.id}`,
    );
    expect(diff.fields).toContainEqual({
      field: "headline",
      before: "Council approves new river bridge",
      after: "First editor's headline",
    });
    const restored = await ed.json<{ revision: { number: number; content: Json } }>(
      "POST",
      `/stories/${id}/revisions/${base}/restore`,
      { baseRevisionId: revisions[0]?.id },
    );
    expect(restored.revision.number).toBe(4);
    expect(restored.revision.content.headline).toBe("Council approves new river bridge");
  });

  it("keeps translators out of services and actions that are not theirs", async () => {
    const created = await ed.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: content(),
    });
    const publish = await tr.request("POST", `/stories/${created.story.id}/publish`, {
      mode: "first",
    });
    expect(publish.status).toBe(403);
    const problem = (await publish.json()) as Json;
    expect(problem.code).toBe("FORBIDDEN");
    const create = await tr.request("POST", "/stories", {
      serviceId: "fa",
      content: content({ section: "world", bylines: [], topics: [] }),
    });
    expect(create.status).toBe(403);
    const list = await tr.json<{ items: { serviceId: string }[] }>("GET", "/stories");
    expect(new Set(list.items.map((i) => i.serviceId))).toEqual(new Set(["fa"]));
  });

  it("kills a story everywhere and leaves a notice", async () => {
    const created = await ed.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: content({ headline: "Story to be killed", slug: "story-to-be-killed" }),
    });
    const id = created.story.id;
    await ed.json("POST", `/stories/${id}/publish`, { mode: "first" });
    expect(await (await newsdesk.app.request("/english/")).text()).toContain("Story to be killed");
    await ed.json("POST", `/stories/${id}/kill`, { reason: "Legal advice <b>pending</b>" });
    const page = await newsdesk.app.request(`/english/world/story-to-be-killed-${id}`);
    expect(page.status).toBe(410);
    // The kill dialog promises readers the reason; it is text, never markup.
    expect(await page.text()).toContain("Editors' note: Legal advice &lt;b>pending&lt;/b>");
    for (const path of ["/english/", "/english/world", "/english/search?q=killed"]) {
      expect(await (await newsdesk.app.request(path)).text(), path).not.toContain(
        "Story to be killed",
      );
    }
  });

  it("publishes a scheduled story once its time comes, even from a new instance", async () => {
    const created = await ed.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: content({ headline: "Scheduled story", slug: "scheduled-story" }),
    });
    const id = created.story.id;
    const at = new Date(clock.now().getTime() + 1500).toISOString();
    expect(
      (await ed.json<{ story: Json }>("POST", `/stories/${id}/schedule`, { at })).story,
    ).toMatchObject({ status: "scheduled", scheduledAt: at });
    expect(await newsdesk.services.stories.publishDue()).toEqual([]);
    clock.advance(1600);
    // A second runner (another instance after a restart) and this one race; exactly one wins.
    const [a, b] = await Promise.all([
      newsdesk.services.stories.publishDue(),
      newsdesk.services.stories.publishDue(),
    ]);
    expect([...a, ...b].map((s) => s.id)).toEqual([id]);
    expect((await ed.json<{ story: Json }>("GET", `/stories/${id}`)).story.status).toBe(
      "published",
    );
  });

  it("holds an embargoed story until the embargo lifts", async () => {
    const created = await ed.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: content({ headline: "Embargoed", slug: "embargoed" }),
    });
    const until = new Date(clock.now().getTime() + 3_600_000).toISOString();
    await ed.json("POST", `/stories/${created.story.id}/embargo`, { until });
    const published = await ed.json<{ story: Json }>(
      "POST",
      `/stories/${created.story.id}/publish`,
      { mode: "first" },
    );
    expect(published.story).toMatchObject({
      status: "scheduled",
      scheduledAt: until,
      embargoUntil: until,
    });
  });

  it("uploads images checked by decoding, with renditions, and refuses non-images and bombs", async () => {
    const form = new FormData();
    form.set("file", await png(1200, 800), "photo.png");
    form.set("caption", "Bridge model");
    form.set("credit", "Staff");
    form.set("alt", "A scale model of a bridge");
    form.set("focalX", "0.3");
    const response = await ed.request("POST", "/media", form);
    expect(response.status).toBe(201);
    const uploaded = (await response.json()) as {
      asset: { id: string; width: number };
      renditions: { url: string; format: string }[];
    };
    expect(uploaded.asset.width).toBe(1200);
    expect(new Set(uploaded.renditions.map((r) => r.format))).toEqual(new Set(["webp", "jpeg"]));
    const served = await newsdesk.app.request(uploaded.renditions[0]?.url ?? "");
    expect(served.status).toBe(200);

    const fake = new FormData();
    fake.set("file", new Blob(["<svg onload=alert(1)>"], { type: "image/png" }), "evil.png");
    const refused = await ed.request("POST", "/media", fake);
    expect(refused.status).toBe(415);
    expect(await refused.json()).toMatchObject({ code: "MEDIA_UNSUPPORTED" });

    // A tiny PNG that claims 20,000 × 20,000 pixels: refused before it is decoded.
    const bomb = await pixelBomb(30_000, 30_000);
    const bombForm = new FormData();
    bombForm.set("file", new Blob([new Uint8Array(bomb)], { type: "image/png" }), "bomb.png");
    const bombed = await ed.request("POST", "/media", bombForm);
    expect(bombed.status).toBe(413);
    expect(await bombed.json()).toMatchObject({ code: "MEDIA_TOO_LARGE" });

    const huge = new FormData();
    huge.set(
      "file",
      new Blob([new Uint8Array(26 * 1024 * 1024)], { type: "image/jpeg" }),
      "huge.jpg",
    );
    const tooBig = await ed.request("POST", "/media", huge);
    expect(tooBig.status).toBe(413);

    const library = await ed.json<{ items: { asset: { id: string } }[] }>("GET", "/media?q=Bridge");
    expect(library.items.map((i) => i.asset.id)).toContain(uploaded.asset.id);
  });

  it("edits a saved image's details field by field (PATCH is a partial update)", async () => {
    const form = new FormData();
    form.set("file", await png(640, 360), "harbour.png");
    form.set("caption", "Harbour at dawn");
    form.set("credit", "Staff");
    form.set("alt", "Fishing boats moored in a harbour");
    const { asset } = (await (await ed.request("POST", "/media", form)).json()) as {
      asset: { id: string };
    };
    // The figure dialog saves only what changed: the focal point…
    const moved = await ed.json<{ asset: Json }>("PATCH", `/media/${asset.id}`, {
      focalX: 0.2,
      focalY: 0.7,
    });
    expect(moved.asset).toMatchObject({
      focalX: 0.2,
      focalY: 0.7,
      caption: "Harbour at dawn",
      credit: "Staff",
      alt: "Fishing boats moored in a harbour",
    });
    // …or only the caption, keeping the saved focal point.
    const captioned = await ed.json<{ asset: Json }>("PATCH", `/media/${asset.id}`, {
      caption: "The harbour before the storm",
    });
    expect(captioned.asset).toMatchObject({
      caption: "The harbour before the storm",
      focalX: 0.2,
      focalY: 0.7,
    });
    // Nothing to change, or a value out of range, is a clear 400.
    const empty = await ed.request("PATCH", `/media/${asset.id}`, {});
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    const outside = await ed.request("PATCH", `/media/${asset.id}`, { focalX: 2 });
    expect(outside.status).toBe(400);
    const missing = await ed.request("PATCH", "/media/nosuchmedia1", { caption: "x" });
    expect(missing.status).toBe(404);
    // Reopening a saved figure reads the saved details, focal point included.
    const one = await ed.json<{ asset: Json; thumbnailUrl: string | null }>(
      "GET",
      `/media/${asset.id}`,
    );
    expect(one.asset).toMatchObject({ focalX: 0.2, focalY: 0.7 });
    expect(one.thumbnailUrl).toMatch(new RegExp(`^/media/${asset.id}/`));
    expect((await ed.request("GET", "/media/nosuchmedia1")).status).toBe(404);
  });

  it("re-uploading a file already in the library keeps it once and says so, filling empty details", async () => {
    const bytes = await png(320, 180);
    const first = new FormData();
    first.set("file", bytes, "same.png");
    first.set("caption", "");
    first.set("credit", "Staff");
    const created = await ed.request("POST", "/media", first);
    expect(created.status).toBe(201);
    const { asset } = (await created.json()) as { asset: { id: string } };
    const again = new FormData();
    again.set("file", bytes, "same-again.png");
    again.set("caption", "A caption written on the second upload");
    again.set("credit", "Someone else");
    const reused = await ed.request("POST", "/media", again);
    // The same asset, not a duplicate: 200 and `reused`, so the editor can be told.
    expect(reused.status).toBe(200);
    const body = (await reused.json()) as { asset: Json; reused: boolean };
    expect(body.reused).toBe(true);
    expect(body.asset.id).toBe(asset.id);
    // An empty caption is filled in; a credit already saved is not overwritten silently.
    expect(body.asset).toMatchObject({
      caption: "A caption written on the second upload",
      credit: "Staff",
    });
  });

  it("sanitizes pasted HTML on the server into the block model", async () => {
    const result = await ed.json<{ doc: { content: Json[] } }>("POST", "/paste", {
      html: '<p>Hello <b>world</b><script>alert(1)</script><img src=x onerror=alert(1)></p><p><a href="javascript:alert(1)">click</a></p>',
    });
    const text = JSON.stringify(result.doc);
    expect(text).not.toContain("script");
    expect(text).not.toContain("onerror");
    expect(text).not.toContain("javascript:");
    expect(result.doc.content[0]).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "Hello " },
        { type: "text", text: "world", marks: [{ type: "bold" }] },
      ],
    });
  });

  it("previews a draft exactly as readers will see it, and tracks who else is editing", async () => {
    const created = await ed.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: content({ headline: "Draft <b>only</b>" }),
    });
    const preview = await ed.request("GET", `/stories/${created.story.id}/preview`);
    const html = await preview.text();
    expect(html).toContain("<h1>Draft &lt;b>only&lt;/b></h1>");
    expect(html).toContain('<p class="agency-note">This story contains information from AFP.</p>');
    // The newsroom shows it in an iframe sandboxed without scripts: it carries none, so the
    // browser has nothing to refuse (and log) there.
    expect(html).not.toContain("<script");
    const admin = editor();
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    await admin.json("POST", `/stories/${created.story.id}/presence`);
    const seen = await ed.json<{ others: { displayName: string }[] }>(
      "POST",
      `/stories/${created.story.id}/presence`,
    );
    expect(seen.others.map((o) => o.displayName)).toEqual(["Ada Admin"]);
  });

  it("raises and clears the breaking-news banner for readers", async () => {
    const expiresAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
    await ed.json("PUT", "/banners/en", { text: "Bridge vote passes", url: null, expiresAt });
    expect(await (await newsdesk.app.request("/english/")).text()).toContain("Bridge vote passes");
    expect(
      (await rep.request("PUT", "/banners/en", { text: "x", url: null, expiresAt })).status,
    ).toBe(403);
    await ed.request("DELETE", "/banners/en");
    expect(await (await newsdesk.app.request("/english/")).text()).not.toContain(
      '<section class="breaking"',
    );
  });

  it("issues scoped API tokens that work without cookies, and logs out everywhere", async () => {
    const { token } = await ed.json<{ token: string }>("POST", "/tokens", {
      name: "bot",
      scopes: ["stories:read"],
    });
    const read = await newsdesk.app.request("/newsroom/api/stories", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(read.status).toBe(200);
    const write = await newsdesk.app.request("/newsroom/api/stories", {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ serviceId: "en", content: content() }),
    });
    expect(write.status).toBe(403);
    const client = editor();
    await client.login("editor@newsdesk.test", "demo-password-elif");
    expect((await client.request("POST", "/session/logout-everywhere")).status).toBe(204);
    expect((await ed.request("GET", "/session")).status).toBe(401);
    await ed.login("editor@newsdesk.test", "demo-password-elif");
  });

  it("answers malformed bodies with problem+json, never a 500", async () => {
    const notJson = await ed.request("POST", "/stories", undefined, {
      headers: { "Content-Type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    const invalid = await ed.request("POST", "/stories", {
      serviceId: "en",
      content: { headline: "" },
    });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ code: "VALIDATION_FAILED" });
    const unknown = await ed.request("GET", "/stories/nope");
    expect(await unknown.json()).toMatchObject({ code: "STORY_NOT_FOUND", status: 404 });
    expect((await ed.request("GET", "/no-such-route")).status).toBe(404);
  });
});
