import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { queryTerms } from "../../src/domain/search/search-folding.js";
import { services } from "../../src/domain/services/service-registry.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { storyUrl } from "../../src/render/reader-urls.js";
import {
  benchStoryContent,
  bulkSeedStories,
  loadSeedCatalog,
  type SeedCatalog,
  sampleStories,
} from "../../src/storage/bulk-seed.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { seedCatalog } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const now = "2026-11-20T10:00:00.000Z";

describe.each(dialects)("bulk seed on %s", (dialect) => {
  let database: TestDatabase;
  let repos: Repositories;
  let catalog: SeedCatalog;
  let realId: string;
  let seededId: string;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repos = sqlRepositories(database);
    await seedCatalog(repos);
    catalog = await loadSeedCatalog(database, "en");
    // The reference: bench story 7's content written and published the real way.
    const stories = new StoryService({ ...repos, clock: fixedClock(now) });
    const actor = systemActor("test");
    const { story } = await stories.create(actor, {
      serviceId: "en",
      content: benchStoryContent(7, catalog),
    });
    await stories.publish(actor, story.id, { mode: "first" });
    realId = story.id;
    await bulkSeedStories(database, { serviceId: "en", count: 30, now: new Date(now) });
    // Seeded story 7 is the one published 22 steps of two minutes before the newest.
    const publishedAt = new Date(Date.parse(now) - 22 * 120_000).toISOString();
    const row = await database.db
      .selectFrom("stories")
      .select("id")
      .where("first_published_at", "=", publishedAt)
      .executeTakeFirstOrThrow();
    seededId = row.id;
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("refuses a service without sections", async () => {
    await expect(loadSeedCatalog(database, "fr")).rejects.toMatchObject({
      code: "UNKNOWN_REFERENCE",
    });
  });

  it("writes the head and reader projection a real publish writes", async () => {
    const rows = await database.db
      .selectFrom("stories")
      .selectAll()
      .where("id", "in", [realId, seededId])
      .execute();
    const real = rows.find((r) => r.id === realId);
    const seeded = rows.find((r) => r.id === seededId);
    const comparable = (row: typeof real) => {
      const {
        id: _id,
        family_id,
        current_revision_id,
        published_revision_id,
        first_published_at: _p,
        last_modified_at: _m,
        created_at: _c,
        ...rest
      } = row ?? ({} as NonNullable<typeof real>);
      return {
        ...rest,
        ownFamily: family_id === row?.id,
        publishedIsCurrent: published_revision_id === current_revision_id,
      };
    };
    expect(seeded).toBeDefined();
    expect(comparable(seeded)).toEqual(comparable(real));
    expect(seeded?.status).toBe("published");
    const story = await repos.stories.findStory(seededId);
    const revision = await repos.stories.findRevision(story?.publishedRevisionId ?? "");
    expect(revision?.content).toEqual(benchStoryContent(7, catalog));
    expect(revision?.number).toBe(1);
  });

  it("writes the same topics, contributors and search document", async () => {
    const topics = async (id: string) =>
      (
        await database.db
          .selectFrom("story_topics")
          .select("topic")
          .where("story_id", "=", id)
          .orderBy("topic")
          .execute()
      ).map((r) => r.topic);
    const contributors = async (id: string) =>
      database.db
        .selectFrom("story_contributors")
        .select(["kind", "ref_id", "position"])
        .where("story_id", "=", id)
        .orderBy("position")
        .execute();
    expect(await topics(seededId)).toEqual(await topics(realId));
    expect(await contributors(seededId)).toEqual(await contributors(realId));
    expect((await contributors(seededId)).length).toBeGreaterThan(0);

    const vector = dialect === "postgres" ? sql`search_vector::text` : sql`''`;
    const searchRow = async (id: string) =>
      (
        await sql<{ doc: string }>`select strategy, service_id, headline, body, match_text,
          ${vector} as vector from story_search where story_id = ${id}`.execute(database.db)
      ).rows[0];
    expect(await searchRow(seededId)).toEqual(await searchRow(realId));
    if (dialect === "sqlite") {
      const fts = async (id: string) =>
        (
          await sql<{ scope: string; headline: string; body: string }>`select f.scope,
            f.headline, f.body from search_words f join story_search s on s.fts_key = f.rowid
            where s.story_id = ${id}`.execute(database.db)
        ).rows;
      expect(await fts(seededId)).toEqual(await fts(realId));
      expect((await fts(seededId)).length).toBe(1);
    }
  });

  it("lists, counts and finds seeded stories like real ones", async () => {
    expect(await repos.published.countPublished("en")).toBe(31);
    const newest = await repos.published.listPublished({ serviceId: "en", limit: 5, offset: 0 });
    expect(newest[0]?.firstPublishedAt).toBe(now);
    const topic = benchStoryContent(7, catalog).topics[0] ?? "";
    const byTopic = await repos.published.listPublished({
      serviceId: "en",
      topic,
      limit: 100,
      offset: 0,
    });
    expect(byTopic.map((s) => s.id)).toEqual(expect.arrayContaining([realId, seededId]));
    const search = new SearchSqlRepository(database.db, dialect);
    const found = await search.search({
      terms: queryTerms(benchStoryContent(7, catalog).dateline),
      serviceIds: ["en"],
      limit: 50,
      offset: 0,
      now,
    });
    expect(found.rows.map((r) => r.summary.id)).toEqual(expect.arrayContaining([realId, seededId]));
    const sample = await sampleStories(database, "en", 5);
    expect(sample.length).toBeGreaterThan(0);
  });
});

describe.each(dialects)("bulk-seeded stories on the reader site (%s)", (dialect) => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk(dialect);
    await bulkSeedStories(newsdesk.database, { serviceId: "en", count: 40 });
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("renders seeded story pages and lists the newest on the home page", async () => {
    const service = services.en;
    for (const story of await sampleStories(newsdesk.database, "en", 5)) {
      const res = await newsdesk.app.request(storyUrl(service, story));
      expect(res.status).toBe(200);
      const html = await res.text();
      const saved = await newsdesk.repositories.stories.findStory(story.id);
      const revision = await newsdesk.repositories.stories.findRevision(
        saved?.publishedRevisionId ?? "",
      );
      const headline = (revision?.content.headline ?? "")
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;")
        .replaceAll('"', "&quot;");
      expect(html).toContain(`<h1>${headline}</h1>`);
    }
    const [newest] = await newsdesk.repositories.published.listPublished({
      serviceId: "en",
      limit: 1,
      offset: 0,
    });
    expect(newest).toBeDefined();
    const home = await (await newsdesk.app.request("/english/")).text();
    expect(home).toContain(storyUrl(service, newest ?? { id: "", slug: "", section: "" }));
  });
});
