import { spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { type Database, redactUrl, type SqlDialectName } from "./database.js";

/**
 * Consistent online backups and restores of the whole Newsdesk database, media included
 * (ADR 0003: media bytes live in the media_renditions table).
 *
 * - SQLite: SQLite's online backup API copies every page inside one read transaction, so
 *   the copy is a snapshot even while the server commits (WAL mode: readers never block
 *   writers). The result is one self-contained SQLite file (rollback journal, no -wal).
 * - PostgreSQL: `pg_dump --format=custom`, which reads in one repeatable-read snapshot;
 *   restored with `pg_restore` in one transaction.
 *
 * The file says what it is by its first bytes, so `restore` needs no options.
 */

export type BackupKind = SqlDialectName;

/** A failure to explain to the operator as it is (no stack trace). */
export class BackupError extends Error {
  override readonly name = "BackupError";
}

const sqliteMagic = Buffer.from("SQLite format 3\0", "latin1");
const pgDumpMagic = Buffer.from("PGDMP", "latin1");
/** Newsdesk's migration bookkeeping table: present in every Newsdesk database. */
const marker = "kysely_migration";
/** Bytes of a child's stderr kept for the error message (the rest streams past). */
const stderrTail = 8192;
const debianClient =
  "install the PostgreSQL client tools matching the server's major version (Debian/Ubuntu: apt install postgresql-client)";

export interface ToolOptions {
  /** Environment for pg_dump/pg_restore (PATH, PG* variables); the password is added to it. */
  readonly env?: Record<string, string | undefined>;
  /** Upper bound for one pg_dump/pg_restore run. */
  readonly timeoutMs?: number;
  /** Lines pg_dump/pg_restore write to stderr, as they come. */
  readonly onToolOutput?: (line: string) => void;
}

const defaultTimeoutMs = 6 * 60 * 60 * 1000;

function dialectOf(url: string): BackupKind {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

function sqlitePathOf(url: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/i, "");
  if (path === ":memory:" || path === "") {
    throw new BackupError(
      "DATABASE_URL names an in-memory SQLite database; there is nothing to back up or restore into.",
    );
  }
  return path;
}

/** What kind of backup a file is, from its magic bytes. */
function detectBackupKind(file: string): BackupKind {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  if (!statSync(file).isFile()) throw new BackupError(`${file} is not a file.`);
  const head = Buffer.alloc(16);
  const fd = openSync(file, "r");
  let read: number;
  try {
    read = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (read >= sqliteMagic.length && head.subarray(0, sqliteMagic.length).equals(sqliteMagic)) {
    return "sqlite";
  }
  if (read >= pgDumpMagic.length && head.subarray(0, pgDumpMagic.length).equals(pgDumpMagic)) {
    return "postgres";
  }
  throw new BackupError(
    `${file} is not a Newsdesk backup: it is neither a SQLite database nor a pg_dump custom-format archive.`,
  );
}

export interface BackupResult {
  readonly kind: BackupKind;
  readonly bytes: number;
}

/**
 * Writes a consistent backup of the database at `url` to `out` (which must not exist yet).
 * The file appears only when complete: it is written beside `out` and renamed into place.
 */
export async function backupDatabase(
  url: string,
  out: string,
  options: ToolOptions = {},
): Promise<BackupResult> {
  if (existsSync(out)) {
    throw new BackupError(
      `${out} already exists; choose a new file name (backups are never overwritten).`,
    );
  }
  if (!existsSync(dirname(out))) {
    throw new BackupError(`The directory ${dirname(out)} does not exist.`);
  }
  const partial = `${out}.partial-${process.pid}`;
  const kind = dialectOf(url);
  try {
    if (kind === "sqlite") await backupSqlite(sqlitePathOf(url), partial);
    else await backupPostgres(url, partial, options);
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
  }
  return { kind, bytes: statSync(out).size };
}

async function backupSqlite(path: string, partial: string): Promise<void> {
  const source = openExistingSqlite(path, "the database to back up");
  try {
    requireNewsdeskSqlite(source, `${path} is not a Newsdesk database (no ${marker} table)`);
    // The first step only sizes the copy; every later step copies all remaining pages at
    // once, inside one read transaction. Small steps would restart from the first page each
    // time another connection commits, and never finish under steady writes.
    await source.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  // The copy inherits WAL mode from the source's header; make it one self-contained file.
  const copy = new SqliteDatabase(partial, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
}

function openExistingSqlite(path: string, what: string): SqliteDatabase.Database {
  try {
    const native = new SqliteDatabase(path, { fileMustExist: true });
    native.pragma("busy_timeout = 5000");
    return native;
  } catch (cause) {
    throw new BackupError(`Cannot open ${what} at ${path}: ${(cause as Error).message}`);
  }
}

function requireNewsdeskSqlite(native: SqliteDatabase.Database, message: string): void {
  const row = native
    .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
    .get(marker);
  if (!row) throw new BackupError(`${message}.`);
}

async function backupPostgres(url: string, partial: string, options: ToolOptions): Promise<void> {
  const { dbname, env } = pgConnection(url, options.env);
  await runTool(
    "pg_dump",
    ["--format=custom", "--no-password", `--file=${partial}`, `--dbname=${dbname}`],
    env,
    options,
  );
}

/** The connection string without its password, which goes to PGPASSWORD instead. */
function pgConnection(
  url: string,
  base: Record<string, string | undefined> = process.env,
): { dbname: string; env: Record<string, string | undefined> } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BackupError(`DATABASE_URL is not a valid PostgreSQL URL: ${redactUrl(url)}`);
  }
  const env: Record<string, string | undefined> = { ...base };
  if (parsed.password) {
    env.PGPASSWORD = decodeURIComponent(parsed.password);
    parsed.password = "";
  }
  return { dbname: parsed.toString(), env };
}

/**
 * Runs pg_dump/pg_restore without a shell, its stderr streamed line by line (the last few
 * kilobytes kept for the error message), killed after the time limit.
 */
function runTool(
  command: "pg_dump" | "pg_restore",
  args: readonly string[],
  env: Record<string, string | undefined>,
  options: ToolOptions,
  onStdoutLine?: (line: string) => void,
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: ["ignore", onStdoutLine ? "pipe" : "ignore", "pipe"],
    });
    let tail = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, timeoutMs);
    if (onStdoutLine && child.stdout) {
      createInterface({ input: child.stdout, crlfDelay: Number.POSITIVE_INFINITY }).on(
        "line",
        onStdoutLine,
      );
    }
    if (child.stderr) {
      createInterface({ input: child.stderr, crlfDelay: Number.POSITIVE_INFINITY }).on(
        "line",
        (line) => {
          tail = `${tail}${line}\n`.slice(-stderrTail);
          options.onToolOutput?.(line);
        },
      );
    }
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === "ENOENT"
          ? new BackupError(`${command} was not found on PATH; ${debianClient}.`)
          : new BackupError(`Cannot run ${command}: ${error.message}`),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const why = timedOut
        ? `did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`
        : signal
          ? `was stopped by ${signal}`
          : `failed (exit code ${code})`;
      reject(new BackupError(`${command} ${why}${tail ? `:\n${tail.trimEnd()}` : "."}`));
    });
  });
}

/**
 * Restores a backup file into the empty database at `url`. The caller opens the database
 * afterwards and runs the migrations, which bring an older backup up to date.
 */
export async function restoreDatabase(
  url: string,
  file: string,
  options: ToolOptions = {},
): Promise<BackupKind> {
  const kind = detectBackupKind(file);
  const target = dialectOf(url);
  if (kind !== target) {
    throw new BackupError(
      `${file} is a ${label(kind)} backup but DATABASE_URL (${redactUrl(url)}) is a ${label(target)} database; restore it into a ${label(kind)} DATABASE_URL.`,
    );
  }
  if (kind === "sqlite") await restoreSqlite(file, sqlitePathOf(url));
  else await restorePostgres(url, file, options);
  return kind;
}

function label(kind: BackupKind): string {
  return kind === "sqlite" ? "SQLite" : "PostgreSQL";
}

async function restoreSqlite(file: string, path: string): Promise<void> {
  const backup = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    requireNewsdeskSqlite(
      backup,
      `${file} is a SQLite file but not a Newsdesk backup (no ${marker} table)`,
    );
    if (existsSync(path)) {
      const target = openExistingSqlite(path, "the target database");
      try {
        const tables = target
          .prepare(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
          )
          .pluck()
          .all() as string[];
        if (tables.length) throw notEmpty(path, tables);
      } finally {
        target.close();
      }
    } else {
      mkdirSync(dirname(path), { recursive: true });
    }
    await backup.backup(path, { progress: () => 0x7fffffff });
  } finally {
    backup.close();
  }
}

function notEmpty(where: string, tables: readonly string[]): BackupError {
  const shown = tables.slice(0, 5).join(", ");
  return new BackupError(
    `The target database ${where} is not empty: it has ${tables.length} table(s) (${shown}${tables.length > 5 ? ", …" : ""}). Restore only into an empty database: point DATABASE_URL at a new file or database (createdb), or drop those tables first.`,
  );
}

async function restorePostgres(url: string, file: string, options: ToolOptions): Promise<void> {
  const { dbname, env } = pgConnection(url, options.env);
  const tables = await postgresTables(url, env);
  if (tables.length) throw notEmpty(redactUrl(url), tables);
  let isNewsdesk = false;
  await runTool("pg_restore", ["--list", file], env, options, (line) => {
    if (/ TABLE \S+ kysely_migration /.test(line)) isNewsdesk = true;
  });
  if (!isNewsdesk) {
    throw new BackupError(
      `${file} is a pg_dump archive but not a Newsdesk backup (no ${marker} table).`,
    );
  }
  await runTool(
    "pg_restore",
    [
      "--no-owner",
      "--no-privileges",
      "--exit-on-error",
      "--single-transaction",
      "--no-password",
      `--dbname=${dbname}`,
      file,
    ],
    env,
    options,
  );
}

/** Tables in the target connection's current schema (where Newsdesk keeps its own). */
async function postgresTables(
  url: string,
  env: Record<string, string | undefined>,
): Promise<string[]> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    ...(env.PGPASSWORD && !new URL(url).password ? { password: env.PGPASSWORD } : {}),
  });
  try {
    await client.connect();
  } catch (cause) {
    throw new BackupError(
      `Cannot reach the database at ${redactUrl(url)}: ${(cause as Error).message}`,
    );
  }
  try {
    const result = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = current_schema() order by table_name`,
    );
    return result.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

export interface TableCount {
  readonly table: string;
  readonly rows: number;
}

/** Rows per table of the Newsdesk schema, for the restore summary. */
export async function tableRowCounts(database: Database): Promise<TableCount[]> {
  const names =
    database.dialect === "sqlite"
      ? // Full-text indexes' shadow tables are part of their virtual table, not counted apart.
        (
          await sql<{ name: string }>`select name from pragma_table_list
            where schema = 'main' and type in ('table', 'virtual') and name not like 'sqlite_%'
            order by name`.execute(database.db)
        ).rows
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'
            order by table_name`.execute(database.db)
        ).rows;
  const counts: TableCount[] = [];
  for (const { name } of names) {
    const row = (
      await sql<{ n: number | string }>`select count(*) as n from ${sql.table(name)}`.execute(
        database.db,
      )
    ).rows[0];
    counts.push({ table: name, rows: Number(row?.n ?? 0) });
  }
  return counts;
}
