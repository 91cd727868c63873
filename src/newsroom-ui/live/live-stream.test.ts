import { describe, expect, it } from "vitest";
import type { LivePost } from "./live-api.js";
import {
  cursorFor,
  emptyStream,
  mergePosts,
  newFromOthers,
  withDeleted,
  withFirstPage,
  withOlderPage,
  withPinned,
} from "./live-stream.js";

function post(id: string, minute: number, extra: Partial<LivePost> = {}): LivePost {
  return {
    id,
    storyId: "s1",
    postedAt: `2026-12-05T10:${String(minute).padStart(2, "0")}:00.000Z`,
    content: { title: null, body: [], bylines: [] },
    keyEvent: false,
    pinned: false,
    revision: 1,
    editedAt: null,
    deletedAt: null,
    createdBy: "u2",
    createdByName: null,
    bylineNames: [],
    ...extra,
  };
}

const ids = (posts: readonly LivePost[]) => posts.map((p) => p.id);

describe("the live stream", () => {
  it("keeps posts newest first, ties by id descending, without duplicates", () => {
    const stream = mergePosts(emptyStream, [post("a", 1), post("c", 3), post("b", 3)]);
    expect(ids(stream.posts)).toEqual(["c", "b", "a"]);
    expect(ids(mergePosts(stream, [post("b", 3), post("d", 4)]).posts)).toEqual([
      "d",
      "c",
      "b",
      "a",
    ]);
  });

  it("never lets an older copy of a post replace a newer one", () => {
    const edited = mergePosts(emptyStream, [post("a", 1, { revision: 3, editedAt: "x" })]);
    const stale = mergePosts(edited, [post("a", 1, { revision: 2 })]);
    expect(stale.posts[0]?.revision).toBe(3);
    const deleted = withDeleted(edited, "a", "2026-12-05T11:00:00.000Z", true);
    expect(mergePosts(deleted, [post("a", 1, { revision: 3 })]).posts[0]?.deletedAt).not.toBeNull();
  });

  it("takes the first page's cursor only until older pages are loaded", () => {
    const first = withFirstPage(emptyStream, { items: [post("b", 2)], nextBefore: "b" });
    expect(first.nextBefore).toBe("b");
    const older = withOlderPage(first, { items: [post("a", 1)], nextBefore: null });
    expect(older.nextBefore).toBeNull();
    const refreshed = withFirstPage(older, {
      items: [post("c", 3), post("b", 2)],
      nextBefore: "b",
    });
    expect(refreshed.nextBefore).toBeNull();
    expect(ids(refreshed.posts)).toEqual(["c", "b", "a"]);
  });

  it("keeps deleted posts marked for editors and drops them for everyone else", () => {
    const stream = mergePosts(emptyStream, [post("a", 1), post("b", 2)]);
    const forEditors = withDeleted(stream, "a", "2026-12-05T11:00:00.000Z", true);
    expect(forEditors.posts.find((p) => p.id === "a")?.deletedAt).toBe("2026-12-05T11:00:00.000Z");
    expect(ids(withDeleted(stream, "a", "t", false).posts)).toEqual(["b"]);
  });

  it("shows a single pin: pinning one post unpins the other", () => {
    const stream = mergePosts(emptyStream, [post("a", 1, { pinned: true }), post("b", 2)]);
    const pinned = withPinned(stream, post("b", 2, { pinned: true, revision: 2 }));
    expect(pinned.posts.filter((p) => p.pinned).map((p) => p.id)).toEqual(["b"]);
    const unpinned = withPinned(pinned, post("b", 2, { pinned: false, revision: 3 }));
    expect(unpinned.posts.some((p) => p.pinned)).toBe(false);
  });

  it("counts only new, live posts written by someone else", () => {
    const known = new Set(["a"]);
    const loaded = [
      post("b", 2),
      post("mine", 3, { createdBy: "u1" }),
      post("gone", 4, { deletedAt: "t" }),
      post("a", 1, { revision: 2 }),
      // A copy offered from another service waits for publication: nothing for readers yet.
      post("offered", 5, { draft: true }),
    ];
    expect(ids(newFromOthers(known, loaded, "u1"))).toEqual(["b"]);
  });

  it("refreshes an edited post from the page that starts at it", () => {
    const stream = mergePosts(emptyStream, [post("a", 1), post("b", 2), post("c", 3)]);
    expect(cursorFor(stream, "c")).toBeUndefined();
    expect(cursorFor(stream, "a")).toBe("b");
    expect(cursorFor(stream, "zzz")).toBeNull();
  });
});
