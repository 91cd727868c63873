import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/domain/ids.js";
import { postgresUrl } from "../support/test-databases.js";
import {
  deskStoryContent,
  type Instance,
  NewsroomSession,
  openSse,
  startInstance,
} from "./support/instances.js";

type Json = Record<string, unknown>;

const storyContent = (headline: string) => deskStoryContent(headline, "multi-instance");

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Three stateless instances on one PostgreSQL: caches and banners fan out over
 * LISTEN/NOTIFY, scheduled work runs once, and a crash loses nothing committed.
 */
describe("three instances sharing one PostgreSQL", () => {
  const schema = `mi_${newId(10)}`;
  const databaseUrl = `${postgresUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  let instances: Instance[] = [];
  let editor: NewsroomSession;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    // The first instance migrates and seeds; the others join the prepared database.
    const first = await startInstance(databaseUrl, { SEED_DEMO: "always" });
    instances = [
      first,
      ...(await Promise.all([startInstance(databaseUrl), startInstance(databaseUrl)])),
    ];
    editor = new NewsroomSession(first.baseUrl);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
  });

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it("shows a publish on one instance on the others within a second", async () => {
    const [a, b, c] = instances;
    const created = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: storyContent("First headline"),
    });
    const id = created.story.id;
    await editor.json("POST", `/stories/${id}/publish`, { mode: "first" });
    const path = `/english/world/multi-instance-${id}`;
    // Warm every instance's cache with the first version.
    for (const instance of [a, b, c])
      expect(await (await fetch(`${instance?.baseUrl}${path}`)).text()).toContain("First headline");
    const detail = await editor.json<{ revision: { id: string } }>("GET", `/stories/${id}`);
    await editor.json("PUT", `/stories/${id}/draft`, {
      baseRevisionId: detail.revision.id,
      content: storyContent("Second headline"),
    });
    await editor.json("POST", `/stories/${id}/publish`, { mode: "update" });
    for (const instance of [b, c]) {
      const ms = await waitUntil(
        async () =>
          (await (await fetch(`${instance?.baseUrl}${path}`)).text()).includes("Second headline"),
        1000,
      );
      expect(ms).toBeLessThan(1000);
    }
  });

  it("pushes a banner raised on one instance to reader pages open on the others", async () => {
    const [, b, c] = instances;
    const streams = await Promise.all([b, c].map((i) => openSse(`${i?.baseUrl}/_/live/en`)));
    const text = `Banner ${newId(6)}`;
    const raisedAt = Date.now();
    await editor.json("PUT", "/banners/en", {
      text,
      url: null,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    for (const stream of streams) {
      const event = await stream.waitFor(
        (e) => e.event === "banner" && e.data.includes(text),
        1000,
      );
      expect(event.at - raisedAt).toBeLessThan(1000);
    }
    // The next page load on another instance has the bar too (no JavaScript needed).
    expect(await (await fetch(`${c?.baseUrl}/english/`)).text()).toContain(text);
    await Promise.all(streams.map((s) => s.close()));
  });

  it("pushes a live post made on one instance to the live page open on the others", async () => {
    const [, b, c] = instances;
    // The demo's English live page, as the home page badges it.
    const home = await (await fetch(`${b?.baseUrl}/english/`)).text();
    const badge = home.indexOf('class="live-badge is-live"');
    const href = /href="([^"]+)"/.exec(home.slice(home.lastIndexOf("<a ", badge)))?.[1] ?? "";
    const storyId = /-([0-9a-z]{12})$/.exec(href)?.[1] ?? "";
    expect(storyId, "a live page on /english/").not.toBe("");
    // Each instance has the first page cached before the post.
    for (const i of [b, c]) await fetch(`${i?.baseUrl}${href}`);
    const streams = await Promise.all(
      [b, c].map((i) => openSse(`${i?.baseUrl}/_/live/en?story=${storyId}&since=1`)),
    );
    const text = `Post ${newId(6)}`;
    const postedAt = Date.now();
    const post = (await editor.json("POST", `/stories/${storyId}/posts`, {
      title: null,
      body: [{ type: "paragraph", content: [{ text }] }],
      bylines: [],
    })) as Json;
    for (const stream of streams) {
      const event = await stream.waitFor((e) => e.event === "post" && e.data.includes(text), 1000);
      expect(event.at - postedAt).toBeLessThan(1000);
      expect(event.id).toMatch(/^p-\d+$/);
    }
    // The next load of the page on another instance shows the post (its cache was dropped).
    expect(await (await fetch(`${c?.baseUrl}${href}`)).text()).toContain(`id="post-${post.id}"`);
    await Promise.all(streams.map((s) => s.close()));
  });

  it("tells newsroom browsers on every instance about wire copy ingested on one", async () => {
    const [a, b] = instances;
    const admin = new NewsroomSession(a?.baseUrl ?? "");
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    const created = await admin.json<{ source: { id: string }; pushToken: string }>(
      "POST",
      "/wire/sources",
      {
        kind: "push",
        name: "Multi-instance push",
        agencyCode: "MIA",
        agencyName: "Multi Agency",
        serviceId: "en",
        subjectSections: {},
      },
    );
    // A newsroom browser connected to instance B listens for live events.
    const listener = new NewsroomSession(b?.baseUrl ?? "");
    await listener.login("editor@newsdesk.test", "demo-password-elif");
    const controller = new AbortController();
    const stream = await listener.call("GET", "/events").then((r) => r.body);
    if (!stream) throw new Error("no event stream");
    let received = "";
    const reading = (async () => {
      const reader = stream.pipeThrough(new TextDecoderStream()).getReader();
      controller.signal.addEventListener("abort", () => void reader.cancel());
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += value;
      }
    })().catch(() => undefined);
    // The stream's first event says this instance has subscribed: only then push.
    await waitUntil(async () => received.includes("event: ready"), 2000);
    const headline = `Relayed copy ${newId(6)}`;
    const push = await fetch(`${a?.baseUrl}/ingest/push/${created.source.id}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${created.pushToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        uri: `urn:mi:${newId(8)}`,
        type: "text",
        language: "en",
        headlines: [{ value: headline }],
        bodies: [{ contentType: "text/plain", value: "Body." }],
      }),
    });
    expect(push.status, await push.clone().text()).toBe(200);
    await waitUntil(
      async () => received.includes("event: wire") && received.includes(headline),
      2000,
    );
    controller.abort();
    await reading;
  });

  it("resumes a live stream with Last-Event-ID and replays only what was missed", async () => {
    const [a] = instances;
    const first = await openSse(`${a?.baseUrl}/_/live/en`);
    const current = await first.waitFor((e) => e.event === "banner", 2000);
    await first.close();
    // Reconnecting with the current id: nothing is replayed, so the first banner event on
    // the stream is the next change, not the current banner again.
    const same = await openSse(`${a?.baseUrl}/_/live/en`, current.id);
    const fresh = `Fresh ${newId(6)}`;
    await editor.json("PUT", "/banners/en", {
      text: fresh,
      url: null,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    const next = await same.waitFor((e) => e.event === "banner", 2000);
    expect(next.data).toContain(fresh);
    expect(same.events.filter((e) => e.id === current.id)).toEqual([]);
    await same.close();
    // A banner raised while disconnected is delivered on reconnect.
    const missed = `Missed ${newId(6)}`;
    await editor.json("PUT", "/banners/en", {
      text: missed,
      url: null,
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    const resumed = await openSse(`${a?.baseUrl}/_/live/en`, next.id);
    const replay = await resumed.waitFor((e) => e.event === "banner", 1000);
    expect(replay.data).toContain(missed);
    expect(replay.id).not.toBe(next.id);
    await resumed.close();
  });

  it("publishes a scheduled story exactly once across the instances", async () => {
    const created = await editor.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      content: storyContent("Scheduled once"),
    });
    const id = created.story.id;
    await editor.json("POST", `/stories/${id}/schedule`, {
      at: new Date(Date.now() + 1500).toISOString(),
    });
    await waitUntil(
      async () =>
        (await editor.json<{ story: Json }>("GET", `/stories/${id}`)).story.status === "published",
      8000,
    );
    // "Exactly once" is a claim about what does not happen: every instance polls once a
    // second (JobRunner's default), so a window of three polls after the publish gives each
    // of them further chances to publish it again.
    await new Promise((r) => setTimeout(r, 3 * 1000));
    const audit = await editor.json<{ action: string }[]>("GET", `/audit?storyId=${id}`);
    expect(audit.filter((entry) => entry.action === "story.published")).toHaveLength(1);
  });

  it("loses nothing committed when an instance is killed mid-publish", async () => {
    const victim = instances[2];
    if (!victim) throw new Error("no third instance");
    const session = new NewsroomSession(victim.baseUrl);
    await session.login("editor@newsdesk.test", "demo-password-elif");
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      ids.push(
        (
          await session.json<{ story: { id: string } }>("POST", "/stories", {
            serviceId: "en",
            content: storyContent(`Crash ${i}`),
          })
        ).story.id,
      );
    }
    // Fire publishes and kill -9 the instance while they are in flight.
    const inflight = ids.map((id) =>
      session
        .call("POST", `/stories/${id}/publish`, { mode: "first" })
        .then((r) => r.status)
        .catch(() => 0),
    );
    // Crash as soon as the first publish is answered, while the others are in flight.
    await Promise.race(inflight);
    await victim.crash();
    const statuses = await Promise.all(inflight);
    instances = instances.filter((i) => i !== victim);
    // Every story is either wholly published or wholly not: head, projection and revision agree.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const rows = (
      await client.query(
        `select s.id, s.status, s.published_revision_id, s.headline, s.current_revision_number,
                (select count(*) from story_revisions r where r.story_id = s.id)::int as revisions
         from stories s where s.id = any($1)`,
        [ids],
      )
    ).rows as {
      id: string;
      status: string;
      published_revision_id: string | null;
      headline: string | null;
      current_revision_number: number;
      revisions: number;
    }[];
    await client.end();
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) {
      expect(row.revisions).toBe(row.current_revision_number);
      if (row.status === "published") {
        expect(row.published_revision_id).not.toBeNull();
        expect(row.headline).toMatch(/^Crash \d$/);
      } else {
        expect(row.status).toBe("draft");
        expect(row.published_revision_id).toBeNull();
        expect(row.headline).toBeNull();
      }
    }
    // Whatever the dying instance acknowledged with 200 is published.
    statuses.forEach((status, index) => {
      if (status === 200) expect(rows.find((r) => r.id === ids[index])?.status).toBe("published");
    });
    // The survivors can finish the job: publishing the rest works and nothing doubles.
    const survivor = new NewsroomSession(instances[0]?.baseUrl ?? "");
    await survivor.login("editor@newsdesk.test", "demo-password-elif");
    for (const row of rows.filter((r) => r.status !== "published")) {
      await survivor.json("POST", `/stories/${row.id}/publish`, { mode: "first" });
    }
    const published = await survivor.json<{ items: { id: string }[] }>(
      "GET",
      "/stories?status=published&limit=200",
    );
    expect(ids.every((id) => published.items.filter((s) => s.id === id).length === 1)).toBe(true);
  });
});
