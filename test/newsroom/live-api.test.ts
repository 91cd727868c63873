import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoLiveEnglish, demoLivePersian } from "../../src/demo/demo-live.js";
import { systemActor } from "../../src/domain/actor.js";
import { services } from "../../src/domain/services/service-registry.js";
import type { Newsdesk } from "../../src/main.js";
import { homeUrl, storyUrl } from "../../src/render/reader-urls.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Json = Record<string, unknown>;

interface PostJson {
  id: string;
  storyId: string;
  postedAt: string;
  content: { title: string | null; body: unknown[]; bylines: { personId: string }[] };
  keyEvent: boolean;
  pinned: boolean;
  revision: number;
  editedAt: string | null;
  deletedAt: string | null;
  createdBy: string | null;
  createdByName: string | null;
  bylineNames: string[];
  stale: boolean;
}

interface PageJson {
  storyId: string;
  status: string;
  keyPoints: string[];
  reportersMayPost: boolean;
  version: number;
  coverageStartTime: string | null;
  coverageEndTime: string | null;
  canPost: boolean;
  canModerate: boolean;
}

const content = (overrides: Json = {}) => ({
  headline: "Floodwaters rise along the Meridian river",
  standfirst: "Live coverage as the river crests.",
  dateline: "NORTH HAVEN",
  slug: "floodwaters-rise-live",
  section: "world",
  topics: ["diplomacy"],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "Follow the flood as it happens." }] }],
  bylines: [{ kind: "person", personId: "lena-okafor", role: "author" }],
  agencies: [],
  ...overrides,
});

const text = (value: string) => [{ type: "paragraph", content: [{ text: value }] }];

describe.each(dialects)("live pages in the newsroom API on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let editor: NewsroomClient;
  let reporter: NewsroomClient;
  let translator: NewsroomClient;
  const heard: { event: string; data: unknown }[] = [];

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    editor = new NewsroomClient(newsdesk.app);
    reporter = new NewsroomClient(newsdesk.app);
    translator = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    await translator.login("translator@newsdesk.test", "demo-password-taraneh");
    newsdesk.newsroomEvents.subscribe((event, data) => heard.push({ event, data }));
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  async function createLive(): Promise<string> {
    const created = await editor.json<{ story: { id: string; kind: string } }>("POST", "/stories", {
      serviceId: "en",
      kind: "live",
      content: content(),
    });
    expect(created.story.kind).toBe("live");
    return created.story.id;
  }

  async function problem(response: Response, status: number, code: string): Promise<Json> {
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const body = (await response.json()) as Json;
    expect(body.code).toBe(code);
    return body;
  }

  it("creates a story of kind live with its settings; every story JSON says its kind", async () => {
    const id = await createLive();
    const view = await editor.json<{ story: { kind: string } }>("GET", `/stories/${id}`);
    expect(view.story.kind).toBe("live");
    const list = await editor.json<{ items: { id: string; kind: string }[] }>(
      "GET",
      "/stories?service=en&limit=200",
    );
    expect(list.items.find((item) => item.id === id)?.kind).toBe("live");
    const plain = await editor.json<{ story: { id: string; kind: string } }>("POST", "/stories", {
      serviceId: "en",
      content: content(),
    });
    expect(plain.story.kind).toBe("story");
    await problem(
      await editor.request("GET", `/stories/${plain.story.id}/live`),
      404,
      "LIVE_PAGE_NOT_FOUND",
    );
    await problem(
      await editor.request("POST", "/stories", {
        serviceId: "en",
        kind: "blog",
        content: content(),
      }),
      400,
      "VALIDATION_FAILED",
    );
    const page = await editor.json<PageJson>("GET", `/stories/${id}/live`);
    expect(page).toEqual({
      storyId: id,
      status: "upcoming",
      keyPoints: [],
      reportersMayPost: true,
      coverageStartTime: null,
      coverageEndTime: null,
      version: 1,
      canPost: true,
      canModerate: true,
    });
    const asReporter = await reporter.json<PageJson>("GET", `/stories/${id}/live`);
    expect([asReporter.canPost, asReporter.canModerate]).toEqual([true, false]);
  });

  it("lets reporters post only while the page allows it; editors always", async () => {
    const id = await createLive();
    heard.length = 0;
    const first = await reporter.request("POST", `/stories/${id}/posts`, {
      title: "Levee holds",
      body: text("The northern levee is holding, engineers say."),
      bylines: [{ personId: "lena-okafor" }],
    });
    expect(first.status).toBe(201);
    const post = (await first.json()) as PostJson;
    expect(post).toMatchObject({
      storyId: id,
      revision: 1,
      keyEvent: false,
      pinned: false,
      editedAt: null,
      deletedAt: null,
      createdByName: "Rafael Reporter",
      bylineNames: ["Lena Okafor"],
      stale: false,
    });
    expect(heard).toContainEqual({
      event: "live-post",
      data: { storyId: id, postId: post.id, action: "published" },
    });

    const closed = await editor.json<PageJson>("PUT", `/stories/${id}/live`, {
      status: "live",
      keyPoints: ["The river crests tonight"],
      reportersMayPost: false,
      version: 1,
    });
    expect(closed).toMatchObject({ status: "live", version: 2, reportersMayPost: false });
    expect(closed.coverageStartTime).not.toBeNull();
    expect(heard).toContainEqual({ event: "live-settings", data: { storyId: id } });
    const refused = await reporter.request("POST", `/stories/${id}/posts`, {
      title: null,
      body: text("Another update."),
      bylines: [],
    });
    await problem(refused, 403, "LIVE_POSTING_CLOSED");
    expect((await reporter.json<PageJson>("GET", `/stories/${id}/live`)).canPost).toBe(false);
    expect(
      (
        await editor.request("POST", `/stories/${id}/posts`, {
          title: null,
          body: text("Editors still post."),
          bylines: [],
        })
      ).status,
    ).toBe(201);

    // Reporters may post again, but the page has ended: still refused; editors still post.
    const ended = await editor.json<PageJson>("PUT", `/stories/${id}/live`, {
      status: "ended",
      keyPoints: [],
      reportersMayPost: true,
      version: 2,
    });
    expect(ended.coverageEndTime).not.toBeNull();
    await problem(
      await reporter.request("POST", `/stories/${id}/posts`, {
        title: null,
        body: text("Too late."),
        bylines: [],
      }),
      403,
      "LIVE_POSTING_CLOSED",
    );
    expect(
      (
        await editor.request("POST", `/stories/${id}/posts`, {
          title: "Coverage ends",
          body: text("This live page has ended."),
          bylines: [],
        })
      ).status,
    ).toBe(201);
  });

  it("refuses settings from a stale version, and settings from reporters and translators", async () => {
    const id = await createLive();
    const settings = { status: "live", keyPoints: [], reportersMayPost: true, version: 1 };
    await editor.json("PUT", `/stories/${id}/live`, settings);
    const stale = await problem(
      await editor.request("PUT", `/stories/${id}/live`, settings),
      409,
      "LIVE_SETTINGS_CONFLICT",
    );
    expect((stale.current as PageJson).version).toBe(2);
    await problem(
      await reporter.request("PUT", `/stories/${id}/live`, { ...settings, version: 2 }),
      403,
      "FORBIDDEN",
    );
    await problem(
      await editor.request("PUT", `/stories/${id}/live`, {
        ...settings,
        version: 2,
        keyPoints: Array.from({ length: 11 }, () => "Too many"),
      }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("keeps flags for editors, own posts for reporters, and refuses stale revisions", async () => {
    const id = await createLive();
    const mine = await reporter.json<PostJson>("POST", `/stories/${id}/posts`, {
      title: "Roads closed",
      body: text("Route 9 is closed."),
      bylines: [],
    });
    await problem(
      await reporter.request("POST", `/stories/${id}/posts`, {
        title: null,
        body: text("Pin me."),
        bylines: [],
        pinned: true,
      }),
      403,
      "FORBIDDEN",
    );
    await problem(
      await reporter.request("PATCH", `/posts/${mine.id}`, { revision: 1, keyEvent: true }),
      403,
      "FORBIDDEN",
    );
    const edited = await reporter.json<PostJson>("PATCH", `/posts/${mine.id}`, {
      revision: 1,
      body: text("Route 9 and Route 12 are closed."),
    });
    expect(edited).toMatchObject({ revision: 2, content: { title: "Roads closed" } });
    expect(edited.editedAt).not.toBeNull();
    await problem(
      await reporter.request("PATCH", `/posts/${mine.id}`, { revision: 1, title: "Late" }),
      409,
      "LIVE_POST_CONFLICT",
    );
    const theirs = await editor.json<PostJson>("POST", `/stories/${id}/posts`, {
      title: null,
      body: text("An editor's post."),
      bylines: [],
    });
    await problem(
      await reporter.request("PATCH", `/posts/${theirs.id}`, { revision: 1, title: "Mine now" }),
      403,
      "FORBIDDEN",
    );
    await problem(await reporter.request("DELETE", `/posts/${theirs.id}`), 403, "FORBIDDEN");
    // Editors pin and mark key events without making a post "edited".
    const pinned = await editor.json<PostJson>("PATCH", `/posts/${mine.id}`, {
      revision: 2,
      pinned: true,
      keyEvent: true,
    });
    expect(pinned).toMatchObject({ pinned: true, keyEvent: true, revision: 2 });
    const other = await editor.json<PostJson>("PATCH", `/posts/${theirs.id}`, {
      revision: 1,
      pinned: true,
    });
    expect(other.pinned).toBe(true);
    expect((await editor.json<PostJson>("GET", `/posts/${mine.id}`)).pinned).toBe(false);
    const revisions = await editor.json<{
      items: { revision: number; createdByName: string | null }[];
    }>("GET", `/posts/${mine.id}/revisions`);
    expect(revisions.items.map((r) => [r.revision, r.createdByName])).toEqual([
      [1, "Rafael Reporter"],
      [2, "Rafael Reporter"],
    ]);
    await problem(
      await editor.request("POST", `/stories/${id}/posts`, {
        title: null,
        body: text("Unknown byline."),
        bylines: [{ personId: "nobody-here" }],
      }),
      422,
      "UNKNOWN_REFERENCE",
    );
    await problem(
      await editor.request("POST", `/stories/${id}/posts`, { title: null, body: [], bylines: [] }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("deletes softly with an audit entry; deleted posts are the editors' to list", async () => {
    const id = await createLive();
    const post = await reporter.json<PostJson>("POST", `/stories/${id}/posts`, {
      title: "Wrong town",
      body: text("Posted to the wrong page."),
      bylines: [],
    });
    heard.length = 0;
    const deleted = await reporter.request("DELETE", `/posts/${post.id}`, { reason: "Wrong page" });
    expect(deleted.status).toBe(204);
    expect(heard).toContainEqual({
      event: "live-post",
      data: { storyId: id, postId: post.id, action: "deleted" },
    });
    await problem(await reporter.request("DELETE", `/posts/${post.id}`), 409, "LIVE_POST_DELETED");
    expect((await editor.json<{ items: PostJson[] }>("GET", `/stories/${id}/posts`)).items).toEqual(
      [],
    );
    const all = await editor.json<{ items: PostJson[] }>(
      "GET",
      `/stories/${id}/posts?includeDeleted=1`,
    );
    expect(all.items.map((p) => p.id)).toEqual([post.id]);
    expect(all.items[0]?.deletedAt).not.toBeNull();
    await problem(
      await reporter.request("GET", `/stories/${id}/posts?includeDeleted=1`),
      403,
      "FORBIDDEN",
    );
    const audit = await editor.json<{ entries?: Json[]; items?: Json[] } | Json[]>(
      "GET",
      `/audit?storyId=${id}`,
    );
    const entries = (Array.isArray(audit) ? audit : (audit.entries ?? audit.items ?? [])) as Json[];
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: "live.post-deleted",
        details: expect.objectContaining({ postId: post.id, reason: "Wrong page" }),
      }),
    );
  });

  it("pages the newsroom stream newest first by a post-id cursor", async () => {
    const id = await createLive();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const post = await editor.json<PostJson>("POST", `/stories/${id}/posts`, {
        title: `Update ${i}`,
        body: text(`Update number ${i}.`),
        bylines: [],
      });
      ids.push(post.id);
    }
    const newestFirst = [...ids].reverse();
    const first = await editor.json<{ items: PostJson[]; nextBefore: string | null }>(
      "GET",
      `/stories/${id}/posts?limit=2`,
    );
    // Posts made within one clock tick still come back in one stable order.
    const everything = await editor.json<{ items: PostJson[] }>("GET", `/stories/${id}/posts`);
    expect(everything.items.map((p) => p.id).sort()).toEqual([...newestFirst].sort());
    const order = everything.items.map((p) => p.id);
    expect(first.items.map((p) => p.id)).toEqual(order.slice(0, 2));
    const second = await editor.json<{ items: PostJson[]; nextBefore: string | null }>(
      "GET",
      `/stories/${id}/posts?limit=2&before=${first.nextBefore}`,
    );
    expect(second.items.map((p) => p.id)).toEqual(order.slice(2, 4));
    const third = await editor.json<{ items: PostJson[]; nextBefore: string | null }>(
      "GET",
      `/stories/${id}/posts?limit=2&before=${second.nextBefore}`,
    );
    expect(third.items.map((p) => p.id)).toEqual(order.slice(4));
    expect(third.nextBefore).toBeNull();
    await problem(
      await editor.request("GET", `/stories/${id}/posts?before=not-a-post`),
      400,
      "CURSOR_INVALID",
    );
  });

  it("lets translators read published pages but never post", async () => {
    const id = await createLive();
    // A draft of another service stays within that service.
    await problem(await translator.request("GET", `/stories/${id}/live`), 403, "FORBIDDEN");
    await editor.json("POST", `/stories/${id}/publish`, { mode: "first" });
    const page = await translator.json<PageJson>("GET", `/stories/${id}/live`);
    expect([page.canPost, page.canModerate]).toEqual([false, false]);
    await problem(
      await translator.request("POST", `/stories/${id}/posts`, {
        title: null,
        body: text("Not mine to post."),
        bylines: [],
      }),
      403,
      "FORBIDDEN",
    );
    // The live page goes through the story workflow unchanged: killing it closes posting.
    await editor.json("POST", `/stories/${id}/kill`, { reason: "Legal" });
    await problem(
      await editor.request("POST", `/stories/${id}/posts`, {
        title: null,
        body: text("After the kill."),
        bylines: [],
      }),
      409,
      "INVALID_TRANSITION",
    );
  });

  it("embeds stories the writer may see, refuses others alike, and shows readers published ones only", async () => {
    const id = await createLive();
    await editor.json("POST", `/stories/${id}/publish`, { mode: "first" });
    const story = async (serviceId: "en" | "fa", headline: string, slug: string) =>
      (
        await editor.json<{ story: { id: string } }>("POST", "/stories", {
          serviceId,
          content: content({ headline, slug, topics: [], bylines: [] }),
        })
      ).story.id;
    const published = await story("en", `Ferries <b>"run"</b> & sail`, "ferries-sail");
    await editor.json("POST", `/stories/${published}/publish`, { mode: "first" });
    const draft = await story("en", "Draft headline nobody may read", "draft-embed");
    // A Persian draft: the English reporter may not see it.
    const hidden = await story("fa", "پیش‌نویس پنهان", "hidden");
    const embed = (storyId: string) => ({ type: "storyEmbed", storyId });
    const postWith = (client: NewsroomClient, body: unknown[]) =>
      client.request("POST", `/stories/${id}/posts`, { title: null, body, bylines: [] });

    // Missing and hidden read the same: the refusal does not tell whether a story exists.
    const missing = await problem(
      await postWith(reporter, [embed("zzzzzzzzzzzz")]),
      422,
      "UNKNOWN_REFERENCE",
    );
    expect(missing.detail).toBe("Unknown references: story zzzzzzzzzzzz.");
    const unseen = await problem(
      await postWith(reporter, [embed(hidden)]),
      422,
      "UNKNOWN_REFERENCE",
    );
    expect(unseen.detail).toBe(`Unknown references: story ${hidden}.`);
    await problem(await postWith(reporter, [embed("not-an-id")]), 400, "VALIDATION_FAILED");
    await problem(
      await postWith(
        reporter,
        Array.from({ length: 21 }, () => embed(published)),
      ),
      400,
      "VALIDATION_FAILED",
    );
    // The same rule in story bodies.
    await problem(
      await reporter.request("POST", "/stories", {
        serviceId: "en",
        content: content({ body: [embed(hidden)] }),
      }),
      422,
      "UNKNOWN_REFERENCE",
    );

    const posted = await postWith(editor, [...text("Read more:"), embed(published), embed(draft)]);
    expect(posted.status).toBe(201);
    const page = await (
      await newsdesk.app.request(
        storyUrl(services.en, { id, slug: "floodwaters-rise-live", section: "world" }),
      )
    ).text();
    expect(page).toContain(
      `<p class="story-embed"><a href="/english/world/ferries-sail-${published}">` +
        "Ferries &lt;b>&quot;run&quot;&lt;/b> &amp; sail</a></p>",
    );
    expect(page).not.toContain("Draft headline nobody may read");
    expect(page).not.toContain(draft);
  });

  it("shows another service's embedded story through its translation, once one is published", async () => {
    const actor = systemActor("test");
    const { stories, livePages } = newsdesk.services;
    const persian = (overrides: Json) =>
      content({ topics: [], bylines: [], dateline: "", ...overrides });
    const source = await stories.create(actor, {
      serviceId: "en",
      content: content({ headline: "Dam gates open upstream", slug: "dam-gates", bylines: [] }),
    });
    await stories.publish(actor, source.story.id, { mode: "first" });
    const live = await stories.create(actor, {
      serviceId: "fa",
      kind: "live",
      content: persian({ headline: "سیلاب زنده", slug: "sailab" }),
    });
    await stories.publish(actor, live.story.id, { mode: "first" });
    await livePages.post(actor, live.story.id, {
      title: null,
      body: [{ type: "storyEmbed", storyId: source.story.id }],
      bylines: [],
    });
    const url = storyUrl(services.fa, { id: live.story.id, slug: "sailab", section: "world" });
    const read = async () => (await newsdesk.app.request(url)).text();
    // No Persian version yet: Persian readers get nothing (not the English headline).
    const before = await read();
    expect(before).not.toContain(`class="story-embed"`);
    expect(before).not.toContain("Dam gates open upstream");

    const translation = await stories.create(actor, {
      serviceId: "fa",
      familyId: source.story.familyId,
      content: persian({ headline: "دریچه‌های سد باز شد", slug: "dam" }),
    });
    // A draft translation is not enough.
    expect(await read()).not.toContain(`class="story-embed"`);
    await stories.publish(actor, translation.story.id, { mode: "first" });
    // The cached page was dropped by the family's new version, not left stale.
    expect(await read()).toContain(
      `<p class="story-embed"><a href="/persian/world/dam-${translation.story.id}">دریچه‌های سد باز شد</a></p>`,
    );
  });

  it("seeds a live page in English and its Persian counterpart, linked from both home pages", async () => {
    const actor = systemActor("test");
    const found = [];
    for (const serviceId of ["en", "fa"] as const) {
      const list = await newsdesk.services.stories.list(actor, {
        serviceId,
        tab: "published",
        sort: "published",
        direction: "desc",
        limit: 50,
        offset: 0,
      });
      // The demo's own page (other tests here create live pages of their own).
      const demo = serviceId === "en" ? demoLiveEnglish : demoLivePersian;
      const live = list.items.filter(
        (item) => item.story.kind === "live" && item.workingHeadline === demo.headline,
      );
      expect(live).toHaveLength(1);
      const story = live[0]?.story;
      if (!story) throw new Error("no live page");
      found.push(story);
      const page = await newsdesk.services.livePages.page(actor, story.id);
      expect(page.status).toBe("live");
      expect(page.keyPoints.length).toBeGreaterThan(0);
      const posts = await newsdesk.services.livePages.listPosts(actor, story.id, { limit: 100 });
      expect(posts.items.length).toBeGreaterThanOrEqual(25);
      expect(posts.items.filter((p) => p.keyEvent).length).toBeGreaterThanOrEqual(3);
      expect(posts.items.filter((p) => p.pinned)).toHaveLength(1);
      const photos = posts.items.flatMap((p) => p.content.body.filter((b) => b.type === "figure"));
      expect(photos).toHaveLength(2);
      // The English page embeds the demo's river-levels story (a published English story).
      const embeds = posts.items.flatMap((p) =>
        p.content.body.filter((b) => b.type === "storyEmbed"),
      );
      expect(embeds).toHaveLength(serviceId === "en" ? 1 : 0);
      // Newest first, each at its own time.
      const times = posts.items.map((p) => p.postedAt);
      expect([...times].sort().reverse()).toEqual(times);
      const revision = await newsdesk.repositories.stories.findRevision(
        story.publishedRevisionId ?? "",
      );
      const url = storyUrl(services[serviceId], {
        id: story.id,
        slug: revision?.content.slug ?? "",
        section: revision?.content.section ?? "",
      });
      const home = await (await newsdesk.app.request(homeUrl(services[serviceId]))).text();
      // Reader pages write links with their letters (src/render/iri-urls.ts).
      expect(home).toContain(`href="${decodeURI(url)}"`);
    }
    // One story family: the Persian page is the English page's counterpart.
    expect(found[1]?.familyId).toBe(found[0]?.familyId);
  });

  it("offers a post to the same story's live page in another service, as a draft to translate", async () => {
    const actor = systemActor("test");
    const demoPage = async (serviceId: "en" | "fa") => {
      const demo = serviceId === "en" ? demoLiveEnglish : demoLivePersian;
      const list = await newsdesk.services.stories.list(actor, {
        serviceId,
        tab: "published",
        sort: "published",
        direction: "desc",
        limit: 50,
        offset: 0,
      });
      const id = list.items.find((item) => item.workingHeadline === demo.headline)?.story.id;
      if (!id) throw new Error(`no ${serviceId} live page`);
      return id;
    };
    const english = await demoPage("en");
    const persian = await demoPage("fa");
    const source = (await editor.json<{ items: PostJson[] }>("GET", `/stories/${english}/posts`))
      .items[0];
    if (!source) throw new Error("no post");

    await problem(
      await reporter.request("POST", `/posts/${source.id}/offer`, { targetStoryId: persian }),
      403,
      "FORBIDDEN",
    );
    const otherEnglish = await createLive();
    await problem(
      await editor.request("POST", `/posts/${source.id}/offer`, { targetStoryId: otherEnglish }),
      422,
      "LIVE_OFFER_TARGET_INVALID",
    );
    heard.length = 0;
    const offered = await editor.request("POST", `/posts/${source.id}/offer`, {
      targetStoryId: persian,
    });
    expect(offered.status).toBe(201);
    const draft = (await offered.json()) as PostJson & { draft: boolean; sourcePostId: string };
    expect(draft).toMatchObject({
      storyId: persian,
      draft: true,
      sourcePostId: source.id,
      stale: false,
      revision: 1,
      content: { title: source.content.title, bylines: [] },
    });
    // Nobody outside the newsroom hears of a draft, and readers' reads leave it out.
    expect(heard).toEqual([]);
    const readerIds = (await newsdesk.repositories.live.listPosts(persian, { limit: 100 })).map(
      (p) => p.id,
    );
    expect(readerIds).not.toContain(draft.id);
    await problem(
      await editor.request("POST", `/posts/${source.id}/offer`, { targetStoryId: persian }),
      409,
      "LIVE_POST_ALREADY_OFFERED",
    );

    // The Persian translator translates the draft; a change to the source makes it stale.
    const translated = await translator.json<PostJson>("PATCH", `/posts/${draft.id}`, {
      revision: 1,
      title: "جمع‌بندی تا این لحظه",
      bylines: [{ personId: "nasrin-ahmadi" }],
    });
    expect(translated).toMatchObject({ revision: 2, stale: false, bylineNames: ["نسرین احمدی"] });
    await editor.json("PATCH", `/posts/${source.id}`, {
      revision: source.revision,
      title: `${source.content.title ?? ""} (updated)`,
    });
    expect((await translator.json<PostJson>("GET", `/posts/${draft.id}`)).stale).toBe(true);
    const refreshed = await translator.json<PostJson>("PATCH", `/posts/${draft.id}`, {
      revision: 2,
      title: "جمع‌بندی تازه تا این لحظه",
    });
    expect(refreshed.stale).toBe(false);
    await problem(await translator.request("POST", `/posts/${draft.id}/publish`), 403, "FORBIDDEN");
    const published = await editor.json<PostJson & { draft: boolean }>(
      "POST",
      `/posts/${draft.id}/publish`,
    );
    expect(published.draft).toBe(false);
    expect(heard).toContainEqual({
      event: "live-post",
      data: { storyId: persian, postId: draft.id, action: "published" },
    });
    const after = await newsdesk.repositories.live.listPosts(persian, { limit: 1 });
    expect(after.map((p) => p.id)).toEqual([draft.id]);
    await problem(
      await editor.request("POST", `/posts/${draft.id}/publish`),
      409,
      "LIVE_POST_NOT_DRAFT",
    );
    // A published copy is the translator's no more.
    await problem(
      await translator.request("PATCH", `/posts/${draft.id}`, { revision: 3, title: "x" }),
      403,
      "FORBIDDEN",
    );
  });
});
