import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { WireEvents } from "../../src/domain/wire/wire-events.js";
import { WireIngest } from "../../src/domain/wire/wire-ingest.js";
import type { WireItemRepository } from "../../src/domain/wire/wire-repository.js";
import type { WireSource } from "../../src/domain/wire/wire-source-schema.js";
import { WireScheduler } from "../../src/ingest/wire-scheduler.js";
import { OutboundHttp } from "../../src/security/outbound-http.js";
import { dialects } from "../support/test-databases.js";
import { ninjsBytes, openWireHarness, type WireHarness } from "./wire-test-support.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** The repository with one method replaced (a database that fails part-way). */
function replacing<T extends object>(target: T, name: keyof T, method: unknown): T {
  return new Proxy(target, {
    get(inner, property, receiver) {
      if (property === name) return method;
      const value: unknown = Reflect.get(inner, property, receiver);
      return typeof value === "function" ? value.bind(inner) : value;
    },
  });
}

/** A loopback test server whose routes the tests swap; it records every request. */
async function startServer(): Promise<{
  url: string;
  routes: Map<string, Handler>;
  requests: IncomingMessage[];
  close(): Promise<void>;
}> {
  const routes = new Map<string, Handler>();
  const requests: IncomingMessage[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req);
    const handler = routes.get(req.url ?? "");
    if (handler) handler(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.each(dialects)("wire sources on %s", (dialect) => {
  let h: WireHarness;
  let server: Awaited<ReturnType<typeof startServer>>;
  let scheduler: WireScheduler;
  // The test feeds listen on 127.0.0.1, which only WIRE_ALLOW_PRIVATE=1 permits.
  const outbound = new OutboundHttp({ allowPrivate: true });
  // WIRE_DROP_ROOTS: the drop directories below are made inside this one.
  const root = realpathSync(mkdtempSync(join(tmpdir(), "newsdesk-drop-root-")));

  beforeAll(async () => {
    h = await openWireHarness(dialect, { batchSize: 2, outbound, dropRoots: [root] });
    server = await startServer();
    scheduler = new WireScheduler({
      ingest: h.ingest,
      sources: h.wireRepos.sources,
      clock: h.clock,
      logger: h.logger,
      outbound,
      dropRoots: h.dropRoots,
    });
  });
  afterAll(async () => {
    await scheduler.stop();
    await server.close();
    await h.database.dispose();
    rmSync(root, { recursive: true, force: true });
  });
  afterEach(async () => {
    // Later tests must not see earlier sources as due.
    for (const source of await h.sources.list(h.actor)) await h.sources.remove(h.actor, source.id);
  });

  async function pullSource(path: string, extra: Record<string, unknown> = {}) {
    return (
      await h.sources.add(h.actor, {
        kind: "http-pull",
        name: `pull ${path}`,
        agencyCode: "PULLAG",
        agencyName: "Pull Agency",
        serviceId: "en",
        url: `${server.url}${path}`,
        intervalSeconds: 60,
        timeoutMs: 300,
        maxBackoffSeconds: 600,
        ...extra,
      })
    ).source;
  }

  const state = async (id: string) => (await h.sources.get(h.actor, id)).state;

  it("pulls with conditional GET: 200 with an ETag, then 304 changes nothing", async () => {
    const body = ninjsBytes({ uri: "urn:pull:1", headline: "Pulled copy" });
    server.routes.set("/feed", (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304).end();
      res.writeHead(200, {
        "Content-Type": "application/json",
        ETag: '"v1"',
        "Last-Modified": "Thu, 01 May 2031 10:00:00 GMT",
      });
      res.end(body);
    });
    const source = await pullSource("/feed");
    expect(await scheduler.tick()).toEqual([source.id]);
    const first = await state(source.id);
    expect(first).toMatchObject({ etag: '"v1"', failures: 0, lastError: null });
    expect(first.nextPollAt).toBe(new Date(h.clock.now().getTime() + 60_000).toISOString());
    // Not due yet: nothing is requested.
    const before = server.requests.length;
    expect(await scheduler.tick()).toEqual([]);
    expect(server.requests.length).toBe(before);
    h.clock.advance(60_000);
    expect(await scheduler.tick()).toEqual([source.id]);
    const conditional = server.requests.at(-1);
    expect(conditional?.headers["if-none-match"]).toBe('"v1"');
    expect(conditional?.headers["if-modified-since"]).toBe("Thu, 01 May 2031 10:00:00 GMT");
    const { items } = await h.queue.listQueue(h.actor, { source: source.id });
    expect(items.map((i) => [i.guid, i.versionCount])).toEqual([["urn:pull:1", 1]]);
    expect((await state(source.id)).failures).toBe(0);
  });

  it("backs off exponentially on 500s, up to the cap, and recovers", async () => {
    let failing = true;
    server.routes.set("/flaky", (_req, res) => {
      if (failing) return res.writeHead(500).end("boom");
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(ninjsBytes({ uri: "urn:pull:flaky" }));
    });
    const source = await pullSource("/flaky");
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const now = h.clock.now().getTime();
      await scheduler.tick();
      const s = await state(source.id);
      delays.push((Date.parse(s.nextPollAt) - now) / 1000);
      expect(s.lastError).toContain("HTTP 500");
      h.clock.advance(Date.parse(s.nextPollAt) - now);
    }
    expect(delays).toEqual([120, 240, 480, 600, 600, 600]);
    expect((await state(source.id)).failures).toBe(6);
    failing = false;
    await scheduler.tick();
    expect(await state(source.id)).toMatchObject({ failures: 0, lastError: null });
  });

  it("honours Retry-After on a 503", async () => {
    server.routes.set("/busy", (_req, res) => res.writeHead(503, { "Retry-After": "300" }).end());
    const source = await pullSource("/busy");
    const now = h.clock.now().getTime();
    await scheduler.tick();
    expect(Date.parse((await state(source.id)).nextPollAt) - now).toBe(300_000);
  });

  it("times out a slow server, headers or body, within the source's timeout", async () => {
    // Both answers complete after 2 s. The outcome, not a stopwatch, shows the bound: a pull
    // that waited 2 s would record what the answer held, not the 300 ms timeout.
    server.routes.set("/slow-headers", (_req, res) => {
      setTimeout(() => res.writeHead(200).end("{}"), 2000).unref();
    });
    server.routes.set("/slow-body", (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"uri": "urn:slow"');
      setTimeout(() => res.end("}"), 2000).unref();
    });
    const headers = await pullSource("/slow-headers");
    const body = await pullSource("/slow-body");
    await scheduler.tick();
    expect((await state(headers.id)).lastError).toBe("No complete answer within 300 ms.");
    expect((await state(body.id)).lastError).toBe("No complete answer within 300 ms.");
  });

  it("quarantines an answer over the size limit without reading it all", async () => {
    server.routes.set("/huge", (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => {
        sent = Number.POSITIVE_INFINITY;
      });
      pump();
    });
    const source = await pullSource("/huge", { maxBytes: 100_000, timeoutMs: 5000 });
    await scheduler.tick();
    expect((await state(source.id)).lastError).toMatch(/^WIRE_TOO_LARGE/);
    const { entries } = await h.queue.listQuarantine(h.actor, { sourceId: source.id });
    expect(entries).toMatchObject([{ code: "WIRE_TOO_LARGE", filename: `${server.url}/huge` }]);
  });

  it("survives an unreachable source and keeps polling the others", async () => {
    const dead = await h.sources.add(h.actor, {
      kind: "http-pull",
      name: "dead",
      agencyCode: "PULLAG",
      agencyName: "Pull Agency",
      serviceId: "en",
      url: "http://127.0.0.1:1/feed",
      timeoutMs: 300,
    });
    server.routes.set("/alive", (_req, res) =>
      res.writeHead(200).end(ninjsBytes({ uri: "urn:pull:alive" })),
    );
    const alive = await pullSource("/alive");
    expect((await scheduler.tick()).sort()).toEqual([dead.source.id, alive.id].sort());
    expect((await state(dead.source.id)).failures).toBe(1);
    expect((await state(alive.id)).failures).toBe(0);
  });

  async function dropSource(): Promise<{ source: WireSource; dir: string }> {
    const dir = mkdtempSync(join(root, "drop-"));
    const { source } = await h.sources.add(h.actor, {
      kind: "drop-directory",
      name: "FTP drop",
      agencyCode: "DROPAG",
      agencyName: "Drop Agency",
      serviceId: "en",
      directory: dir,
      settleMs: 1000,
      maxBytes: 4096,
    });
    return { source, dir };
  }

  it("ingests a drop directory, moving files to processed/ and failed/", async () => {
    const { source, dir } = await dropSource();
    const old = (h.clock.now().getTime() - 60_000) / 1000;
    const write = (name: string, data: Uint8Array | string, mtime = old) => {
      writeFileSync(join(dir, name), data);
      utimesSync(join(dir, name), mtime, mtime);
    };
    write("a-good.json", ninjsBytes({ uri: "urn:drop:1", headline: "Dropped copy" }));
    write("b-bad.xml", "<newsItem><unclosed></newsItem>");
    write("c-big.json", Buffer.alloc(5000, 0x20));
    write(".hidden.json", ninjsBytes({ uri: "urn:drop:hidden" }));
    write("d-upload.part", ninjsBytes({ uri: "urn:drop:part" }));
    write("e-fresh.json", ninjsBytes({ uri: "urn:drop:fresh" }), h.clock.now().getTime() / 1000);
    mkdirSync(join(dir, "subdir"));
    expect(await scheduler.tick()).toEqual([source.id]);
    expect(readdirSync(join(dir, "processed"))).toEqual(["a-good.json"]);
    expect(readdirSync(join(dir, "failed")).sort()).toEqual(["b-bad.xml", "c-big.json"]);
    expect(readdirSync(dir).sort()).toEqual([
      ".hidden.json",
      "d-upload.part",
      "e-fresh.json",
      "failed",
      "processed",
      "subdir",
    ]);
    const { items } = await h.queue.listQueue(h.actor, { source: source.id });
    expect(items.map((i) => i.guid)).toEqual(["urn:drop:1"]);
    const { entries } = await h.queue.listQuarantine(h.actor, { sourceId: source.id });
    expect(entries.map((e) => [e.filename, e.code]).sort()).toEqual([
      ["b-bad.xml", "WIRE_MALFORMED_XML"],
      ["c-big.json", "WIRE_TOO_LARGE"],
    ]);
    // Once settled, the fresh file is read too. The same file dropped again changes nothing
    // and is still moved out of the way, without overwriting the first copy.
    write("a-good.json", ninjsBytes({ uri: "urn:drop:1", headline: "Dropped copy" }));
    h.clock.advance(10_000);
    await scheduler.tick();
    const processed = readdirSync(join(dir, "processed")).sort();
    expect(processed).toHaveLength(3);
    expect(processed[0]).toMatch(/^a-good\.2031-.*\.json$/);
    expect(processed[1]).toBe("a-good.json");
    expect(processed[2]).toBe("e-fresh.json");
    const after = await h.queue.listQueue(h.actor, { source: source.id });
    expect(after.items.map((i) => [i.guid, i.versionCount])).toEqual([
      ["urn:drop:fresh", 1],
      ["urn:drop:1", 1],
    ]);
  });

  it("resumes a file after a crash mid-batch without duplicates", async () => {
    const { source, dir } = await dropSource();
    const items = [1, 2, 3, 4, 5].map((n) => ({ uri: `urn:crash:${n}`, headline: `Crash ${n}` }));
    const name = "batch.json";
    writeFileSync(join(dir, name), ninjsBytes(...items));
    const old = (h.clock.now().getTime() - 60_000) / 1000;
    utimesSync(join(dir, name), old, old);
    // The database "dies" after the first batch (of two items) has committed.
    let batches = 0;
    const dyingItems = replacing(
      h.wireRepos.items,
      "storeBatch",
      async (...args: Parameters<WireItemRepository["storeBatch"]>) => {
        batches += 1;
        if (batches > 1) throw new Error("connection lost");
        return h.wireRepos.items.storeBatch(...args);
      },
    );
    const dyingLedger = replacing(h.wireRepos.ledger, "insertQuarantine", async () => {
      throw new Error("connection lost");
    });
    const crashing = new WireScheduler({
      ingest: new WireIngest({
        ledger: dyingLedger,
        items: dyingItems,
        lineage: h.wireRepos.lineage,
        parser: h.parser,
        clock: h.clock,
        logger: h.logger,
        events: new WireEvents({ listeners: [], logger: h.logger }),
        batchSize: 2,
      }),
      sources: h.wireRepos.sources,
      clock: h.clock,
      logger: h.logger,
      outbound,
      dropRoots: h.dropRoots,
    });
    await crashing.tick();
    expect(readdirSync(dir)).toContain(name);
    expect((await h.queue.listQueue(h.actor, { source: source.id })).items).toHaveLength(2);
    expect((await state(source.id)).lastError).toBe("connection lost");
    // After the restart the file resumes at item 3; nothing is stored twice.
    h.clock.advance(3600_000);
    await scheduler.tick();
    expect(readdirSync(join(dir, "processed"))).toEqual([name]);
    const stored = await h.queue.listQueue(h.actor, { source: source.id });
    expect(stored.items.map((i) => [i.guid, i.versionCount]).sort()).toEqual(
      items.map((i) => [i.uri, 1]),
    );
    const resumed = h.logger.entries.filter((e) => e.msg === "wire file ingested").at(-1);
    expect(resumed?.obj).toMatchObject({ newItems: 3, duplicates: 0 });
  });

  it("starts and stops on injected timers", async () => {
    const pending: { callback: () => void; ms: number }[] = [];
    const timed = new WireScheduler({
      ingest: h.ingest,
      sources: h.wireRepos.sources,
      clock: h.clock,
      logger: h.logger,
      outbound,
      dropRoots: h.dropRoots,
      tickMs: 5000,
      timers: {
        setTimeout: (callback, ms) => pending.push({ callback, ms }),
        clearTimeout: () => undefined,
      },
    });
    timed.start();
    expect(pending).toMatchObject([{ ms: 0 }]);
    pending.shift()?.callback();
    await timed.stop();
    expect(pending).toEqual([]);
  });
});
