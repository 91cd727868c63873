import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { systemActor } from "../../src/domain/actor.js";
import { newId } from "../../src/domain/ids.js";
import { MediaObjects } from "../../src/domain/media/media-objects.js";
import { StoryService } from "../../src/domain/stories/story-service.js";
import { DirectoryObjectStore } from "../../src/media/directory-object-store.js";
import { tableRowCounts } from "../../src/storage/backup.js";
import {
  type Database,
  migrateToLatest,
  openDatabase,
  type SqlDialectName,
} from "../../src/storage/database.js";
import { type Repositories, sqlRepositories } from "../../src/storage/repositories.js";
import { captureOutput } from "../support/capture-output.js";
import { seedCatalog, storyContent } from "../support/story-fixtures.js";
import { fixedClock } from "../support/test-clock.js";
import { dialects, postgresUrl } from "../support/test-databases.js";

/**
 * `newsdesk backup` while a writer commits, then `newsdesk restore` into a fresh database:
 * the restored data must be one consistent snapshot (the writer's operations are sequential,
 * so the snapshot holds exactly its first k operations), media bytes intact and carried from
 * the source's media store to the target's.
 */

const actor = systemActor("backup test");
const dir = mkdtempSync(join(tmpdir(), "newsdesk-backup-"));
const createdDatabases: string[] = [];

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!createdDatabases.length) return;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  for (const name of createdDatabases) {
    await admin.query(`drop database if exists ${name} with (force)`);
  }
  await admin.end();
});

/** A new, empty database of the dialect: a file path or a database made for the test. */
async function freshDatabaseUrl(dialect: SqlDialectName): Promise<string> {
  if (dialect === "sqlite") return `sqlite:${join(dir, `${newId(8)}.db`)}`;
  const name = `nd_backup_${newId(10).toLowerCase()}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  createdDatabases.push(name);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Each database has its own media directory, so a restore cannot find its media by accident. */
const mediaDirs = new Map<string, string>();
function mediaDirOf(databaseUrl: string): string {
  let path = mediaDirs.get(databaseUrl);
  if (!path) {
    path = join(dir, `media-${newId(8)}`);
    mediaDirs.set(databaseUrl, path);
  }
  return path;
}

async function cli(args: string[], databaseUrl: string) {
  const io = captureOutput();
  const code = await runCli(args, {
    ...process.env,
    DATABASE_URL: databaseUrl,
    MEDIA_STORE: `dir:${mediaDirOf(databaseUrl)}`,
  });
  vi.restoreAllMocks();
  return { code, out: io.out(), err: io.err() };
}

function mediaBytes(i: number): Uint8Array {
  const bytes = new Uint8Array(2000 + i * 131);
  for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 7 + i * 13) % 256;
  return bytes;
}

/** An asset's original and rendition, written to the media store; their records. */
async function writeObjects(objects: MediaObjects, i: number) {
  const bytes = mediaBytes(i);
  const mediaId = newId();
  const records = [
    { name: "source", shape: "source", format: "png", width: 10 + i, height: 10, data: bytes },
    {
      name: "16x9-320.webp",
      shape: "16x9",
      format: "webp",
      width: 320,
      height: 180,
      data: bytes.slice(0, 500),
    },
  ] as const;
  const objectRecords = [];
  for (const { data, ...info } of records) {
    const where = await objects.write(mediaId, info.name, info.format, data);
    objectRecords.push({ ...info, mediaId, ...where });
  }
  return { mediaId, objectRecords };
}

/** Sequential writes through the real service and repositories, until stopped. */
async function startWriter(repos: Repositories, objects: MediaObjects) {
  const ahead = await Promise.all(Array.from({ length: 150 }, (_, i) => writeObjects(objects, i)));
  const stories = new StoryService({ ...repos, clock: fixedClock("2026-12-01T10:00:00.000Z") });
  const log = { storyIds: [] as string[], mediaIds: [] as string[], userIds: [] as string[] };
  let stop = false;
  let operations = 0;
  const done = (async () => {
    for (let i = 0; !stop; i++) {
      const { story } = await stories.create(actor, {
        serviceId: "en",
        content: storyContent({ headline: `Written during backup ${i}` }),
      });
      log.storyIds.push(story.id);
      operations++;
      const bytes = mediaBytes(i);
      // The objects were written to the media store ahead (objects precede their rows, as
      // in MediaService): the writer's operations stay database commits, so several land
      // while the backup runs, as before media stores.
      const { mediaId, objectRecords } = await (ahead[i] ?? writeObjects(objects, i));
      await repos.media.insert(
        {
          id: mediaId,
          mime: "image/png",
          width: 10 + i,
          height: 10,
          bytes: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          caption: `Asset ${i}`,
          credit: "",
          alt: "",
          focalX: 0.5,
          focalY: 0.5,
          rightsSource: "",
          rightsUsage: "",
          createdAt: "2026-12-01T10:00:00.000Z",
        },
        objectRecords,
      );
      log.mediaIds.push(mediaId);
      operations++;
      const userId = newId();
      await repos.users.insertUser(
        {
          id: userId,
          email: `writer-${i}@example.test`,
          displayName: `Writer ${i}`,
          isAdmin: false,
          createdAt: "2026-12-01T10:00:00.000Z",
          disabledAt: null,
          personId: null,
        },
        "not-a-real-hash",
        [{ serviceId: "en", role: "reporter" }],
      );
      log.userIds.push(userId);
      operations++;
      // Let the backup (and anything else) have the event loop between operations.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  return {
    log,
    operations: () => operations,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

async function counts(database: Database): Promise<Map<string, number>> {
  return new Map((await tableRowCounts(database)).map((c) => [c.table, c.rows]));
}

async function ids(database: Database, table: "stories" | "media" | "users"): Promise<Set<string>> {
  const rows = await database.db.selectFrom(table).select("id").execute();
  return new Set(rows.map((r) => r.id));
}

describe.each(dialects)("newsdesk backup and restore on %s", (dialect) => {
  let sourceUrl: string;
  let source: Database;
  let repos: Repositories;
  let objects: MediaObjects;

  beforeAll(async () => {
    sourceUrl = await freshDatabaseUrl(dialect);
    source = await openDatabase(sourceUrl);
    await migrateToLatest(source);
    repos = sqlRepositories(source);
    await seedCatalog(repos);
    objects = new MediaObjects({
      repository: repos.media,
      stores: { primary: new DirectoryObjectStore({ root: mediaDirOf(sourceUrl) }) },
    });
  });
  afterAll(async () => {
    await source.close();
  });

  it("backs up during writes and restores one consistent snapshot with every row and media file", async () => {
    const writer = await startWriter(repos, objects);
    while (writer.operations() < 15) await new Promise((resolve) => setTimeout(resolve, 5));
    const before = await counts(source);
    const file = join(dir, `during-writes-${dialect}.backup`);
    const atStart = writer.operations();
    const backup = await cli(["backup", "--out", file], sourceUrl);
    const atEnd = writer.operations();
    await writer.stop();
    const after = await counts(source);
    expect(backup.err).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.out).toContain(`Backed up`);
    expect(atEnd).toBeGreaterThan(atStart);

    const targetUrl = await freshDatabaseUrl(dialect);
    const restore = await cli(["restore", file], targetUrl);
    expect(restore.err).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.out).toMatch(/Restored .* \d+ tables, [\d,]+ rows\./);
    expect(restore.out).toContain("Schema is up to date.");
    expect(restore.out).toMatch(/ {2}stories +\d+/);

    const target = await openDatabase(targetUrl);
    try {
      // Every table: rows untouched by the writer are all there; the others lie between the
      // counts before the backup began and after it ended.
      const restored = await counts(target);
      expect([...restored.keys()].sort()).toEqual([...after.keys()].sort());
      for (const [table, rows] of restored) {
        const low = before.get(table) ?? 0;
        const high = after.get(table) ?? 0;
        if (low === high) expect({ table, rows }).toEqual({ table, rows: low });
        else {
          expect(rows, table).toBeGreaterThanOrEqual(low);
          expect(rows, table).toBeLessThanOrEqual(high);
        }
      }

      // A snapshot holds exactly a prefix of the writer's sequential operations.
      const stories = await ids(target, "stories");
      const media = await ids(target, "media");
      const users = await ids(target, "users");
      const s = writer.log.storyIds.filter((id) => stories.has(id)).length;
      const m = writer.log.mediaIds.filter((id) => media.has(id)).length;
      const u = writer.log.userIds.filter((id) => users.has(id)).length;
      expect(writer.log.storyIds.slice(0, s).every((id) => stories.has(id))).toBe(true);
      expect(writer.log.mediaIds.slice(0, m).every((id) => media.has(id))).toBe(true);
      expect(writer.log.userIds.slice(0, u).every((id) => users.has(id))).toBe(true);
      expect(s + m + u).toBeGreaterThanOrEqual(atStart);
      expect(s + m + u).toBeLessThanOrEqual(atEnd);
      expect([s - 1, s]).toContain(m);
      expect([m - 1, m]).toContain(u);

      // Every story has its revision; every user their grant; no dangling references.
      const orphans = await target.db
        .selectFrom("stories")
        .leftJoin("story_revisions", "story_revisions.story_id", "stories.id")
        .where("story_revisions.id", "is", null)
        .select("stories.id")
        .execute();
      expect(orphans).toEqual([]);
      const grants = await target.db.selectFrom("user_grants").select("user_id").execute();
      for (const id of writer.log.userIds.slice(0, u)) {
        expect(grants.some((g) => g.user_id === id)).toBe(true);
      }
      if (dialect === "sqlite") {
        expect((await sql`select * from pragma_foreign_key_check`.execute(target.db)).rows).toEqual(
          [],
        );
      }

      // Every media file restored byte for byte, with its rendition, into the target's own
      // media store (another directory than the source's).
      const targetRepos = sqlRepositories(target);
      const restoredObjects = new MediaObjects({
        repository: targetRepos.media,
        stores: { primary: new DirectoryObjectStore({ root: mediaDirOf(targetUrl) }) },
      });
      expect(mediaDirOf(targetUrl)).not.toBe(mediaDirOf(sourceUrl));
      expect(restore.out).toContain(`Media: ${2 * m} objects`);
      for (const [i, id] of writer.log.mediaIds.slice(0, m).entries()) {
        const original = await objects.readAll(id, "source");
        expect(Buffer.from(original ?? [])).toEqual(Buffer.from(mediaBytes(i)));
        const copy = await restoredObjects.readAll(id, "source");
        expect(Buffer.from(copy ?? [])).toEqual(Buffer.from(mediaBytes(i)));
        const rendition = await restoredObjects.readAll(id, "16x9-320.webp");
        expect(Buffer.from(rendition ?? [])).toEqual(Buffer.from(mediaBytes(i).slice(0, 500)));
        const renditions = await target.db
          .selectFrom("media_renditions")
          .where("media_id", "=", id)
          .select(["name", "store"])
          .execute();
        expect(renditions.map((r) => `${r.name}@${r.store}`).sort()).toEqual([
          "16x9-320.webp@dir",
          "source@dir",
        ]);
        // Only metadata and keys in the database.
        expect(await targetRepos.media.readDatabaseBytes(id, "source")).toBeUndefined();
      }
    } finally {
      await target.close();
    }

    // The backup is a plain tar archive: standard tools list and unpack it.
    const listing = execFileSync("tar", ["-tf", file], { encoding: "utf8" }).split("\n");
    expect(listing.slice(0, 2)).toEqual([
      "newsdesk-backup.json",
      dialect === "sqlite" ? "database.sqlite" : "database.pgdump",
    ]);
    expect(listing.filter((name) => name.startsWith("objects/media/")).length).toBeGreaterThan(0);
    if (dialect === "sqlite") {
      // Its database is one self-contained SQLite file (no -wal needed to read it).
      const unpacked = join(dir, `unpacked-${newId(6)}`);
      mkdirSync(unpacked);
      execFileSync("tar", ["-xf", file, "-C", unpacked, "database.sqlite"]);
      const copy = new SqliteDatabase(join(unpacked, "database.sqlite"), { readonly: true });
      try {
        expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
        expect(copy.prepare("select count(*) from stories").pluck().get()).toBeGreaterThan(0);
      } finally {
        copy.close();
      }
    }
  }, 120_000);

  it("refuses to restore into a database that already has Newsdesk tables", async () => {
    const file = join(dir, `refuse-${dialect}.backup`);
    expect((await cli(["backup", "--out", file], sourceUrl)).code).toBe(0);
    const result = await cli(["restore", file], sourceUrl);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /is not empty: it has \d+ table\(s\) \(.*\)\. Restore only into an empty database/,
    );
    expect((await counts(source)).get("stories")).toBeGreaterThan(0);
  }, 60_000);

  it("refuses to overwrite an existing file", async () => {
    const file = join(dir, `exists-${dialect}.backup`);
    writeFileSync(file, "keep me");
    const result = await cli(["backup", "--out", file], sourceUrl);
    expect(result.code).toBe(1);
    expect(result.err).toContain("already exists");
  });

  it("refuses a backup made from the other kind of database", async () => {
    const other: SqlDialectName = dialect === "sqlite" ? "postgres" : "sqlite";
    const otherUrl = await freshDatabaseUrl(other);
    const otherDb = await openDatabase(otherUrl);
    await migrateToLatest(otherDb);
    await otherDb.close();
    const file = join(dir, `other-${other}.backup`);
    expect((await cli(["backup", "--out", file], otherUrl)).code).toBe(0);
    const result = await cli(["restore", file], await freshDatabaseUrl(dialect));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      other === "sqlite"
        ? /is a SQLite backup but DATABASE_URL .* is a PostgreSQL database/
        : /is a PostgreSQL backup but DATABASE_URL .* is a SQLite database/,
    );
  }, 60_000);
});

describe("backups made before media stores", () => {
  it("restore as they are: images whose bytes are in the database stay served from there", async () => {
    const sourceUrl = await freshDatabaseUrl("sqlite");
    const source = await openDatabase(sourceUrl);
    const bytes = mediaBytes(3);
    try {
      await migrateToLatest(source);
      await source.db
        .insertInto("media")
        .values({
          id: "legacy000001",
          mime: "image/png",
          width: 10,
          height: 10,
          bytes: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          caption: "",
          credit: "",
          alt: "",
          focal_x: 0.5,
          focal_y: 0.5,
          rights_source: "",
          rights_usage: "",
          created_at: "2026-12-01T10:00:00.000Z",
        })
        .execute();
      await source.db
        .insertInto("media_renditions")
        .values({
          media_id: "legacy000001",
          name: "16x9-320.webp",
          shape: "16x9",
          format: "webp",
          width: 320,
          height: 180,
          data: bytes,
        })
        .execute();
    } finally {
      await source.close();
    }
    // The old format: one bare SQLite file made with SQLite's backup API.
    const file = join(dir, "before-media-stores.backup");
    const native = new SqliteDatabase(sourceUrl.slice("sqlite:".length));
    await native.backup(file);
    native.close();

    const targetUrl = await freshDatabaseUrl("sqlite");
    const restore = await cli(["restore", file], targetUrl);
    expect(restore.err).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.out).not.toContain("Media:");
    const target = await openDatabase(targetUrl);
    try {
      const repository = sqlRepositories(target).media;
      const objects = new MediaObjects({
        repository,
        stores: { primary: new DirectoryObjectStore({ root: mediaDirOf(targetUrl) }) },
      });
      expect((await repository.findObject("legacy000001", "16x9-320.webp"))?.location).toBe("db");
      expect(Buffer.from((await objects.readAll("legacy000001", "16x9-320.webp")) ?? [])).toEqual(
        Buffer.from(bytes),
      );
    } finally {
      await target.close();
    }
  }, 60_000);
});

describe("newsdesk backup and restore errors", () => {
  it("refuses a file that is not a backup", async () => {
    const file = join(dir, "notes.txt");
    writeFileSync(file, "just some text, not a database");
    const result = await cli(["restore", file], await freshDatabaseUrl("sqlite"));
    expect(result.code).toBe(1);
    expect(result.err).toContain("is not a Newsdesk backup");
  });

  it("names the Debian package when pg_dump is missing, and never prints the password", async () => {
    const io = captureOutput();
    const url = postgresUrl.replace("//postgres@", "//postgres:s3cret-pw@");
    const code = await runCli(["backup", "--out", join(dir, "no-tools.backup")], {
      ...process.env,
      PATH: join(dir, "no-such-bin"),
      DATABASE_URL: url,
    });
    expect(code).toBe(1);
    expect(io.err()).toContain("pg_dump was not found on PATH");
    expect(io.err()).toContain("apt install postgresql-client");
    expect(io.err() + io.out()).not.toContain("s3cret-pw");
  });

  it("never prints the PostgreSQL password when the target cannot be reached", async () => {
    const file = join(dir, "fake.dump");
    writeFileSync(file, "PGDMP not really an archive");
    const result = await cli(["restore", file], "postgres://postgres:s3cret-pw@127.0.0.1:1/nd");
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      "Cannot reach the database at postgres://postgres:***@127.0.0.1:1/nd",
    );
    expect(result.err + result.out).not.toContain("s3cret-pw");
  });

  it("is listed in the help", async () => {
    const result = await cli(["--help"], "sqlite::memory:");
    expect(result.out).toContain("backup --out <file>");
    expect(result.out).toContain("restore <file>");
  });

  it("explains usage mistakes with exit code 2", async () => {
    expect((await cli(["backup"], "sqlite::memory:")).code).toBe(2);
    expect((await cli(["restore"], "sqlite::memory:")).code).toBe(2);
    expect((await cli(["backup", "--out", "x", "--timeout", "0"], "sqlite::memory:")).code).toBe(2);
  });
});
