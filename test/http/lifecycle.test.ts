import { Agent, request } from "node:http";
import { connect } from "node:net";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type TestNewsdesk = Awaited<ReturnType<typeof startTestNewsdesk>>;

let newsdesk: TestNewsdesk | undefined;
let server: RunningServer | undefined;

afterEach(async () => {
  await server?.stop().catch(() => undefined);
  await newsdesk?.dispose();
  server = undefined;
  newsdesk = undefined;
});

async function json(path: string): Promise<{ status: number; body: unknown }> {
  const response = await (newsdesk as TestNewsdesk).app.request(path);
  return { status: response.status, body: await response.json() };
}

/** Waits until the server is handling `n` requests (live streams included). */
async function handling(running: RunningServer, n: number): Promise<void> {
  for (let i = 0; i < 500 && running.inFlight < n; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(running.inFlight).toBe(n);
}

/** Starts a POST whose body is sent in two halves; resolves the response when it arrives. */
function slowPost(port: number) {
  const body = JSON.stringify({ email: "nobody@example.org", password: "x".repeat(64) });
  let sendRest: () => void = () => undefined;
  const done = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        port,
        method: "POST",
        path: "/newsroom/api/session",
        headers: { "Content-Type": "application/json", "Content-Length": body.length },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, 10));
    sendRest = () => req.end(body.slice(10));
  });
  return { done, sendRest: () => sendRest() };
}

/** Opens a live stream and collects what it sends until the server ends it. */
function liveStream(port: number, path = "/_/live/en", headers: Record<string, string> = {}) {
  let text = "";
  let opened: () => void = () => undefined;
  const open = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const ended = new Promise<string>((resolve, reject) => {
    request({ port, path, headers }, (res) => {
      res.on("data", (chunk) => {
        text += chunk;
        opened();
      });
      res.on("end", () => resolve(text));
    })
      .on("error", reject)
      .end();
  });
  return { open, ended };
}

/** A GET on a new connection of its own (no keep-alive pool). */
function freshGet(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ port, path, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    })
      .on("error", reject)
      .end();
  });
}

/** Reads one whole HTTP/1.1 response with a Content-Length from a raw socket's text. */
function parseResponse(text: string): { status: number; headers: string; body: string } | null {
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) return null;
  const head = text.slice(0, end);
  const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? Number.NaN);
  const body = text.slice(end + 4);
  if (!Number.isFinite(length) || Buffer.byteLength(body) < length) return null;
  return { status: Number(head.split(" ")[1]), headers: head.toLowerCase(), body };
}

describe("health and readiness", () => {
  it("answers liveness without the database, and readiness with it", async () => {
    newsdesk = await startTestNewsdesk("sqlite", { seed: false });
    expect(await json("/healthz")).toEqual({ status: 200, body: { status: "ok" } });
    expect(await json("/readyz")).toEqual({
      status: 200,
      body: { status: "ready", database: "ok", migrations: "current" },
    });
    newsdesk.lifecycle.draining = true;
    expect(await json("/readyz")).toEqual({ status: 503, body: { status: "draining" } });
    // Liveness stays up while draining: the process is fine, only leaving.
    expect((await json("/healthz")).status).toBe(200);
  });

  it("is not ready while a migration is pending", async () => {
    newsdesk = await startTestNewsdesk("sqlite", { seed: false });
    await sql`delete from kysely_migration where name = ${"0012-drop-legacy-search"}`.execute(
      newsdesk.database.db,
    );
    expect(await json("/readyz")).toEqual({
      status: 503,
      body: { status: "migrating", database: "ok", migrations: "pending" },
    });
  });

  it("is not ready when the database is unreachable", async () => {
    newsdesk = await startTestNewsdesk("sqlite", { seed: false });
    await newsdesk.database.close();
    expect(await json("/readyz")).toMatchObject({
      status: 503,
      body: { status: "unavailable", database: "unreachable" },
    });
    // dispose() closes the database again; closing twice is harmless.
  });
});

describe("graceful shutdown", () => {
  it("finishes in-flight requests, refuses new ones and sends live streams elsewhere", async () => {
    newsdesk = await startTestNewsdesk("sqlite", { env: { PORT: "0", HOST: "127.0.0.1" } });
    server = await startServer(newsdesk);
    const { port } = server;
    const stream = liveStream(port);
    await stream.open;
    // The newsroom's own event stream, for a signed-in editor.
    const login = await fetch(`http://127.0.0.1:${port}/newsroom/api/session`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: `http://127.0.0.1:${port}` },
      body: JSON.stringify({ email: "editor@newsdesk.test", password: "demo-password-elif" }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const newsroomStream = liveStream(port, "/newsroom/api/events", { Cookie: cookie });
    await newsroomStream.open;
    const inFlight = slowPost(port);
    await handling(server, 3);

    const drained = server.drain(10_000);
    // Not ready at once, so the load balancer stops sending traffic here.
    expect(newsdesk.lifecycle.draining).toBe(true);
    // The stream ends with a short reconnection hint (the SSE `retry` field).
    expect(await stream.ended).toMatch(/retry: 1000\n\n$/);
    expect(await newsroomStream.ended).toMatch(/retry: 1000\n\n$/);
    // New connections are refused (a fresh socket: fetch would reuse its keep-alive one,
    // which is still answered during the keep-alive grace).
    await expect(freshGet(port, "/healthz")).rejects.toThrow();
    // The request that was already being sent still gets its whole answer.
    inFlight.sendRest();
    const answer = await inFlight.done;
    expect(answer.status).toBe(401);
    expect(answer.text).toContain("code");
    expect(await drained).toEqual({ finished: true, cut: 0 });
    server = undefined;
  });

  it("answers a request already sent on an idle keep-alive connection, with Connection: close", async () => {
    newsdesk = await startTestNewsdesk("sqlite", {
      seed: false,
      env: { PORT: "0", HOST: "127.0.0.1" },
    });
    server = await startServer(newsdesk);
    const socket = connect({ port: server.port, host: "127.0.0.1" });
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let text = "";
    let failure: Error | undefined;
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.on("error", (error) => {
      failure = error;
    });
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
    });
    const get = "GET /healthz HTTP/1.1\r\nHost: news.example.org\r\n\r\n";
    socket.write(get);
    for (let i = 0; i < 200 && !parseResponse(text); i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(parseResponse(text)?.status).toBe(200);
    text = "";
    // The client's next request is on the wire when the shutdown begins: the server has not
    // read it yet, so the connection still looks idle. Closing it now would lose the request.
    socket.write(get);
    const drained = server.drain(5000);
    await closed;
    expect(failure).toBeUndefined();
    const answer = parseResponse(text);
    expect(answer?.status).toBe(200);
    expect(answer?.headers).toContain("\r\nconnection: close");
    expect(JSON.parse(answer?.body ?? "")).toEqual({ status: "ok" });
    expect(await drained).toEqual({ finished: true, cut: 0 });
    server = undefined;
  });

  it("lets keep-alive clients sending back to back through a shutdown see no socket error", async () => {
    newsdesk = await startTestNewsdesk("sqlite", {
      seed: false,
      env: { PORT: "0", HOST: "127.0.0.1" },
    });
    server = await startServer(newsdesk);
    const { port } = server;
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const errors: string[] = [];
    let complete = 0;
    let draining = false;
    let answeredWhileDraining = 0;
    const served = new Array<number>(16).fill(0);
    /** One client: requests back to back until the server says it is closing the connection. */
    const client = async (index: number) => {
      for (let i = 0; i < 10_000; i++) {
        const outcome = await new Promise<"again" | "closing">((resolve) => {
          request({ port, path: "/healthz", agent }, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk) => {
              body += chunk;
            });
            res.on("error", (error) => {
              errors.push(`response: ${error.message}`);
              resolve("closing");
            });
            res.on("end", () => {
              served[index] = (served[index] ?? 0) + 1;
              if (res.statusCode === 200 && body === '{"status":"ok"}') complete++;
              else errors.push(`incomplete: ${res.statusCode} ${body}`);
              if (draining) answeredWhileDraining++;
              resolve(res.headers.connection === "close" ? "closing" : "again");
            });
          })
            .on("error", (error) => {
              errors.push(`request: ${error.message}`);
              resolve("closing");
            })
            .end();
        });
        if (outcome === "closing") return;
      }
    };
    const clients = Array.from({ length: 16 }, (_, index) => client(index));
    // Every client's connection accepted and in use: one still in the kernel's accept queue
    // when the listener closes is reset by the kernel, before Node ever sees it.
    for (let i = 0; i < 1000 && served.some((n) => n < 2); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(served.every((n) => n >= 2)).toBe(true);
    draining = true;
    const result = await server.drain(5000);
    await Promise.all(clients);
    agent.destroy();
    expect(errors).toEqual([]);
    expect(complete).toBeGreaterThan(16);
    // Every client was told, in an answer, that its connection was closing.
    expect(answeredWhileDraining).toBeGreaterThanOrEqual(16);
    expect(result).toEqual({ finished: true, cut: 0 });
    server = undefined;
  });

  it("cuts what is left when the drain time is up, and says so", async () => {
    newsdesk = await startTestNewsdesk("sqlite", {
      seed: false,
      env: { PORT: "0", HOST: "127.0.0.1" },
    });
    server = await startServer(newsdesk);
    const stuck = slowPost(server.port);
    stuck.done.catch(() => undefined);
    await handling(server, 1);
    expect(await server.drain(200)).toEqual({ finished: false, cut: 1 });
    server = undefined;
  });
});
