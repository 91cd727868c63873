import { request } from "node:http";
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
    // New connections are refused.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // The request that was already being sent still gets its whole answer.
    inFlight.sendRest();
    const answer = await inFlight.done;
    expect(answer.status).toBe(401);
    expect(answer.text).toContain("code");
    expect(await drained).toEqual({ finished: true, cut: 0 });
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
