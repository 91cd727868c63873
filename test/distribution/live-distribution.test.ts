import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { Newsdesk } from "../../src/main.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const ninjsDir = join(import.meta.dirname, "../../../shared/data/standards/iptc-ninjs");

type Json = Record<string, unknown>;

function ninjsValidator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(
    JSON.parse(readFileSync(join(ninjsDir, "validation/test_suite/GeoJSON-schema.json"), "utf8")),
    "https://geojson.org/schema/GeoJSON.json",
  );
  return ajv.compile(
    JSON.parse(readFileSync(join(ninjsDir, "specification/ninjs-schema_3.1.json"), "utf8")),
  );
}

/** A partner's endpoint on 127.0.0.1 that keeps every body it receives. */
async function startReceiver() {
  const bodies: Json[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const content = {
  headline: "Storm surge reaches the harbour",
  standfirst: "Live coverage.",
  dateline: "NORTH HAVEN",
  slug: "storm-surge-live",
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "We follow the storm." }] }],
  bylines: [{ kind: "person", personId: "lena-okafor", role: "author" }],
  agencies: [],
};

const text = (value: string) => [{ type: "paragraph" as const, content: [{ text: value }] }];

describe.each(dialects)("live pages in distribution on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let key: string;
  const actor = systemActor("test");

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect, { env: { WEBHOOK_ALLOW_PRIVATE: "1" } });
    receiver = await startReceiver();
    key = (
      await newsdesk.services.apiKeys.issue(actor, { name: "partner", rateLimitPerMinute: 1000 })
    ).key;
    await newsdesk.services.webhooks.subscribe(actor, {
      url: receiver.url,
      events: ["live.post.published", "live.post.edited", "live.post.deleted"],
      serviceId: "en",
    });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
    await receiver?.close();
  });

  const get = async (path: string) => {
    const response = await newsdesk.app.request(path, {
      headers: { Authorization: `Bearer ${key}` },
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  it("exposes posts in the content API and ninjs, and fires one webhook per post", async () => {
    const { stories, livePages, webhooks } = newsdesk.services;
    const { story } = await stories.create(actor, { serviceId: "en", content, kind: "live" });
    const early = await livePages.post(actor, story.id, {
      title: "Before publication",
      body: text("Posted while the page was a draft."),
      bylines: [{ personId: "lena-okafor" }],
      keyEvent: true,
    });
    // Nothing public yet: no API answer, no delivery.
    expect((await get(`/api/v1/stories/${story.id}/posts`)).status).toBe(404);
    await webhooks.deliverDue();
    expect(receiver.bodies).toEqual([]);

    await stories.publish(actor, story.id, { mode: "first" });
    await livePages.updateSettings(actor, story.id, {
      status: "live",
      keyPoints: ["Harbour closed"],
      reportersMayPost: true,
      version: 1,
    });
    const later = await livePages.post(actor, story.id, {
      title: "Harbour <closed> & sealed",
      body: text("The harbour master closed the port."),
      bylines: [],
      pinned: true,
    });
    await livePages.editPost(actor, early.id, {
      revision: 1,
      body: text("Posted while the page was a draft; corrected."),
    });
    await webhooks.deliverDue();
    expect(receiver.bodies.map((b) => [b.event, b.postId])).toEqual([
      ["live.post.published", later.id],
      ["live.post.edited", early.id],
    ]);
    const published = receiver.bodies[0] as { post: Json; storyId: string };
    expect(published.storyId).toBe(story.id);
    expect(published.post).toMatchObject({
      id: later.id,
      title: "Harbour <closed> & sealed",
      pinned: true,
      keyEvent: false,
      edited: false,
      bodyHtml: "<p>The harbour master closed the port.</p>",
    });

    const single = await get(`/api/v1/stories/${story.id}`);
    expect(single.body).toMatchObject({
      kind: "live",
      live: {
        status: "live",
        keyPoints: ["Harbour closed"],
        coverageEndTime: null,
        postsUrl: `https://news.example.org/api/v1/stories/${story.id}/posts`,
      },
    });

    const posts = await get(`/api/v1/stories/${story.id}/posts?limit=1`);
    expect(posts.status).toBe(200);
    const first = posts.body as { data: Json[]; next: string | null };
    expect(first.data.map((p) => p.id)).toEqual([later.id]);
    expect(first.data[0]?.url).toMatch(new RegExp(`#post-${later.id}$`));
    expect(first.next).toBe(
      `https://news.example.org/api/v1/stories/${story.id}/posts?limit=1&before=${later.id}`,
    );
    const second = await get((first.next ?? "").replace("https://news.example.org", ""));
    const older = second.body as { data: Json[]; next: string | null };
    expect(older.data).toMatchObject([
      {
        id: early.id,
        keyEvent: true,
        edited: true,
        revision: 2,
        bylines: [{ id: "lena-okafor", name: "Lena Okafor" }],
      },
    ]);
    expect(older.next).toBeNull();
    expect((await get(`/api/v1/stories/${story.id}/posts?before=nope`)).status).toBe(400);

    const ninjs = await get(`/api/v1/ninjs/stories/${story.id}`);
    const validate = ninjsValidator();
    expect(validate(ninjs.body), JSON.stringify(validate.errors)).toBe(true);
    const associations = ninjs.body.associations as Json[];
    expect(associations.map((a) => [a.rel, a.version])).toEqual([
      ["liveBlogUpdate", "1"],
      ["liveBlogUpdate", "2"],
    ]);
    expect(associations[0]).toMatchObject({
      headlines: [{ role: "main", contentType: "text/plain", value: "Harbour <closed> & sealed" }],
      genres: [{ name: "Pinned", literal: "pinned" }],
    });
    expect(associations[1]).toMatchObject({
      by: "Lena Okafor",
      genres: [{ name: "Key event", literal: "key-event" }],
    });

    await livePages.deletePost(actor, early.id, "Duplicate");
    await webhooks.deliverDue();
    expect(receiver.bodies.at(-1)).toMatchObject({
      event: "live.post.deleted",
      postId: early.id,
      post: { id: early.id, deleted: true },
    });
    const after = (await get(`/api/v1/stories/${story.id}/posts`)).body as { data: Json[] };
    expect(after.data.map((p) => p.id)).toEqual([later.id]);
  });

  it("links embedded stories partners may read, in the API, ninjs, webhooks and the page's feed", async () => {
    const { stories, livePages, webhooks } = newsdesk.services;
    const { story } = await stories.create(actor, { serviceId: "en", content, kind: "live" });
    await stories.publish(actor, story.id, { mode: "first" });
    const target = await stories.create(actor, {
      serviceId: "en",
      content: { ...content, headline: "Ferries <b>sail</b> & dock", slug: "ferries-sail" },
    });
    await stories.publish(actor, target.story.id, { mode: "first" });
    const draft = await stories.create(actor, {
      serviceId: "en",
      content: { ...content, headline: "Unpublished embargoed headline", slug: "secret" },
    });
    const post = await livePages.post(actor, story.id, {
      title: null,
      body: [
        ...text("Read more:"),
        { type: "storyEmbed", storyId: target.story.id },
        { type: "storyEmbed", storyId: draft.story.id },
      ],
      bylines: [],
    });
    const link =
      `<p><a href="https://news.example.org/english/world/ferries-sail-${target.story.id}">` +
      "Ferries &lt;b&gt;sail&lt;/b&gt; &amp; dock</a></p>";
    const bodyHtml = `<p>Read more:</p>${link}`;

    const posts = (await get(`/api/v1/stories/${story.id}/posts`)).body as { data: Json[] };
    expect(posts.data[0]).toMatchObject({ id: post.id, bodyHtml });
    const ninjs = JSON.stringify((await get(`/api/v1/ninjs/stories/${story.id}`)).body);
    expect(ninjs).toContain(JSON.stringify(bodyHtml).slice(1, -1));
    await webhooks.deliverDue();
    expect(receiver.bodies.at(-1)).toMatchObject({ postId: post.id, post: { bodyHtml } });
    const feed = await newsdesk.app.request(
      `/english/world/storm-surge-live-${story.id}/feeds/feed.json?content=full`,
    );
    const items = ((await feed.json()) as { items: { content_html?: string }[] }).items;
    expect(items[0]?.content_html).toBe(bodyHtml);
    for (const text of [ninjs, JSON.stringify(posts), JSON.stringify(items)]) {
      expect(text).not.toContain("Unpublished embargoed headline");
      expect(text).not.toContain(draft.story.id);
    }
  });

  it("answers an empty list for a published story that is not a live page", async () => {
    const { stories } = newsdesk.services;
    const { story } = await stories.create(actor, { serviceId: "en", content });
    await stories.publish(actor, story.id, { mode: "first" });
    expect((await get(`/api/v1/stories/${story.id}/posts`)).body).toEqual({
      data: [],
      next: null,
    });
    expect((await get(`/api/v1/stories/${story.id}`)).body).toMatchObject({
      kind: "story",
      live: null,
    });
  });
});
