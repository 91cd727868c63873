import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeyFor } from "../../src/cache/page-cache.js";
import type { LiveEvent } from "../../src/domain/live/live-schema.js";
import { InMemoryLiveRead } from "../support/live-read-fake.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/** Post ids in page order, from the stream (not the pinned copy or the key-event links). */
function streamIds(html: string): string[] {
  const stream = html.slice(html.indexOf('<ol id="posts">'));
  return [...stream.matchAll(/<article class="post" id="post-([0-9a-z]+)"/g)].map(
    (m) => m[1] ?? "",
  );
}

describe("live pages for readers", () => {
  const live = new InMemoryLiveRead();
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  let url = "";
  let storyId = "";
  const event = (type: LiveEvent["type"], postId: string | null): LiveEvent => ({
    type,
    storyId,
    serviceId: "en",
    postId,
    at: new Date().toISOString(),
    actorId: null,
  });

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite", { liveRead: live });
    const home = await (await newsdesk.app.request("/english/")).text();
    const match = /href="(\/english\/[a-z-]+\/[^"]+-([0-9a-z]{12}))"/.exec(home);
    url = match?.[1] ?? "";
    storyId = match?.[2] ?? "";
    live.setPage(storyId, { keyPoints: ["Talks resume at noon"] });
    for (let i = 0; i < 45; i += 1) live.addPost(storyId, {}, { keyEvent: i % 10 === 0 });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("shows the newest 20 posts first, then older pages by a stable cursor", async () => {
    const all = await live.listPosts(storyId, { limit: 100 });
    const first = await (await newsdesk.app.request(url)).text();
    expect(streamIds(first)).toEqual(all.slice(0, 20).map((p) => p.id));
    const next = `${url}?before=${all[19]?.id}`;
    expect(first).toContain(`<a rel="next" href="${next}">Older posts</a>`);
    expect(first).toContain(
      '<h2 id="key-points-h">Key points</h2><ul><li>Talks resume at noon</li>',
    );
    const second = await (await newsdesk.app.request(next)).text();
    expect(streamIds(second)).toEqual(all.slice(20, 40).map((p) => p.id));
    expect(second).toContain(`<a href="${url}">Go to the latest posts</a>`);
    expect(second).toContain(`<link rel="canonical" href="https://news.example.org${next}"/>`);
    const third = await (await newsdesk.app.request(`${url}?before=${all[39]?.id}`)).text();
    expect(streamIds(third)).toEqual(all.slice(40).map((p) => p.id));
    expect(third).not.toContain('rel="next"');
  });

  it("renders a shared post first with the posts before it and a way to the latest", async () => {
    const all = await live.listPosts(storyId, { limit: 100 });
    const shared = all[30]?.id ?? "";
    const page = await (await newsdesk.app.request(`${url}?post=${shared}`)).text();
    expect(streamIds(page)).toEqual(all.slice(30, 50).map((p) => p.id));
    expect(page).toContain(`<a href="${url}">Go to the latest posts</a>`);
    // The first page links key events to the ones on it by anchor, to the others by share URL.
    const first = await (await newsdesk.app.request(url)).text();
    const keyEvents = first.slice(first.indexOf('<nav class="key-events"'));
    const onPage = all.slice(0, 20).find((p) => p.keyEvent)?.id ?? "";
    const offPage = all.slice(20).find((p) => p.keyEvent)?.id ?? "";
    expect(keyEvents).toContain(`<a href="#post-${onPage}">`);
    expect(keyEvents).toContain(`<a href="${url}?post=${offPage}#post-${offPage}">`);
  });

  it("tells a reader following a link to a deleted post, and refuses made-up cursors", async () => {
    const gone = live.addPost(storyId);
    live.remove(gone.id);
    const page = await (await newsdesk.app.request(`${url}?post=${gone.id}`)).text();
    expect(page).toContain('<p role="status">The post you were looking for has been removed.</p>');
    expect((await newsdesk.app.request(`${url}?before=zzzzzzzzzzzz`)).status).toBe(404);
    expect((await newsdesk.app.request(`${url}?before=A<b>`)).status).toBe(400);
    const all = await live.listPosts(storyId, { limit: 2 });
    const both = `${url}?before=${all[0]?.id}&post=${all[1]?.id}`;
    expect((await newsdesk.app.request(both)).status).toBe(400);
  });

  it("drops the first page and not the older pages when a post is added", async () => {
    const { livePosts, pageCache } = newsdesk;
    if (!livePosts) throw new Error("live pages are wired when a repository is given");
    const all = await live.listPosts(storyId, { limit: 100 });
    const older = `${url}?before=${all[19]?.id}`;
    const shared = `${url}?post=${all[25]?.id}`;
    for (const u of [url, older, shared]) await newsdesk.app.request(u);
    for (const u of [url, older, shared])
      expect(pageCache.has(cacheKeyFor(u, undefined)), u).toBe(true);
    const post = live.addPost(storyId);
    await livePosts.onLiveEvent(event("post-published", post.id));
    expect(pageCache.has(cacheKeyFor(url, undefined))).toBe(false);
    expect(pageCache.has(cacheKeyFor(older, undefined))).toBe(true);
    expect(pageCache.has(cacheKeyFor(shared, undefined))).toBe(true);
    expect(streamIds(await (await newsdesk.app.request(url)).text())[0]).toBe(post.id);
    // Editing a post on the older page drops that page and its share pages, not the others.
    const edited = all[25]?.id ?? "";
    live.edit(edited, { title: "Corrected figure" });
    await livePosts.onLiveEvent(event("post-edited", edited));
    expect(pageCache.has(cacheKeyFor(older, undefined))).toBe(false);
    expect(pageCache.has(cacheKeyFor(shared, undefined))).toBe(false);
    const again = await (await newsdesk.app.request(older)).text();
    expect(again).toContain('<span class="tag-updated">Edited</span></p><h3>Corrected figure</h3>');
  });

  it("leaves ordinary stories as they were", async () => {
    const home = await (await newsdesk.app.request("/english/")).text();
    const other = [...home.matchAll(/href="(\/english\/[a-z-]+\/[^"]+-([0-9a-z]{12}))"/g)]
      .map((m) => m[1] ?? "")
      .find((u) => u !== url);
    const page = await (await newsdesk.app.request(`${other}?before=abc`)).text();
    expect(page).not.toContain('id="posts"');
    expect(page).toContain('"@type":"NewsArticle"');
  });
});
