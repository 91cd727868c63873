#!/usr/bin/env node
// `node bench/story-list-bench.js` (after `npm run build`): the dashboard's story list API
// with 100,000 stories in one service, on SQLite and on PostgreSQL.
//
// For each dialect: a server on an empty database seeds the demo newsroom and its accounts;
// `newsdesk seed-bench` adds BENCH_STORIES (100,000) stories to English; a quarter of them
// are then turned into drafts, stories in review and trashed drafts, some created by the
// demo editor (the "mine" filter), as a working desk's list would hold. The server is
// started again and the demo editor asks `GET /newsroom/api/stories` for common views, one
// request after another over keep-alive, each view `BENCH_SAMPLES` times after a warm-up.
// Prints p50/p95 per view and dialect as a Markdown table and writes
// bench/results/story-list.json. The PostgreSQL schema is dropped afterwards.
// BENCH_SQLITE_FILE=<path> keeps the SQLite database there and, when it exists already,
// measures it again without seeding (BENCH_DIALECT=sqlite|postgres runs one dialect).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { cleanupAll, onCleanup } from "./lib/cleanup.js";
import { createPgSchema } from "./lib/pg-schema.js";
import { startServerChild } from "./lib/server.js";

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));
const stories = Number(process.env.BENCH_STORIES ?? 100_000);
const samples = Number(process.env.BENCH_SAMPLES ?? 60);
const warmup = 5;
const editor = { email: "editor@newsdesk.test", password: "demo-password-elif" };

/** The views measured: a tab, filters and an order as the dashboard asks for them. */
const views = [
  ["Drafts, last change", "status=draft"],
  ["Published, last change", "status=published"],
  ["Published, headline A–Z", "status=published&sort=headline&dir=asc"],
  ["Published, publish date", "status=published&sort=published&dir=desc"],
  ["Published, page 100", "status=published&offset=4950"],
  ["Published, page 2,000", "status=published&offset=99950"],
  ["Drafts, search “harbour”", "status=draft&q=harbour"],
  ["Published, one section", "status=published&section=world"],
  ["Published, one author", "status=published&author=lena-okafor"],
  ["Drafts, mine", "status=draft&mine=true"],
  ["Published, last 7 days", "status=published&from={weekAgo}"],
  ["Trash", "status=trash"],
];

/** Nearest-rank percentile. */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function runCli(args, databaseUrl) {
  const child = spawn(process.execPath, ["bin/newsdesk.js", ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const stop = onCleanup(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      void stop();
      if (code === 0) resolve(undefined);
      else reject(new Error(`newsdesk ${args.join(" ")} exited with code ${code}`));
    });
  });
}

/**
 * Turns about a quarter of the seeded (published) stories into work in progress, spread
 * evenly by the last character of their random ids: 6/32 drafts (1/32 of all created by
 * the editor), 2/32 in review, 1/32 drafts in the trash.
 */
async function mixStatuses(databaseUrl, dialect) {
  const dist = (file) => pathToFileURL(join(repoRoot, "dist", file)).href;
  const { openDatabase } = await import(dist("storage/database.js"));
  const { sql } = await import("kysely");
  const database = await openDatabase(databaseUrl);
  try {
    const { db } = database;
    const user = await db
      .selectFrom("users")
      .select("id")
      .where("email", "=", editor.email)
      .executeTakeFirstOrThrow();
    const last = sql`substr(id, length(id), 1)`;
    const unpublish = {
      published_revision_id: null,
      first_published_at: null,
      headline: null,
      standfirst: null,
      slug: null,
      section: null,
      lead_media_id: null,
    };
    const inEnglish = (q) => q.where("service_id", "=", "en");
    await inEnglish(db.updateTable("stories").set({ status: "draft", ...unpublish }))
      .where(last, "in", ["0", "1", "2", "3", "4", "5", "8"])
      .execute();
    await inEnglish(db.updateTable("stories").set({ created_by: user.id }))
      .where(last, "=", "5")
      .execute();
    await inEnglish(db.updateTable("stories").set({ status: "in_review", ...unpublish }))
      .where(last, "in", ["6", "7"])
      .execute();
    const now = new Date().toISOString();
    await inEnglish(db.updateTable("stories").set({ trashed_at: now, trashed_by: user.id }))
      .where(last, "=", "8")
      .execute();
    // Drafts are out of the reader search index, as the real workflow leaves them.
    await sql`delete from story_search where story_id in (select id from stories where status <> 'published')`.execute(
      db,
    );
    // What autovacuum / an operator's ANALYZE would have done by now.
    if (dialect === "postgres") await sql`vacuum analyze`.execute(db);
    const counts = await db
      .selectFrom("stories")
      .select(["status", (eb) => eb.fn.countAll().as("n")])
      .where("service_id", "=", "en")
      .groupBy("status")
      .execute();
    return Object.fromEntries(counts.map((r) => [r.status, Number(r.n)]));
  } finally {
    await database.close();
  }
}

async function signIn(baseUrl) {
  const res = await fetch(`${baseUrl}/newsroom/api/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseUrl },
    body: JSON.stringify(editor),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

async function measure(baseUrl, cookie, query) {
  const url = `${baseUrl}/newsroom/api/stories?service=en&limit=50&${query}`;
  const once = async () => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Cookie: cookie } });
    const body = await res.json();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(body)}`);
    return { ms, total: body.total, rows: body.items.length };
  };
  for (let i = 0; i < warmup; i++) await once();
  const times = [];
  let last;
  for (let i = 0; i < samples; i++) {
    last = await once();
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  return {
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    total: last?.total,
    rows: last?.rows,
  };
}

async function benchDialect(dialect, databaseUrl, seeded = false) {
  let mix = {};
  if (!seeded) {
    console.log(`story-list bench: ${dialect}: seeding the demo newsroom …`);
    const first = await startServerChild({ repoRoot, databaseUrl, timeoutMs: 120_000 });
    await first.stop();
    console.log(`story-list bench: ${dialect}: newsdesk seed-bench --stories ${stories} …`);
    await runCli(["seed-bench", "--stories", String(stories)], databaseUrl);
    mix = await mixStatuses(databaseUrl, dialect);
    console.log(`story-list bench: ${dialect}: English stories by status ${JSON.stringify(mix)}`);
  }
  const server = await startServerChild({
    repoRoot,
    databaseUrl,
    timeoutMs: 120_000,
    env: { SEED_DEMO: "never" },
  });
  try {
    const cookie = await signIn(server.baseUrl);
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const results = [];
    for (const [name, template] of views) {
      const query = template.replace("{weekAgo}", weekAgo);
      const result = await measure(server.baseUrl, cookie, query);
      console.log(
        `  ${name.padEnd(28)} p50 ${result.p50Ms.toFixed(1)} ms  p95 ${result.p95Ms.toFixed(1)} ms  (total ${result.total})`,
      );
      results.push({ name, query, ...result });
    }
    return { dialect, stories, mix, results };
  } finally {
    await server.stop();
  }
}

const dir = await mkdtemp(join(tmpdir(), "newsdesk-story-list-bench-"));
onCleanup(() => rm(dir, { recursive: true, force: true }));
try {
  const runs = [];
  const only = process.env.BENCH_DIALECT;
  if (!only || only === "sqlite") {
    const file = process.env.BENCH_SQLITE_FILE ?? join(dir, "story-list.db");
    runs.push(await benchDialect("sqlite", `sqlite:${file}`, existsSync(file)));
  }
  if (!only || only === "postgres") {
    const pg = await createPgSchema("story_list");
    if (pg) {
      try {
        runs.push(await benchDialect("postgres", pg.url));
      } finally {
        await pg.drop();
      }
    }
  }
  const header = `| view (${stories.toLocaleString("en")} stories in one service, ${samples} requests each) | ${runs
    .map((r) => `${r.dialect} p50 / p95`)
    .join(" | ")} |`;
  const lines = [header, `|---|${runs.map(() => "---|").join("")}`];
  for (const [index, [name]] of views.entries()) {
    const cells = runs.map((r) => {
      const x = r.results[index];
      return x ? `${x.p50Ms.toFixed(1)} / ${x.p95Ms.toFixed(1)} ms` : "–";
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  console.log(`\n${lines.join("\n")}`);
  await mkdir(join(repoRoot, "bench", "results"), { recursive: true });
  await writeFile(
    join(repoRoot, "bench", "results", "story-list.json"),
    `${JSON.stringify({ at: new Date().toISOString(), runs }, null, 2)}\n`,
  );
} finally {
  await cleanupAll();
}
