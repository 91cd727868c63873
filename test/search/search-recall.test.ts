import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { foldText, queryTerms } from "../../src/domain/search/search-folding.js";
import { SearchService } from "../../src/domain/search/search-service.js";
import { indexTextFor, queryForms, stemmerOf } from "../../src/domain/search/search-stemming.js";
import type { ServiceId } from "../../src/domain/services/service-registry.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { sqlRepositories } from "../../src/storage/repositories.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { type RecallSet, recallSets } from "../fixtures/search-recall.js";
import { storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

/**
 * Recall on the fixture set, before stemming (text and query folded only, as search worked
 * before) and after (search-stemming.ts), through a model of the index: a document matches
 * when every query list has a form that is a prefix of one of its indexed words, which is
 * what FTS5's `"form"*` and PostgreSQL's `'form':*` do. The dialect suites below check that
 * both databases find exactly what the model finds, so the printed figures are theirs.
 */
const indexedWords = (indexText: string) =>
  indexText.match(/[\p{L}\p{M}\p{N}\u200c\u200d]+/gu) ?? [];

function found(indexTexts: Map<string, string>, lists: readonly string[][]): string[] {
  if (lists.length === 0) return [];
  return [...indexTexts]
    .filter(([, text]) => {
      const words = indexedWords(text);
      return lists.every((alts) => alts.some((form) => words.some((w) => w.startsWith(form))));
    })
    .map(([id]) => id)
    .sort();
}

type Mode = "before" | "after";

function modelResults(set: RecallSet, mode: Mode): string[][] {
  const index = new Map(
    Object.entries(set.documents).map(([id, text]) => [
      id,
      mode === "before" ? foldText(text) : indexTextFor(set.serviceId, text),
    ]),
  );
  return set.queries.map(({ query }) => {
    const terms = queryTerms(query);
    const lists =
      mode === "before"
        ? terms.map((t) => [foldText(t)]).filter(([t]) => t)
        : queryForms(terms, set.serviceId);
    return found(index, lists);
  });
}

/** Micro-averaged recall: relevant documents found over relevant documents. */
function recall(set: RecallSet, results: readonly (readonly string[])[]): number {
  let hit = 0;
  let total = 0;
  for (const [i, { relevant }] of set.queries.entries()) {
    total += relevant.length;
    hit += relevant.filter((id) => results[i]?.includes(id)).length;
  }
  return hit / total;
}

describe("recall per language, before and after stemming", () => {
  it("rises for every language with a stemmer and stays the same for the others", () => {
    const lines = ["language  before  after"];
    for (const set of recallSets) {
      const before = recall(set, modelResults(set, "before"));
      const after = recall(set, modelResults(set, "after"));
      lines.push(`${set.serviceId.padEnd(8)}  ${before.toFixed(2)}    ${after.toFixed(2)}`);
      if (stemmerOf(set.serviceId) === null) expect(after, set.serviceId).toBe(before);
      else expect(after, set.serviceId).toBeGreaterThan(before);
    }
    console.info(lines.join("\n"));
  });
});

describe.each(dialects)("recall set on %s", (dialect) => {
  let database: TestDatabase;
  let search: SearchService;
  const storyIds = new Map<string, string>();
  const clock = fixedClock("2026-11-20T10:00:00.000Z");
  const actor = systemActor("recall test");

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const repos = sqlRepositories(database);
    const stories = new StoryService({ ...repos, clock });
    search = new SearchService({
      search: new SearchSqlRepository(database.db, database.dialect),
      clock,
    });
    for (const set of recallSets) {
      await repos.catalog.upsertSection({
        serviceId: set.serviceId,
        slug: "world",
        name: "World",
        position: 0,
      });
      for (const [key, text] of Object.entries(set.documents)) {
        const content = storyContent({
          headline: text,
          standfirst: "",
          slug: key,
          topics: [],
          bylines: [],
          agencies: [],
          body: [{ type: "paragraph", content: [{ text: "—" }] }],
        });
        const { story } = await stories.create(actor, { serviceId: set.serviceId, content });
        await stories.publish(actor, story.id, { mode: "first" });
        storyIds.set(story.id, key);
      }
    }
  });
  afterAll(async () => {
    await database.dispose();
  });

  it.each(recallSets.map((set) => [set.serviceId, set] as [ServiceId, RecallSet]))(
    "%s: the database finds what the model finds",
    async (serviceId, set) => {
      const expected = modelResults(set, "after");
      for (const [i, { query }] of set.queries.entries()) {
        const results = await search.inService({ id: serviceId }, query, 1);
        const keys = results.hits.map((h) => storyIds.get(h.summary.id) ?? "?").sort();
        expect(keys, query).toEqual(expected[i]);
      }
    },
  );
});
