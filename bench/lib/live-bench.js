import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { brotliCompressSync } from "node:zlib";
import { onCleanup } from "./cleanup.js";
import { loginNewsroom } from "./newsroom-client.js";
import { createPgSchema } from "./pg-schema.js";
import { pinnedCpus, pinProcess } from "./proc.js";
import { formatMs, verdict } from "./report.js";
import { startServerChild } from "./server.js";
import { startClient } from "./sse-bench.js";
import { summarize } from "./stats.js";
import { epochMs, sleep } from "./timing.js";

/** A post as a reporter writes one: a sentence or three, no pictures. */
const postText = (/** @type {number} */ i) =>
  `Update ${i}: aid workers at the Tel Harun crossing say the second convoy of the day has ` +
  "been cleared by inspectors after a four-hour wait. Forty trucks carrying flour, insulin " +
  "and water purification tablets are expected to reach Kessara before nightfall, the " +
  "provincial governor's office said.";

/**
 * Live pages in-process (the built app, no socket), on SQLite with the demo newsroom:
 * - post → visible: the editor's post is written, then the first page is requested (from
 *   the page cache, which the post's invalidation emptied) until it shows the post;
 * - the first page's weight with 20 posts (HTML with its inline CSS and JS; brotli 11);
 * - cache-miss render of the first page of a page with 1,000 posts.
 * @param {{ repoRoot: string, dir: string, iterations: number }} options
 */
export async function runLivePageBench({ repoRoot, dir, iterations }) {
  const dist = (/** @type {string} */ file) => pathToFileURL(join(repoRoot, "dist", file)).href;
  const { createNewsdesk } = await import(dist("main.js"));
  const { loadConfig } = await import(dist("config/config.js"));
  const { systemActor } = await import(dist("domain/actor.js"));
  const { liveCacheTags } = await import(dist("domain/live/live-cache-tags.js"));
  const newsdesk = await createNewsdesk(
    loadConfig({
      DATABASE_URL: `sqlite:${join(dir, "live.db")}`,
      HOST: "127.0.0.1",
      PORT: "0",
      LOG_LEVEL: "warn",
      SEED_DEMO: "always",
    }),
  );
  const close = onCleanup(() => newsdesk.close());
  try {
    const actor = systemActor("live bench");
    const { stories, livePages } = newsdesk.services;
    const { story } = await stories.create(actor, {
      serviceId: "en",
      kind: "live",
      content: {
        headline: "Kessara siege: live updates",
        standfirst: "Aid convoys, talks and the port, as it happens.",
        dateline: "",
        slug: "kessara-live",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "What we know so far." }] }],
        bylines: [],
        agencies: [],
      },
    });
    await stories.publish(actor, story.id, { mode: "first" });
    const page = await livePages.page(actor, story.id);
    await livePages.updateSettings(actor, story.id, {
      status: "live",
      keyPoints: ["Talks resume at noon", "Port still closed", "Second convoy cleared"],
      reportersMayPost: true,
      version: page.version,
    });
    const url = `/english/world/kessara-live-${story.id}`;
    const post = (/** @type {number} */ i, /** @type {string} */ text = postText(i)) =>
      livePages.post(actor, story.id, {
        title: i % 3 === 0 ? `Convoy update ${i}` : null,
        body: [{ type: "paragraph", content: [{ text }] }],
        bylines: [],
        keyEvent: i % 5 === 0,
        pinned: i === 1,
      });
    const get = async () => (await newsdesk.app.request(url)).text();
    for (let i = 1; i <= 20; i++) await post(i);
    await get();

    /** @type {number[]} */
    const visible = [];
    for (let i = 0; i < iterations; i++) {
      const token = `bench${Math.random().toString(36).slice(2, 12)}`;
      const t0 = performance.now();
      await post(1000 + i, `${postText(i)} ${token}`);
      while (!(await get()).includes(token)) await sleep(1);
      visible.push(performance.now() - t0);
    }

    // The first page as a reader downloads it, 20 posts (it shows the newest 20).
    const html = await get();
    const rawBytes = Buffer.byteLength(html);
    const brotliBytes = brotliCompressSync(html).byteLength;

    const posts = await newsdesk.repositories.live.countPosts(story.id);
    for (let i = posts; i < 1000; i++) await post(2000 + i);
    /** @type {number[]} */
    const miss = [];
    // Each miss is followed by one turn of the event loop, outside the timed window, as a
    // server has between requests: the page cache compresses what it stored then, and an
    // in-process loop on SQLite would otherwise pile every page up (see render-bench.js).
    // The first page is dropped as a new post drops it (its `live-first:` tag), not by
    // emptying the whole cache: the service's chrome, which no post changes, stays.
    const dropFirstPage = () => newsdesk.pageCache.invalidate([liveCacheTags.first(story.id)]);
    for (let i = 0; i < 30; i++) {
      dropFirstPage();
      await get();
      await newsdesk.pageCache.settle();
    }
    for (let i = 0; i < 300; i++) {
      if (dropFirstPage() !== 1) throw new Error("live bench: the first page was not cached");
      const t0 = performance.now();
      const res = await newsdesk.app.request(url);
      await res.text();
      miss.push(performance.now() - t0);
      await newsdesk.pageCache.settle();
      if (res.status !== 200) throw new Error(`live bench: ${url} answered ${res.status}`);
    }
    return {
      postToVisible: summarize(visible),
      rawBytes,
      brotliBytes,
      posts: await newsdesk.repositories.live.countPosts(story.id),
      missRender: summarize(miss),
    };
  } finally {
    await close();
  }
}

/**
 * A post to `connections` open live pages (the same clients as the banner bench, on the live
 * page's stream): time from the editor's POST to the post frame's arrival on every socket.
 * With `instances: 3` the servers share one PostgreSQL schema (LISTEN/NOTIFY carries the
 * change), the readers are spread evenly over them, and the post goes to the first.
 * @param {{ repoRoot: string, dir: string, connections: number, clients: number,
 *   timeoutMs: number, log: (line: string) => void, instances?: 1 | 3 }} options
 */
export async function runLiveSseBench({
  repoRoot,
  dir,
  connections,
  clients,
  timeoutMs,
  log,
  instances = 1,
}) {
  const schema = instances === 1 ? undefined : await createPgSchema("live_cluster");
  if (instances !== 1 && !schema) return undefined;
  const databaseUrl = schema?.url ?? `sqlite:${join(dir, "live-sse.db")}`;
  // The first instance seeds the demo newsroom alone; the others start on its database.
  const first = await startServerChild({ repoRoot, databaseUrl, timeoutMs: 30_000 });
  const servers = [first];
  try {
    for (let i = 1; i < instances; i++) {
      servers.push(await startServerChild({ repoRoot, databaseUrl, timeoutMs: 30_000 }));
    }
    // One instance: the server on one core, the readers on the other (issue 18, item 0).
    // Three instances share two cores with their readers, unpinned.
    const cpus = instances === 1 ? pinnedCpus() : null;
    if (cpus) pinProcess(first.pid, cpus.server);
    const editor = await loginNewsroom(first.baseUrl);
    // The demo's English live page: the home page's teaser with a LIVE badge.
    const home = await (await fetch(`${first.baseUrl}/english/`)).text();
    const badge = home.indexOf('class="live-badge is-live"');
    const before = home.lastIndexOf('href="', badge);
    const storyId = /-([0-9a-z]{12})"/.exec(home.slice(before, badge))?.[1];
    if (badge < 0 || !storyId) throw new Error("live bench: no live page on /english/");
    const processes = Math.max(clients, instances);
    const per = Math.ceil(connections / processes);
    const children = Array.from({ length: processes }, (_, i) =>
      startClient(
        servers[i % instances]?.port ?? first.port,
        Math.min(per, connections - i * per),
        `en?story=${storyId}`,
        cpus?.load ?? null,
      ),
    );
    const connectedReports = await Promise.all(
      children.map((c) => c.next("connected", timeoutMs * 4)),
    );
    const connected = connectedReports.reduce((s, r) => s + (r?.connected ?? 0), 0);
    const failed = connectedReports.reduce((s, r) => s + (r?.failed ?? 0), 0);
    log(
      `bench: ${connected} live-page SSE connections open on ${instances} instance(s) (${failed} failed)`,
    );
    await sleep(2000);
    const token = `bench${Math.random().toString(36).slice(2, 12)}`;
    for (const c of children) c.command(`watch ${token}`);
    await sleep(100);
    const waits = children.map((c) => c.next("received", timeoutMs));
    const t0 = epochMs();
    const res = await editor.call("POST", `/stories/${storyId}/posts`, {
      title: null,
      body: [{ type: "paragraph", content: [{ text: `${postText(1)} ${token}` }] }],
      bylines: [],
    });
    const apiMs = epochMs() - t0;
    if (!res?.id) throw new Error(`live bench: the post failed: ${JSON.stringify(res)}`);
    let reports = await Promise.all(waits);
    if (reports.some((r) => !r)) {
      for (const c of children) c.command("report");
      reports = await Promise.all(children.map((c) => c.next("report", 5000)));
    }
    const arrivals = reports.flatMap((r) =>
      (r?.receivedAt ?? []).map((/** @type {number} */ t) => t - t0),
    );
    for (const c of children) await c.stop();
    const delivery = summarize(arrivals);
    return {
      instances,
      connections: connected,
      failed,
      received: arrivals.length,
      postRequestMs: apiMs,
      pinned: cpus !== null,
      deliveryMs: delivery,
      reachAllMs: arrivals.length === connected ? delivery.maxMs : Number.POSITIVE_INFINITY,
    };
  } finally {
    for (const server of servers) await server.stop();
    await schema?.drop();
  }
}

/**
 * The issue's rows for live pages (issue 15's targets), for `npm run bench` and
 * bench/live-pages-bench.js alike.
 * @param {Awaited<ReturnType<typeof runLivePageBench>>} page
 * @param {(Awaited<ReturnType<typeof runLiveSseBench>>)[]} fanOuts
 * @returns {import("./report.js").Row[]}
 */
export function liveRows(page, fanOuts) {
  const kb = (/** @type {number} */ b) => `${(b / 1024).toFixed(1)} KB`;
  /** @type {import("./report.js").Row[]} */
  const rows = [
    {
      benchmark: "Live page: post → visible on the server-rendered page (one instance)",
      requestsPerSecond: null,
      p50Ms: page.postToVisible.p50Ms,
      p99Ms: page.postToVisible.p99Ms,
      target: verdict(
        page.postToVisible.p99Ms <= 50,
        `${(page.postToVisible.p99Ms / 50).toFixed(2)}× (≤ 50 ms)`,
      ),
      notes: `${page.postToVisible.samples} posts, max ${formatMs(page.postToVisible.maxMs)}`,
    },
    {
      benchmark: "Live page, 20 posts: HTML+CSS+JS, raw",
      requestsPerSecond: null,
      p50Ms: null,
      p99Ms: null,
      target: verdict(
        page.rawBytes <= 50 * 1024,
        `${(page.rawBytes / 51200).toFixed(2)}× (≤ 50 KB)`,
      ),
      notes: kb(page.rawBytes),
    },
    {
      benchmark: "Live page, 20 posts: HTML+CSS+JS, brotli 11",
      requestsPerSecond: null,
      p50Ms: null,
      p99Ms: null,
      target: verdict(
        page.brotliBytes <= 12 * 1024,
        `${(page.brotliBytes / 12288).toFixed(2)}× (≤ 12 KB)`,
      ),
      notes: kb(page.brotliBytes),
    },
    {
      benchmark: `Live page cache-miss render, ${page.posts} posts`,
      requestsPerSecond: null,
      p50Ms: page.missRender.p50Ms,
      p99Ms: page.missRender.p99Ms,
      target: verdict(
        page.missRender.p99Ms <= 5,
        `${(page.missRender.p99Ms / 5).toFixed(2)}× (p99 ≤ 5 ms)`,
      ),
      notes: `${page.missRender.samples} renders, the first page dropped before each as a new post drops it`,
    },
  ];
  for (const sse of fanOuts) {
    if (!sse) continue;
    const limit = sse.instances === 1 ? 250 : 1000;
    rows.push({
      benchmark: `Live post to ${sse.connections.toLocaleString("en")} SSE readers, ${sse.instances === 1 ? "one instance" : `${sse.instances} instances (PostgreSQL)`} (last socket)`,
      requestsPerSecond: null,
      p50Ms: sse.deliveryMs.p50Ms,
      p99Ms: sse.reachAllMs,
      target: verdict(
        sse.reachAllMs <= limit,
        `${(sse.reachAllMs / limit).toFixed(2)}× (≤ ${limit.toLocaleString("en")} ms)`,
      ),
      notes: `${sse.received} of ${sse.connections} received; POST answered in ${formatMs(sse.postRequestMs)}; ${sse.pinned ? "pinned: server core 0, readers core 1" : "not pinned"}; p99 column = last socket`,
    });
  }
  return rows;
}
