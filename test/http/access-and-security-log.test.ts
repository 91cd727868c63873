import { createServer, request } from "node:http";
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { withAccessLog } from "../../src/http/access-log.js";
import { trustedProxies } from "../../src/http/client-ip.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Line = Record<string, unknown>;

/** A pino logger whose JSON lines land in an array. */
function capturingLogger(level = "info") {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString("utf8").split("\n")) {
        if (text.trim() !== "") lines.push(JSON.parse(text) as Line);
      }
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A real socket server around `withAccessLog`, answering with the given status. */
async function serve(sample: number, status = 200) {
  const { logger, lines } = capturingLogger();
  const server = createServer(
    withAccessLog(
      (req, res) => {
        res.writeHead(status, { "Content-Type": "text/plain", "Content-Length": "2" });
        res.end(`${req.headers["x-request-id"] === undefined ? "no" : "ok"}`);
      },
      { logger, trusted: trustedProxies(["127.0.0.1/32"]), sample },
    ),
  );
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  closers.push(() => new Promise((done) => server.close(() => done())));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ id: string | undefined; body: string }>((resolve, reject) => {
      request({ port, path, headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ id: res.headers["x-request-id"] as string, body }));
      })
        .on("error", reject)
        .end();
    });
  // The access line is written when the response closes on the server; wait for it.
  const settled = async (count: number) => {
    for (let i = 0; i < 200 && lines.length < count; i++) {
      await new Promise((done) => setTimeout(done, 5));
    }
  };
  return { get, lines, settled };
}

describe("the access log", () => {
  it("logs one line per request with its id, never cookies or secrets", async () => {
    const { get, lines, settled } = await serve(1);
    const kept = await get("/english/?page=2&token=s3cret&api_key=k3y", {
      "X-Request-Id": "edge-7f3a",
      Cookie: "nd_session=abcdef",
      Authorization: "Bearer zzz",
      "X-Forwarded-For": "203.0.113.9",
      "User-Agent": "probe/1.0",
    });
    // The caller's id is kept and echoed, and the app sees it as the header.
    expect(kept).toEqual({ id: "edge-7f3a", body: "ok" });
    const fresh = await get("/english/", { "X-Request-Id": "spaces are not allowed" });
    expect(fresh.id).toMatch(/^[0-9a-f-]{36}$/);
    await settled(2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      msg: "request",
      reqId: "edge-7f3a",
      method: "GET",
      path: "/english/",
      query: "page=2&token=[redacted]&api_key=[redacted]",
      status: 200,
      complete: true,
      bytes: 2,
      // The peer is a trusted proxy, so the forwarded client address is believed.
      ip: "203.0.113.9",
      ua: "probe/1.0",
    });
    expect(typeof lines[0]?.ms).toBe("number");
    const text = JSON.stringify(lines);
    for (const secret of ["s3cret", "k3y", "abcdef", "zzz", "nd_session"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("logs no ordinary request when off, but still logs server errors", async () => {
    const quiet = await serve(0);
    await quiet.get("/english/");
    const failing = await serve(0, 500);
    await failing.get("/english/");
    await failing.settled(1);
    expect(quiet.lines).toEqual([]);
    expect(failing.lines).toEqual([expect.objectContaining({ status: 500, path: "/english/" })]);
  });
});

describe("the security log", () => {
  it("records log-ins, failures and role changes with the actor and the email tried", async () => {
    const { logger, lines } = capturingLogger();
    const newsdesk = await startTestNewsdesk("sqlite", { logger });
    closers.push(() => newsdesk.dispose());
    const admin = new NewsroomClient(newsdesk.app);
    const stranger = new NewsroomClient(newsdesk.app);
    expect((await stranger.login("editor@newsdesk.test", "not the password at all")).status).toBe(
      401,
    );
    expect((await admin.login("admin@newsdesk.test", "demo-password-ada")).status).toBe(200);
    const created = await admin.json<{ user: { id: string } }>("POST", "/users", {
      email: "desk@newsdesk.test",
      displayName: "Desk",
      password: "harbour lights over the estuary",
      grants: [{ serviceId: "en", role: "reporter" }],
    });
    await admin.json("PUT", `/users/${created.user.id}/grants`, {
      grants: [{ serviceId: "en", role: "editor" }],
    });
    const events = lines.filter((line) => line.msg === "security event");
    expect(events.map((e) => [e.security, e.outcome, e.status])).toEqual([
      ["login", "failure", 401],
      ["login", "success", 200],
      ["user.created", "success", 201],
      ["user.grants.changed", "success", 200],
    ]);
    expect(events[0]).toMatchObject({ email: "editor@newsdesk.test", actorId: null });
    expect(events[3]?.actorId).toEqual(expect.any(String));
    // Passwords never reach the log.
    expect(JSON.stringify(lines)).not.toContain("not the password at all");
    expect(JSON.stringify(lines)).not.toContain("harbour lights");
  });
});
