import { createServer, get, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { services } from "../domain/services/service-registry.js";
import { LiveHub } from "./live-hub.js";

interface PostStream {
  /** The `post` frames received so far: their SSE ids and data. */
  readonly posts: { id: string; data: { id: string } }[];
  /** Resolves once `count` post frames have arrived. */
  until(count: number): Promise<void>;
  close(): void;
}

function open(server: Server, path: string, lastEventId?: string): Promise<PostStream> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const headers = lastEventId ? { "Last-Event-ID": lastEventId } : {};
    const req = get({ port, path, headers }, (res: IncomingMessage) => {
      res.setEncoding("utf8");
      const posts: PostStream["posts"] = [];
      const waiters: (() => void)[] = [];
      let buffer = "";
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!frame.includes("event: post")) continue;
          posts.push({
            id: /^id: (.*)$/mu.exec(frame)?.[1] ?? "",
            data: JSON.parse(/^data: (.*)$/mu.exec(frame)?.[1] ?? "null"),
          });
          for (const wake of waiters.splice(0)) wake();
        }
      });
      const until = async (count: number) => {
        while (posts.length < count) await new Promise<void>((wake) => waiters.push(wake));
      };
      // The stream is open once its first bytes (the retry hint) arrive.
      res.once("data", () => resolve({ posts, until, close: () => req.destroy() }));
    });
    req.on("error", reject);
  });
}

describe("LiveHub post events", () => {
  let server: Server | undefined;
  let hub: LiveHub | undefined;
  afterEach(() => {
    hub?.close();
    server?.close();
  });

  const start = async () => {
    hub = new LiveHub({ current: async () => undefined });
    const live = hub;
    server = createServer((req, res) => {
      if (!live.handle(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
    return { server, hub: live };
  };

  it("reaches only the open pages of that live page in that edition", async () => {
    const { server: s, hub: h } = await start();
    const a = await open(s, "/_/live/en?story=story0000001&since=1");
    const b = await open(s, "/_/live/en?story=story0000001&since=1");
    const other = await open(s, "/_/live/en?story=story0000002&since=1");
    const persian = await open(s, "/_/live/fa?story=story0000001&since=1");
    const plain = await open(s, "/_/live/en");
    expect(h.broadcastPost(services.en, "story0000001", 1_000_000, { id: "p1" })).toBe(2);
    await a.until(1);
    await b.until(1);
    expect(a.posts).toEqual([{ id: "p-1000000", data: { id: "p1" } }]);
    expect(b.posts).toEqual(a.posts);
    // A later frame on the same socket proves the others received nothing before it.
    h.broadcastPost(services.en, "story0000002", 1_000_001, { id: "q1" });
    h.broadcastPost(services.fa, "story0000001", 1_000_002, { id: "f1" });
    await other.until(1);
    await persian.until(1);
    expect(other.posts.map((p) => p.data.id)).toEqual(["q1"]);
    expect(persian.posts.map((p) => p.data.id)).toEqual(["f1"]);
    expect(plain.posts).toEqual([]);
    for (const stream of [a, b, other, persian, plain]) stream.close();
  });

  it("replays what a page missed: after its Last-Event-ID, or since it was rendered", async () => {
    const { server: s, hub: h } = await start();
    const t0 = 2_000_000_000_000;
    for (let i = 0; i < 4; i += 1) {
      h.broadcastPost(services.en, "story0000001", t0 + i * 10_000, { id: `p${i}` });
    }
    // Reconnected after p1: p2 and p3, in order.
    const back = await open(s, "/_/live/en?story=story0000001&since=1", `p-${t0 + 10_000}`);
    await back.until(2);
    expect(back.posts.map((p) => p.data.id)).toEqual(["p2", "p3"]);
    // A page rendered just after p3 was written may not show it (the render read the posts
    // first): events up to a few seconds before its render time come again.
    const fresh = await open(s, `/_/live/en?story=story0000001&since=${t0 + 32_000}`);
    await fresh.until(1);
    expect(fresh.posts.map((p) => p.data.id)).toEqual(["p3"]);
    // A page that says nothing of its age gets only what comes next.
    const bare = await open(s, "/_/live/en?story=story0000001");
    h.broadcastPost(services.en, "story0000001", t0 + 40_000, { id: "p4" });
    await bare.until(1);
    expect(bare.posts.map((p) => p.data.id)).toEqual(["p4"]);
    for (const stream of [back, fresh, bare]) stream.close();
  });
});
