import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import type { Newsdesk } from "../../src/main.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Anchor = { kind: string; index?: number; text?: string };
type Thread = {
  id: string;
  body: string;
  authorName: string;
  anchor: Anchor;
  resolvedAt: string | null;
  replies: { id: string; body: string }[];
};
type Notifications = {
  unread: number;
  items: {
    id: string;
    kind: string;
    storyId: string;
    commentId: string;
    excerpt: string;
    headline: string;
    actorName: string | null;
    readAt: string | null;
  }[];
};

const paragraph = (text: string) => ({ type: "paragraph", content: [{ text }] });
const content = (headline: string, body: string[]) => ({
  headline,
  standfirst: "",
  dateline: "",
  slug: "harbour-reopens",
  section: "world",
  topics: [],
  leadFigure: null,
  body: body.map(paragraph),
  bylines: [{ kind: "desk", deskId: "meridian-news" }],
  agencies: [],
});

describe.each(dialects)("comments and notifications through the newsroom API on %s", (dialect) => {
  let newsdesk: Newsdesk & { dispose(): Promise<void> };
  let editor: NewsroomClient;
  let reporter: NewsroomClient;
  let translator: NewsroomClient;
  let admin: NewsroomClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    editor = new NewsroomClient(newsdesk.app);
    reporter = new NewsroomClient(newsdesk.app);
    translator = new NewsroomClient(newsdesk.app);
    admin = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    await translator.login("translator@newsdesk.test", "demo-password-taraneh");
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    for (const { user } of await newsdesk.repositories.users.listUsers()) {
      ids[user.email.split("@")[0] ?? ""] = user.id;
    }
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  const draft = async (headline: string, body: string[]) =>
    (
      await editor.json<{ story: { id: string }; revision: { id: string } }>("POST", "/stories", {
        serviceId: "en",
        content: content(headline, body),
      })
    ).story.id;
  const threads = async (client: NewsroomClient, storyId: string) =>
    (await client.json<{ threads: Thread[] }>("GET", `/stories/${storyId}/comments`)).threads;

  it("comments on a paragraph with a mention, notifies, replies, resolves and edits", async () => {
    const storyId = await draft("Harbour reopens", [
      "The harbour reopened at dawn.",
      "Fishermen returned to the quay.",
    ]);

    // Typing "@raf" offers the English reporter; the Persian translator cannot see the draft.
    const offered = await editor.json<{ people: { id: string; displayName: string }[] }>(
      "GET",
      `/stories/${storyId}/mentionable?q=raf`,
    );
    expect(offered.people).toEqual([{ id: ids.reporter, displayName: "Rafael Reporter" }]);
    const taraneh = await editor.json<{ people: unknown[] }>(
      "GET",
      `/stories/${storyId}/mentionable?q=taraneh`,
    );
    expect(taraneh.people).toEqual([]);
    // What is typed is matched as text: LIKE wildcards match nothing.
    for (const q of ["%", "_", "\\"]) {
      const wild = await editor.json<{ people: unknown[] }>(
        "GET",
        `/stories/${storyId}/mentionable?q=${encodeURIComponent(q)}`,
      );
      expect([q, wild.people]).toEqual([q, []]);
    }

    const created = await editor.request("POST", `/stories/${storyId}/comments`, {
      body: "@Rafael Reporter can you confirm the time?",
      mentions: [ids.reporter],
      block: { index: 1, text: "Fishermen returned to the quay." },
    });
    expect(created.status).toBe(201);
    const { comment } = (await created.json()) as { comment: { id: string; anchor: Anchor } };
    expect(comment.anchor).toEqual({
      kind: "block",
      index: 1,
      text: "Fishermen returned to the quay.",
    });

    const inbox = await reporter.json<Notifications>("GET", "/notifications");
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: "mention",
      storyId,
      commentId: comment.id,
      headline: "Harbour reopens",
      actorName: "Elif Editor",
      excerpt: "@Rafael Reporter can you confirm the time?",
      readAt: null,
    });
    // Nobody else hears of it.
    expect((await admin.json<Notifications>("GET", "/notifications")).unread).toBe(0);

    // The reporter replies: the thread's author is told.
    const reply = await reporter.json<{ comment: { id: string } }>(
      "POST",
      `/stories/${storyId}/comments`,
      { body: "Yes, 6 a.m.", parentId: comment.id },
    );
    const editorInbox = await editor.json<Notifications>("GET", "/notifications");
    expect(editorInbox.items.map((n) => [n.kind, n.commentId])).toEqual([
      ["reply", reply.comment.id],
    ]);
    // One level of threads.
    const nested = await editor.request("POST", `/stories/${storyId}/comments`, {
      body: "Thanks",
      parentId: reply.comment.id,
    });
    expect(nested.status).toBe(400);

    // Only the author edits; an edit that adds a mention notifies only the newcomer.
    const hijack = await reporter.request("PATCH", `/comments/${comment.id}`, {
      body: "changed",
      mentions: [],
    });
    expect(hijack.status).toBe(403);
    await editor.json("PATCH", `/comments/${comment.id}`, {
      body: "@Rafael Reporter can you confirm the time? @Ada Admin for the record.",
      mentions: [ids.reporter, ids.admin],
    });
    expect((await reporter.json<Notifications>("GET", "/notifications")).unread).toBe(1);
    expect((await admin.json<Notifications>("GET", "/notifications")).items[0]).toMatchObject({
      kind: "mention",
      commentId: comment.id,
    });

    // Anyone who may see the story resolves and reopens.
    const resolved = await reporter.json<{ comment: { resolvedAt: string | null } }>(
      "POST",
      `/comments/${comment.id}/resolve`,
      { resolved: true },
    );
    expect(resolved.comment.resolvedAt).not.toBeNull();
    const listed = await threads(reporter, storyId);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ authorName: "Elif Editor", resolvedAt: expect.any(String) });
    expect(listed[0]?.replies.map((r) => r.body)).toEqual(["Yes, 6 a.m."]);
    await reporter.json("POST", `/comments/${comment.id}/resolve`, { resolved: false });
    expect((await threads(reporter, storyId))[0]?.resolvedAt).toBeNull();

    // Mark read: one's own only.
    const editorsOwn = (await editor.json<Notifications>("GET", "/notifications")).items[0]?.id;
    expect(await reporter.json("POST", "/notifications/read", { ids: [editorsOwn] })).toEqual({
      marked: 0,
    });
    expect((await editor.json<Notifications>("GET", "/notifications")).unread).toBe(1);
    await reporter.json("POST", "/notifications/read", {});
    expect((await reporter.json<Notifications>("GET", "/notifications")).unread).toBe(0);

    // The audit log has the additions and the resolution.
    const audit = await editor.json<{ action: string }[]>("GET", `/audit?storyId=${storyId}`);
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "comment.added",
        "comment.edited",
        "comment.resolved",
        "comment.reopened",
      ]),
    );

    // Deleting the thread's first comment takes its replies and their notifications along.
    expect((await reporter.request("DELETE", `/comments/${comment.id}`)).status).toBe(403);
    expect((await editor.request("DELETE", `/comments/${comment.id}`)).status).toBe(204);
    expect(await threads(editor, storyId)).toEqual([]);
    expect((await editor.json<Notifications>("GET", "/notifications")).items).toEqual([]);
  });

  it("keeps block comments on their paragraph across edits, and keeps a deleted paragraph's as orphaned", async () => {
    const storyId = await draft("Storm warning", [
      "Winds reach 120 km/h tonight.",
      "Schools close on Tuesday.",
    ]);
    const { comment } = await editor.json<{ comment: { id: string } }>(
      "POST",
      `/stories/${storyId}/comments`,
      { body: "Source for the schools?", block: { index: 1, text: "Schools close on Tuesday." } },
    );
    const save = async (body: string[]) => {
      const detail = await editor.json<{ revision: { id: string } }>("GET", `/stories/${storyId}`);
      await editor.json("PUT", `/stories/${storyId}/draft`, {
        baseRevisionId: detail.revision.id,
        content: content("Storm warning", body),
      });
    };
    await save(["A new lead.", "Winds reach 120 km/h tonight.", "Schools close on Tuesday."]);
    expect((await threads(editor, storyId))[0]?.anchor).toEqual({
      kind: "block",
      index: 2,
      text: "Schools close on Tuesday.",
    });
    await save(["A new lead.", "Winds reach 120 km/h tonight.", "All schools close on Tuesday."]);
    expect((await threads(editor, storyId))[0]?.anchor).toEqual({
      kind: "block",
      index: 2,
      text: "All schools close on Tuesday.",
    });
    await save(["A new lead.", "Winds reach 120 km/h tonight."]);
    const orphaned = await threads(editor, storyId);
    expect(orphaned.map((t) => [t.id, t.anchor])).toEqual([
      [comment.id, { kind: "orphaned", text: "All schools close on Tuesday." }],
    ]);
  });

  it("refuses readers and writers without access, and mentions of people who cannot see the story", async () => {
    const storyId = await draft("Budget leaks", ["The draft budget was leaked."]);
    // The Persian translator has no role in English: no reading, no commenting.
    expect((await translator.request("GET", `/stories/${storyId}/comments`)).status).toBe(403);
    const post = await translator.request("POST", `/stories/${storyId}/comments`, { body: "Hi" });
    expect(post.status).toBe(403);
    expect((await translator.request("GET", `/stories/${storyId}/mentionable?q=`)).status).toBe(
      403,
    );

    const mention = await editor.request("POST", `/stories/${storyId}/comments`, {
      body: "@Taraneh Translator please translate",
      mentions: [ids.translator],
    });
    expect(mention.status).toBe(422);
    expect(await mention.json()).toMatchObject({ code: "MENTION_NOT_ALLOWED" });
    expect(await threads(editor, storyId)).toEqual([]);
    expect((await translator.json<Notifications>("GET", "/notifications")).items).toEqual([]);

    // A mention must be written in the text.
    const silent = await editor.request("POST", `/stories/${storyId}/comments`, {
      body: "no name here",
      mentions: [ids.reporter],
    });
    expect(silent.status).toBe(400);

    // Bounded: 4,000 characters.
    const long = await editor.request("POST", `/stories/${storyId}/comments`, {
      body: "x".repeat(4001),
    });
    expect(long.status).toBe(400);
    const empty = await editor.request("POST", `/stories/${storyId}/comments`, { body: "   " });
    expect(empty.status).toBe(400);

    // Someone else's comment is not theirs to edit or delete; an unknown one is 404.
    expect((await editor.request("DELETE", "/comments/nosuchcomment")).status).toBe(404);
  });

  it("lets anyone who may read a published story discuss it, and hides notifications once they may not", async () => {
    const storyId = await draft("Ferry service resumes", ["The ferry sailed at dawn."]);
    await editor.json("POST", `/stories/${storyId}/publish`, { mode: "first" });
    // Published copy is readable by every newsroom role, so the Persian translator may be mentioned.
    const offered = await editor.json<{ people: { displayName: string }[] }>(
      "GET",
      `/stories/${storyId}/mentionable?q=TARANEH`,
    );
    expect(offered.people.map((p) => p.displayName)).toEqual(["Taraneh Translator"]);
    const { comment } = await editor.json<{ comment: { id: string } }>(
      "POST",
      `/stories/${storyId}/comments`,
      { body: "@Taraneh Translator this one is ready for Persian.", mentions: [ids.translator] },
    );
    const inbox = await translator.json<Notifications>("GET", "/notifications");
    expect(inbox.items.map((n) => n.commentId)).toEqual([comment.id]);
    expect(inbox.unread).toBe(1);
    expect((await translator.request("GET", `/stories/${storyId}/comments`)).status).toBe(200);

    // Unpublished, the English draft is out of the translator's reach again, and so is the note.
    await editor.json("POST", `/stories/${storyId}/unpublish`, {});
    const after = await translator.json<Notifications>("GET", "/notifications");
    expect(after).toEqual({ unread: 0, items: [] });
    expect((await translator.request("GET", `/stories/${storyId}/comments`)).status).toBe(403);
  });

  it("never lets comments reach reader pages, feeds, search, sitemaps or the content API", async () => {
    const marker = "Zanzibarquokka";
    const storyId = await draft("Lighthouse restored", ["The lighthouse shines again."]);
    await editor.json("POST", `/stories/${storyId}/comments`, {
      body: `${marker} story note`,
    });
    await editor.json("POST", `/stories/${storyId}/comments`, {
      body: `${marker} paragraph note`,
      block: { index: 0, text: "The lighthouse shines again." },
    });
    await editor.json("POST", `/stories/${storyId}/publish`, { mode: "first" });
    const detail = await editor.json<{ readerUrl: string }>("GET", `/stories/${storyId}`);
    const { key } = await newsdesk.services.apiKeys.issue(systemActor("test"), {
      name: "partner",
      rateLimitPerMinute: 1000,
    });
    const api = { Authorization: `Bearer ${key}` };
    const pages: [string, Record<string, string>][] = [
      [new URL(detail.readerUrl).pathname, {}],
      ["/english/", {}],
      ["/english/world", {}],
      ["/english/search?q=lighthouse", {}],
      ["/english/feeds/rss.xml", {}],
      ["/english/feeds/atom.xml", {}],
      ["/english/feeds/feed.json", {}],
      ["/english/sitemap-news.xml", {}],
      [`/api/v1/stories/${storyId}`, api],
      ["/api/v1/stories?service=en&limit=100", api],
      [`/api/v1/ninjs/stories/${storyId}`, api],
      [`/newsroom/api/stories/${storyId}/preview`, { Cookie: editor.cookie }],
    ];
    for (const [path, headers] of pages) {
      const response = await newsdesk.app.request(path, { headers });
      const text = await response.text();
      expect(response.status, path).toBe(200);
      // The page is there (the story is), the notes are not.
      expect(text, path).toContain("ighthouse");
      expect(text, path).not.toContain(marker);
    }
    // Search does not index the notes: their word finds nothing.
    const search = await newsdesk.app.request(`/english/search?q=${marker}`);
    expect(await search.text()).not.toContain(new URL(detail.readerUrl).pathname);
    // The revision itself (what every public output is made from) has no comments.
    const revision = await editor.json<{ revision: unknown }>("GET", `/stories/${storyId}`);
    expect(JSON.stringify(revision)).not.toContain(marker);
  });
});
