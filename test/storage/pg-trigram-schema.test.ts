import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/domain/ids.js";
import { migrateToLatest, openDatabase } from "../../src/storage/database.js";
import { postgresUrl } from "../support/test-databases.js";

/**
 * Instances sharing one PostgreSQL each live in their own schema. pg_trgm, which the search
 * indexes use, is one per database: it must not be created inside the first instance's schema,
 * where dropping that schema would cascade into every other instance's indexes (and, while
 * they run, deadlock with their queries). A scratch database starts without the extension,
 * as a fresh server does.
 */
describe("pg_trgm with several instances in one PostgreSQL database", () => {
  const name = `nd_trgm_${newId(8)}`;
  const scratchUrl = postgresUrl.replace(/\/[^/?]+(\?|$)/u, `/${name}$1`);
  const admin = () => new pg.Client({ connectionString: postgresUrl });

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });

  it("puts the extension in public, so dropping one instance's schema leaves the others whole", async () => {
    const setup = new pg.Client({ connectionString: scratchUrl });
    await setup.connect();
    await setup.query("create schema first_instance");
    await setup.query("create schema second_instance");
    for (const schema of ["first_instance", "second_instance"]) {
      const database = await openDatabase(scratchUrl, { pgSchema: schema, pgPoolSize: 2 });
      await migrateToLatest(database);
      await database.close();
    }
    const where = await setup.query<{ schema: string }>(
      `select e.extnamespace::regnamespace::text as schema from pg_extension e
       where e.extname = 'pg_trgm'`,
    );
    expect(where.rows).toEqual([{ schema: "public" }]);

    await setup.query("drop schema first_instance cascade");
    const indexes = await setup.query<{ indexname: string }>(
      `select indexname from pg_indexes where schemaname = 'second_instance'
       and indexname like '%trgm%' order by indexname`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toContain("story_search_trgm");
    await setup.end();
  });
});
