import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { systemActor } from "../../src/domain/actor.js";
import { isNewsdeskError } from "../../src/domain/error-catalogue.js";
import { routeClassOf } from "../../src/http/metrics.js";
import { type RunningServer, startServer } from "../../src/main.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";
import { ninjsBytes } from "../wire/wire-test-support.js";

type TestNewsdesk = Awaited<ReturnType<typeof startTestNewsdesk>>;

const token = "metrics-token-0123456789abcdef";
const actor = systemActor("metrics test");

let newsdesk: TestNewsdesk | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.stop().catch(() => undefined);
  await newsdesk?.dispose();
  server = undefined;
  newsdesk = undefined;
});

async function start(
  dialect: (typeof dialects)[number],
  env: Record<string, string>,
  seed = true,
): Promise<{ base: string; running: RunningServer }> {
  newsdesk = await startTestNewsdesk(dialect, {
    seed,
    env: { PORT: "0", HOST: "127.0.0.1", ...env },
  });
  server = await startServer(newsdesk);
  return { base: `http://127.0.0.1:${server.port}`, running: server };
}

async function scrape(base: string): Promise<string> {
  const response = await fetch(`${base}/metrics`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return response.text();
}

/** The value of one series in the text exposition, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}) {
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map(
      [...(match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => present.get(k) === v)) return Number(match[3]);
  }
  return undefined;
}

/** Opens a reader live stream; resolves once the first frame arrived. */
function openLiveStream(port: number): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: "127.0.0.1", path: "/_/live/en" }, (res) => {
      res.once("data", () => resolve(() => req.destroy()));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("route classes", () => {
  it("puts every path into one of a fixed set of classes", () => {
    expect(routeClassOf("GET", "/english/world/some-story-abc?page=2")).toBe("reader");
    expect(routeClassOf("GET", "/english/feeds/rss.xml")).toBe("feed");
    expect(routeClassOf("GET", "/english/sitemap-news.xml")).toBe("sitemap");
    expect(routeClassOf("GET", "/robots.txt")).toBe("sitemap");
    expect(routeClassOf("GET", "/media/abc/photo.jpg")).toBe("media");
    expect(routeClassOf("GET", "/_/live/en")).toBe("live");
    expect(routeClassOf("GET", "/newsroom/api/events")).toBe("live");
    expect(routeClassOf("POST", "/newsroom/api/session")).toBe("newsroom-api");
    expect(routeClassOf("GET", "/newsroom/stories")).toBe("newsroom-app");
    expect(routeClassOf("GET", "/api/v1/stories")).toBe("content-api");
    expect(routeClassOf("POST", "/ingest/push/src1")).toBe("ingest");
    expect(routeClassOf("GET", "/readyz")).toBe("health");
    expect(routeClassOf("GET", "/metrics?x=1")).toBe("metrics");
    expect(routeClassOf("POST", "/wp-login.php")).toBe("other");
  });
});

describe.each(dialects)("metrics on %s", (dialect) => {
  it("counts known traffic: requests, page cache, log-ins, live streams, jobs, wire, publishing", async () => {
    const { base, running } = await start(dialect, { METRICS_TOKEN: token });
    const nd = newsdesk as TestNewsdesk;
    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/english/`)).status).toBe(200);
    expect((await fetch(`${base}/english/no-such-section/nothing-here`)).status).toBe(404);
    // Five wrong passwords for one account fail; the sixth attempt is throttled.
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const login = await fetch(`${base}/newsroom/api/session`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: base },
        body: JSON.stringify({ email: "editor@newsdesk.test", password: "not the password" }),
      });
      await login.arrayBuffer();
      statuses.push(login.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // A publish: its pages leave the cache, which is the moment readers can see it.
    const { story } = await nd.services.stories.create(actor, {
      serviceId: "en",
      content: {
        headline: "Harbour reopens",
        standfirst: "",
        dateline: "",
        slug: "harbour-reopens",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "Text." }] }],
        bylines: [],
        agencies: [],
      },
    });
    await nd.services.stories.publish(actor, story.id, { mode: "first" });
    // Wire: one good file and one the parser refuses, from the same source.
    const { source } = await nd.services.wire.sources.add(actor, {
      kind: "push",
      name: "Metrics Agency push",
      agencyCode: "METAG",
      agencyName: "Metrics Agency",
      serviceId: "en",
    });
    const good = await nd.services.wire.ingest.ingest(source, {
      bytes: ninjsBytes({ uri: "urn:metrics:1", headline: "Ferry returns" }),
      filename: "item.json",
      contentType: "application/json",
    });
    expect(good.status).toBe("ingested");
    const bad = await nd.services.wire.ingest.ingest(source, {
      bytes: new TextEncoder().encode("{ not json"),
      filename: "broken.json",
      contentType: "application/json",
    });
    expect(bad.status).toBe("rejected");
    // A file a transport refused before parsing (too large) is quarantined too.
    await nd.services.wire.ingest.reject(
      source,
      { filename: "huge.xml", size: 999_999_999 },
      "WIRE_TOO_LARGE",
      "The file is larger than the source allows.",
    );
    await nd.services.jobs.enqueue("metrics.test", {}, new Date(Date.now() + 3_600_000));
    const close = await openLiveStream(running.port);

    const text = await scrape(base);
    close();
    const reader = { route: "reader", method: "GET" };
    expect(sample(text, "http_requests_total", { ...reader, status: "200" })).toBe(3);
    expect(sample(text, "http_requests_total", { ...reader, status: "404" })).toBe(1);
    expect(
      sample(text, "http_requests_total", { route: "newsroom-api", method: "POST", status: "401" }),
    ).toBe(5);
    expect(sample(text, "http_request_duration_seconds_count", reader)).toBe(4);
    expect(sample(text, "http_request_duration_seconds_bucket", { ...reader, le: "+Inf" })).toBe(4);
    expect(sample(text, "newsdesk_page_cache_hits_total")).toBeGreaterThanOrEqual(2);
    expect(sample(text, "newsdesk_page_cache_misses_total")).toBeGreaterThanOrEqual(1);
    expect(sample(text, "newsdesk_page_cache_entries")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "newsdesk_page_cache_bytes")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "newsdesk_page_cache_evictions_total")).toBe(0);
    expect(sample(text, "newsdesk_login_attempts_total", { outcome: "failure" })).toBe(5);
    expect(sample(text, "newsdesk_login_attempts_total", { outcome: "throttled" })).toBe(1);
    expect(sample(text, "newsdesk_login_attempts_total", { outcome: "success" })).toBe(0);
    expect(
      sample(text, "newsdesk_security_events_total", { event: "login", outcome: "failure" }),
    ).toBe(5);
    expect(sample(text, "newsdesk_sse_connections", { stream: "reader" })).toBe(1);
    expect(sample(text, "newsdesk_sse_connections", { stream: "newsroom" })).toBe(0);
    expect(sample(text, "newsdesk_jobs", { state: "queued" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "newsdesk_jobs", { state: "running" })).toBe(0);
    expect(sample(text, "newsdesk_jobs_finished_total", { outcome: "failed" })).toBe(0);
    expect(sample(text, "newsdesk_publish_visible_seconds_count", { event: "published" })).toBe(1);
    const sourceLabel = { source: source.id };
    expect(sample(text, "newsdesk_wire_files_total", { ...sourceLabel, status: "ingested" })).toBe(
      1,
    );
    expect(sample(text, "newsdesk_wire_files_total", { ...sourceLabel, status: "rejected" })).toBe(
      2,
    );
    expect(sample(text, "newsdesk_wire_quarantined_total", sourceLabel)).toBe(2);
    expect(sample(text, "newsdesk_wire_items_ingested_total", sourceLabel)).toBe(1);
    // Process and event-loop metrics from prom-client's defaults.
    expect(sample(text, "process_cpu_seconds_total")).toBeGreaterThan(0);
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(sample(text, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "nodejs_eventloop_lag_p99_seconds")).toBeGreaterThanOrEqual(0);
    // The pool exists on PostgreSQL only.
    if (dialect === "postgres") {
      expect(sample(text, "newsdesk_db_pool_connections", { state: "max" })).toBe(10);
      expect(sample(text, "newsdesk_db_pool_connections", { state: "idle" })).toBeGreaterThan(0);
      // The scrape's own job query may be waiting for a connection being opened.
      expect(sample(text, "newsdesk_db_pool_waiting_requests")).toBeGreaterThanOrEqual(0);
    } else {
      expect(text).not.toContain("newsdesk_db_pool");
    }
    // Only route classes, never raw paths, in the labels.
    expect(text).not.toContain("/english");
    expect(text).not.toContain("no-such-section");

    // The scrape itself is counted, under its own class, on the next scrape.
    const again = await scrape(base);
    expect(
      sample(again, "http_requests_total", { route: "metrics", method: "GET", status: "200" }),
    ).toBe(1);
  });
});

describe("metrics exposure", () => {
  it("refuses a missing or wrong token with 401 problem+json", async () => {
    const { base } = await start("sqlite", { METRICS_TOKEN: token }, false);
    for (const headers of [
      {},
      { Authorization: "Bearer wrong-token-0123456789" },
      { Authorization: token },
    ]) {
      const response = await fetch(`${base}/metrics`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(response.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
      expect(await response.json()).toMatchObject({ status: 401, code: "METRICS_TOKEN_INVALID" });
    }
    expect(
      (await fetch(`${base}/metrics`, { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });

  it("still answers when the database is down, without the job gauges", async () => {
    const { base } = await start("sqlite", { METRICS_TOKEN: token }, false);
    expect(sample(await scrape(base), "newsdesk_jobs", { state: "queued" })).toBe(0);
    await (newsdesk as TestNewsdesk).database.close();
    const text = await scrape(base);
    expect(sample(text, "newsdesk_jobs", { state: "queued" })).toBeUndefined();
    expect(sample(text, "newsdesk_page_cache_entries")).toBe(0);
  });

  it("has no /metrics when neither a token nor a port is configured", async () => {
    const { base } = await start("sqlite", {}, false);
    const response = await fetch(`${base}/metrics`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("http_requests_total");
  });

  it("serves /metrics on a separate port without a token, and closes it on stop", async () => {
    const { base, running } = await start("sqlite", { METRICS_PORT: "0" }, false);
    expect(running.metricsPort).toBeGreaterThan(0);
    await fetch(`${base}/healthz`);
    const metricsBase = `http://127.0.0.1:${running.metricsPort}`;
    const response = await fetch(`${metricsBase}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, "http_requests_total", { route: "health", status: "200" })).toBe(1);
    expect((await fetch(`${metricsBase}/`)).status).toBe(404);
    // The main port has no /metrics in this mode.
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    await running.stop();
    server = undefined;
    await expect(fetch(`${metricsBase}/metrics`)).rejects.toThrow();
  });

  it("closes the separate port on a drain too", async () => {
    const { running } = await start("sqlite", { METRICS_PORT: "0" }, false);
    const metricsBase = `http://127.0.0.1:${running.metricsPort}`;
    expect((await fetch(`${metricsBase}/metrics`)).status).toBe(200);
    expect(await running.drain(1000)).toEqual({ finished: true, cut: 0 });
    server = undefined;
    await expect(fetch(`${metricsBase}/metrics`)).rejects.toThrow();
  });

  it("validates the metrics settings", () => {
    const invalid = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return undefined;
      } catch (error) {
        return isNewsdeskError(error) ? error.code : "other";
      }
    };
    expect(invalid({ METRICS_TOKEN: "too-short" })).toBe("CONFIG_INVALID");
    expect(invalid({ METRICS_TOKEN: "has a space in it, 0123456789" })).toBe("CONFIG_INVALID");
    expect(invalid({ METRICS_PORT: "70000" })).toBe("CONFIG_INVALID");
    const config = loadConfig({ METRICS_TOKEN: token, METRICS_PORT: "9464" });
    expect(config.metricsToken).toBe(token);
    expect(config.metricsListen).toEqual({ port: 9464, host: "127.0.0.1" });
    expect(loadConfig({}).metricsListen).toBeUndefined();
  });
});
