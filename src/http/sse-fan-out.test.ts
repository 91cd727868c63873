import {
  createServer,
  get,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SseFanOut } from "./sse-fan-out.js";

/** A server whose every request becomes an open event stream, kept in `streams`. */
async function streamServer(): Promise<{ server: Server; streams: ServerResponse[] }> {
  const streams: ServerResponse[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8" });
    res.write("retry: 3000\n\n");
    streams.push(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { server, streams };
}

/** An HTTP/1.1 reader (Node's client decodes the chunks): resolves with its text so far. */
function reader(
  server: Server,
): Promise<{ text: () => string; until: (s: string) => Promise<void> }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = get({ port, path: "/", agent: false }, (res: IncomingMessage) => {
      expect(res.headers["transfer-encoding"]).toBe("chunked");
      res.setEncoding("utf8");
      let text = "";
      const waiters: (() => void)[] = [];
      res.on("data", (s: string) => {
        text += s;
        for (const w of waiters.splice(0)) w();
      });
      const until = async (s: string) => {
        while (!text.includes(s)) await new Promise<void>((w) => waiters.push(w));
      };
      res.once("data", () => resolve({ text: () => text, until }));
    });
    req.on("error", reject);
  });
}

describe("SseFanOut", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it("sends one frame to every stream, in slices that yield to the event loop between them", async () => {
    const opened = await streamServer();
    server = opened.server;
    const readers = await Promise.all(Array.from({ length: 5 }, () => reader(opened.server)));
    while (opened.streams.length < 5) await new Promise((r) => setTimeout(r, 5));
    const fanOut = new SseFanOut({ sliceSize: 2 });
    const frame = 'event: post\ndata: {"text":"Ünïcode – فارسی"}\n\n';
    fanOut.send(opened.streams, frame);
    // The first slice is written at once; the other three streams wait for later turns.
    expect(fanOut.pending).toBe(3);
    await Promise.all(readers.map((r) => r.until("فارسی")));
    expect(fanOut.pending).toBe(0);
    for (const r of readers) expect(r.text()).toBe(`retry: 3000\n\n${frame}`);
  });

  it("keeps each stream's frames in the order they were sent across slices", async () => {
    const opened = await streamServer();
    server = opened.server;
    const readers = await Promise.all(Array.from({ length: 7 }, () => reader(opened.server)));
    while (opened.streams.length < 7) await new Promise((r) => setTimeout(r, 5));
    const fanOut = new SseFanOut({ sliceSize: 3 });
    const frames = Array.from({ length: 4 }, (_, i) => `id: ${i}\ndata: ${i}\n\n`);
    for (const f of frames) fanOut.send(opened.streams, f);
    await Promise.all(readers.map((r) => r.until("id: 3\n")));
    for (const r of readers) expect(r.text()).toBe(`retry: 3000\n\n${frames.join("")}`);
  });

  it("writes the bare frame to an HTTP/1.0 reader, whose body runs until the connection closes", async () => {
    const opened = await streamServer();
    server = opened.server;
    const { port } = opened.server.address() as AddressInfo;
    const socket = connect({ port, host: "127.0.0.1" });
    let received = "";
    socket.setEncoding("latin1");
    socket.on("data", (s: string) => {
      received += s;
    });
    socket.write("GET / HTTP/1.0\r\nHost: x\r\n\r\n");
    while (opened.streams.length < 1) await new Promise((r) => setTimeout(r, 5));
    while (!received.includes("retry")) await new Promise((r) => setTimeout(r, 5));
    new SseFanOut().send(opened.streams, "data: one\n\n");
    while (!received.includes("data: one")) await new Promise((r) => setTimeout(r, 5));
    socket.destroy();
    expect(received).not.toMatch(/transfer-encoding/i);
    expect(received.split("\r\n\r\n")[1]).toBe("retry: 3000\n\ndata: one\n\n");
  });

  it("ends a stream whose reader stopped reading once its unsent data passes the bound", async () => {
    const opened = await streamServer();
    server = opened.server;
    const { port } = opened.server.address() as AddressInfo;
    // A reader that never reads: the kernel's buffers fill, then the socket's own.
    const socket = connect({ port, host: "127.0.0.1" });
    socket.pause();
    socket.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    while (opened.streams.length < 1) await new Promise((r) => setTimeout(r, 5));
    const stream = opened.streams[0] as ServerResponse;
    const fanOut = new SseFanOut({ maxBuffered: 64 * 1024 });
    const big = `data: ${"x".repeat(256 * 1024)}\n\n`;
    for (let i = 0; i < 200 && !stream.destroyed; i++) {
      fanOut.send(opened.streams, big);
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(stream.destroyed).toBe(true);
    socket.destroy();
  });

  it("skips streams that ended before their turn", async () => {
    const opened = await streamServer();
    server = opened.server;
    // One after another, so that streams[i] is readers[i]'s (opened at once, the server may
    // take them in any order, and the test would end another reader's stream).
    const readers = [];
    for (let i = 0; i < 3; i++) readers.push(await reader(opened.server));
    expect(opened.streams).toHaveLength(3);
    const fanOut = new SseFanOut({ sliceSize: 1 });
    fanOut.send(opened.streams, "data: a\n\n");
    opened.streams[2]?.end();
    await Promise.all(readers.slice(0, 2).map((r) => r.until("data: a")));
    while (fanOut.pending > 0) await new Promise((r) => setImmediate(r));
    expect(readers[2]?.text()).toBe("retry: 3000\n\n");
  });
});
