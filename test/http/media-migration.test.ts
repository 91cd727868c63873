import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { loadConfig } from "../../src/config/config.js";
import { drawDemoImage } from "../../src/demo/demo-images.js";
import { systemActor } from "../../src/domain/actor.js";
import { createNewsdesk, type Newsdesk } from "../../src/main.js";
import { MediaSqlRepository } from "../../src/storage/media-sql-repository.js";
import { captureOutput } from "../support/capture-output.js";
import { startLocalS3 } from "../support/local-s3.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * `newsdesk media migrate` without downtime: servers restarted with the new MEDIA_STORE
 * (and the old one as MEDIA_PREVIOUS_STORE) keep answering every image with the right
 * bytes while the command moves them, dir → s3 and back s3 → dir, bytes still kept in the
 * database by an older install included.
 */

function filesUnder(root: string): string[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

describe.each(dialects)("newsdesk media migrate on %s", (dialect) => {
  let s3: Awaited<ReturnType<typeof startLocalS3>>;
  let first: Newsdesk & { dispose(): Promise<void> };
  const others: Newsdesk[] = [];
  const dirA = mkdtempSync(join(tmpdir(), "newsdesk-migrate-a-"));
  const dirB = mkdtempSync(join(tmpdir(), "newsdesk-migrate-b-"));
  /** Every rendition's path and the bytes it must answer with. */
  const expected = new Map<string, Buffer>();

  beforeAll(async () => {
    s3 = await startLocalS3();
    for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
    first = await startTestNewsdesk(dialect, {
      seed: false,
      env: { MEDIA_STORE: `dir:${dirA}` },
    });
    for (const [index, shapes] of (["city", "convoy", "city"] as const).entries()) {
      const bytes = await drawDemoImage(
        { sky: ["#123", "#abc"], ground: "#432", accent: `#a${index}${index}`, shapes },
        960,
        540,
      );
      await first.services.media.upload(systemActor("migrate test"), bytes, {
        caption: `Image ${index}`,
        credit: "",
        alt: "",
        focalX: 0.5,
        focalY: 0.5,
        rightsSource: "",
        rightsUsage: "",
      });
    }
    // One rendition as an install from before media stores kept it: bytes in the database.
    const legacy = Buffer.from(new Uint8Array(3000).map((_, i) => (i * 7) % 256));
    const someAsset = await first.database.db
      .selectFrom("media")
      .select("id")
      .executeTakeFirstOrThrow();
    await first.database.db
      .insertInto("media_renditions")
      .values({
        media_id: someAsset.id,
        name: "1x1-320.webp",
        shape: "1x1",
        format: "webp",
        width: 320,
        height: 320,
        data: legacy,
      })
      .execute();
    const rows = await first.database.db
      .selectFrom("media_renditions")
      .select(["media_id", "name"])
      .where("name", "<>", "source")
      .execute();
    for (const row of rows) {
      const path = `/media/${row.media_id}/${row.name}`;
      const response = await first.app.request(path);
      expect(response.status, path).toBe(200);
      expected.set(path, Buffer.from(await response.arrayBuffer()));
    }
    expect(expected.get(`/media/${someAsset.id}/1x1-320.webp`)).toEqual(legacy);
  }, 120_000);

  afterAll(async () => {
    for (const newsdesk of others) await newsdesk.close();
    await first?.dispose();
    await s3?.close();
    vi.unstubAllEnvs();
    rmSync(dirA, { recursive: true, force: true });
    rmSync(dirB, { recursive: true, force: true });
  });

  /** A server on the same database, restarted with other media settings. */
  async function restartedServer(env: Record<string, string>): Promise<Newsdesk> {
    const newsdesk = await createNewsdesk(
      loadConfig({
        DATABASE_URL: first.config.databaseUrl,
        LOG_LEVEL: "silent",
        SEED_DEMO: "never",
        PUBLIC_URL: "https://news.example.org",
        ...s3.env,
        ...env,
      }),
      { seed: false },
    );
    others.push(newsdesk);
    return newsdesk;
  }

  /** Requests every image again and again until stopped; counts wrong answers. */
  function keepServing(server: Newsdesk) {
    let stop = false;
    let requests = 0;
    const wrong: string[] = [];
    const done = (async () => {
      while (!stop) {
        for (const [path, bytes] of expected) {
          const response = await server.app.request(path);
          const body = Buffer.from(await response.arrayBuffer());
          requests++;
          if (response.status !== 200 || !body.equals(bytes)) {
            wrong.push(`${path}: ${response.status}, ${body.byteLength} bytes`);
          }
          if (stop) break;
        }
      }
    })();
    return {
      stop: async () => {
        stop = true;
        await done;
        return { requests, wrong };
      },
    };
  }

  async function migrate(args: string[], env: Record<string, string>) {
    const io = captureOutput();
    const code = await runCli(["media", ...args], {
      ...process.env,
      DATABASE_URL: first.config.databaseUrl,
      ...s3.env,
      ...env,
    });
    vi.restoreAllMocks();
    return { code, out: io.out(), err: io.err() };
  }

  async function locations() {
    return new MediaSqlRepository(first.database.db).countByLocation();
  }

  it("moves dir → s3 and back s3 → dir while a server keeps answering every image", async () => {
    const total = expected.size + 3; // the renditions and each asset's original
    expect(await locations()).toMatchObject({
      db: { objects: 1 },
      dir: { objects: total - 1 },
      s3: { objects: 0 },
    });

    const toS3 = { MEDIA_STORE: `s3://${s3.bucket}/newsdesk`, MEDIA_PREVIOUS_STORE: `dir:${dirA}` };
    const serving = keepServing(await restartedServer(toS3));
    const moved = await migrate(["migrate", "--to", "s3", "--concurrency", "2"], toS3);
    const during = await serving.stop();
    expect(moved.err.replace(/[^\n]*\r/g, "")).toBe("");
    expect(moved.code).toBe(0);
    expect(moved.out).toMatch(
      new RegExp(`^Moved ${total} objects \\([\\d.]+ MB\\) to the s3 store`),
    );
    expect(during.wrong).toEqual([]);
    expect(during.requests).toBeGreaterThan(expected.size);
    expect(await locations()).toMatchObject({
      db: { objects: 0 },
      dir: { objects: 0 },
      s3: { objects: total },
    });
    // The originals are gone from the directory; no bytes are left in the database.
    expect(filesUnder(dirA)).toEqual([]);
    const heavy = await first.database.db
      .selectFrom("media_renditions")
      .select("name")
      .where((eb) => eb(eb.fn("length", ["data"]), ">", 0))
      .execute();
    expect(heavy).toEqual([]);

    // Resumable and idempotent: a second run finds nothing left.
    const again = await migrate(["migrate", "--to", "s3"], toS3);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^Moved 0 objects/);

    const toDir = {
      MEDIA_STORE: `dir:${dirB}`,
      MEDIA_PREVIOUS_STORE: `s3://${s3.bucket}/newsdesk`,
    };
    const servingBack = keepServing(await restartedServer(toDir));
    const back = await migrate(["migrate", "--to", "dir"], toDir);
    const duringBack = await servingBack.stop();
    expect(back.code).toBe(0);
    expect(back.out).toMatch(new RegExp(`^Moved ${total} objects`));
    expect(duringBack.wrong).toEqual([]);
    expect(await locations()).toMatchObject({ dir: { objects: total }, s3: { objects: 0 } });
    expect(filesUnder(dirB).length).toBe(total);
    const listed = await fetch(`${s3.endpoint}/${s3.bucket}?list-type=2&prefix=newsdesk/`);
    expect(await listed.text()).not.toContain("<Key>");

    const status = await migrate(["status"], toDir);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(new RegExp(`^dir +${total} objects`, "m"));
  }, 180_000);

  it("refuses --to a kind MEDIA_STORE is not, and bad arguments", async () => {
    const wrongKind = await migrate(["migrate", "--to", "s3"], { MEDIA_STORE: `dir:${dirB}` });
    expect(wrongKind.code).toBe(1);
    expect(wrongKind.err).toContain("--to s3, but MEDIA_STORE is a dir store");
    expect((await migrate(["migrate"], {})).code).toBe(2);
    expect((await migrate(["migrate", "--to", "ftp"], {})).code).toBe(2);
    expect((await migrate(["migrate", "--to", "dir", "--concurrency", "0"], {})).code).toBe(2);
    expect((await migrate(["shuffle"], {})).code).toBe(2);
  });
});
