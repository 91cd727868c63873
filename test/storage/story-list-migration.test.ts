import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { migrateToLatest, migratorFor } from "../../src/storage/database.js";
import { StorySqlRepository } from "../../src/storage/story-sql-repository.js";
import { storyContent } from "../support/story-fixtures.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const now = "2026-11-20T10:00:00.000Z";

describe.each(dialects)("migration 0015 (story list) on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  it("backfills section, lead image, word count and bylines of existing drafts", async () => {
    database = await openTestDatabase(dialect, { migrate: false });
    const { error } = await (await migratorFor(database)).migrateTo("0012-drop-legacy-search");
    if (error) throw error;
    // A draft as the application stored it before 0015: the head and its one revision.
    const content = storyContent({
      headline: "Ferry timetable returns",
      section: "economy",
      leadFigure: { type: "figure", mediaId: "img1", caption: "", credit: "", alt: "" },
      body: [{ type: "paragraph", content: [{ text: "Ferries run again from Monday." }] }],
    });
    await sql`insert into stories (id, service_id, family_id, status, current_revision_id,
        current_revision_number, last_modified_at, created_at, working_headline)
      values ('s1', 'en', 's1', 'draft', 's1-r1', 1, ${now}, ${now}, ${content.headline})`.execute(
      database.db,
    );
    await sql`insert into story_revisions (id, story_id, number, content, created_at)
      values ('s1-r1', 's1', 1, ${JSON.stringify(content)}, ${now})`.execute(database.db);

    expect(await migrateToLatest(database)).toContain("0015-story-list");

    const row = await database.db
      .selectFrom("stories")
      .select(["working_section", "working_lead_media_id", "word_count", "trashed_at"])
      .where("id", "=", "s1")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      working_section: "economy",
      working_lead_media_id: "img1",
      word_count: 5,
      trashed_at: null,
    });
    const page = await new StorySqlRepository(database.db).listForNewsroom({
      serviceIds: ["en"],
      personId: "ana",
      tab: "draft",
      sort: "changed",
      direction: "desc",
      limit: 10,
      offset: 0,
    });
    expect(page.items.map((i) => [i.story.id, i.bylines.map((b) => `${b.kind}:${b.id}`)])).toEqual([
      ["s1", ["person:ana", "desk:desk"]],
    ]);
    expect(page.counts).toEqual({ draft: 1 });
  });
});
