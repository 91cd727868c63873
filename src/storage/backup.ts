import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
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
import { mkdtemp, open, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import type { MediaObjectStore } from "../domain/media/media-object-store.js";
import type { MediaObjects } from "../domain/media/media-objects.js";
import type { MediaRepository } from "../domain/media/media-repository.js";
import { contentTypeOf } from "../domain/media/media-schema.js";
import {
  type ArchiveEntry,
  ArchiveWriter,
  isArchive,
  readArchiveIndex,
  readEntry,
} from "./backup-archive.js";
import { type Database, redactUrl, type SqlDialectName } from "./database.js";

/**
 * Consistent online backups and restores of the whole Newsdesk database and its media.
 *
 * - SQLite: SQLite's online backup API copies every page inside one read transaction, so
 *   the copy is a snapshot even while the server commits (WAL mode: readers never block
 *   writers). The copy is one self-contained SQLite file (rollback journal, no -wal).
 * - PostgreSQL: `pg_dump --format=custom`, which reads in one repeatable-read snapshot;
 *   restored with `pg_restore` in one transaction.
 * - Media (ADR 0014): after the snapshot, every object the database points at is copied
 *   from its store. Objects are written before the rows that name them and never change
 *   under a key, so every object the snapshot names exists then; objects uploaded after
 *   the snapshot come along too and are simply not restored.
 *
 * The three go into one tar archive (backup-archive.ts). Backups made before media stores
 * (a bare SQLite file or pg_dump archive, media inside) still restore: the file says what
 * it is by its first bytes, so `restore` needs no options.
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

/** The media a backup copies and a restore writes back (MEDIA_STORE). */
export interface BackupMedia {
  readonly repository: MediaRepository;
  readonly objects: MediaObjects;
}

const manifestName = "newsdesk-backup.json";
const databaseEntry: Record<BackupKind, string> = {
  sqlite: "database.sqlite",
  postgres: "database.pgdump",
};
const objectsPrefix = "objects/";
/** Media rows read per page while copying objects. */
const objectPage = 500;

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
function detectBackupKind(file: string): BackupKind | "archive" {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  if (!statSync(file).isFile()) throw new BackupError(`${file} is not a file.`);
  const head = Buffer.alloc(512);
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
  if (isArchive(head.subarray(0, read))) return "archive";
  throw new BackupError(
    `${file} is not a Newsdesk backup: it is neither a Newsdesk backup archive, a SQLite database nor a pg_dump custom-format archive.`,
  );
}

export interface BackupResult {
  readonly kind: BackupKind;
  readonly bytes: number;
  /** Media objects copied from the store(s). */
  readonly objects: number;
}

/**
 * Writes a consistent backup of the database at `url` to `out` (which must not exist yet).
 * The file appears only when complete: it is written beside `out` and renamed into place.
 */
export async function backupDatabase(
  url: string,
  out: string,
  media: BackupMedia,
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
  const snapshot = `${out}.partial-db-${process.pid}`;
  const kind = dialectOf(url);
  let objects = 0;
  try {
    if (kind === "sqlite") await backupSqlite(sqlitePathOf(url), snapshot);
    else await backupPostgres(url, snapshot, options);
    const archive = await ArchiveWriter.create(partial);
    try {
      const manifest = Buffer.from(
        `${JSON.stringify({ format: "newsdesk-backup", version: 1, database: kind, createdAt: new Date().toISOString() })}\n`,
      );
      await archive.add(manifestName, manifest.byteLength, manifest);
      await archive.add(databaseEntry[kind], (await stat(snapshot)).size, fileBody(snapshot));
      rmSync(snapshot, { force: true });
      objects = await archiveMedia(archive, media);
      await archive.finish();
    } catch (error) {
      await archive.abort();
      throw error;
    }
    renameSync(partial, out);
  } finally {
    rmSync(partial, { force: true });
    rmSync(snapshot, { force: true });
  }
  return { kind, bytes: statSync(out).size, objects };
}

async function* fileBody(path: string): AsyncIterable<Uint8Array> {
  yield* readEntry(path, { name: path, offset: 0, size: (await stat(path)).size });
}

/** Copies every object the database points at into the archive, streaming each. */
async function archiveMedia(archive: ArchiveWriter, media: BackupMedia): Promise<number> {
  let count = 0;
  let after: { mediaId: string; name: string } | undefined;
  for (;;) {
    const page = await media.repository.listStoredObjects(after, objectPage);
    if (page.length === 0) return count;
    for (const record of page) {
      after = { mediaId: record.mediaId, name: record.name };
      const resolved = await media.objects.resolve(record.mediaId, record.name);
      const found = resolved && (await media.objects.open(resolved));
      if (!resolved || !found) {
        throw new BackupError(
          `The media object ${record.key} (${record.location} store) is missing; the backup would be incomplete. Check MEDIA_STORE and MEDIA_PREVIOUS_STORE.`,
        );
      }
      await archive.add(`${objectsPrefix}${record.key}`, resolved.bytes, found.body);
      count++;
    }
  }
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
): Promise<{ readonly kind: BackupKind; readonly archive?: readonly ArchiveEntry[] }> {
  const detected = detectBackupKind(file);
  if (detected === "archive") return restoreArchive(url, file, options);
  return { kind: await restoreDatabaseFile(url, file, detected, options) };
}

/** Restores the archive's database; its objects are restored by `restoreMediaObjects`. */
async function restoreArchive(
  url: string,
  file: string,
  options: ToolOptions,
): Promise<{ readonly kind: BackupKind; readonly archive: readonly ArchiveEntry[] }> {
  let entries: ArchiveEntry[];
  try {
    entries = await readArchiveIndex(file);
  } catch (cause) {
    throw new BackupError(`${file} is not a usable backup: ${(cause as Error).message}.`);
  }
  const database = entries.find(
    (e) => e.name === databaseEntry.sqlite || e.name === databaseEntry.postgres,
  );
  if (!entries.some((e) => e.name === manifestName) || !database) {
    throw new BackupError(
      `${file} is a tar archive but not a Newsdesk backup (no ${manifestName} and database).`,
    );
  }
  const kind: BackupKind = database.name === databaseEntry.sqlite ? "sqlite" : "postgres";
  const scratch = await mkdtemp(join(tmpdir(), "newsdesk-restore-"));
  const extracted = join(scratch, database.name);
  try {
    const writer = await open(extracted, "wx", 0o600);
    try {
      let position = 0;
      for await (const chunk of readEntry(file, database)) {
        await writer.write(chunk, 0, chunk.byteLength, position);
        position += chunk.byteLength;
      }
    } finally {
      await writer.close();
    }
    await restoreDatabaseFile(url, extracted, kind, options, file);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { kind, archive: entries };
}

/**
 * Writes a restored archive's media objects into the target store and points the restored
 * rows at it, checking each object's size and SHA-256 against the database.
 */
export async function restoreMediaObjects(
  file: string,
  entries: readonly ArchiveEntry[],
  media: { readonly repository: MediaRepository; readonly store: MediaObjectStore },
): Promise<{ readonly objects: number; readonly bytes: number }> {
  const byKey = new Map(
    entries
      .filter((e) => e.name.startsWith(objectsPrefix))
      .map((e) => [e.name.slice(objectsPrefix.length), e]),
  );
  let objects = 0;
  let bytes = 0;
  const missing: string[] = [];
  let after: { mediaId: string; name: string } | undefined;
  for (;;) {
    const page = await media.repository.listStoredObjects(after, objectPage);
    if (page.length === 0) break;
    for (const record of page) {
      after = { mediaId: record.mediaId, name: record.name };
      const entry = byKey.get(record.key);
      if (!entry) {
        missing.push(record.key);
        continue;
      }
      const hash = createHash("sha256");
      const hashed = (async function* () {
        for await (const chunk of readEntry(file, entry)) {
          hash.update(chunk);
          yield chunk;
        }
      })();
      await media.store.put(record.key, hashed, {
        contentType: contentTypeOf(record.format),
        bytes: entry.size,
      });
      const sha256 = hash.digest("hex");
      if (entry.size !== record.bytes || (record.sha256 && record.sha256 !== sha256)) {
        throw new BackupError(
          `The media object ${record.key} in ${file} does not match the database (size or SHA-256): the backup is damaged.`,
        );
      }
      if (record.location !== media.store.kind) {
        await media.repository.relocate(record, {
          location: media.store.kind,
          key: record.key,
          bytes: entry.size,
          sha256,
        });
      }
      objects++;
      bytes += entry.size;
    }
  }
  if (missing.length > 0) {
    throw new BackupError(
      `${missing.length} media object(s) the database names are not in ${file} (first: ${missing[0]}); the backup is incomplete.`,
    );
  }
  return { objects, bytes };
}

async function restoreDatabaseFile(
  url: string,
  file: string,
  kind: BackupKind,
  options: ToolOptions,
  shownFile = file,
): Promise<BackupKind> {
  const target = dialectOf(url);
  if (kind !== target) {
    throw new BackupError(
      `${shownFile} is a ${label(kind)} backup but DATABASE_URL (${redactUrl(url)}) is a ${label(target)} database; restore it into a ${label(kind)} DATABASE_URL.`,
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
