import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../../src/domain/ids.js";
import { migrateToLatest, openDatabase } from "../../src/storage/database.js";
import { postgresUrl } from "../support/test-databases.js";

/**
 * Migrations on a PostgreSQL shared with others: Kysely finds its bookkeeping table by
 * introspecting every schema, which PostgreSQL answers with "schema … does not exist" when
 * another application (or test) drops a schema of its own meanwhile. Newsdesk's migration
 * must not fail for that.
 */
describe("migrating while other schemas are dropped", () => {
  const ours: string[] = [];
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    for (const schema of ours) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  /** Migrates six fresh schemas of ours, one after another; returns each failure. */
  async function migrateFreshSchemas(admin: pg.Client, prefix: string): Promise<string[]> {
    const failures: string[] = [];
    for (let i = 0; i < 6; i++) {
      const schema = `${prefix}_${newId(10)}`;
      ours.push(schema);
      await admin.query(`create schema ${schema}`);
      const database = await openDatabase(postgresUrl, { pgSchema: schema, pgPoolSize: 2 });
      try {
        await migrateToLatest(database);
      } catch (error) {
        failures.push(String(error));
      } finally {
        await database.close();
      }
    }
    return failures;
  }

  it("applies every migration although unrelated schemas vanish during the introspection", async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const others = Array.from({ length: 60 }, () => `od_${newId(10)}`);
    for (const schema of others) {
      await admin.query(`create schema ${schema}`);
      await admin.query(`create table ${schema}.t (id serial primary key, v text)`);
    }
    let dropping = true;
    const dropper = (async () => {
      for (const schema of others) {
        if (!dropping) break;
        await admin.query(`drop schema ${schema} cascade`);
      }
    })();
    const failures = await migrateFreshSchemas(admin, "mg");
    dropping = false;
    await dropper;
    for (const schema of others) await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    expect(failures).toEqual([]);
  });

  it("applies every migration although unrelated tables lose and gain columns meanwhile", async () => {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    const others = Array.from({ length: 20 }, () => `oc_${newId(10)}`);
    for (const schema of others) {
      await admin.query(`create schema ${schema}`);
      await admin.query(`create table ${schema}.t (id serial primary key, v text)`);
    }
    ours.push(...others);
    // A burst of two seconds of schema changes elsewhere, as a deploy or a test teardown makes.
    const burstEnds = Date.now() + 2_000;
    const alterer = (async () => {
      for (let round = 0; Date.now() < burstEnds; round++) {
        for (const schema of others) {
          await admin.query(
            round % 2 === 0
              ? `alter table ${schema}.t drop column v`
              : `alter table ${schema}.t add column v text`,
          );
        }
      }
    })();
    const failures = await migrateFreshSchemas(admin, "mc");
    await alterer;
    await admin.end();
    expect(failures).toEqual([]);
  });
});
