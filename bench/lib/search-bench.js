import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { summarize } from "./stats.js";

/**
 * Search latency on a large newsroom: `stories` generated published stories spread
 * over services of every script class (Latin, Cyrillic, Serbian, Persian, Arabic, Ethiopic,
 * Chinese, Thai), loaded in bulk straight into `stories` and the search index (the same
 * `searchDocumentFor` folding as publishing), then reader searches through
 * `SearchService.inService` (SQL, ranking and snippets) one at a time: p50/p95/p99.
 * Bounded: loading stops at `maxLoadMs`, querying at `maxQueryMs` or `queries` queries.
 * The text is generated from per-script syllables; no real corpus is read.
 * @param {{ repoRoot: string, dialect: "sqlite" | "postgres", databaseUrl: string,
 *   stories?: number, queries?: number, maxLoadMs?: number, maxQueryMs?: number,
 *   reuse?: boolean, log?: (line: string) => void }} options
 * `reuse` keeps stories already loaded by an earlier run on the same database (for tuning).
 */
export async function runSearchBench({
  repoRoot,
  dialect,
  databaseUrl,
  stories = 100_000,
  queries = 300,
  maxLoadMs = 120_000,
  maxQueryMs = 20_000,
  reuse = false,
  log = () => undefined,
}) {
  const dist = (/** @type {string} */ file) => pathToFileURL(join(repoRoot, "dist", file)).href;
  const { openDatabase, migrateToLatest } = await import(dist("storage/database.js"));
  const { searchDocumentFor, writeSearchDocuments } = await import(dist("storage/search-index.js"));
  const { SearchSqlRepository } = await import(dist("storage/search-sql-repository.js"));
  const { SearchService } = await import(dist("domain/search/search-service.js"));
  const { sql } = await import("kysely");

  const database = await openDatabase(databaseUrl);
  try {
    await migrateToLatest(database);
    const db = database.db;
    const random = mulberry32(20261124);
    const now = Date.parse("2026-11-24T12:00:00Z");
    const mix = /** @type {const} */ ([
      ["en", 0.3],
      ["ru", 0.12],
      ["sr", 0.05],
      ["fa", 0.13],
      ["ar", 0.1],
      ["am", 0.05],
      ["zh-Hans", 0.15],
      ["th", 0.1],
    ]);
    const vocab = Object.fromEntries(mix.map(([id]) => [id, vocabulary(id, random)]));
    const pick = () => {
      let r = random();
      for (const [id, share] of mix) {
        r -= share;
        if (r <= 0) return id;
      }
      return "en";
    };

    const started = performance.now();
    const batch = dialect === "postgres" ? 500 : 400;
    let loaded = 0;
    if (reuse) {
      const present = await sql`select count(*) as n from story_search`.execute(db);
      // The probes come from the vocabularies alone, so they stay the same.
      if (Number(present.rows[0]?.n ?? 0) >= stories) loaded = stories;
    }
    while (loaded < stories && performance.now() - started < maxLoadMs) {
      const rows = [];
      for (let i = 0; i < batch && loaded + i < stories; i += 1) {
        const n = loaded + i;
        const serviceId = pick();
        const words = vocab[serviceId] ?? [];
        const text = (count) => sentence(words, count, serviceId, random);
        const published = new Date(now - Math.floor(random() * 365 * 86_400_000)).toISOString();
        const id = `b${n.toString(36).padStart(11, "0")}`;
        const doc = searchDocumentFor({
          storyId: id,
          serviceId,
          publishedAt: published,
          updatedAt: null,
          headline: text(8),
          bodyText: text(70),
        });
        rows.push({ id, serviceId, published, doc });
      }
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto("stories")
          .values(
            rows.map((r) => ({
              id: r.id,
              service_id: r.serviceId,
              family_id: r.id,
              status: "published",
              current_revision_id: `r${r.id}`,
              current_revision_number: 1,
              published_revision_id: `r${r.id}`,
              first_published_at: r.published,
              last_modified_at: r.published,
              created_at: r.published,
              headline: r.doc.headline,
              standfirst: "",
              slug: "story",
              section: "world",
            })),
          )
          .execute();
        // The same writer as bulk seeding; SQLite triggers fill the FTS5 tables (0007).
        await writeSearchDocuments(
          trx,
          dialect,
          rows.map((r) => r.doc),
        );
      });
      loaded += rows.length;
      if (loaded % 20_000 < batch) log(`search bench (${dialect}): ${loaded} stories loaded`);
    }
    const loadSeconds = (performance.now() - started) / 1000;
    // A steady-state newsroom: autovacuum has merged the GIN pending list and set the
    // visibility map; right after a bulk load only an explicit VACUUM has.
    if (dialect === "postgres") await sql`vacuum analyze story_search`.execute(db);

    // Queries: one- and two-word searches per script class, common and rare words, and
    // two- and four-character Chinese terms (below and above the trigram size).
    const service = new SearchService({
      search: new SearchSqlRepository(db, database.dialect),
      clock: { now: () => new Date(now) },
    });
    const probes = [];
    for (const [serviceId] of mix) {
      const words = vocab[serviceId] ?? [];
      const spaced = serviceId !== "zh-Hans" && serviceId !== "th";
      probes.push([serviceId, words[0] ?? ""]);
      probes.push([serviceId, words[words.length - 1] ?? ""]);
      probes.push([serviceId, spaced ? `${words[1]} ${words[7]}` : `${words[1]}${words[2]}`]);
      if (!spaced) probes.push([serviceId, (words[3] ?? "").slice(0, 2)]);
    }
    for (const [serviceId, q] of probes.slice(0, 6))
      await service.inService({ id: serviceId }, q, 1);
    /** @type {number[]} */
    const samples = [];
    /** @type {Map<string, { ms: number[], total: number }>} */
    const byProbe = new Map();
    let hits = 0;
    const queryStart = performance.now();
    for (let i = 0; i < queries && performance.now() - queryStart < maxQueryMs; i += 1) {
      const [serviceId, q] = probes[i % probes.length] ?? ["en", "x"];
      const t0 = performance.now();
      const result = await service.inService({ id: serviceId }, q, 1 + (i % 3));
      const ms = performance.now() - t0;
      samples.push(ms);
      hits += result.total > 0 ? 1 : 0;
      const key = `${serviceId} ${q}`;
      const probe = byProbe.get(key) ?? { ms: [], total: result.total };
      probe.ms.push(ms);
      byProbe.set(key, probe);
    }
    return {
      dialect,
      stories: loaded,
      loadSeconds,
      queries: samples.length,
      queriesWithHits: hits,
      ...summarize(samples),
      p95Ms: percentile(samples, 95),
      // Per probe: its median and worst latency and the total it reported.
      probes: [...byProbe].map(([probe, { ms, total }]) => ({
        probe,
        total,
        p50Ms: Math.round(percentile(ms, 50) * 10) / 10,
        maxMs: Math.round(Math.max(...ms) * 10) / 10,
      })),
    };
  } finally {
    await database.close();
  }
}

/** @param {number[]} samples @param {number} p */
function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** A small deterministic PRNG so every run searches the same newsroom. @param {number} seed */
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Syllables per script, from which invented words are built. */
const syllables = {
  en: "ka ro mi ten sal har bor vel dun ost lin pre mar cos tal rin".split(" "),
  ru: "ка ро ми тен сал хар бор вел дун ост лин пре мар кос тал рин".split(" "),
  sr: "ка ро ми тен сал хар бор вељ дун ост љин пре мар кош тал њин".split(" "),
  fa: "کا رو می تن سال هار بور ول دون است لین پر مار کوس تال رین".split(" "),
  ar: "كا رو مي تن سال هار بور ول دون است لين بر مار كوس تال رين".split(" "),
  am: "ካ ሮ ሚ ቴን ሳል ሃር ቦር ቬል ዱን ኦስ ሊን ፕሬ ማር ኮስ ታል ሪን".split(" "),
  "zh-Hans": "港 口 谈 判 援 助 车 队 滞 留 边 境 河 流 水 位 收 成 城 市 医 院 政 府".split(" "),
  th: "ข่าว ด่วน น้ำ ท่วม เมือง ถนน รถ ไฟ ฝน ตก หนัก ชาว นา ข้าว ราคา ตลาด".split(" "),
};

/** 400 distinct words; the first are the most frequent (Zipf-like sampling in `sentence`). */
function vocabulary(serviceId, random) {
  const parts = syllables[serviceId] ?? syllables.en;
  const words = new Set();
  while (words.size < 400) {
    const length = serviceId === "zh-Hans" ? 2 : 2 + Math.floor(random() * 2);
    let word = "";
    for (let i = 0; i < length; i += 1) word += parts[Math.floor(random() * parts.length)];
    words.add(word);
  }
  return [...words];
}

function sentence(words, count, serviceId, random) {
  const out = [];
  for (let i = 0; i < count; i += 1) {
    // Zipf-like: index ~ 400^u, so low indexes are common and high ones rare.
    const index = Math.min(words.length - 1, Math.floor(words.length ** random()) - 1);
    out.push(words[Math.max(0, index)]);
  }
  return serviceId === "zh-Hans" || serviceId === "th" ? out.join("") : out.join(" ");
}

// `node bench/lib/search-bench.js [stories]`: run both dialects on their own.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const repoRoot = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");
  const stories = Number(process.argv[2] ?? 100_000);
  const { createPgSchema } = await import("./pg-schema.js");
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-search-bench-"));
  try {
    const results = [
      await runSearchBench({
        repoRoot,
        dialect: "sqlite",
        databaseUrl: `sqlite:${join(dir, "search.db")}`,
        stories,
        log: console.log,
      }),
    ];
    const schema = await createPgSchema("search");
    if (schema) {
      try {
        results.push(
          await runSearchBench({
            repoRoot,
            dialect: "postgres",
            databaseUrl: schema.url,
            stories,
            log: console.log,
          }),
        );
      } finally {
        await schema.drop();
      }
    }
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
