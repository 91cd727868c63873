import { readFileSync } from "node:fs";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { PageCache } from "../../src/cache/page-cache.js";
import { JobRunner } from "../../src/domain/jobs/job-queue.js";
import { NewsdeskMetrics } from "../../src/http/metrics.js";

/** docs/ops/grafana-newsdesk.json: what an operator imports into Grafana. */
const dashboard: unknown = JSON.parse(
  readFileSync(new URL("../../docs/ops/grafana-newsdesk.json", import.meta.url), "utf8"),
);

interface Panel {
  readonly type: string;
  readonly title: string;
  readonly datasource?: { readonly uid?: string };
  readonly targets?: readonly { readonly expr: string }[];
}

/** Every series name the server exports, histogram and summary suffixes included. */
async function exportedNames(): Promise<Set<string>> {
  const metrics = new NewsdeskMetrics();
  metrics.watch({
    pageCache: new PageCache(),
    sseConnections: () => ({ reader: 0, newsroom: 0 }),
    jobs: new JobRunner({
      repository: {
        enqueue: async () => undefined,
        claim: async () => undefined,
        complete: async () => undefined,
        fail: async () => undefined,
        countPending: async () => ({ queued: 0, running: 0 }),
      },
      clock: { now: () => new Date() },
      logger: pino({ level: "silent" }),
    }),
    // As on PostgreSQL, so the pool's gauges are registered.
    database: { poolStats: () => ({ total: 0, idle: 0, waiting: 0, max: 10 }) },
    onCollectError: (error) => {
      throw error;
    },
  });
  const names = new Set<string>();
  for (const match of (await metrics.registry.metrics()).matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name = "", type] = match;
    names.add(name);
    if (type === "histogram")
      for (const suffix of ["_bucket", "_sum", "_count"]) names.add(name + suffix);
    if (type === "summary") for (const suffix of ["_sum", "_count"]) names.add(name + suffix);
  }
  return names;
}

/** PromQL functions, aggregations and keywords the dashboard uses: never metric names. */
const promqlWords = new Set([
  "sum",
  "max",
  "min",
  "avg",
  "count",
  "rate",
  "irate",
  "increase",
  "histogram_quantile",
  "by",
  "without",
  "on",
  "ignoring",
  "and",
  "or",
  "unless",
]);

/** The metric names a PromQL expression reads: label matchers, ranges and groupings removed. */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/\{[^}]*\}/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, " ");
  return [...bare.matchAll(/[A-Za-z_:][\w:]*/g)]
    .map((m) => m[0])
    .filter((word) => !promqlWords.has(word));
}

describe("the Grafana dashboard", () => {
  it("is a Grafana dashboard with a Prometheus data-source variable", () => {
    expect(dashboard).toMatchObject({
      schemaVersion: 39,
      title: "Newsdesk",
      templating: {
        list: expect.arrayContaining([
          expect.objectContaining({ name: "datasource", type: "datasource", query: "prometheus" }),
        ]),
      },
    });
  });

  it("reads only metrics the server exports, and shows every newsdesk metric", async () => {
    const exported = await exportedNames();
    const panels = (dashboard as { panels: Panel[] }).panels.filter((p) => p.type !== "row");
    expect(panels.length).toBeGreaterThanOrEqual(12);
    const used = new Set<string>();
    for (const panel of panels) {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax.
      expect(panel.datasource?.uid, panel.title).toBe("${datasource}");
      expect(panel.targets?.length ?? 0, panel.title).toBeGreaterThan(0);
      for (const { expr } of panel.targets ?? []) {
        const names = metricNamesIn(expr);
        expect(names.length, expr).toBeGreaterThan(0);
        for (const name of names) {
          expect(exported.has(name), `${panel.title}: ${name} is not exported`).toBe(true);
          used.add(name.replace(/_(bucket|sum|count)$/, ""));
        }
      }
    }
    const newsdesk = [...exported].filter(
      (name) => name.startsWith("newsdesk_") && !/_(bucket|sum|count)$/.test(name),
    );
    expect(newsdesk.filter((name) => !used.has(name))).toEqual([]);
    for (const name of ["http_requests_total", "http_request_duration_seconds"])
      expect(used.has(name), name).toBe(true);
  });

  it("finds metric names in expressions the way the check above relies on", () => {
    expect(
      metricNamesIn(
        'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket{route!="live"}[$__rate_interval])))',
      ),
    ).toEqual(["http_request_duration_seconds_bucket"]);
    expect(metricNamesIn("sum(rate(a_total[5m])) / (sum(rate(b_total[5m])) * 60)")).toEqual([
      "a_total",
      "b_total",
    ]);
  });
});
