import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { CdnPurgeMetrics, PurgeOutcome } from "../cache/cdn-purge-queue.js";
import type { PageCache } from "../cache/page-cache.js";
import type { JobRunner } from "../domain/jobs/job-queue.js";
import type { StoryEvent } from "../domain/stories/story-events.js";
import type { WireEvent, WireEventListener } from "../domain/wire/wire-events.js";
import type { Database } from "../storage/database.js";
import type { SecurityOutcome } from "./newsroom/mount.js";
import { problemJson } from "./problem-json.js";

/**
 * What a request is, for the `route` label: a closed set, so a scanner probing random paths
 * cannot create new time series (Prometheus' advice: never put unbounded values in labels).
 */
const routeClasses = [
  "reader",
  "feed",
  "sitemap",
  "media",
  "live",
  "newsroom-api",
  "newsroom-app",
  "content-api",
  "ingest",
  "health",
  "metrics",
  "other",
] as const;

export type RouteClass = (typeof routeClasses)[number];

const sitemapFile = /^\/[^/]+\/sitemap(?:-pages|-news|-stories-\d+)?\.xml$/;
const readerMethods = new Set(["GET", "HEAD"]);
const knownMethods = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The route class of a request target (path and query as `req.url` has it). */
export function routeClassOf(method: string | undefined, url: string): RouteClass {
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (path === "/metrics") return "metrics";
  if (path === "/healthz" || path === "/readyz") return "health";
  // Server-Sent Events last minutes or hours: kept apart so they do not swamp latencies.
  if (path.startsWith("/_/live/") || path === "/newsroom/api/events") return "live";
  if (path.startsWith("/newsroom/api/") || path === "/newsroom/api") return "newsroom-api";
  if (path === "/newsroom" || path.startsWith("/newsroom/")) return "newsroom-app";
  if (path.startsWith("/api/")) return "content-api";
  if (path.startsWith("/ingest/")) return "ingest";
  if (path.startsWith("/media/")) return "media";
  if (path.includes("/feeds/")) return "feed";
  if (path === "/robots.txt" || sitemapFile.test(path)) return "sitemap";
  return readerMethods.has(method ?? "") ? "reader" : "other";
}

/** Where the collected gauges read from, once the composition root has built them. */
export interface MetricsSources {
  readonly pageCache: PageCache;
  /** Open Server-Sent Event streams: reader pages' live bar, the newsroom's events. */
  readonly sseConnections: () => { readonly reader: number; readonly newsroom: number };
  readonly jobs: JobRunner;
  readonly database: Pick<Database, "poolStats">;
  /** Told when a collector fails (the database is down): the scrape still answers. */
  readonly onCollectError: (error: unknown) => void;
}

const latencyBuckets = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
];

/**
 * One Newsdesk's Prometheus metrics: its own `Registry` (never prom-client's global one, so
 * several Newsdesks in one process, as in tests, keep separate counts). Counters the code
 * already keeps (the page cache's hits, the job runner's outcomes) are read at scrape time;
 * requests, security events, wire files and publish→visible latencies are counted here.
 */
export class NewsdeskMetrics implements WireEventListener, CdnPurgeMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<"route" | "method" | "status">;
  readonly #duration: Histogram<"route" | "method">;
  readonly #security: Counter<"event" | "outcome">;
  readonly #logins: Counter<"outcome">;
  readonly #publishVisible: Histogram<"event">;
  readonly #wireFiles: Counter<"source" | "status">;
  readonly #wireQuarantined: Counter<"source">;
  readonly #wireItems: Counter<"source">;
  readonly #cdnPurges: Counter<"provider" | "outcome">;
  readonly #cdnPurgeDropped: Counter<"provider">;

  constructor() {
    const registers = [this.registry];
    // Process CPU, memory, handles, GC and event-loop lag (nodejs_eventloop_lag_*).
    collectDefaultMetrics({ register: this.registry });
    this.#requests = new Counter({
      name: "http_requests_total",
      help: "HTTP requests answered, by route class, method and status code.",
      labelNames: ["route", "method", "status"],
      registers,
    });
    this.#duration = new Histogram({
      name: "http_request_duration_seconds",
      help: "Time from the request's arrival to the end of its response, by route class.",
      labelNames: ["route", "method"],
      buckets: latencyBuckets,
      registers,
    });
    this.#security = new Counter({
      name: "newsdesk_security_events_total",
      help: "Security events (log-ins, credential and role changes) by event and outcome.",
      labelNames: ["event", "outcome"],
      registers,
    });
    this.#logins = new Counter({
      name: "newsdesk_login_attempts_total",
      help: "Newsroom log-in attempts by outcome (success, failure, throttled).",
      labelNames: ["outcome"],
      registers,
    });
    this.#publishVisible = new Histogram({
      name: "newsdesk_publish_visible_seconds",
      help: "From a story change's commit to its pages being dropped from this instance's cache.",
      labelNames: ["event"],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.#wireFiles = new Counter({
      name: "newsdesk_wire_files_total",
      help: "Wire files processed, by source and status (ingested, duplicate-file, rejected).",
      labelNames: ["source", "status"],
      registers,
    });
    this.#wireQuarantined = new Counter({
      name: "newsdesk_wire_quarantined_total",
      help: "Wire quarantine entries (whole files or single items), by source.",
      labelNames: ["source"],
      registers,
    });
    this.#wireItems = new Counter({
      name: "newsdesk_wire_items_ingested_total",
      help: "New wire items and versions stored, by source.",
      labelNames: ["source"],
      registers,
    });
    this.#cdnPurges = new Counter({
      name: "newsdesk_cdn_purge_requests_total",
      help: "CDN purge requests by provider and outcome (success, retry: failed and tried again, failure: given up).",
      labelNames: ["provider", "outcome"],
      registers,
    });
    this.#cdnPurgeDropped = new Counter({
      name: "newsdesk_cdn_purge_dropped_tags_total",
      help: "Purge tags dropped because the CDN purge queue was full (their pages expire by s-maxage).",
      labelNames: ["provider"],
      registers,
    });
    for (const outcome of ["success", "failure", "throttled"] as const)
      this.#logins.inc({ outcome }, 0);
  }

  /** Adds the gauges read at scrape time; called once the sources exist. */
  watch(sources: MetricsSources): void {
    const registers = [this.registry];
    const { pageCache, jobs } = sources;
    // The cache keeps its own counts; each scrape copies them (a counter only goes up).
    const copied = (name: string, help: string, read: () => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    copied(
      "newsdesk_page_cache_hits_total",
      "Page-cache lookups answered from the cache.",
      () => pageCache.hits,
    );
    copied(
      "newsdesk_page_cache_misses_total",
      "Page-cache lookups that found nothing (or an expired entry).",
      () => pageCache.misses,
    );
    copied(
      "newsdesk_page_cache_evictions_total",
      "Entries dropped to stay within PAGE_CACHE_MB (least recently used first).",
      () => pageCache.evictions,
    );
    copied(
      "newsdesk_page_cache_adopted_total",
      "Pages another worker rendered, stored here instead of rendered again (start --workers).",
      () => pageCache.shared.adopted,
    );
    copied(
      "newsdesk_page_cache_refused_total",
      "Pages another worker rendered, refused: an invalidation of their tags came after their render began.",
      () => pageCache.shared.refused,
    );
    new Gauge({
      name: "newsdesk_page_cache_entries",
      help: "Pages in the cache.",
      registers,
      collect() {
        this.set(pageCache.size);
      },
    });
    new Gauge({
      name: "newsdesk_page_cache_bytes",
      help: "Memory the cached pages and their compressed variants take.",
      registers,
      collect() {
        this.set(pageCache.bytes);
      },
    });
    new Gauge({
      name: "newsdesk_sse_connections",
      help: "Open Server-Sent Event streams: reader (live bar) and newsroom (events).",
      labelNames: ["stream"],
      registers,
      collect() {
        const open = sources.sseConnections();
        this.set({ stream: "reader" }, open.reader);
        this.set({ stream: "newsroom" }, open.newsroom);
      },
    });
    new Gauge({
      name: "newsdesk_jobs",
      help: "Background jobs not done yet, across every instance, by state (queued, running).",
      labelNames: ["state"],
      registers,
      async collect() {
        try {
          const backlog = await jobs.backlog();
          this.set({ state: "queued" }, backlog.queued);
          this.set({ state: "running" }, backlog.running);
        } catch (error) {
          // No stale numbers: the series disappear until the database answers again.
          this.reset();
          sources.onCollectError(error);
        }
      },
    });
    new Counter({
      name: "newsdesk_jobs_finished_total",
      help: "Job attempts this instance ran, by outcome (succeeded, retrying, failed: gave up).",
      labelNames: ["outcome"],
      registers,
      collect() {
        const outcomes = jobs.outcomes;
        this.reset();
        this.inc({ outcome: "succeeded" }, outcomes.succeeded);
        this.inc({ outcome: "retrying" }, outcomes.retrying);
        this.inc({ outcome: "failed" }, outcomes.failed);
      },
    });
    const poolStats = sources.database.poolStats;
    if (poolStats) {
      new Gauge({
        name: "newsdesk_db_pool_connections",
        help: "PostgreSQL pool connections by state (busy, idle) and the pool's maximum (max).",
        labelNames: ["state"],
        registers,
        collect() {
          const pool = poolStats();
          this.set({ state: "busy" }, pool.total - pool.idle);
          this.set({ state: "idle" }, pool.idle);
          this.set({ state: "max" }, pool.max);
        },
      });
      new Gauge({
        name: "newsdesk_db_pool_waiting_requests",
        help: "Queries waiting for a free PostgreSQL pool connection.",
        registers,
        collect() {
          this.set(poolStats().waiting);
        },
      });
    }
  }

  /**
   * Wraps the Node request handler (below the socket-level cache and live-stream fast path,
   * so hits and streams are counted too): one count and one latency per response, when
   * its connection closes.
   */
  instrument(
    handler: (req: IncomingMessage, res: ServerResponse) => void,
  ): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
      const started = process.hrtime.bigint();
      res.once("close", () => {
        const route = routeClassOf(req.method, req.url ?? "/");
        const method = knownMethods.has(req.method ?? "") ? (req.method as string) : "other";
        this.#requests.inc({ route, method, status: String(res.statusCode) });
        this.#duration.observe({ route, method }, Number(process.hrtime.bigint() - started) / 1e9);
      });
      handler(req, res);
    };
  }

  /** A security event's outcome (src/http/newsroom/mount.ts). */
  securityOutcome(event: string, outcome: SecurityOutcome): void {
    this.#security.inc({ event, outcome });
    if (event === "login") this.#logins.inc({ outcome });
  }

  /** A public story change is visible here `seconds` after it committed. */
  storyVisible(event: StoryEvent["type"], seconds: number): void {
    this.#publishVisible.observe({ event }, Math.max(0, seconds));
  }

  /** A CDN purge request's outcome (src/cache/cdn-purge-queue.ts). */
  purgeRequest(provider: string, outcome: PurgeOutcome): void {
    this.#cdnPurges.inc({ provider, outcome });
  }

  purgeDropped(provider: string, tags: number): void {
    this.#cdnPurgeDropped.inc({ provider }, tags);
  }

  onWireEvent(event: WireEvent): void {
    if (event.type === "items-ingested") {
      this.#wireItems.inc({ source: event.sourceId }, event.itemIds.length);
    } else if (event.type === "file-processed") {
      this.#wireFiles.inc({ source: event.sourceId, status: event.status });
      if (event.quarantined > 0)
        this.#wireQuarantined.inc({ source: event.sourceId }, event.quarantined);
    }
  }

  /** Writes the exposition (text format 0.0.4) to a Node response; never cached. */
  async respond(res: ServerResponse): Promise<void> {
    const body = await this.registry.metrics();
    res.writeHead(200, {
      "Content-Type": this.registry.contentType,
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
    });
    res.end(body);
  }
}

/**
 * `GET /metrics` on the main port, when METRICS_TOKEN is set: answered before the page cache
 * and the router; a missing or wrong bearer token gets 401. Returns false for other paths.
 */
export function metricsEndpoint(
  metrics: NewsdeskMetrics,
  token: string,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  const expected = digest(token);
  return (req, res) => {
    const url = req.url ?? "/";
    if (url !== "/metrics" && !url.startsWith("/metrics?")) return false;
    const header = req.headers.authorization ?? "";
    const presented = header.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : "";
    // Hashes of equal length make the comparison constant-time whatever was sent.
    if (presented === "" || !timingSafeEqual(digest(presented), expected)) {
      const body = problemJson("METRICS_TOKEN_INVALID");
      res.writeHead(401, {
        "Content-Type": "application/problem+json; charset=utf-8",
        "Content-Length": Buffer.byteLength(body),
        "Cache-Control": "no-store",
        "WWW-Authenticate": 'Bearer realm="metrics"',
      });
      res.end(body);
      return true;
    }
    serve(metrics, req, res);
    return true;
  };
}

/**
 * The separate metrics listener (METRICS_PORT): `/metrics` only, no token, so bind it to a
 * private address (METRICS_HOST, 127.0.0.1 by default). Resolves once it is listening.
 */
export async function startMetricsServer(
  metrics: NewsdeskMetrics,
  listen: { readonly port: number; readonly host: string },
): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (url === "/metrics" || url.startsWith("/metrics?")) return serve(metrics, req, res);
    const body = problemJson("NOT_FOUND", "This listener serves /metrics only.");
    res.writeHead(404, {
      "Content-Type": "application/problem+json; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
    });
    res.end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: listen.port, host: listen.host }, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : listen.port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serve(metrics: NewsdeskMetrics, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" });
    res.end();
    return;
  }
  metrics.respond(res).catch(() => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}
