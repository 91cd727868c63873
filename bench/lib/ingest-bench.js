import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

/**
 * Wire ingest throughput: parse + validate + store (versions, search index, subjects,
 * ledger), through `WireIngest.ingest`, for generated ninjs and NewsML-G2 files of
 * `itemsPerFile` items each, into SQLite and (when reachable) PostgreSQL. Bounded: each
 * format × dialect stops after `maxMs` or `itemsPerRun` items, whichever comes first.
 * The items are invented here; no agency sample is read.
 * @param {{ repoRoot: string, postgresUrl?: string, itemsPerRun?: number, itemsPerFile?: number,
 *   maxMs?: number }} options
 */
export async function runIngestBench({
  repoRoot,
  postgresUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  itemsPerRun = 6000,
  itemsPerFile = 200,
  maxMs = 6000,
}) {
  const dist = (/** @type {string} */ file) => pathToFileURL(join(repoRoot, "dist", file)).href;
  const { openDatabase, migrateToLatest } = await import(dist("storage/database.js"));
  const { sqlRepositories } = await import(dist("storage/repositories.js"));
  const { buildServices } = await import(dist("main.js"));
  const { loadConfig } = await import(dist("config/config.js"));
  const { MediaObjects } = await import(dist("domain/media/media-objects.js"));
  const { DirectoryObjectStore } = await import(dist("media/directory-object-store.js"));
  const { Argon2PasswordHasher } = await import(dist("security/argon2-password-hasher.js"));
  const { BundledCommonPasswords } = await import(dist("security/common-password-list.js"));
  const { SharpImageProcessor } = await import(dist("media/sharp-image-processor.js"));
  const { systemActor } = await import(dist("domain/actor.js"));
  const { systemClock } = await import(dist("domain/clock.js"));
  const { default: pg } = await import("pg");
  const { pino } = await import("pino");

  /** @type {{ dialect: string, format: string, items: number, files: number, seconds: number, itemsPerSecond: number }[]} */
  const results = [];
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-ingest-bench-"));
  try {
    for (const dialect of ["sqlite", "postgres"]) {
      /** @type {(() => Promise<void>) | undefined} */
      let dropSchema;
      let database;
      if (dialect === "sqlite") {
        database = await openDatabase(`sqlite:${join(dir, "ingest.db")}`);
      } else {
        const schema = `bench_${process.pid}_${Date.now()}`;
        const admin = new pg.Client({ connectionString: postgresUrl });
        try {
          await admin.connect();
        } catch (error) {
          console.log(
            `bench: PostgreSQL unreachable at ${postgresUrl}; ingest into PostgreSQL skipped (${error instanceof Error ? error.message : error})`,
          );
          continue;
        }
        await admin.query(`create schema ${schema}`);
        await admin.end();
        database = await openDatabase(postgresUrl, { pgSchema: schema, pgPoolSize: 4 });
        dropSchema = async () => {
          const client = new pg.Client({ connectionString: postgresUrl });
          await client.connect();
          await client.query(`drop schema ${schema} cascade`);
          await client.end();
        };
      }
      try {
        await migrateToLatest(database);
        const repositories = sqlRepositories(database);
        // The wire desk exactly as the server composes it, with a default configuration.
        const desk = buildServices(repositories, {
          config: loadConfig({}),
          clock: systemClock,
          logger: pino({ level: "silent" }),
          hasher: new Argon2PasswordHasher(),
          commonPasswords: new BundledCommonPasswords(),
          images: new SharpImageProcessor({ maxPixels: 40_000_000 }),
          mediaObjects: new MediaObjects({
            repository: repositories.media,
            stores: { primary: new DirectoryObjectStore({ root: join(dir, "media") }) },
          }),
          onBannerChange: async () => {},
          wireListeners: [],
        }).wire;
        for (const format of ["ninjs", "newsml-g2"]) {
          const { source } = await desk.sources.add(systemActor("bench"), {
            kind: "push",
            name: `bench ${format}`,
            agencyCode: "BENCH",
            agencyName: "Bench Agency",
            serviceId: "en",
            maxBytes: 50 * 1024 * 1024,
          });
          const files = Math.ceil(itemsPerRun / itemsPerFile);
          const documents = Array.from({ length: files }, (_, f) =>
            format === "ninjs"
              ? ninjsFile(`${dialect}-${f}`, itemsPerFile)
              : newsmlG2File(`${dialect}-${f}`, itemsPerFile),
          );
          // Warm-up: one file, not counted (JIT, prepared statements).
          await desk.ingest.ingest(source, { bytes: documents[0], filename: "warmup" });
          let items = 0;
          let done = 0;
          const started = performance.now();
          for (let f = 1; f < documents.length; f++) {
            const report = await desk.ingest.ingest(source, {
              bytes: documents[f],
              filename: `f${f}`,
            });
            if (report.status !== "ingested" || report.newItems !== itemsPerFile) {
              throw new Error(`ingest bench: file ${f} gave ${JSON.stringify(report)}`);
            }
            items += report.newItems;
            done += 1;
            if (performance.now() - started > maxMs) break;
          }
          const seconds = (performance.now() - started) / 1000;
          results.push({
            dialect,
            format,
            items,
            files: done,
            seconds,
            itemsPerSecond: items / seconds,
          });
        }
      } finally {
        await database.close();
        await dropSchema?.();
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}

const paragraphs = [
  "The harbour authority said the ferry would resume its timetable on Monday after winter repairs.",
  "Officials expect passenger numbers to return to pre-repair levels within a fortnight.",
  "Local traders welcomed the news, saying the closure had cost them a third of their usual trade.",
];

/** @param {string} prefix @param {number} count */
function ninjsFile(prefix, count) {
  const items = Array.from({ length: count }, (_, i) => ({
    uri: `urn:bench:ninjs:${prefix}:${i}`,
    type: "text",
    version: "1",
    versioncreated: new Date(Date.UTC(2031, 0, 1, 0, 0, i)).toISOString(),
    pubstatus: "usable",
    language: "en",
    urgency: (i % 9) + 1,
    headlines: [{ value: `Harbour ferry ${prefix} ${i} returns after repairs` }],
    descriptions: [{ value: "The island ferry resumes its timetable." }],
    bodies: [
      {
        contentType: "text/html",
        value: paragraphs.map((p) => `<p>${p} (${i})</p>`).join(""),
      },
    ],
    subjects: [{ code: "medtop:20000500", name: "transport" }],
    by: "Bench Reporter",
  }));
  return new TextEncoder().encode(JSON.stringify(items));
}

/** @param {string} prefix @param {number} count */
function newsmlG2File(prefix, count) {
  const items = Array.from(
    { length: count },
    (
      _,
      i,
    ) => `<newsItem guid="urn:bench:g2:${prefix}:${i}" version="1" standard="NewsML-G2" standardversion="2.35" xml:lang="en">
<itemMeta><itemClass qcode="ninat:text"/><provider literal="Bench Agency"/><versionCreated>${new Date(Date.UTC(2031, 0, 1, 0, 0, i)).toISOString()}</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
<contentMeta><urgency>${(i % 9) + 1}</urgency><language tag="en"/><subject qcode="medtop:20000500"><name>transport</name></subject><headline>Harbour ferry ${prefix} ${i} returns after repairs</headline><description role="drol:summary">The island ferry resumes its timetable.</description></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${paragraphs.map((p) => `<p>${p} (${i})</p>`).join("")}</body></html></inlineXML></contentSet>
</newsItem>`,
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2031-01-01T00:00:00Z</sent><sender>bench.example</sender></header><itemSet>${items.join("\n")}</itemSet></newsMessage>`;
  return new TextEncoder().encode(xml);
}

// `node bench/lib/ingest-bench.js` runs it alone (after `npm run build`).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { dirname } = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const repoRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  const results = await runIngestBench({ repoRoot });
  for (const r of results) {
    console.log(
      `${r.format.padEnd(9)} → ${r.dialect.padEnd(8)} ${r.itemsPerSecond.toFixed(0).padStart(6)} items/s (${r.items} items in ${r.seconds.toFixed(2)} s)`,
    );
  }
}
