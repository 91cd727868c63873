import { afterEach, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { sqlRepositories } from "../../src/storage/repositories.js";
import { StorySqlRepository } from "../../src/storage/story-sql-repository.js";
import { seedCatalog, storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

describe.each(dialects)("the dashboard's bounded counts on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it("stops counting at the limit and says the tab holds more", async () => {
    database = await openTestDatabase(dialect);
    const repos = sqlRepositories(database);
    await seedCatalog(repos);
    const clock = fixedClock("2026-05-01T08:00:00.000Z");
    const stories = new StoryService({
      ...repos,
      stories: new StorySqlRepository(database.db, { countLimit: 2 }),
      clock,
    });
    const actor = systemActor("count test");
    for (const headline of ["One", "Two", "Three", "Four"]) {
      await stories.create(actor, { serviceId: "en", content: storyContent({ headline }) });
      clock.advance(60_000);
    }
    const { story } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent({ headline: "Five" }),
    });
    await stories.submit(actor, story.id);
    const list = (offset: number) =>
      stories.list(actor, {
        serviceId: "en",
        tab: "draft",
        sort: "changed",
        direction: "desc",
        limit: 1,
        offset,
      });
    const first = await list(0);
    expect(first.counts).toEqual({ draft: 2, in_review: 1 });
    expect(first.over).toEqual(["draft"]);
    // Counting stops `countLimit` past the page: 1 + 2 = 3 of the 4 drafts.
    expect([first.total, first.totalExact]).toEqual([3, false]);
    expect(first.items.map((i) => i.workingHeadline)).toEqual(["Four"]);
    const last = await list(3);
    expect([last.total, last.totalExact]).toEqual([4, true]);
    expect(last.items.map((i) => i.workingHeadline)).toEqual(["One"]);
  });
});
