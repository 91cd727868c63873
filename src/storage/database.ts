import { existsSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  Kysely,
  type Migration,
  type MigrationResultSet,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
} from "kysely";
import pg from "pg";
import { NewsdeskError } from "../domain/error-catalogue.js";
import type { DatabaseSchema } from "./database-schema.js";
import { coreMigration } from "./migrations/0001-core.js";
import { newsroomMigration } from "./migrations/0002-newsroom.js";
import { translationsSearchMigration } from "./migrations/0003-translations-search.js";
import { wireMigration } from "./migrations/0004-wire.js";
import { distributionMigration } from "./migrations/0005-distribution.js";
import { alertsMigration } from "./migrations/0006-alerts.js";
import { searchSpeedMigration } from "./migrations/0007-search-speed.js";
import { familyIndexMigration } from "./migrations/0008-family-index.js";
import { rateWindowsMigration } from "./migrations/0009-rate-windows.js";
import { tokenExpiryLoginAttemptsMigration } from "./migrations/0010-token-expiry-login-attempts.js";
import { secondFactorMigration } from "./migrations/0011-second-factor.js";
import { dropLegacySearchMigration } from "./migrations/0012-drop-legacy-search.js";
import { userPersonAuditFiltersMigration } from "./migrations/0013-user-person-audit-filters.js";
import { storyListMigration } from "./migrations/0015-story-list.js";
import { revisionKindsMigration } from "./migrations/0016-revision-kinds.js";
import { curationMigration } from "./migrations/0017-curation.js";
import { catalogAdminMigration } from "./migrations/0018-catalog-admin.js";
import { commentsMigration } from "./migrations/0019-comments.js";
import { writingSettingsMigration } from "./migrations/0020-writing-settings.js";
import { storyKindMigration } from "./migrations/0021-story-kind.js";
import { livePagesMigration } from "./migrations/0022-live-pages.js";
import { mediaObjectKeysMigration } from "./migrations/0023-media-object-keys.js";
import { mirrorsMigration } from "./migrations/0024-mirrors.js";
import { clipsMigration } from "./migrations/0026-clips.js";
import { programmesMigration } from "./migrations/0027-programmes.js";
import { episodesMigration } from "./migrations/0028-episodes.js";
import { podcastFeedMigration } from "./migrations/0029-podcast-feed.js";
import { searchTermsMigration } from "./migrations/0030-search-terms.js";

export type SqlDialectName = "sqlite" | "postgres";

export interface Database {
  readonly db: Kysely<DatabaseSchema>;
  readonly dialect: SqlDialectName;
  /** PostgreSQL's connection pool right now (metrics); SQLite has no pool. */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

interface PoolStats {
  /** Connections open, busy or idle. */
  readonly total: number;
  readonly idle: number;
  /** Queries waiting for a connection. */
  readonly waiting: number;
  readonly max: number;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL only: the schema to use (tests isolate themselves in one schema each). */
  readonly pgSchema?: string;
  readonly pgPoolSize?: number;
  /**
   * SQLite only: create the file's directory when it is missing. Off unless asked for
   * (`newsdesk start --create`, or the development default path), so a mistyped path is an
   * error instead of a new, empty database.
   */
  readonly create?: boolean;
}

/**
 * Opens `sqlite:<path>` or `postgres://…` (config.ts has already normalized `file:`). Fails fast with
 * DB_UNREACHABLE when the database cannot be reached, so `newsdesk start` exits clearly.
 */
export async function openDatabase(
  url: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const database = /^postgres(ql)?:\/\//i.test(url)
    ? openPostgres(url, options)
    : openSqlite(url.replace(/^sqlite:(\/\/)?/i, ""), options.create ?? false);
  try {
    await sql`select 1`.execute(database.db);
  } catch (cause) {
    await database.close().catch(() => undefined);
    throw new NewsdeskError("DB_UNREACHABLE", {
      detail: `Cannot reach the database at ${redactUrl(url)}: ${(cause as Error).message}`,
      cause,
    });
  }
  return database;
}

function openSqlite(path: string, create: boolean): Database {
  if (path !== ":memory:" && !existsSync(dirname(path))) {
    if (!create) {
      throw new NewsdeskError("CONFIG_INVALID", {
        detail: `The directory ${dirname(path)} for the SQLite database does not exist. Create it, fix DATABASE_URL, or pass --create.`,
      });
    }
    mkdirSync(dirname(path), { recursive: true });
  }
  let native: SqliteDatabase.Database;
  try {
    native = new SqliteDatabase(path);
  } catch (cause) {
    throw new NewsdeskError("DB_UNREACHABLE", {
      detail: `Cannot open the SQLite database at ${path}: ${(cause as Error).message}`,
      cause,
    });
  }
  // WAL lets readers run while one writer commits; foreign keys are off by default in SQLite.
  native.pragma("journal_mode = WAL");
  native.pragma("foreign_keys = ON");
  native.pragma("synchronous = NORMAL");
  native.pragma("busy_timeout = 5000");
  const db = new Kysely<DatabaseSchema>({
    dialect: new SqliteDialect({ database: withStatementCache(native) }),
  });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; with better-sqlite3 that parse and plan is a tenth of a
 * page render. Queries are parameterized, so their text repeats: keep the prepared
 * statements (bounded, since a few builders put list lengths into the SQL text).
 */
function withStatementCache(native: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => native.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= 1000) statements.clear();
        statement = native.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}

function openPostgres(url: string, options: OpenDatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.pgPoolSize ?? 10,
    connectionTimeoutMillis: 5000,
    ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
  });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on("error", () => undefined);
  const db = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) });
  const max = options.pgPoolSize ?? 10;
  return {
    db,
    dialect: "postgres",
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max,
    }),
    close: () => db.destroy(),
  };
}

/** The URL with its password replaced by ***, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

export function migrationsFor(dialect: SqlDialectName): Record<string, Migration> {
  return {
    "0001-core": coreMigration(dialect),
    "0002-newsroom": newsroomMigration(),
    "0003-translations-search": translationsSearchMigration(dialect),
    "0004-wire": wireMigration(dialect),
    "0005-distribution": distributionMigration(dialect),
    "0006-alerts": alertsMigration(),
    "0008-family-index": familyIndexMigration(),
    "0009-rate-windows": rateWindowsMigration(),
    "0011-second-factor": secondFactorMigration(),
    "0010-token-expiry-login-attempts": tokenExpiryLoginAttemptsMigration(),
    "0012-drop-legacy-search": dropLegacySearchMigration(dialect),
    "0013-user-person-audit-filters": userPersonAuditFiltersMigration(),
    "0007-search-speed": searchSpeedMigration(dialect),
    "0019-comments": commentsMigration(),
    "0020-writing-settings": writingSettingsMigration(),
    "0016-revision-kinds": revisionKindsMigration(),
    "0018-catalog-admin": catalogAdminMigration(),
    "0017-curation": curationMigration(),
    "0015-story-list": storyListMigration(dialect),
    "0023-media-object-keys": mediaObjectKeysMigration(),
    "0021-story-kind": storyKindMigration(),
    "0022-live-pages": livePagesMigration(),
    "0026-clips": clipsMigration(),
    "0024-mirrors": mirrorsMigration(),
    "0027-programmes": programmesMigration(),
    "0028-episodes": episodesMigration(),
    "0029-podcast-feed": podcastFeedMigration(),
    "0030-search-terms": searchTermsMigration(dialect),
  };
}

/**
 * Kysely's migrator looks for its bookkeeping table by introspecting every schema of the
 * database (`getTables`), which PostgreSQL answers with an error when another application (or
 * another test) changes its own tables at that instant: `3F000 invalid_schema_name` for a
 * schema dropped, `42P01`/`42703` for a table or column gone. That says nothing about ours, so
 * the attempt is repeated, backing off, for up to 30 s; migrations themselves run in a
 * transaction behind Kysely's lock, so a repeat never applies one twice.
 */
const unrelatedSchemaRetryMs = 30_000;
const catalogRaceCodes = new Set(["42P01", "42703"]);

function changedElsewhere(outcome: MigrationResultSet, ownSchema: string | undefined): boolean {
  const { error } = outcome;
  // With results, a migration of ours ran and failed: that is no race.
  if (!(error instanceof Error) || outcome.results !== undefined) return false;
  const code = (error as { code?: unknown }).code;
  if (code === "3F000") {
    const missing = /schema "([^"]+)" does not exist/.exec(error.message)?.[1];
    return missing !== undefined && missing !== ownSchema;
  }
  return typeof code === "string" && catalogRaceCodes.has(code);
}

/** Brings the schema up to date; safe to run on every start and from several instances. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const giveUpAt = Date.now() + unrelatedSchemaRetryMs;
  let pause = 20;
  let outcome = await (await migratorFor(database)).migrateToLatest();
  while (
    outcome.error !== undefined &&
    Date.now() < giveUpAt &&
    changedElsewhere(outcome, await currentSchema(database))
  ) {
    // Back off, so a burst of drops elsewhere (a test run tearing down) is over first.
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(pause * 2, 500);
    outcome = await (await migratorFor(database)).migrateToLatest();
  }
  const { error, results } = outcome;
  if (error) {
    throw new NewsdeskError("INTERNAL", {
      detail: `Migration failed: ${String(error)}`,
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** PostgreSQL's schema for this connection (tests and operators may choose one); none on SQLite. */
async function currentSchema(database: Database): Promise<string | undefined> {
  if (database.dialect !== "postgres") return undefined;
  return (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db))
    .rows[0]?.schema;
}

/** The migrator over this database's migrations (also used to stop at a given migration). */
export async function migratorFor(database: Database): Promise<Migrator> {
  // On PostgreSQL the migration bookkeeping lives in the connection's own schema; Kysely
  // would otherwise find another schema's tables by introspection and skip creating its own.
  const schema = await currentSchema(database);
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrationsFor(database.dialect) },
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Feature migrations are independent tables, numbered per feature as they landed; a
    // database may have met them in another order.
    allowUnorderedMigrations: true,
  });
}
