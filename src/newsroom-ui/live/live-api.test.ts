import { describe, expect, it } from "vitest";
import { ApiClient, ApiError } from "../shared/api-client.js";
import {
  createPost,
  deletePost,
  listPosts,
  loadLivePage,
  newerVersionOf,
  offerPost,
  publishOfferedPost,
  saveLiveSettings,
  updatePost,
} from "./live-api.js";

interface Call {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
}

function fakeApi(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const api = new ApiClient({
    fetch: async (url, init) => {
      const call: Call = {
        url,
        method: init?.method ?? "GET",
        headers: new Headers(init?.headers),
        body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      return respond(call);
    },
  });
  api.setCsrfToken("csrf-1");
  return { api, calls };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

const page = {
  storyId: "s1",
  status: "live",
  keyPoints: ["Talks resume"],
  reportersMayPost: true,
  coverageStartTime: "2026-12-05T10:00:00.000Z",
  coverageEndTime: null,
  version: 3,
  canPost: true,
  canModerate: false,
};

const post = {
  id: "p1",
  storyId: "s1",
  postedAt: "2026-12-05T10:05:00.000Z",
  content: {
    title: null,
    body: [{ type: "paragraph", content: [{ text: "Convoy reaches the gate." }] }],
    bylines: [{ personId: "per1" }],
  },
  keyEvent: false,
  pinned: false,
  revision: 1,
  editedAt: null,
  deletedAt: null,
  createdBy: "u1",
  sourcePostId: null,
  createdByName: "Rita Reporter",
  bylineNames: ["Rita Reporter"],
};

describe("live-page API calls", () => {
  it("loads the page and saves settings with the version it was loaded at", async () => {
    const { api, calls } = fakeApi(() => json(200, page));
    expect((await loadLivePage(api, "s 1")).keyPoints).toEqual(["Talks resume"]);
    await saveLiveSettings(api, "s1", {
      status: "ended",
      keyPoints: ["A"],
      reportersMayPost: false,
      version: 3,
    });
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      "GET /newsroom/api/stories/s%201/live",
      "PUT /newsroom/api/stories/s1/live",
    ]);
    expect(calls[1]?.body).toEqual({
      status: "ended",
      keyPoints: ["A"],
      reportersMayPost: false,
      version: 3,
    });
    expect(calls[1]?.headers.get("X-CSRF-Token")).toBe("csrf-1");
  });

  it("pages posts by cursor and asks for deleted ones only when told", async () => {
    const { api, calls } = fakeApi(() => json(200, { items: [post], nextBefore: "p1" }));
    const first = await listPosts(api, "s1");
    expect(first.nextBefore).toBe("p1");
    await listPosts(api, "s1", { before: "p1", includeDeleted: true });
    expect(calls.map((c) => c.url)).toEqual([
      "/newsroom/api/stories/s1/posts?limit=30",
      "/newsroom/api/stories/s1/posts?before=p1&limit=30&includeDeleted=1",
    ]);
  });

  it("posts, edits and deletes with the documented bodies", async () => {
    const { api, calls } = fakeApi((call) =>
      call.method === "DELETE" ? new Response(null, { status: 204 }) : json(201, post),
    );
    await createPost(api, "s1", { title: null, body: post.content.body as never, bylines: [] });
    await updatePost(api, "p1", { revision: 1, pinned: true });
    await deletePost(api, "p1", "");
    await deletePost(api, "p1", "Duplicate");
    await publishOfferedPost(api, "p1");
    await offerPost(api, "p1", "s-fa");
    expect(calls.map((c) => [c.method, c.url, c.body])).toEqual([
      [
        "POST",
        "/newsroom/api/stories/s1/posts",
        { title: null, body: post.content.body, bylines: [] },
      ],
      ["PATCH", "/newsroom/api/posts/p1", { revision: 1, pinned: true }],
      ["DELETE", "/newsroom/api/posts/p1", {}],
      ["DELETE", "/newsroom/api/posts/p1", { reason: "Duplicate" }],
      ["POST", "/newsroom/api/posts/p1/publish", undefined],
      ["POST", "/newsroom/api/posts/p1/offer", { targetStoryId: "s-fa" }],
    ]);
  });

  it("creates a live page with kind live and a plain story as before", async () => {
    const created = {
      story: {
        id: "s1",
        serviceId: "en",
        status: "draft",
        currentRevisionId: "r1",
        currentRevisionNumber: 1,
        publishedRevisionId: null,
        firstPublishedAt: null,
        updatedAt: null,
        lastModifiedAt: "2026-12-05T10:00:00.000Z",
        scheduledAt: null,
        embargoUntil: null,
        kind: "live",
      },
      revision: {
        id: "r1",
        number: 1,
        content: {
          headline: "Siege",
          standfirst: "",
          dateline: "",
          slug: "siege",
          section: "world",
          topics: [],
          leadFigure: null,
          body: [],
          bylines: [],
          agencies: [],
        },
        createdAt: "2026-12-05T10:00:00.000Z",
        createdBy: null,
        note: null,
      },
    };
    const { api, calls } = fakeApi(() => json(201, created));
    const content = created.revision.content as never;
    expect((await api.createStory("en", content, "live")).story.kind).toBe("live");
    await api.createStory("en", content);
    expect(calls.map((c) => (c.body as { kind?: string }).kind)).toEqual(["live", undefined]);
  });

  it("turns a stale edit into LIVE_POST_CONFLICT with the problem kept", async () => {
    const { api } = fakeApi(() =>
      json(409, { code: "LIVE_POST_CONFLICT", title: "Conflict", detail: "Changed meanwhile." }),
    );
    const failure = await updatePost(api, "p1", { revision: 1, body: [] }).catch((e) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).code).toBe("LIVE_POST_CONFLICT");
  });

  it("finds the newer version in the conflict problem, else in the newest revision", async () => {
    const { api, calls } = fakeApi(() =>
      json(200, {
        items: [
          {
            revision: 1,
            content: post.content,
            createdAt: "x",
            createdBy: null,
            createdByName: null,
          },
          {
            revision: 2,
            content: { ...post.content, title: "Newer" },
            createdAt: "y",
            createdBy: "u2",
            createdByName: "Ed",
          },
        ],
      }),
    );
    // The server's problem carries the stored post (no list names), as `current`.
    const { createdByName: _name, bylineNames: _names, ...stored } = post;
    const carried = await newerVersionOf(api, "p1", { current: { ...stored, revision: 4 } });
    expect(carried.revision).toBe(4);
    expect(calls).toHaveLength(0);
    const fetched = await newerVersionOf(api, "p1", { code: "LIVE_POST_CONFLICT" });
    expect(fetched).toMatchObject({ revision: 2, content: { title: "Newer" } });
    expect(calls[0]?.url).toBe("/newsroom/api/posts/p1/revisions");
  });
});
