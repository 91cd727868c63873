import { describe, expect, it } from "vitest";
import type {
  PublishedStoryQuery,
  PublishedStoryRepository,
  PublishedSummary,
} from "../published/published-story-repository.js";
import type { Story } from "../stories/story-schema.js";
import { CuratedStories } from "./curated-stories.js";
import type { CurationRepository } from "./curation-repository.js";

const summary = (id: string): PublishedSummary => ({
  id,
  serviceId: "en",
  familyId: id,
  headline: id,
  standfirst: "",
  slug: id,
  section: "world",
  leadMediaId: null,
  firstPublishedAt: "2026-01-01T00:00:00.000Z",
  updatedAt: null,
  lastModifiedAt: "2026-01-01T00:00:00.000Z",
});

/** Newest first: a0 … a9, then the three pins p0 … p2 (older than all of them), p1 not live. */
const automatic = Array.from({ length: 10 }, (_, i) => `a${i}`);
const pinned = ["a4", "p1", "p0"];
const live = new Set([...automatic, "p0", "p2"]);

function curated(pins: readonly string[], related: readonly string[] = []) {
  const lists = new Map([
    ["home", pins],
    ["related:s1", related],
  ]);
  const curation = {
    find: async (_service: string, key: string) => {
      const ids = lists.get(key);
      return ids ? { version: 1, storyIds: ids, updatedAt: null, updatedBy: null } : undefined;
    },
    livePinned: async (_service: string, key: string) =>
      (lists.get(key) ?? []).filter((id) => live.has(id)).map(summary),
  } as unknown as CurationRepository;
  const published = {
    listPublished: async (q: PublishedStoryQuery) =>
      [...automatic, "p0", "p2"]
        .filter((id) => !(q.excludeIds ?? []).includes(id))
        .slice(q.offset ?? 0, (q.offset ?? 0) + q.limit)
        .map(summary),
    listRelated: async () => ["a1", "a2"].map(summary),
  } as unknown as PublishedStoryRepository;
  return new CuratedStories({ curation, published });
}

const ids = async (selection: Promise<{ stories: readonly { id: string }[] }>) =>
  (await selection).stories.map((s) => s.id);

describe("curated lists as readers see them", () => {
  it("puts live pins first in order, then the newest without them, page after page", async () => {
    const front = curated(pinned);
    const pages = [];
    for (let page = 0; page < 5; page++)
      pages.push(await ids(front.front("en", undefined, page * 3, 3)));
    expect(pages).toEqual([
      ["a4", "p0", "a0"],
      ["a1", "a2", "a3"],
      ["a5", "a6", "a7"],
      ["a8", "a9", "p2"],
      [],
    ]);
    // No story twice, none lost: the whole sequence is every live story once.
    expect(pages.flat().sort()).toEqual([...live].sort());
    expect((await front.front("en", undefined, 0, 3)).curatedIds).toEqual(pinned);
  });

  it("is the newest stories when nothing is pinned", async () => {
    expect(await ids(curated([]).front("en", undefined, 0, 4))).toEqual(["a0", "a1", "a2", "a3"]);
  });

  it("shows live related picks, else the automatic related list", async () => {
    const story = { id: "s1", serviceId: "en" } as Story;
    const content = { topics: [], section: "world" };
    expect(await ids(curated([], ["a9", "p1"]).related(story, content))).toEqual(["a9"]);
    expect(await ids(curated([], ["p1"]).related(story, content))).toEqual(["a1", "a2"]);
    expect(await ids(curated([]).related(story, content))).toEqual(["a1", "a2"]);
  });
});
