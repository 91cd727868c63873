import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKeyFor } from "../../src/cache/page-cache.js";
import type { LiveEvent } from "../../src/domain/live/live-schema.js";
import { checkFeed } from "../support/feed-rules.js";
import { LiveFixture } from "../support/live-fixtures.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/** Post ids in page order, from the stream (not the pinned copy or the key-event links). */
function streamIds(html: string): string[] {
  const stream = html.slice(html.indexOf('<ol id="posts">'));
  return [...stream.matchAll(/<article class="post" id="post-([0-9a-z]+)"/g)].map(
    (m) => m[1] ?? "",
  );
}

describe.each(dialects)("live pages for readers on %s", (dialect) => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  let live: LiveFixture;
  /** Newest first, as readers see them. */
  const ids: string[] = [];
  const event = (type: LiveEvent["type"], postId: string | null): LiveEvent => ({
    type,
    storyId: live.storyId,
    serviceId: "en",
    postId,
    at: new Date().toISOString(),
    actorId: null,
  });
  const get = async (url: string) => (await newsdesk.app.request(url)).text();

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    live = await LiveFixture.create(newsdesk);
    await live.settings({ keyPoints: ["Talks resume at noon"] });
    for (let i = 0; i < 45; i += 1) {
      ids.unshift((await live.post({}, { keyEvent: i % 10 === 0 })).id);
    }
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("shows the newest 20 posts first, then older pages by a stable cursor", async () => {
    const { url } = live;
    const first = await get(url);
    expect(first).toContain('<span class="live-badge is-live">Live</span>');
    expect(streamIds(first)).toEqual(ids.slice(0, 20));
    const next = `${url}?before=${ids[19]}`;
    expect(first).toContain(`<a rel="next" href="${next}">Older posts</a>`);
    expect(first).toContain(
      '<h2 id="key-points-h">Key points</h2><ul><li>Talks resume at noon</li>',
    );
    const second = await get(next);
    expect(streamIds(second)).toEqual(ids.slice(20, 40));
    expect(second).toContain(`<a href="${url}">Go to the latest posts</a>`);
    expect(second).toContain(`<link rel="canonical" href="https://news.example.org${next}"/>`);
    // Older pages have no "new posts" notice and no script of their own.
    expect(second).not.toContain('id="live-notice"');
    const third = await get(`${url}?before=${ids[39]}`);
    expect(streamIds(third)).toEqual(ids.slice(40));
    expect(third).not.toContain('rel="next"');
  });

  it("renders a shared post first with the posts before it and a way to the latest", async () => {
    const { url } = live;
    const page = await get(`${url}?post=${ids[30]}`);
    expect(streamIds(page)).toEqual(ids.slice(30, 50));
    expect(page).toContain(`<a href="${url}">Go to the latest posts</a>`);
    expect(page).toContain(`<link rel="canonical" href="https://news.example.org${url}"/>`);
    // The first page links key events on it by anchor, the others by their share URL.
    const first = await get(url);
    const keyEvents = first.slice(first.indexOf('<nav class="key-events"'));
    expect(keyEvents).toContain(`<a href="#post-${ids[4]}">`);
    expect(keyEvents).toContain(`<a href="?post=${ids[24]}#post-${ids[24]}">`);
  });

  it("tells a reader following a link to a deleted post, and refuses made-up cursors", async () => {
    const { url } = live;
    const gone = await live.post();
    await live.remove(gone.id);
    const page = await get(`${url}?post=${gone.id}`);
    expect(page).toContain('<p role="status">The post you were looking for has been removed.</p>');
    expect(streamIds(page)).toEqual(ids.slice(0, 20));
    expect((await newsdesk.app.request(`${url}?before=zzzzzzzzzzzz`)).status).toBe(404);
    expect((await newsdesk.app.request(`${url}?before=A%3Cb%3E`)).status).toBe(400);
    expect((await newsdesk.app.request(`${url}?before=${ids[0]}&post=${ids[1]}`)).status).toBe(400);
  });

  it("drops the first page and not the older or shared pages when a post is added", async () => {
    const { livePosts, pageCache } = newsdesk;
    const { url } = live;
    const older = `${url}?before=${ids[19]}`;
    const shared = `${url}?post=${ids[25]}`;
    const cached = (u: string) => pageCache.has(cacheKeyFor(u, undefined));
    for (const u of [url, older, shared]) await get(u);
    for (const u of [url, older, shared]) expect(cached(u), u).toBe(true);
    const post = await live.post();
    ids.unshift(post.id);
    await livePosts.onLiveEvent(event("post-published", post.id));
    expect(cached(url)).toBe(false);
    expect(cached(older)).toBe(true);
    expect(cached(shared)).toBe(true);
    expect(streamIds(await get(url))[0]).toBe(post.id);
    // Editing a post shown on the older page drops that page and its share page.
    await live.edit(ids[26] ?? "", { title: "Corrected figure" });
    await livePosts.onLiveEvent(event("post-edited", ids[26] ?? ""));
    expect(cached(older)).toBe(false);
    expect(cached(shared)).toBe(false);
    expect(await get(older)).toContain(
      '<span class="tag-updated">Edited</span></p><h3>Corrected figure</h3>',
    );
  });

  it("badges the live page on home and section pages while it is live, and only then", async () => {
    const { livePosts, pageCache } = newsdesk;
    const teaser = (html: string) => {
      const at = html.indexOf(`siege-live-${live.storyId}"`);
      return html.slice(at, html.indexOf("</li>", at));
    };
    const badge = '<span class="live-badge is-live">Live</span>';
    for (const page of ["/english/", "/english/world"]) {
      expect(teaser(await get(page)), page).toContain(badge);
    }
    // Key points change no list; ending the page takes the badge off every list.
    await live.settings({ keyPoints: ["Curfew lifted"] });
    await livePosts.onLiveEvent(event("settings-changed", null));
    await livePosts.onLiveEvent(event("settings-changed", null));
    await get("/english/world");
    await live.settings({ keyPoints: ["Curfew lifted", "Port open"] });
    await livePosts.onLiveEvent(event("settings-changed", null));
    expect(pageCache.has(cacheKeyFor("/english/world", undefined))).toBe(true);
    await live.settings({ status: "ended" });
    await livePosts.onLiveEvent(event("settings-changed", null));
    expect(pageCache.has(cacheKeyFor("/english/world", undefined))).toBe(false);
    for (const page of ["/english/", "/english/world"]) {
      expect(teaser(await get(page)), page).not.toContain("live-badge");
    }
    expect(await get(live.url)).toContain('<span class="live-badge">Ended</span>');
    await live.settings({ status: "live" });
    await livePosts.onLiveEvent(event("settings-changed", null));
  });

  it("has its own RSS, Atom and JSON feeds of its posts, linked from the page", async () => {
    const { url } = live;
    const first = await get(url);
    const rss = `${url}/feeds/rss.xml`;
    expect(first).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Siege of Kessara: live (RSS)" href="${rss}"/>`,
    );
    for (const file of ["rss.xml", "atom.xml", "rss.xml?content=full", "atom.xml?content=full"]) {
      const res = await newsdesk.app.request(`${url}/feeds/${file}`);
      expect(res.status, file).toBe(200);
      expect(checkFeed(await res.text()), file).toEqual([]);
    }
    const json = (await (await newsdesk.app.request(`${url}/feeds/feed.json`)).json()) as {
      items: { id: string; url: string }[];
    };
    expect(json.items.map((i) => i.url)).toEqual(
      streamIds(first).map((id) => `https://news.example.org${url}?post=${id}#post-${id}`),
    );
    // A new post is in the feed at once: the post drops the cached feed.
    const post = await live.post({ title: "Feed item" });
    ids.unshift(post.id);
    await newsdesk.livePosts.onLiveEvent(event("post-published", post.id));
    expect(await (await newsdesk.app.request(rss)).text()).toContain("<title>Feed item</title>");
    expect(
      (await newsdesk.app.request(`/english/world/no-such-abcdefghjkmn/feeds/rss.xml`)).status,
    ).toBe(404);
    // Topic, person and desk feeds have paths of the same shape; they still answer.
    for (const feed of [
      "/english/topics/climate/feeds/rss.xml",
      "/english/people/lena-okafor/feeds/atom.xml",
    ]) {
      const res = await newsdesk.app.request(feed);
      expect(res.status, feed).toBe(200);
      expect(checkFeed(await res.text()), feed).toEqual([]);
    }
  });

  it("reads no related stories for a live page, which lists posts instead", async () => {
    const { services } = await import("../../src/domain/services/service-registry.js");
    const found = await newsdesk.services.reader.story(services.en, live.storyId);
    if (found.kind !== "published") throw new Error(`the live page is ${found.kind}`);
    expect(found.model.related).toEqual([]);
    // A story page in the same section still gets its related list (the demo's world desk).
    const home = await get("/english/");
    const storyId = /href="\/english\/world\/aid-convoys[^"]*-([0-9a-z]{12})"/.exec(home)?.[1];
    const story = await newsdesk.services.reader.story(services.en, storyId ?? "");
    if (story.kind !== "published") throw new Error(`the demo story is ${story.kind}`);
    expect(story.model.related.length).toBeGreaterThan(0);
    // And the page does not show any, nor depend on any teaser.
    const res = await newsdesk.app.request(live.url);
    expect(await res.text()).not.toContain('id="related-h"');
    expect(res.headers.get("surrogate-key") ?? "").not.toMatch(/\bteaser:/);
  });

  it("leaves ordinary stories as they were, whatever their query", async () => {
    const home = await get("/english/");
    const other = [...home.matchAll(/href="(\/english\/[a-z-]+\/[^"]+-([0-9a-z]{12}))"/g)]
      .map((m) => m[1] ?? "")
      .find((u) => u !== live.url);
    const page = await get(`${other}?before=abc`);
    expect(page).not.toContain('id="posts"');
    expect(page).toContain('"@type":"NewsArticle"');
  });
});
