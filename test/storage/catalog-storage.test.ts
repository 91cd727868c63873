import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewsdeskError } from "../../src/domain/error-catalogue.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

describe.each(dialects)("sections on %s", (dialect) => {
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
});
