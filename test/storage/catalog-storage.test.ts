import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewsdeskError } from "../../src/domain/error-catalogue.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

describe.each(dialects)("sections, topics and moved keys on %s", (dialect) => {
  let database: TestDatabase;
  let repos: Repositories;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    repos = sqlRepositories(database);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("stores a section whose slug is a lowercase word in any script", async () => {
    await repos.catalog.upsertSection({
      serviceId: "en",
      slug: "world",
      name: "World",
      position: 0,
    });
    await repos.catalog.upsertSection({ serviceId: "fa", slug: "جهان", name: "جهان", position: 0 });
    expect((await repos.catalog.listSections("en")).map((s) => s.slug)).toEqual(["world"]);
    expect((await repos.catalog.listSections("fa")).map((s) => s.slug)).toEqual(["جهان"]);
  });

  // `/english/search` is the search page and `/english/topics/climate` a topic page: a
  // section with such a slug would have a page nobody reaches and stories another route
  // answers.
  it.each(["search", "topics", "people", "desks", "feeds", "programmes", "schedule"])(
    "refuses the slug %s, which a reader route already owns",
    async (slug) => {
      await expect(
        repos.catalog.upsertSection({ serviceId: "en", slug, name: "Taken", position: 1 }),
      ).rejects.toThrow(NewsdeskError);
      expect((await repos.catalog.listSections("en")).map((s) => s.slug)).not.toContain(slug);
    },
  );

  it("refuses a slug that is not one path segment of lowercase words", async () => {
    for (const slug of ["World", "world/europe", "sitemap.xml", ""]) {
      await expect(
        repos.catalog.upsertSection({ serviceId: "en", slug, name: "Bad", position: 2 }),
      ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    }
  });

  it("tells where a story's topics, section and people live now, in one read", async () => {
    await repos.catalog.upsertTopic({ serviceId: "en", slug: "floods", name: "Floods" });
    await repos.catalog.upsertTopic({ serviceId: "fa", slug: "storms", name: "Storms" });
    await repos.catalog.upsertSection({
      serviceId: "en",
      slug: "health",
      name: "Health",
      position: 5,
    });
    await repos.catalog.moveKey("topic", "en", "floods", "flooding");
    await repos.catalog.moveKey("section", "en", "health", "science-health");
    // Another service's move of the same key is not this service's.
    await repos.catalog.moveKey("topic", "fa", "storms", "weather");
    const from = { id: "pmove000001", serviceId: "en" as const, name: "A. Writer", title: "" };
    const into = { id: "pmove000002", serviceId: "en" as const, name: "Ada Writer", title: "" };
    await repos.catalog.upsertPerson(from);
    await repos.catalog.upsertPerson(into);
    await repos.catalog.mergePeople(from, into);
    const moved = await repos.catalog.movedKeys("en", {
      topics: ["floods", "storms", "elections"],
      sections: ["health"],
      people: ["pmove000001", "pmove000002"],
    });
    expect([...moved.topics]).toEqual([["floods", "flooding"]]);
    expect([...moved.sections]).toEqual([["health", "science-health"]]);
    expect([...moved.people]).toEqual([["pmove000001", "pmove000002"]]);
    const none = await repos.catalog.movedKeys("en", { topics: [], sections: [], people: [] });
    expect([none.topics.size, none.sections.size, none.people.size]).toEqual([0, 0, 0]);
    // Only the kinds asked for: a section key is not looked up as a topic.
    const sectionOnly = await repos.catalog.movedKeys("en", {
      topics: ["health"],
      sections: [],
      people: [],
    });
    expect(sectionOnly.topics.size).toBe(0);
  });
});
