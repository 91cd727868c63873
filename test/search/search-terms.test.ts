import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { SearchService } from "../../src/domain/search/search-service.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { bulkSeedStories } from "../../src/storage/bulk-seed.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { reindexSearch } from "../../src/storage/search-index.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { seedCatalog, storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { openTestDatabase, type TestDatabase } from "../support/test-databases.js";

/**
 * SQLite search expands a word's prefix into the exact terms of `search_word_terms`
 * (migration 0030), so that table must hold every token FTS5 has indexed: a term missing
 * there is a story search cannot find by its prefix.
 */
describe("the table of indexed search terms (SQLite)", () => {
  let database: TestDatabase;
  let repos: Repositories;
  let stories: StoryService;
  let search: SearchService;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  const actor = systemActor("search terms test");

  beforeAll(async () => {
    database = await openTestDatabase("sqlite");
    repos = sqlRepositories(database);
    await seedCatalog(repos);
    await repos.catalog.upsertSection({
      serviceId: "ha",
      slug: "world",
      name: "Duniya",
      position: 0,
    });
    stories = new StoryService({ ...repos, clock });
    search = new SearchService({
      search: new SearchSqlRepository(database.db, database.dialect),
      clock,
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  async function publish(
    headline: string,
    body: string,
    serviceId: "en" | "ha" = "en",
  ): Promise<string> {
    const content = storyContent({
      headline,
      standfirst: "",
      slug: "story",
      topics: [],
      bylines: [],
      agencies: [],
      body: [{ type: "paragraph", content: [{ text: body }] }],
    });
    const { story } = await stories.create(actor, { serviceId, content });
    await stories.publish(actor, story.id, { mode: "first" });
    return story.id;
  }

  /** Tokens FTS5 holds in `search_words`' headline and body that the terms table lacks. */
  async function missingTerms(): Promise<string[]> {
    await sql`create virtual table if not exists temp.words_vocab
      using fts5vocab(main, search_words, 'col')`.execute(database.db);
    const rows = await sql<{ term: string }>`select distinct term from temp.words_vocab
      where col <> 'scope' and term not in (select term from search_word_terms)
      order by term`.execute(database.db);
    return rows.rows.map((r) => r.term);
  }

  const ids = async (query: string, serviceId: "en" | "ha" = "en") =>
    (await search.inService({ id: serviceId }, query, 1)).hits.map((h) => h.summary.id);

  it("holds every indexed token after publishing, updating, bulk seeding and re-indexing", async () => {
    const id = await publish("Quorvane ferries resume", "Dockworkers in Quorvane-Nord agreed.");
    const story = await repos.stories.findStory(id);
    if (!story) throw new Error("missing story");
    await stories.saveDraft(actor, id, {
      baseRevisionId: story.currentRevisionId,
      content: storyContent({
        headline: "Quorvane ferries resume after strike",
        standfirst: "",
        slug: "story",
        topics: [],
        bylines: [],
        agencies: [],
        body: [{ type: "paragraph", content: [{ text: "Zellitar harbour reopened." }] }],
      }),
    });
    await stories.publish(actor, id, { mode: "update", note: "Harbour named." });
    await bulkSeedStories(database, { serviceId: "en", count: 20, now: clock.now() });
    await reindexSearch(database.db, database.dialect);
    const terms = await sql<{ n: number }>`select count(*) as n from search_word_terms`.execute(
      database.db,
    );
    expect(Number(terms.rows[0]?.n)).toBeGreaterThan(20);
    expect(await missingTerms()).toEqual([]);
    expect(await ids("zellit")).toEqual([id]);
  });

  it("is what a prefix is matched against: a term missing there is not found by its prefix", async () => {
    // Hausa has no stemmer: the indexed terms are the words as written, folded.
    const both = await publish("Brenwick mill closes", "Workers at Brenwickshire.", "ha");
    const one = await publish("Brenwick harbour", "Boats.", "ha");
    const terms = await sql<{ term: string }>`select term from search_word_terms
      where term like 'brenwi%' order by term`.execute(database.db);
    expect(terms.rows.map((r) => r.term)).toEqual(["brenwick", "brenwickshire"]);
    expect(new Set(await ids("brenwi", "ha"))).toEqual(new Set([both, one]));
    // With "brenwick" gone from the table, the prefix is expanded into its sibling alone:
    // the story holding only "brenwick" is no longer found.
    await sql`delete from search_word_terms where term = 'brenwick'`.execute(database.db);
    expect(await ids("brenwi", "ha")).toEqual([both]);
    // With no term left for the prefix, it goes to FTS5 itself, which finds both.
    await sql`delete from search_word_terms where term = 'brenwickshire'`.execute(database.db);
    expect(new Set(await ids("brenwi", "ha"))).toEqual(new Set([both, one]));
  });
});
