import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { BreakingNewsService } from "../../src/domain/breaking/breaking-news-service.js";
import { isNewsdeskError } from "../../src/domain/error-catalogue.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { migrateToLatest } from "../../src/storage/database.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { seedCatalog, storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const actor = systemActor("test");

describe.each(dialects)("story storage on %s", (dialect) => {
  let database: TestDatabase;
  let repos: Repositories;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  let stories: StoryService;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repos = sqlRepositories(database);
    await seedCatalog(repos);
    stories = new StoryService({ ...repos, clock });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("re-running migrations applies nothing", async () => {
    expect(await migrateToLatest(database)).toEqual([]);
  });

  it("round-trips a story and its first revision unchanged", async () => {
    const content = storyContent({ headline: "Round trip «quotes» & <tags>" });
    const { story, revision } = await stories.create(actor, { serviceId: "en", content });
    expect(await repos.stories.findStory(story.id)).toEqual(story);
    expect((await repos.stories.findRevision(revision.id))?.content).toEqual(content);
    expect(story.status).toBe("draft");
  });

  it("refuses a save based on a stale revision: the head stays, the refused version is kept as not merged", async () => {
    const { story, revision } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent(),
    });
    const mine = await stories.saveDraft(actor, story.id, {
      baseRevisionId: revision.id,
      content: storyContent({ headline: "Mine" }),
    });
    const theirs = stories.saveDraft(actor, story.id, {
      baseRevisionId: revision.id,
      content: storyContent({ headline: "Theirs" }),
    });
    const error = await theirs.catch((e: unknown) => e);
    expect(isNewsdeskError(error) && error.code).toBe("REVISION_CONFLICT");
    // The conflict carries both versions so the editor can merge by hand.
    const details = isNewsdeskError(error) ? error.details : undefined;
    expect(details?.currentRevision).toMatchObject({ id: mine.id });
    expect(details?.yourContent).toMatchObject({ headline: "Theirs" });
    expect(details?.baseRevision).toMatchObject({ id: revision.id });
    const summaries = await repos.stories.listRevisionSummaries(story.id);
    const revisions = await Promise.all(summaries.map((r) => repos.stories.findRevision(r.id)));
    expect(revisions.map((r) => [r?.number, r?.kind, r?.content.headline])).toEqual([
      [1, "saved", "Harbour talks resume"],
      [2, "saved", "Mine"],
      [3, "not_merged", "Theirs"],
    ]);
    expect(details?.notMergedRevision).toMatchObject({ id: revisions[2]?.id, number: 3 });
    const head = await repos.stories.findStory(story.id);
    expect(head).toMatchObject({ currentRevisionId: mine.id, currentRevisionNumber: 2 });
    // The next save is numbered after the kept version, and moves the head as usual.
    const next = await stories.saveDraft(actor, story.id, {
      baseRevisionId: mine.id,
      content: storyContent({ headline: "Merged" }),
    });
    expect(next).toMatchObject({ number: 4, kind: "saved" });
    expect(await repos.stories.findStory(story.id)).toMatchObject({ currentRevisionNumber: 4 });
  });

  it("hands out distinct numbers when saves and refused saves race", async () => {
    const { story, revision } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent(),
    });
    const attempts = await Promise.allSettled(
      Array.from({ length: 6 }, (_, index) =>
        stories.saveDraft(actor, story.id, {
          baseRevisionId: revision.id,
          content: storyContent({ headline: `Racer ${index}` }),
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const summaries = await repos.stories.listRevisionSummaries(story.id);
    expect(summaries.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(summaries.filter((r) => r.kind === "not_merged")).toHaveLength(5);
  });

  it("keeps a story and its revision together: a failed revision insert leaves no story", async () => {
    const { revision } = await stories.create(actor, { serviceId: "en", content: storyContent() });
    const before = await repos.stories.findStory("orphan000001");
    expect(before).toBeUndefined();
    const original = await repos.stories.findStory(revision.storyId);
    if (!original) throw new Error("fixture story missing");
    const attempt = repos.stories.insertStory(
      {
        ...original,
        id: "orphan000001",
        familyId: "orphan000001",
      },
      { ...revision, storyId: "orphan000001" }, // same revision id: primary-key violation
    );
    await expect(attempt).rejects.toThrow();
    expect(await repos.stories.findStory("orphan000001")).toBeUndefined();
  });

  it("publishes, then separates the published revision from the working draft", async () => {
    const { story, revision } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent(),
    });
    clock.advance(60_000);
    const published = await stories.publish(actor, story.id, { mode: "first" });
    expect(published.publishedRevisionId).toBe(revision.id);
    expect(published.firstPublishedAt).toBe(clock.now().toISOString());
    const draft = await stories.saveDraft(actor, story.id, {
      baseRevisionId: revision.id,
      content: storyContent({ headline: "Draft headline" }),
    });
    const head = await repos.stories.findStory(story.id);
    expect(head?.currentRevisionId).toBe(draft.id);
    expect(head?.publishedRevisionId).toBe(revision.id);
    const [listed] = await repos.published
      .listPublished({
        serviceId: "en",
        limit: 50,
        offset: 0,
        topic: "diplomacy",
      })
      .then((rows) => rows.filter((r) => r.id === story.id));
    expect(listed?.headline).toBe("Harbour talks resume");
  });

  it("shows Updated only for an update, not for a silent fix", async () => {
    const { story, revision } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent(),
    });
    await stories.publish(actor, story.id, { mode: "first" });
    clock.advance(60_000);
    const fix = await stories.saveDraft(actor, story.id, {
      baseRevisionId: revision.id,
      content: storyContent({ standfirst: "Negotiators returned to the table." }),
    });
    const silent = await stories.publish(actor, story.id, { mode: "silent" });
    expect(silent.updatedAt).toBeNull();
    expect(silent.publishedRevisionId).toBe(fix.id);
    expect(silent.lastModifiedAt).toBe(clock.now().toISOString());
    clock.advance(60_000);
    await stories.saveDraft(actor, story.id, {
      baseRevisionId: fix.id,
      content: storyContent({ headline: "Harbour talks resume with new offer" }),
    });
    const updated = await stories.publish(actor, story.id, {
      mode: "update",
      note: "Adds the offer.",
    });
    expect(updated.updatedAt).toBe(clock.now().toISOString());
    expect((await repos.stories.findStory(story.id))?.updateNote).toBe("Adds the offer.");
  });

  it("stores corrections in order and kills remove the story from every list", async () => {
    const { story } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent({ headline: "Killable story", topics: ["climate"] }),
    });
    await stories.publish(actor, story.id, { mode: "first" });
    clock.advance(1000);
    await stories.correct(actor, story.id, { text: "First correction." });
    clock.advance(1000);
    await stories.correct(actor, story.id, { text: "Second correction." });
    expect((await repos.stories.listCorrections(story.id)).map((c) => c.text)).toEqual([
      "First correction.",
      "Second correction.",
    ]);
    const inTopic = await repos.published.listPublished({
      serviceId: "en",
      topic: "climate",
      limit: 10,
      offset: 0,
    });
    expect(inTopic.map((s) => s.id)).toContain(story.id);
    await stories.kill(actor, story.id, "Legal");
    const afterTopic = await repos.published.listPublished({
      serviceId: "en",
      topic: "climate",
      limit: 10,
      offset: 0,
    });
    expect(afterTopic.map((s) => s.id)).not.toContain(story.id);
    const search = await new SearchSqlRepository(database.db, dialect).search({
      terms: ["killable"],
      serviceIds: ["en"],
      limit: 10,
      offset: 0,
      now: clock.now().toISOString(),
    });
    expect(search.total).toBe(0);
    const killed = await repos.stories.findStory(story.id);
    expect(killed?.status).toBe("killed");
    expect(killed?.publishedRevisionId).toBeNull();
    await expect(stories.publish(actor, story.id, { mode: "first" })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("finds related stories through the section or a shared topic, newest first", async () => {
    const publish = async (headline: string, section: string, topics: string[]) => {
      const { story } = await stories.create(actor, {
        serviceId: "en",
        content: storyContent({ headline, slug: "related", section, topics }),
      });
      clock.advance(1000);
      return stories.publish(actor, story.id, { mode: "first" });
    };
    const base = await publish("Base", "economy", ["climate"]);
    const viaTopic = await publish("Via topic", "world", ["climate"]);
    const viaSection = await publish("Via section", "economy", []);
    await publish("Unrelated", "world", ["diplomacy"]);
    const related = await repos.published.listRelated(base, ["climate"], "economy", 10);
    const ids = related.map((r) => r.id);
    expect(ids).toContain(viaTopic.id);
    expect(ids).toContain(viaSection.id);
    expect(ids).not.toContain(base.id);
    expect(related.map((r) => r.headline)).not.toContain("Unrelated");
    expect(ids.indexOf(viaSection.id)).toBeLessThan(ids.indexOf(viaTopic.id));
  });

  it("rejects references to people, sections or agencies that do not exist", async () => {
    const attempt = stories.create(actor, {
      serviceId: "en",
      content: storyContent({ section: "nowhere", agencies: ["NOPE"] }),
    });
    await expect(attempt).rejects.toMatchObject({ code: "UNKNOWN_REFERENCE" });
    // A person from another service may not sign an English story.
    await repos.catalog.upsertPerson({
      id: "farsi-writer",
      serviceId: "fa",
      name: "نسرین",
      title: "",
    });
    await expect(
      stories.create(actor, {
        serviceId: "en",
        content: storyContent({
          bylines: [{ kind: "person", personId: "farsi-writer", role: "author" }],
        }),
      }),
    ).rejects.toMatchObject({ code: "UNKNOWN_REFERENCE" });
  });

  it("keeps one active breaking banner per service until it expires or is cleared", async () => {
    const breaking = new BreakingNewsService({ repository: repos.breaking, clock });
    const expiresAt = new Date(clock.now().getTime() + 3_600_000).toISOString();
    await breaking.raise(actor, { serviceId: "en", text: "First", url: null, expiresAt });
    clock.advance(1000);
    await breaking.raise(actor, { serviceId: "en", text: "Second", url: "/english/", expiresAt });
    expect((await breaking.active("en"))?.text).toBe("Second");
    expect(await breaking.active("fa")).toBeUndefined();
    clock.advance(3_600_000);
    expect(await breaking.active("en")).toBeUndefined();
    const later = new Date(clock.now().getTime() + 60_000).toISOString();
    await breaking.raise(actor, { serviceId: "en", text: "Third", url: null, expiresAt: later });
    expect(await breaking.clear(actor, "en")).toBe(1);
    expect(await breaking.active("en")).toBeUndefined();
  });

  it("stores media metadata with the keys of its renditions", async () => {
    const object = (name: string, shape: "16x9" | "source", format: string, bytes: number) => ({
      mediaId: "media0000001",
      name,
      shape,
      format,
      width: shape === "source" ? 1600 : 320,
      height: shape === "source" ? 900 : 180,
      location: "dir" as const,
      key: `media/media0000001/${name === "source" ? "source.jpg" : name}`,
      bytes,
      sha256: String(bytes).padStart(64, "0"),
    });
    await repos.media.insert(
      {
        id: "media0000001",
        mime: "image/jpeg",
        width: 1600,
        height: 900,
        bytes: 6,
        sha256: "ab".repeat(32),
        createdAt: clock.now().toISOString(),
        caption: "Caption",
        credit: "Credit",
        alt: "Alt",
        focalX: 0.25,
        focalY: 0.75,
        rightsSource: "Staff",
        rightsUsage: "Any",
      },
      [object("source", "source", "jpeg", 3), object("16x9-320.webp", "16x9", "webp", 6)],
    );
    expect(await repos.media.findObject("media0000001", "16x9-320.webp")).toEqual(
      object("16x9-320.webp", "16x9", "webp", 6),
    );
    expect((await repos.media.find("media0000001"))?.focalX).toBe(0.25);
    expect((await repos.media.listRenditions(["media0000001"])).get("media0000001")).toEqual([
      { shape: "16x9", format: "webp", width: 320, height: 180 },
    ]);
    // The original is kept for later renditions but never listed as one.
    expect((await repos.media.findObject("media0000001", "source"))?.key).toBe(
      "media/media0000001/source.jpg",
    );
    expect(await repos.media.readDatabaseBytes("media0000001", "source")).toBeUndefined();
    await repos.media.addRenditions("media0000001", [
      { ...object("16x9-320.avif", "16x9", "avif", 5), format: "avif" },
      // Repeated by a retried job: kept as it was.
      { ...object("16x9-320.webp", "16x9", "webp", 99) },
    ]);
    expect(
      (await repos.media.listRenditions(["media0000001"]))
        .get("media0000001")
        ?.map((r) => r.format),
    ).toEqual(["avif", "webp"]);
    expect((await repos.media.findObject("media0000001", "16x9-320.webp"))?.bytes).toBe(6);
    const listed = await repos.media.list({ q: "Capt", limit: 10, offset: 0 });
    expect(listed.items.map((m) => m.id)).toContain("media0000001");
  });

  it("matches LIKE wildcards in a media search as text", async () => {
    await repos.media.insert(
      {
        id: "media0000002",
        mime: "image/jpeg",
        width: 1600,
        height: 900,
        bytes: 3,
        sha256: "cd".repeat(32),
        createdAt: clock.now().toISOString(),
        caption: "Turnout reached 100% in the north",
        credit: "Credit",
        alt: "Alt",
        focalX: 0.5,
        focalY: 0.5,
        rightsSource: "Staff",
        rightsUsage: "Any",
      },
      [],
    );
    const ids = async (q: string) =>
      (await repos.media.list({ q, limit: 10, offset: 0 })).items.map((m) => m.id);
    expect(await ids("100%")).toEqual(["media0000002"]);
    expect(await ids("%")).toEqual(["media0000002"]);
    expect(await ids("10_%")).toEqual([]);
  });
});
