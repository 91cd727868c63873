import { CompiledQuery, type KyselyPlugin, type RootOperationNode } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublishedStorySqlRepository } from "../../src/storage/published-story-sql-repository.js";
import { dialects, openTestDatabase, type TestDatabase } from "../support/test-databases.js";

/**
 * "Related stories" on a story page: the newest stories of the same section or on one of the
 * story's topics. The query must walk the service's newest stories and stop after a few,
 * probing each one's topics; with a popular topic, PostgreSQL instead hashed every story on
 * it first (a "hashed SubPlan" over 111,117 rows: 63 ms per story page at 200k stories).
 */
describe.each(dialects)("related stories' query plan on %s", (dialect) => {
  let database: TestDatabase;
  const stories = 20_000;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    for (let from = 0; from < stories; from += 500) {
      const ids = Array.from({ length: Math.min(500, stories - from) }, (_, k) => from + k);
      const id = (i: number) => `r${i.toString(36).padStart(11, "0")}`;
      await database.db
        .insertInto("stories")
        .values(
          ids.map((i) => ({
            id: id(i),
            service_id: "en",
            family_id: id(i),
            status: "published",
            current_revision_id: `v${id(i)}`,
            current_revision_number: 1,
            published_revision_id: `v${id(i)}`,
            first_published_at: at(i),
            last_modified_at: at(i),
            created_at: at(i),
            headline: `Story ${i}`,
            standfirst: "",
            slug: "story",
            section: ["world", "economy", "culture", "science"][i % 4] ?? "world",
          })),
        )
        .execute();
      // Half of all stories are on one topic, as "climate" or "elections" are in a newsroom.
      await database.db
        .insertInto("story_topics")
        .values(ids.filter((i) => i % 2 === 0).map((i) => ({ story_id: id(i), topic: "climate" })))
        .execute();
    }
    // Table statistics, as a running database has them (the planner's choice depends on them).
    await database.db.executeQuery(CompiledQuery.raw("analyze"));
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("walks the newest stories and probes each one's topics, whatever the topic's size", async () => {
    const captured: RootOperationNode[] = [];
    const capture: KyselyPlugin = {
      transformQuery: ({ node }) => {
        captured.push(node);
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const repository = new PublishedStorySqlRepository(
      database.db.withPlugin(capture),
      database.dialect,
    );
    const base = await database.db
      .selectFrom("stories")
      .selectAll()
      .where("id", "=", "r0000000000a")
      .executeTakeFirstOrThrow();
    const related = await repository.listRelated(
      { id: base.id, serviceId: "en" } as Parameters<typeof repository.listRelated>[0],
      ["climate"],
      "science",
      4,
    );
    // The newest four stories that are on "climate" or in "science".
    expect(related.map((r) => r.headline)).toEqual([
      "Story 19999",
      "Story 19998",
      "Story 19996",
      "Story 19995",
    ]);
    const [node] = captured;
    if (!node) throw new Error("no query captured");
    const query = database.db.getExecutor().compileQuery(node, { queryId: "related" });
    const explain = dialect === "postgres" ? "explain " : "explain query plan ";
    const plan = await database.db.executeQuery<Record<string, unknown>>(
      CompiledQuery.raw(`${explain}${query.sql}`, [...query.parameters]),
    );
    const text = plan.rows.map((row) => Object.values(row).join(" ")).join("\n");
    if (dialect === "postgres") {
      expect(text).toMatch(/SubPlan/);
      expect(text).not.toMatch(/hashed SubPlan/);
    } else {
      // SQLite: the newest stories by index, topics probed by primary key, no full sort.
      expect(text).toMatch(/CORRELATED SCALAR SUBQUERY|CORRELATED/);
      expect(text).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/);
    }
  });
});
