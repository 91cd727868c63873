import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { newId } from "../../src/domain/ids.js";
import {
  type Database,
  migrateToLatest,
  openDatabase,
  type SqlDialectName,
} from "../../src/storage/database.js";

/** Every storage test runs against both dialects (Kysely's own test-suite habit). */
export const dialects: readonly SqlDialectName[] = ["sqlite", "postgres"];

export const postgresUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export interface TestDatabase extends Database {
  /** Closes the connection and deletes the file or schema. */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database: a temp SQLite file, or a private schema in the real
 * PostgreSQL so parallel test files never see each other's rows. With `migrate: false` the
 * database is empty (migration tests step through the migrations themselves).
 */
export async function openTestDatabase(
  dialect: SqlDialectName,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-test-"));
    const database = await openDatabase(`sqlite:${join(dir, "test.db")}`);
    if (migrate) await migrateToLatest(database);
    return {
      ...database,
      dispose: async () => {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${newId(10)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase(postgresUrl, { pgSchema: schema, pgPoolSize: 4 });
  if (migrate) await migrateToLatest(database);
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}
