import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../src/domain/ids.js";
import {
  type Database,
  migrationsFor,
  openDatabase,
  type SqlDialectName,
} from "../../src/storage/database.js";
import { UserSqlRepository } from "../../src/storage/user-sql-repository.js";
import {
  dialects,
  openTestDatabase,
  postgresUrl,
  type TestDatabase,
} from "../support/test-databases.js";

const window = (iso: string) => ({ windowEndsAt: iso });

describe.each(dialects)("log-in attempt counters on %s", (dialect) => {
  let database: TestDatabase;
  let users: UserSqlRepository;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    users = new UserSqlRepository(database.db);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("hands 100 concurrent attempts 100 distinct counts, on two keys in one statement", async () => {
    const now = "2026-11-20T10:00:00.000Z";
    const ends = "2026-11-20T10:15:00.000Z";
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        users.countLoginAttempt(
          [
            { key: "account:a@example.org", ...window(ends) },
            { key: "ip:192.0.2.1", ...window(ends) },
          ],
          now,
        ),
      ),
    );
    for (const key of ["account:a@example.org", "ip:192.0.2.1"]) {
      const counts = results.map((r) => r.find((c) => c.key === key)?.attempts);
      expect(counts.sort((x = 0, y = 0) => x - y)).toEqual(
        Array.from({ length: 100 }, (_, i) => i + 1),
      );
    }
    expect(results.flat().every((c) => c.windowEndsAt === ends)).toBe(true);
  });

  it("keeps the first window until it ends, then restarts at 1 with the new one", async () => {
    const key = [{ key: "account:w@example.org", ...window("2026-11-20T10:15:00.000Z") }];
    await users.countLoginAttempt(key, "2026-11-20T10:00:00.000Z");
    const later = [{ key: "account:w@example.org", ...window("2026-11-20T10:29:00.000Z") }];
    expect(await users.countLoginAttempt(later, "2026-11-20T10:14:00.000Z")).toEqual([
      { key: "account:w@example.org", attempts: 2, windowEndsAt: "2026-11-20T10:15:00.000Z" },
    ]);
    const next = [{ key: "account:w@example.org", ...window("2026-11-20T10:30:00.000Z") }];
    expect(await users.countLoginAttempt(next, "2026-11-20T10:15:00.000Z")).toEqual([
      { key: "account:w@example.org", attempts: 1, windowEndsAt: "2026-11-20T10:30:00.000Z" },
    ]);
  });

  it("settles a success: the account back to zero, the address refunded only within its window", async () => {
    const now = "2026-11-20T12:00:00.000Z";
    const ends = "2026-11-20T12:15:00.000Z";
    const keys = [
      { key: "account:s@example.org", ...window(ends) },
      { key: "ip:198.51.100.1", ...window(ends) },
    ];
    await users.countLoginAttempt(keys, now);
    await users.countLoginAttempt(keys, now);
    await users.settleLoginAttempts({
      clear: ["account:s@example.org"],
      refund: [{ key: "ip:198.51.100.1", windowEndsAt: "2026-11-20T12:14:00.000Z" }],
    });
    expect(await users.countLoginAttempt(keys, now)).toEqual(
      expect.arrayContaining([
        { key: "account:s@example.org", attempts: 1, windowEndsAt: ends },
        { key: "ip:198.51.100.1", attempts: 3, windowEndsAt: ends },
      ]),
    );
    await users.settleLoginAttempts({
      clear: ["account:s@example.org"],
      refund: [{ key: "ip:198.51.100.1", windowEndsAt: ends }],
    });
    expect(await users.countLoginAttempt(keys, now)).toEqual(
      expect.arrayContaining([
        { key: "account:s@example.org", attempts: 1, windowEndsAt: ends },
        { key: "ip:198.51.100.1", attempts: 3, windowEndsAt: ends },
      ]),
    );
    // A refund without a clear gives both counters one attempt back.
    await users.settleLoginAttempts({
      clear: [],
      refund: keys.map((k) => ({ key: k.key, windowEndsAt: ends })),
    });
    expect(await users.countLoginAttempt(keys, now)).toEqual(
      expect.arrayContaining([
        { key: "account:s@example.org", attempts: 1, windowEndsAt: ends },
        { key: "ip:198.51.100.1", attempts: 3, windowEndsAt: ends },
      ]),
    );
  });

  it("never refunds below zero, and sweeps ended windows", async () => {
    const now = "2026-11-20T13:00:00.000Z";
    const ends = "2026-11-20T13:15:00.000Z";
    const key = [{ key: "ip:198.51.100.2", ...window(ends) }];
    await users.countLoginAttempt(key, now);
    for (let i = 0; i < 3; i++) {
      await users.settleLoginAttempts({
        clear: [],
        refund: [{ key: "ip:198.51.100.2", windowEndsAt: ends }],
      });
    }
    expect((await users.countLoginAttempt(key, now))[0]?.attempts).toBe(1);

    await users.sweepLoginAttempts("2026-11-20T13:15:00.001Z");
    const left = await database.db.selectFrom("login_attempts").select("key").execute();
    expect(left).toEqual([]);
  });
});

/** A database migrated only up to (not including) 0010, to test what 0010 does to old rows. */
async function openBefore0010(
  dialect: SqlDialectName,
): Promise<Database & { dispose(): Promise<void> }> {
  let database: Database;
  let cleanup: () => Promise<void>;
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-0010-"));
    database = await openDatabase(`sqlite:${join(dir, "test.db")}`);
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `t_${newId(10)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    database = await openDatabase(postgresUrl, { pgSchema: schema, pgPoolSize: 2 });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    };
  }
  return {
    ...database,
    dispose: async () => {
      await database.close();
      await cleanup();
    },
  };
}

async function migrate(database: Database, names: (name: string) => boolean): Promise<void> {
  const schema =
    database.dialect === "postgres"
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s
      : undefined;
  const all = migrationsFor(database.dialect);
  const { error } = await new Migrator({
    db: database.db,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(Object.entries(all).filter(([name]) => names(name))),
    },
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  }).migrateToLatest();
  if (error) throw error;
}

describe.each(dialects)("migration 0010 on %s", (dialect) => {
  it("gives tokens issued before expiries existed 90 days from their creation", async () => {
    const database = await openBefore0010(dialect);
    try {
      await migrate(database, (name) => name < "0010");
      await sql`insert into users (id, email, display_name, password_hash, is_admin, created_at)
        values ('u1', 'u1@example.org', 'U', 'x', 0, '2026-01-01T00:00:00.000Z')`.execute(
        database.db,
      );
      await sql`insert into api_tokens (id, user_id, name, token_hash, scopes, created_at)
        values ('t1', 'u1', 'old', 'hash1', '["stories:read"]', '2026-01-01T00:00:00.000Z')`.execute(
        database.db,
      );
      await migrate(database, () => true);
      const token = await new UserSqlRepository(database.db).findToken("hash1");
      expect(token?.expiresAt).toBe("2026-04-01T00:00:00.000Z");
    } finally {
      await database.dispose();
    }
  });
});
