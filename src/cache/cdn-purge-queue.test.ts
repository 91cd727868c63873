import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { OutboundHttp } from "../security/outbound-http.js";
import { cdnPurgeAdapter } from "./cdn-purge-adapters.js";
import { type CdnPurgeMetrics, CdnPurgeQueue, type PurgeOutcome } from "./cdn-purge-queue.js";

/** One request as the stub saw it: what a CDN's purge API would receive. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

let stub: Server | undefined;
afterEach(async () => {
  stub?.closeAllConnections();
  await new Promise((resolve) => stub?.close(resolve) ?? resolve(undefined));
  stub = undefined;
});

/** A local stand-in for a purge API: records each request, answers with `answer`. */
async function startStub(
  answer: (seen: Seen, index: number) => { status: number; headers?: Record<string, string> },
): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  stub = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      seen.push(request);
      const { status, headers } = answer(request, seen.length - 1);
      res.writeHead(status, { "Content-Type": "application/json", ...headers });
      res.end(JSON.stringify({ status: status < 300 ? "ok" : "error" }));
    });
  });
  await new Promise<void>((resolve) => stub?.listen(0, "127.0.0.1", resolve));
  const { port } = stub.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, seen };
}

class CountingMetrics implements CdnPurgeMetrics {
  readonly outcomes: PurgeOutcome[] = [];
  dropped = 0;
  purgeRequest(_provider: string, outcome: PurgeOutcome): void {
    this.outcomes.push(outcome);
  }
  purgeDropped(_provider: string, tags: number): void {
    this.dropped += tags;
  }
}

const silent = pino({ level: "silent" });
const token = "fastly-token-0123456789";
const zone = "0123456789abcdef0123456789abcdef";

function queueFor(
  config: Parameters<typeof cdnPurgeAdapter>[0],
  options: ConstructorParameters<typeof CdnPurgeQueue>[0]["options"] = {},
) {
  const metrics = new CountingMetrics();
  const delays: number[] = [];
  const queue = new CdnPurgeQueue({
    adapter: cdnPurgeAdapter(config),
    // The stub is on loopback, as an operator's CDN_PURGE_URL may be.
    outbound: new OutboundHttp({ allowPrivate: true }),
    logger: silent,
    metrics,
    options: {
      sleep: async (ms) => {
        delays.push(ms);
      },
      ...options,
    },
  });
  return { queue, metrics, delays };
}

const tagsUpTo = (n: number) => Array.from({ length: n }, (_, i) => `story:s${i}`);

describe("Fastly purge adapter", () => {
  it("sends each batch of up to 256 keys as one POST with a Surrogate-Key header", async () => {
    const { base, seen } = await startStub(() => ({ status: 200 }));
    const { queue, metrics } = queueFor({
      provider: "fastly",
      serviceId: "SU1Z0isxPaozGVKXdv0eY",
      apiToken: token,
      url: base,
    });
    const tags = tagsUpTo(300);
    queue.enqueue(tags);
    await queue.idle();
    expect(seen).toHaveLength(2);
    for (const request of seen) {
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/service/SU1Z0isxPaozGVKXdv0eY/purge");
      expect(request.headers["fastly-key"]).toBe(token);
      expect(request.headers.accept).toBe("application/json");
      expect(request.body).toBe("");
    }
    expect(seen[0]?.headers["surrogate-key"]).toBe(tags.slice(0, 256).join(" "));
    expect(seen[1]?.headers["surrogate-key"]).toBe(tags.slice(256).join(" "));
    expect(metrics.outcomes).toEqual(["success", "success"]);
  });

  it("purges everything through purge_all", async () => {
    const { base, seen } = await startStub(() => ({ status: 200 }));
    const { queue } = queueFor({
      provider: "fastly",
      serviceId: "abc",
      apiToken: token,
      url: base,
    });
    queue.enqueue(["story:a", "*", "story:b"]);
    await queue.idle();
    expect(seen.map((r) => [r.method, r.url, r.headers["surrogate-key"]])).toEqual([
      ["POST", "/service/abc/purge_all", undefined],
    ]);
  });
});

describe("Cloudflare purge adapter", () => {
  it("sends at most 30 tags a call as JSON, with the bearer token", async () => {
    const { base, seen } = await startStub(() => ({ status: 200 }));
    const { queue } = queueFor({
      provider: "cloudflare",
      zoneId: zone,
      apiToken: token,
      url: base,
    });
    const tags = tagsUpTo(61);
    queue.enqueue(tags);
    await queue.idle();
    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request.method).toBe("POST");
      expect(request.url).toBe(`/client/v4/zones/${zone}/purge_cache`);
      expect(request.headers.authorization).toBe(`Bearer ${token}`);
      expect(request.headers["content-type"]).toBe("application/json");
    }
    expect(seen.map((r) => JSON.parse(r.body))).toEqual([
      { tags: tags.slice(0, 30) },
      { tags: tags.slice(30, 60) },
      { tags: tags.slice(60) },
    ]);
  });

  it("purges everything with purge_everything", async () => {
    const { base, seen } = await startStub(() => ({ status: 200 }));
    const { queue } = queueFor({
      provider: "cloudflare",
      zoneId: zone,
      apiToken: token,
      url: base,
    });
    queue.enqueue(["*"]);
    await queue.idle();
    expect(seen.map((r) => JSON.parse(r.body))).toEqual([{ purge_everything: true }]);
  });
});

describe("Varnish and generic purge adapters", () => {
  it("sends Varnish a PURGE with the tags in xkey-purge", async () => {
    const { base, seen } = await startStub(() => ({ status: 200 }));
    const { queue } = queueFor({ provider: "varnish", url: `${base}/` });
    queue.enqueue(["story:a", "list:home:en"]);
    await queue.idle();
    expect(seen.map((r) => [r.method, r.url, r.headers["xkey-purge"]])).toEqual([
      ["PURGE", "/", "story:a list:home:en"],
    ]);
  });

  it("keeps the generic POST of {tags}", async () => {
    const { base, seen } = await startStub(() => ({ status: 204 }));
    const { queue } = queueFor({ provider: "generic", url: `${base}/purge` });
    queue.enqueue(["story:a"]);
    await queue.idle();
    expect(seen.map((r) => [r.method, r.url, r.headers["content-type"], r.body])).toEqual([
      ["POST", "/purge", "application/json", '{"tags":["story:a"]}'],
    ]);
  });
});

describe("CdnPurgeQueue", () => {
  it("retries a failing CDN with exponential backoff, honouring Retry-After", async () => {
    const { base, seen } = await startStub((_seen, index) =>
      index === 0
        ? { status: 503 }
        : index === 1
          ? { status: 429, headers: { "Retry-After": "7" } }
          : { status: 200 },
    );
    const { queue, metrics, delays } = queueFor({ provider: "varnish", url: base });
    queue.enqueue(["story:a"]);
    await queue.idle();
    expect(seen).toHaveLength(3);
    expect(seen.every((r) => r.headers["xkey-purge"] === "story:a")).toBe(true);
    expect(delays).toEqual([500, 7000]);
    expect(metrics.outcomes).toEqual(["retry", "retry", "success"]);
  });

  it("gives up after the last attempt, and at once on a refusal (a wrong token)", async () => {
    const failing = await startStub(() => ({ status: 502 }));
    const retried = queueFor({ provider: "varnish", url: failing.base }, { maxAttempts: 4 });
    retried.queue.enqueue(["story:a"]);
    await retried.queue.idle();
    expect(failing.seen).toHaveLength(4);
    expect(retried.delays).toEqual([500, 1000, 2000]);
    expect(retried.metrics.outcomes).toEqual(["retry", "retry", "retry", "failure"]);
    await new Promise((resolve) => stub?.close(resolve));

    const refusing = await startStub(() => ({ status: 403 }));
    const refused = queueFor({
      provider: "cloudflare",
      zoneId: zone,
      apiToken: token,
      url: refusing.base,
    });
    refused.queue.enqueue(["story:a"]);
    await refused.queue.idle();
    expect(refusing.seen).toHaveLength(1);
    expect(refused.metrics.outcomes).toEqual(["failure"]);
  });

  it("never makes the caller wait, and coalesces what arrives meanwhile", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const seen: string[] = [];
    const queue = new CdnPurgeQueue({
      adapter: cdnPurgeAdapter({ provider: "varnish", url: "http://127.0.0.1:9/" }),
      outbound: {
        check: async (url) => ({ ok: true, url }),
        request: async (_url, init) => {
          seen.push(init.headers["xkey-purge"] ?? "");
          await gate;
          return { kind: "response", status: 200, headers: {}, body: new Uint8Array(), url: "" };
        },
      },
      logger: silent,
    });
    const started = performance.now();
    queue.enqueue(["story:a", "list:home:en"]);
    queue.enqueue(["story:b"]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The first batch is stuck at the CDN; these wait and go together, duplicates once.
    queue.enqueue(["story:c", "story:d"]);
    queue.enqueue(["story:c", "list:home:en"]);
    expect(performance.now() - started).toBeLessThan(50);
    expect(seen).toEqual(["story:a list:home:en story:b"]);
    release();
    await queue.idle();
    expect(seen).toEqual(["story:a list:home:en story:b", "story:c story:d list:home:en"]);
  });

  it("is bounded: past the limit new tags are dropped and counted, purge-everything is kept", async () => {
    const { base, seen } = await startStub(() => ({ status: 200 }));
    const { queue, metrics } = queueFor({ provider: "generic", url: base }, { maxPendingTags: 3 });
    queue.enqueue(["a", "b", "c", "d", "e"]);
    expect(queue.pending).toBe(3);
    expect(metrics.dropped).toBe(2);
    queue.enqueue(["*"]);
    await queue.idle();
    // Everything supersedes the tags that were waiting.
    expect(seen.map((r) => JSON.parse(r.body))).toEqual([{ tags: ["*"] }]);
  });

  it("refuses a provider API host that resolves to a private address (the guard stays on)", async () => {
    // Cloudflare's API host answers with a loopback address: a poisoned resolver.
    const metrics = new CountingMetrics();
    const guarded = new CdnPurgeQueue({
      adapter: cdnPurgeAdapter({
        provider: "cloudflare",
        zoneId: zone,
        apiToken: token,
        url: undefined,
      }),
      outbound: new OutboundHttp({
        allowPrivate: false,
        resolver: { lookup: async () => [{ address: "127.0.0.1", family: 4 }] },
      }),
      logger: silent,
      metrics,
    });
    guarded.enqueue(["story:a"]);
    await guarded.idle();
    expect(metrics.outcomes).toEqual(["failure"]);
  });
});
