import type { Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../src/domain/clock.js";
import { SearchService } from "../../src/domain/search/search-service.js";
import type { ServiceId } from "../../src/domain/services/service-registry.js";
import type { StoryContent } from "../../src/domain/stories/story-schema.js";
import { migrateToLatest, migratorFor } from "../../src/storage/database.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { storyContent } from "../support/story-fixtures.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const now = "2026-11-20T10:00:00.000Z";

/** Steps a database through the migrations up to and including `name`. */
async function migrateTo(database: TestDatabase, name: string): Promise<void> {
  const { error } = await (await migratorFor(database)).migrateTo(name);
  if (error) throw error;
}

describe.each(dialects)("migrations on %s", (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });

  /** A published story written as rows, the way the application of that time stored it. */
  async function insertPublished(
    db: TestDatabase,
    id: string,
    serviceId: ServiceId,
    content: StoryContent,
  ): Promise<void> {
    await db.db
      .insertInto("stories")
      .values({
        id,
        service_id: serviceId,
        family_id: id,
        status: "published",
        current_revision_id: `${id}-r1`,
        current_revision_number: 1,
        published_revision_id: `${id}-r1`,
        first_published_at: now,
        updated_at: null,
        update_note: null,
        last_modified_at: now,
        scheduled_at: null,
        embargo_until: null,
        killed_at: null,
        kill_reason: null,
        created_at: now,
        created_by: null,
        working_headline: content.headline,
        headline: content.headline,
        standfirst: content.standfirst,
        slug: content.slug,
        section: content.section,
        lead_media_id: null,
      })
      .execute();
    await db.db
      .insertInto("story_revisions")
      .values({
        id: `${id}-r1`,
        story_id: id,
        number: 1,
        base_revision_id: null,
        content: JSON.stringify(content),
        created_at: now,
        created_by: null,
        note: null,
      })
      .execute();
  }

  const searchIn = (db: TestDatabase) => {
    const search = new SearchService({
      search: new SearchSqlRepository(db.db as unknown as Kysely<unknown>, db.dialect),
      clock: fixedClock(now),
    });
    return async (serviceId: ServiceId, query: string) =>
      (await search.inService({ id: serviceId }, query, 1)).hits.map((h) => h.summary.id);
  };

  it("indexes stories published before search existed (0003's frozen backfill)", async () => {
    database = await openTestDatabase(dialect, { migrate: false });
    await migrateTo(database, "0002-newsroom");
    await insertPublished(
      database,
      "before-en",
      "en",
      storyContent({ headline: "Hélène opens the harbour", bylines: [], agencies: [] }),
    );
    await insertPublished(
      database,
      "before-sr",
      "sr",
      storyContent({ headline: "Љубав у Београду", bylines: [], agencies: [], topics: [] }),
    );
    await insertPublished(
      database,
      "before-zh",
      "zh-Hans",
      storyContent({ headline: "港口谈判破裂", bylines: [], agencies: [], topics: [] }),
    );
    await migrateToLatest(database);
    const find = searchIn(database);
    expect(await find("en", "helene")).toEqual(["before-en"]);
    // A body word, through the standfirst and body lines of the document.
    expect(await find("en", "mediator")).toEqual(["before-en"]);
    // Serbian Cyrillic is indexed in both scripts.
    expect(await find("sr", "beogradu")).toEqual(["before-sr"]);
    expect(await find("sr", "љубав")).toEqual(["before-sr"]);
    // Trigram service, and a two-character term below the trigram size.
    expect(await find("zh-Hans", "谈判")).toEqual(["before-zh"]);
  });
});
