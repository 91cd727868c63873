import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { SearchService } from "../../src/domain/search/search-service.js";
import { type ServiceId, serviceIds } from "../../src/domain/services/service-registry.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { hostileSearchQueries } from "../support/hostile-search-queries.js";
import { storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const actor = systemActor("search hostile-input test");

describe.each(dialects)("hostile search input on %s", (dialect) => {
  let database: TestDatabase;
  let repos: Repositories;
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  let search: SearchService;
  let repository: SearchSqlRepository;
  const published = new Map<ServiceId, string>();

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repos = sqlRepositories(database);
    const stories = new StoryService({ ...repos, clock });
    repository = new SearchSqlRepository(database.db, database.dialect);
    search = new SearchService({ search: repository, clock });
    // One word-class service and one trigram-class service, so both arms of every
    // dialect's query run.
    for (const [serviceId, headline] of [
      ["en", "Kessara port reopens"],
      ["zh-Hans", "Kessara港口重新开放"],
    ] as const) {
      await repos.catalog.upsertSection({ serviceId, slug: "world", name: "World", position: 0 });
      const content = storyContent({
        headline,
        standfirst: "",
        slug: "story",
        topics: [],
        bylines: [],
        agencies: [],
        body: [{ type: "paragraph", content: [{ text: "Ships return to the port." }] }],
      });
      const { story } = await stories.create(actor, { serviceId, content });
      await stories.publish(actor, story.id, { mode: "first" });
      published.set(serviceId, story.id);
    }
  });
  afterAll(async () => {
    await database.dispose();
  });

  const request = (terms: readonly string[], services: readonly ServiceId[] | null) => ({
    terms,
    serviceIds: services,
    limit: 20,
    offset: 0,
    now: clock.now().toISOString(),
  });

  it("the storage layer takes any term, raw, without a syntax error", async () => {
    for (const query of hostileSearchQueries) {
      const scopes: (readonly ServiceId[] | null)[] = [
        null,
        ["en"],
        ["zh-Hans"],
        ["en", "zh-Hans"],
      ];
      for (const scope of scopes) {
        // As one raw term, and split as a careless caller would.
        for (const terms of [[query], query.split(" "), [query, "kessara"]]) {
          const result = await repository.search(request(terms, scope));
          const allowed: readonly ServiceId[] = scope ?? serviceIds;
          expect(
            result.rows.every((r) => allowed.includes(r.summary.serviceId)),
            JSON.stringify(query.slice(0, 40)),
          ).toBe(true);
        }
      }
    }
  });

  it("the storage layer treats LIKE wildcards in a term as text", async () => {
    // The trigram arm matches by LIKE: an unescaped "%" or "_" would match anything.
    for (const term of ["kes%ara", "k_ssara", "kessar_", "%港口"]) {
      const result = await repository.search(request([term], ["zh-Hans"]));
      expect(result.total, term).toBe(0);
    }
    expect((await repository.search(request(["kessara"], ["zh-Hans"]))).total).toBe(1);
  });

  it("the storage layer bounds the number of terms", async () => {
    const terms = Array.from({ length: 5_000 }, (_, i) => `t${i}`);
    await expect(repository.search(request(terms, null))).resolves.toMatchObject({ total: 0 });
  });

  it("reader and newsroom search take any query without a syntax error", async () => {
    for (const query of hostileSearchQueries) {
      const label = JSON.stringify(query.slice(0, 40));
      const reader = await search.inService({ id: "en" }, query, 1);
      expect(
        reader.hits.every((h) => h.summary.serviceId === "en"),
        label,
      ).toBe(true);
      const newsroom = await search.acrossServices(actor, query);
      expect(newsroom.total, label).toBeGreaterThanOrEqual(0);
      // Nothing invisible or control survives into the terms a dialect sees.
      for (const term of [...reader.terms, ...newsroom.terms]) {
        expect(term, label).not.toMatch(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u);
        expect(term.isWellFormed(), label).toBe(true);
      }
    }
  });

  it("syntax alone matches nothing; syntax around a word matches the word only", async () => {
    for (const query of ['"', "*", "NEAR(", "(((", "&", "|", "!", "\u0000", "%", "_", "^", ":"]) {
      expect((await search.acrossServices(actor, query)).total, query).toBe(0);
    }
    const en = published.get("en");
    for (const query of [
      '"kessara',
      "kessara*",
      "^kessara",
      "'kessara':*",
      "kessara & port",
      "kess\u0000ara",
      "\u202ekessara",
      "\u2066kessara\u2069",
      "kessara\udc00",
    ]) {
      const hits = (await search.inService({ id: "en" }, query, 1)).hits;
      expect(
        hits.map((h) => h.summary.id),
        JSON.stringify(query),
      ).toEqual([en]);
    }
    // The trigram arm too.
    const zh = published.get("zh-Hans");
    const hits = (await search.inService({ id: "zh-Hans" }, "港口\u0000重新", 1)).hits;
    expect(hits.map((h) => h.summary.id)).toEqual([zh]);
  });
});
