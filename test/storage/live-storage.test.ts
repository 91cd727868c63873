import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { LivePost } from "../../src/domain/live/live-schema.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { seedCatalog, storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const actor = systemActor("test");

function post(storyId: string, id: string, postedAt: string, extra: Partial<LivePost> = {}) {
  return {
    id,
    storyId,
    postedAt,
    content: {
      title: `Post ${id}`,
      body: [{ type: "paragraph" as const, content: [{ text: `Text of ${id} «&»` }] }],
      bylines: [{ personId: "ana" }],
    },
    keyEvent: false,
    pinned: false,
    revision: 1,
    editedAt: null,
    deletedAt: null,
    createdBy: null,
    sourcePostId: null,
    ...extra,
  } satisfies LivePost;
}

describe.each(dialects)("live page storage on %s", (dialect) => {
  let database: TestDatabase;
  let repos: Repositories;
  let stories: StoryService;
  const clock = fixedClock("2026-12-05T10:00:00.000Z");

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repos = sqlRepositories(database);
    await seedCatalog(repos);
    stories = new StoryService({ ...repos, clock });
  });
  afterAll(async () => {
    await database.dispose();
  });

  async function livePage(): Promise<string> {
    const { story } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent(),
      kind: "live",
    });
    return story.id;
  }

  it("stores a story's kind (default story) and creates a live story's settings with it", async () => {
    const { story: plain } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent(),
    });
    expect((await repos.stories.findStory(plain.id))?.kind).toBe("story");
    expect(await repos.live.findLivePage(plain.id)).toBeUndefined();
    const { story: episode } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent(),
      kind: "episode",
    });
    expect((await repos.stories.findStory(episode.id))?.kind).toBe("episode");
    const id = await livePage();
    expect((await repos.stories.findStory(id))?.kind).toBe("live");
    expect(await repos.live.findLivePage(id)).toEqual({
      storyId: id,
      status: "upcoming",
      keyPoints: [],
      reportersMayPost: true,
      coverageStartTime: null,
      coverageEndTime: null,
      version: 1,
    });
  });

  it("pages newest first by (postedAt, id) with a stable post-id cursor, skipping deleted posts", async () => {
    const storyId = await livePage();
    // Two posts share a second: the id breaks the tie, the same on both dialects.
    const times = ["10:00:00", "10:01:00", "10:02:00", "10:02:00", "10:03:00", "10:04:00"];
    const ids = ["p0", "p1", "p2a", "p2b", "p3", "p4"].map((id) => `${storyId}-${id}`);
    for (const [i, id] of ids.entries()) {
      await repos.live.insertPost(post(storyId, id, `2026-12-05T${times[i]}.000Z`));
    }
    await repos.live.deletePost(ids[4] ?? "", {
      deletedAt: "2026-12-05T11:00:00.000Z",
      deletedBy: null,
      reason: "duplicate",
    });
    const first = await repos.live.listPosts(storyId, { limit: 2 });
    expect(first.map((p) => p.id)).toEqual([ids[5], ids[3]]);
    const second = await repos.live.listPosts(storyId, { before: ids[3] ?? "", limit: 2 });
    expect(second.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    const third = await repos.live.listPosts(storyId, { before: ids[1] ?? "", limit: 2 });
    expect(third.map((p) => p.id)).toEqual([ids[0]]);
    expect(await repos.live.countPosts(storyId)).toBe(5);
    // The newsroom sees the deleted post in its place when it asks.
    const all = await repos.live.listNewsroomPosts(storyId, { limit: 10, includeDeleted: true });
    expect(all.map((p) => p.id)).toEqual([ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]]);
    expect(all[1]?.deletedAt).toBe("2026-12-05T11:00:00.000Z");
    // A deleted post is still found by id (its permalink says it was removed).
    expect((await repos.live.findPost(ids[4] ?? ""))?.deletedAt).not.toBeNull();
    // The content round-trips unchanged, escaping-worthy characters included.
    expect(first[0]?.content.body).toEqual([
      { type: "paragraph", content: [{ text: `Text of ${ids[5]} «&»` }] },
    ]);
  });

  it("keeps at most one pinned post: pinning another unpins the first, and the index refuses two", async () => {
    const storyId = await livePage();
    await repos.live.insertPost(
      post(storyId, `${storyId}-a`, "2026-12-05T10:00:00.000Z", { pinned: true }),
    );
    await repos.live.insertPost(
      post(storyId, `${storyId}-b`, "2026-12-05T10:01:00.000Z", { pinned: true }),
    );
    expect((await repos.live.findPinned(storyId))?.id).toBe(`${storyId}-b`);
    expect((await repos.live.findPost(`${storyId}-a`))?.pinned).toBe(false);
    const a = await repos.live.findPost(`${storyId}-a`);
    if (!a) throw new Error("missing");
    expect(await repos.live.updatePost({ ...a, pinned: true }, 1, null)).toBe(true);
    expect((await repos.live.findPinned(storyId))?.id).toBe(`${storyId}-a`);
    // Bypassing the repository, the database itself refuses a second pin.
    await expect(
      sql`update live_posts set pinned = 1 where id = ${`${storyId}-b`}`.execute(database.db),
    ).rejects.toThrow();
  });

  it("writes a new revision only when the content changes, and refuses a stale revision", async () => {
    const storyId = await livePage();
    const id = `${storyId}-r`;
    const original = post(storyId, id, "2026-12-05T10:00:00.000Z", { createdBy: null });
    await repos.live.insertPost(original);
    const edited = {
      ...original,
      content: { ...original.content, title: "Edited title" },
      revision: 2,
      editedAt: "2026-12-05T10:05:00.000Z",
    };
    expect(await repos.live.updatePost(edited, 1, null)).toBe(true);
    // A second editor still on revision 1 loses nothing silently: the update is refused.
    expect(await repos.live.updatePost({ ...edited, content: original.content }, 1, null)).toBe(
      false,
    );
    // A flag change keeps the revision.
    expect(await repos.live.updatePost({ ...edited, keyEvent: true }, 2, null)).toBe(true);
    const revisions = await repos.live.listRevisions(id);
    expect(revisions.map((r) => [r.revision, r.content.title, r.createdAt])).toEqual([
      [1, `Post ${id}`, "2026-12-05T10:00:00.000Z"],
      [2, "Edited title", "2026-12-05T10:05:00.000Z"],
    ]);
    const head = await repos.live.findPost(id);
    expect(head).toMatchObject({
      revision: 2,
      keyEvent: true,
      editedAt: "2026-12-05T10:05:00.000Z",
    });
    expect((await repos.live.listKeyEvents(storyId, 5)).map((p) => p.id)).toEqual([id]);
    // Read content is shared between readers (parsed once per stored text), so it is frozen:
    // an edit made through one copy would otherwise show on every page rendered after it.
    if (!head) throw new Error("the post was not read back");
    expect(head.content.title).toBe("Edited title");
    expect(Object.isFrozen(head.content)).toBe(true);
    expect(Object.isFrozen(head.content.body[0])).toBe(true);
    expect(() => {
      (head.content.bylines as unknown[]).push({ personId: "x" });
    }).toThrow(TypeError);
    expect((await repos.live.findPost(id))?.content.bylines).toEqual(head.content.bylines);
  });

  it("soft-deletes once: the post stays, leaves the pin, key events and the count", async () => {
    const storyId = await livePage();
    const id = `${storyId}-d`;
    await repos.live.insertPost(
      post(storyId, id, "2026-12-05T10:00:00.000Z", { pinned: true, keyEvent: true }),
    );
    const change = { deletedAt: "2026-12-05T10:10:00.000Z", deletedBy: null, reason: "wrong" };
    expect(await repos.live.deletePost(id, change)).toBe(true);
    expect(await repos.live.deletePost(id, change)).toBe(false);
    expect(await repos.live.findPinned(storyId)).toBeUndefined();
    expect(await repos.live.listKeyEvents(storyId, 5)).toEqual([]);
    expect(await repos.live.countPosts(storyId)).toBe(0);
    expect(await repos.live.listRevisions(id)).toHaveLength(1);
    // A deleted post cannot be edited any more.
    const deleted = await repos.live.findPost(id);
    if (!deleted) throw new Error("missing");
    expect(await repos.live.updatePost({ ...deleted, deletedAt: null }, 1, null)).toBe(false);
  });

  it("updates settings only from the version read", async () => {
    const storyId = await livePage();
    const page = await repos.live.findLivePage(storyId);
    if (!page) throw new Error("missing");
    const next = { ...page, status: "live" as const, keyPoints: ["One"], version: 2 };
    const change = { at: "2026-12-05T10:00:00.000Z", by: null };
    expect(await repos.live.updateLivePage(next, 1, change)).toBe(true);
    expect(await repos.live.updateLivePage({ ...next, version: 2 }, 1, change)).toBe(false);
    expect(await repos.live.findLivePage(storyId)).toEqual(next);
  });

  it("reads the first page of a 1,000-post page through the stream index", async () => {
    const storyId = await livePage();
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      id: `${storyId}-${String(i).padStart(4, "0")}`,
      story_id: storyId,
      posted_at: new Date(Date.parse("2026-12-05T00:00:00.000Z") + i * 1000).toISOString(),
      content: JSON.stringify(post(storyId, "x", "").content),
      key_event: 0,
      pinned: 0,
      revision: 1,
      edited_at: null,
      deleted_at: null,
      deleted_by: null,
      delete_reason: null,
      created_by: null,
      source_post_id: null,
      stale: 0,
      draft: 0,
    }));
    for (let i = 0; i < rows.length; i += 200) {
      await database.db
        .insertInto("live_posts")
        .values(rows.slice(i, i + 200))
        .execute();
    }
    const first = await repos.live.listPosts(storyId, { limit: 20 });
    expect(first.map((p) => p.id)).toEqual(
      rows
        .slice(-20)
        .reverse()
        .map((r) => r.id),
    );
    // The plan names the index rather than sorting the story's rows (a property of the
    // query, checked the way each dialect reports plans).
    const query = sql`select id from live_posts where story_id = ${storyId}
      and deleted_at is null and draft = 0 order by posted_at desc, id desc limit 20`;
    if (dialect === "sqlite") {
      const plan = await sql<{ detail: string }>`explain query plan ${query}`.execute(database.db);
      const text = plan.rows.map((r) => r.detail).join("\n");
      expect(text).toContain("live_posts_stream");
      expect(text).not.toContain("TEMP B-TREE");
    } else {
      await sql`analyze live_posts`.execute(database.db);
      const plan = await sql<{ "QUERY PLAN": string }>`explain ${query}`.execute(database.db);
      const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
      expect(text).toContain("live_posts_stream");
      expect(text).not.toMatch(/\bSort\b/);
    }
  });

  it("keeps offered drafts from readers until published, then at their publication time", async () => {
    const storyId = await livePage();
    await repos.live.insertPost(post(storyId, `${storyId}-seen`, "2026-12-05T10:00:00.000Z"));
    await repos.live.insertPost(
      post(storyId, `${storyId}-draft`, "2026-12-05T10:05:00.000Z", {
        draft: true,
        sourcePostId: "elsewhere",
      }),
    );
    expect((await repos.live.listPosts(storyId, { limit: 10 })).map((p) => p.id)).toEqual([
      `${storyId}-seen`,
    ]);
    expect(await repos.live.countPosts(storyId)).toBe(1);
    expect(await repos.live.findPost(`${storyId}-draft`)).toBeUndefined();
    const newsroom = await repos.live.listNewsroomPosts(storyId, {
      limit: 10,
      includeDeleted: false,
    });
    expect(newsroom.map((p) => [p.id, p.draft ?? false])).toEqual([
      [`${storyId}-draft`, true],
      [`${storyId}-seen`, false],
    ]);
    expect((await repos.live.listOffered("elsewhere")).map((p) => p.id)).toEqual([
      `${storyId}-draft`,
    ]);
    await repos.live.setStale([`${storyId}-draft`], true);
    expect((await repos.live.findNewsroomPost(`${storyId}-draft`))?.stale).toBe(true);
    expect(await repos.live.publishDraft(`${storyId}-draft`, "2026-12-05T11:00:00.000Z")).toBe(
      true,
    );
    expect(await repos.live.publishDraft(`${storyId}-draft`, "2026-12-05T12:00:00.000Z")).toBe(
      false,
    );
    const published = await repos.live.findPost(`${storyId}-draft`);
    expect(published?.postedAt).toBe("2026-12-05T11:00:00.000Z");
    expect(published && "draft" in published).toBe(false);
    expect((await repos.live.listPosts(storyId, { limit: 10 })).map((p) => p.id)).toEqual([
      `${storyId}-draft`,
      `${storyId}-seen`,
    ]);
  });
});
