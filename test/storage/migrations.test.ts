import { Migrator, sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { SearchService } from "../../src/domain/search/search-service.js";
import type { ServiceId } from "../../src/domain/services/service-registry.js";
import type { StoryContent } from "../../src/domain/stories/story-schema.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { migrateToLatest, migrationsFor, migratorFor } from "../../src/storage/database.js";
import { sqlRepositories } from "../../src/storage/repositories.js";
import { SearchSqlRepository } from "../../src/storage/search-sql-repository.js";
import { seedCatalog, storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

const now = "2026-11-20T10:00:00.000Z";

/** Steps a database through the migrations up to and including `name`. */
async function migrateTo(database: TestDatabase, name: string): Promise<void> {
  const { error } = await (await migratorFor(database)).migrateTo(name);
  if (error) throw error;
}

/**
 * Runs the migrations up to `name` and the later ones named in `also`, as a database that met
 * those first would have (`allowUnorderedMigrations`): the live code used to write old rows
 * needs the columns they add (0016's revision kind).
 */
async function migrateToWith(database: TestDatabase, name: string, also: string[]): Promise<void> {
  await migrateTo(database, name);
  const schema =
    database.dialect === "postgres"
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db))
          .rows[0]?.schema
      : undefined;
  const wanted = Object.entries(migrationsFor(database.dialect)).filter(
    ([migration]) => migration <= name || also.includes(migration),
  );
  const { error } = await new Migrator({
    db: database.db,
    provider: { getMigrations: async () => Object.fromEntries(wanted) },
    ...(schema ? { migrationTableSchema: schema } : {}),
    allowUnorderedMigrations: true,
  }).migrateToLatest();
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
      search: new SearchSqlRepository(db.db, db.dialect),
      clock: fixedClock(now),
    });
    return async (serviceId: ServiceId, query: string) =>
      (await search.inService({ id: serviceId }, query, 1)).hits.map((h) => h.summary.id);
  };

  it("0016 marks every revision written before it as saved", async () => {
    database = await openTestDatabase(dialect, { migrate: false });
    await migrateTo(database, "0012-drop-legacy-search");
    await insertPublished(database, "before-kinds", "en", storyContent());
    expect(await migrateToLatest(database)).toContain("0016-revision-kinds");
    const repos = sqlRepositories(database);
    expect(await repos.stories.findRevision("before-kinds-r1")).toMatchObject({
      number: 1,
      kind: "saved",
    });
    expect((await repos.stories.listRevisionSummaries("before-kinds")).map((r) => r.kind)).toEqual([
      "saved",
    ]);
  });

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
    if (dialect === "sqlite") {
      // 0030's backfill: every token FTS5 indexed is in the table prefixes expand from.
      await sql`create virtual table temp.words_vocab
        using fts5vocab(main, search_words, 'col')`.execute(database.db);
      const terms = await sql<{ term: string; kept: number }>`select distinct v.term,
          exists (select 1 from search_word_terms t where t.term = v.term) as kept
        from temp.words_vocab v where v.col <> 'scope'`.execute(database.db);
      expect(terms.rows.map((r) => r.term)).toContain("mediator");
      expect(terms.rows.filter((r) => !r.kept)).toEqual([]);
    }
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

  it("0012 drops the legacy search tables and column; search still finds published stories", async () => {
    database = await openTestDatabase(dialect, { migrate: false });
    await migrateToWith(database, "0011-second-factor", [
      "0015-story-list",
      "0016-revision-kinds",
      "0018-catalog-admin",
      "0021-story-kind",
      // Publishing indexes an episode's transcript (search-index.ts): the tables it reads
      // and the column it writes.
      "0026-clips",
      "0027-programmes",
      "0028-episodes",
      "0029-podcast-feed",
      // ... and the table of indexed terms it adds to (SQLite).
      "0030-search-terms",
    ]);
    const repos = sqlRepositories(database);
    await seedCatalog(repos);
    const stories = new StoryService({ ...repos, clock: fixedClock(now) });
    const actor = systemActor("migration test");
    const { story } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent({ headline: "Lighthouse keepers return" }),
    });
    await stories.publish(actor, story.id, { mode: "first" });
    // What the first search path kept for this story before 0012.
    await sql`update stories set search_text = ${"lighthouse keepers return"}
      where id = ${story.id}`.execute(database.db);
    if (dialect === "sqlite") {
      await sql`insert into story_fts_words (rowid, headline, body)
        select doc_id, 'lighthouse keepers return', '' from story_search
        where story_id = ${story.id}`.execute(database.db);
    }
    if (dialect === "sqlite") {
      expect(await legacyTables(database)).toEqual(
        expect.arrayContaining(["story_fts_ngram", "story_fts_words"]),
      );
    }
    expect(await storyColumns(database)).toContain("search_text");

    expect(await migrateToLatest(database)).toContain("0012-drop-legacy-search");

    expect(await legacyTables(database)).toEqual([]);
    expect(await storyColumns(database)).not.toContain("search_text");
    expect(await storyColumns(database)).toContain("headline");
    const find = searchIn(database);
    expect(await find("en", "lighthouse")).toEqual([story.id]);
    // Publishing on the new schema indexes as before.
    const { story: later } = await stories.create(actor, {
      serviceId: "en",
      content: storyContent({ headline: "Lighthouse lamps relit" }),
    });
    await stories.publish(actor, later.id, { mode: "first" });
    expect((await find("en", "lighthouse")).sort()).toEqual([story.id, later.id].sort());
  });
});

/** Tables left from the 0003 full-text indexes, FTS5 shadow tables included. */
async function legacyTables(database: TestDatabase): Promise<string[]> {
  const rows =
    database.dialect === "sqlite"
      ? await sql<{ name: string }>`select name from sqlite_master
          where type = 'table' and name like 'story_fts%'`.execute(database.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_name like 'story_fts%'`.execute(
          database.db,
        );
  return rows.rows.map((r) => r.name);
}

async function storyColumns(database: TestDatabase): Promise<string[]> {
  const rows =
    database.dialect === "sqlite"
      ? await sql<{ name: string }>`select name from pragma_table_info('stories')`.execute(
          database.db,
        )
      : await sql<{ name: string }>`select column_name as name from information_schema.columns
          where table_schema = current_schema() and table_name = 'stories'`.execute(database.db);
  return rows.rows.map((r) => r.name);
}
