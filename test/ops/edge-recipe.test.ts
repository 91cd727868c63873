import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { request as httpRequest } from "node:http";
import { connect as http2Connect } from "node:http2";
import { request as httpsRequest } from "node:https";
import { createServer, connect as netConnect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { type RunningServer, startServer } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

/**
 * The edge recipe in docs/ops, run for real: Debian's nginx and Varnish (with vmod_xkey from
 * varnish-modules) in front of a Newsdesk, from the shipped files with only ports and paths
 * changed. Readers' requests go over TLS to nginx, through Varnish, to Newsdesk.
 */

const tools = {
  nginx: "/usr/sbin/nginx",
  varnishd: "/usr/sbin/varnishd",
  openssl: "/usr/bin/openssl",
  // vmod_xkey from varnish-modules, in the multiarch directory of this machine's architecture.
  xkey:
    readdirSync("/usr/lib", { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.endsWith("-linux-gnu"))
      .map((entry) => join("/usr/lib", entry.name, "varnish/vmods/libvmod_xkey.so"))
      .find((path) => existsSync(path)) ??
    "/usr/lib/<arch>-linux-gnu/varnish/vmods/libvmod_xkey.so",
};
const missing = Object.entries(tools)
  .filter(([, path]) => !existsSync(path))
  .map(([name]) => name);
const ci = process.env.CI === "true" || process.env.CI === "1";
if (missing.length > 0 && !ci) {
  console.warn(
    `edge recipe test skipped: ${missing.join(", ")} missing (apt-get install nginx varnish varnish-modules openssl)`,
  );
}

const repo = join(import.meta.dirname, "..", "..");
const host = "news.example.org";
const actor = systemActor("edge recipe test");

/** Replaces `from` in a shipped file, which must hold it exactly once (else the recipe drifted). */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) {
    throw new Error(`expected exactly one ${JSON.stringify(from)} in the shipped file`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = netConnect({ port, host: "127.0.0.1" });
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} never opened:\n${log()}`);
}

function start(command: string, args: string[]): { child: ChildProcess; log: () => string } {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  return { child, log: () => output };
}

interface EdgeResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

describe.skipIf(missing.length > 0 && !ci)(
  "edge recipe: nginx and Varnish in front of Newsdesk",
  () => {
    let dir = "";
    let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>> | undefined;
    let server: RunningServer | undefined;
    const children: ChildProcess[] = [];
    let varnishPort = 0;
    let httpsPort = 0;
    let httpPort = 0;
    let ca = "";

    /** A request to nginx over TLS, checked against the test's own CA, from `localAddress`. */
    function edge(
      path: string,
      options: {
        method?: string;
        headers?: Record<string, string>;
        body?: string;
        localAddress?: string;
      } = {},
    ): Promise<EdgeResponse> {
      return new Promise((resolve, reject) => {
        const req = httpsRequest(
          {
            host: "127.0.0.1",
            port: httpsPort,
            servername: host,
            ca,
            agent: false,
            path,
            method: options.method ?? "GET",
            headers: { Host: host, ...options.headers },
            ...(options.localAddress ? { localAddress: options.localAddress } : {}),
          },
          (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => {
              body += chunk;
            });
            res.on("end", () =>
              resolve({ status: res.statusCode ?? 0, headers: res.headers, body }),
            );
          },
        );
        req.on("error", reject);
        req.end(options.body);
      });
    }

    beforeAll(async () => {
      if (missing.length > 0) {
        throw new Error(
          `${missing.join(", ")} missing: CI must install nginx, varnish and varnish-modules (.ci/run)`,
        );
      }
      dir = mkdtempSync(join(tmpdir(), "newsdesk-edge-"));
      // Varnish's and nginx's unprivileged workers (when run as root) read and write in here.
      chmodSync(dir, 0o755);
      varnishPort = await freePort();
      httpsPort = await freePort();
      httpPort = await freePort();

      newsdesk = await startTestNewsdesk("sqlite", {
        env: {
          PORT: "0",
          HOST: "127.0.0.1",
          // Varnish connects from loopback; only its X-Forwarded-For is believed.
          TRUSTED_PROXIES: "127.0.0.1",
          CDN_PURGE_PROVIDER: "varnish",
          CDN_PURGE_URL: `http://127.0.0.1:${varnishPort}/`,
        },
      });
      server = await startServer(newsdesk);

      // Varnish, from docs/ops/varnish.vcl with Newsdesk's port.
      const vcl = replaceOnce(
        readFileSync(join(repo, "docs/ops/varnish.vcl"), "utf8"),
        '.port = "8080";',
        `.port = "${server.port}";`,
      );
      writeFileSync(join(dir, "varnish.vcl"), vcl);
      const varnish = start(tools.varnishd, [
        "-F",
        "-a",
        `127.0.0.1:${varnishPort}`,
        "-f",
        join(dir, "varnish.vcl"),
        "-n",
        join(dir, "varnish"),
        "-s",
        "malloc,64m",
      ]);
      children.push(varnish.child);

      // A certificate for news.example.org, trusted by this test alone.
      execFileSync(
        tools.openssl,
        [
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "1",
          "-subj",
          `/CN=${host}`,
          "-addext",
          `subjectAltName=DNS:${host}`,
          "-keyout",
          join(dir, "key.pem"),
          "-out",
          join(dir, "cert.pem"),
        ],
        { stdio: "ignore" },
      );
      ca = readFileSync(join(dir, "cert.pem"), "utf8");

      // nginx, from docs/ops/nginx.conf with test ports, paths and loopback-only listeners.
      let site = readFileSync(join(repo, "docs/ops/nginx.conf"), "utf8");
      site = replaceOnce(site, "server 127.0.0.1:6081;", `server 127.0.0.1:${varnishPort};`);
      site = replaceOnce(site, "listen 80;", `listen 127.0.0.1:${httpPort};`);
      site = replaceOnce(site, "listen [::]:80;", "");
      site = replaceOnce(site, "listen 443 ssl http2;", `listen 127.0.0.1:${httpsPort} ssl http2;`);
      site = replaceOnce(site, "listen [::]:443 ssl http2;", "");
      site = replaceOnce(
        site,
        `/etc/letsencrypt/live/${host}/fullchain.pem`,
        join(dir, "cert.pem"),
      );
      site = replaceOnce(site, `/etc/letsencrypt/live/${host}/privkey.pem`, join(dir, "key.pem"));
      site = replaceOnce(site, "/var/cache/nginx/newsdesk-media", join(dir, "nginx-media"));
      writeFileSync(join(dir, "newsdesk.conf"), site);
      for (const sub of ["nginx-media", "nginx-temp"]) {
        mkdirSync(join(dir, sub));
        chmodSync(join(dir, sub), 0o777);
      }
      // The main file a distribution provides around conf.d (Debian's /etc/nginx/nginx.conf).
      writeFileSync(
        join(dir, "nginx.conf"),
        [
          "worker_processes 1;",
          `pid ${join(dir, "nginx.pid")};`,
          `error_log ${join(dir, "nginx-error.log")} warn;`,
          "events { worker_connections 512; }",
          "http {",
          `  access_log ${join(dir, "nginx-access.log")};`,
          `  client_body_temp_path ${join(dir, "nginx-temp", "body")};`,
          `  proxy_temp_path ${join(dir, "nginx-temp", "proxy")};`,
          `  fastcgi_temp_path ${join(dir, "nginx-temp", "fastcgi")};`,
          `  uwsgi_temp_path ${join(dir, "nginx-temp", "uwsgi")};`,
          `  scgi_temp_path ${join(dir, "nginx-temp", "scgi")};`,
          `  include ${join(dir, "newsdesk.conf")};`,
          "}",
          "",
        ].join("\n"),
      );
      const nginx = start(tools.nginx, [
        "-p",
        dir,
        "-c",
        join(dir, "nginx.conf"),
        "-g",
        "daemon off;",
      ]);
      children.push(nginx.child);
      await waitForPort(varnishPort, varnish.child, varnish.log);
      await waitForPort(
        httpsPort,
        nginx.child,
        () =>
          `${nginx.log()}\n${existsSync(join(dir, "nginx-error.log")) ? readFileSync(join(dir, "nginx-error.log"), "utf8") : ""}`,
      );
      // Varnish's health probe must see Newsdesk ready before it sends traffic.
      for (let i = 0; i < 100; i++) {
        if ((await edge("/readyz")).status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });

    afterAll(async () => {
      for (const child of children) {
        if (child.exitCode === null) {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGTERM");
          await exited;
        }
      }
      await server?.stop();
      await newsdesk?.dispose();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("serves readers over TLS with HTTP/2, and sends plain HTTP to HTTPS", async () => {
      const session = http2Connect(`https://127.0.0.1:${httpsPort}`, { ca, servername: host });
      const status = await new Promise<number>((resolve, reject) => {
        const stream = session.request({ ":path": "/healthz", ":authority": host });
        stream.on("response", (headers) => resolve(Number(headers[":status"])));
        stream.on("error", reject);
        stream.resume();
      });
      expect(session.alpnProtocol).toBe("h2");
      expect(status).toBe(200);
      session.close();
      const redirect = await new Promise<{ status: number; location: string }>((resolve, reject) =>
        httpRequest(
          { host: "127.0.0.1", port: httpPort, path: "/english/", headers: { Host: host } },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, location: String(res.headers.location) });
          },
        )
          .on("error", reject)
          .end(),
      );
      expect(redirect).toEqual({ status: 301, location: `https://${host}/english/` });
    });

    it("caches pages in Varnish and makes a publish fresh at the edge within 1 s", async () => {
      const nd = newsdesk as NonNullable<typeof newsdesk>;
      const slug = `edge-freshness-${Date.now()}`;
      const content = {
        headline: "Harbour reopens after the storm",
        standfirst: "",
        dateline: "",
        slug,
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "The harbour is open again." }] }],
        bylines: [],
        agencies: [],
      };
      const { story } = await nd.services.stories.create(actor, { serviceId: "en", content });
      await nd.services.stories.publish(actor, story.id, { mode: "first" });
      const section = await (await nd.app.request("/english/world")).text();
      const path = new RegExp(`href="(/english/[^"]*${slug}[^"]*)"`).exec(section)?.[1];
      expect(path).toBeDefined();
      const url = path as string;

      const first = await edge(url);
      expect(first.status).toBe(200);
      expect(first.body).toContain("Harbour reopens after the storm");
      const second = await edge(url);
      expect(second.headers["cache-status"]).toMatch(/varnish; hit$/);
      // Cache-internal headers stay at the edge.
      expect(second.headers["surrogate-key"]).toBeUndefined();
      expect(second.headers.xkey).toBeUndefined();

      await nd.services.stories.saveDraft(actor, story.id, {
        baseRevisionId: story.currentRevisionId,
        content: { ...content, headline: "Harbour reopens: ferries sail again" },
      });
      const started = performance.now();
      await nd.services.stories.publish(actor, story.id, { mode: "update" });
      let fresh: EdgeResponse | undefined;
      for (let i = 0; i < 400; i++) {
        const page = await edge(url);
        if (page.body.includes("Harbour reopens: ferries sail again")) {
          fresh = page;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const ms = performance.now() - started;
      console.info(`edge freshness (publish → Varnish serving the new page): ${ms.toFixed(1)} ms`);
      expect(fresh).toBeDefined();
      // Pages stay 60 s at the edge (s-maxage): only the purge explains a fresh page this soon.
      expect(ms).toBeLessThan(1000);
      // And the new page is what Varnish caches from then on.
      expect((await edge(url)).headers["cache-status"]).toMatch(/varnish; hit$/);
      // The purge is counted for the dashboards.
      expect(
        await nd.metrics.registry.getSingleMetricAsString("newsdesk_cdn_purge_requests_total"),
      ).toMatch(/newsdesk_cdn_purge_requests_total\{provider="varnish",outcome="success"\} [1-9]/);

      // "Start clean" (`*`) empties Varnish too: the page is fetched anew.
      await nd.liveUpdates.invalidate(["*"]);
      let refetched = false;
      for (let n = 0; n < 200 && !refetched; n++) {
        refetched = /varnish; fwd=miss$/.test(String((await edge(url)).headers["cache-status"]));
        if (!refetched) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(refetched).toBe(true);
    });

    it("keeps image renditions in nginx's disk cache, and never caches the newsroom", async () => {
      const home = (await edge("/english/")).body;
      const media = /(\/media\/[^"\s,]+\.(?:webp|jpg|avif))/.exec(home)?.[1];
      expect(media).toBeDefined();
      const first = await edge(media as string);
      expect(first.status).toBe(200);
      expect(first.headers["x-media-cache"]).toBe("MISS");
      expect((await edge(media as string)).headers["x-media-cache"]).toBe("HIT");

      // Newsroom and API addresses go past the cache every time (passed: "fwd=uri-miss").
      for (const path of ["/newsroom/", "/newsroom/", "/newsroom/api/session", "/api/v1/stories"]) {
        expect((await edge(path)).headers["cache-status"]).toMatch(/varnish; fwd=uri-miss$/);
      }
      // A log-in sets a cookie: never stored, whatever else the response says.
      const login = await edge("/newsroom/api/session", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: `https://${host}` },
        body: JSON.stringify({ email: "editor@newsdesk.test", password: "demo-password-elif" }),
        localAddress: "127.0.0.4",
      });
      expect(login.status).toBe(200);
      expect(login.headers["set-cookie"]).toBeDefined();
      expect(login.headers["cache-status"]).toMatch(/varnish; fwd=uri-miss$/);
    });

    it("streams live events (SSE) through nginx and Varnish as they happen", async () => {
      const nd = newsdesk as NonNullable<typeof newsdesk>;
      let text = "";
      let opened: () => void = () => undefined;
      const open = new Promise<void>((resolve) => {
        opened = resolve;
      });
      let waiter: (() => void) | undefined;
      const req = httpsRequest(
        {
          host: "127.0.0.1",
          port: httpsPort,
          servername: host,
          ca,
          agent: false,
          path: "/_/live/en",
          headers: { Host: host, Accept: "text/event-stream" },
        },
        (res) => {
          expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
            opened();
            waiter?.();
          });
        },
      );
      req.on("error", () => undefined);
      req.end();
      await open;
      expect(text).toContain("retry: 3000");
      const started = performance.now();
      await nd.services.breaking.raise(actor, {
        serviceId: "en",
        text: "Edge test: the live bar reaches readers",
        url: null,
        expiresAt: "2099-01-01T00:00:00.000Z",
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no banner event; got ${text}`)), 5000);
        waiter = () => {
          if (text.includes("Edge test: the live bar reaches readers")) {
            clearTimeout(timer);
            resolve();
          }
        };
        waiter();
      });
      const ms = performance.now() - started;
      console.info(
        `SSE through nginx and Varnish (banner raised → event at the reader): ${ms.toFixed(1)} ms`,
      );
      expect(text).toMatch(/event: banner\n/);
      // Not a performance target: buffering in nginx or Varnish would hold the event until the
      // 25 s heartbeat filled a buffer or the stream ended, far beyond this bound.
      expect(ms).toBeLessThan(1000);
      req.destroy();
      await nd.services.breaking.clear(actor, "en");
    });

    it("throttles log-ins per real client address, which a forged X-Forwarded-For cannot change", async () => {
      const attempt = (localAddress: string, n: number, headers: Record<string, string> = {}) =>
        edge("/newsroom/api/session", {
          method: "POST",
          localAddress,
          headers: { "Content-Type": "application/json", Origin: `https://${host}`, ...headers },
          // A new address every time: only the per-client-address limit can apply.
          body: JSON.stringify({
            email: `nobody-${localAddress}-${n}@example.org`,
            password: "wrong",
          }),
        });
      // The per-address limit: 30 attempts in 15 minutes (src/domain/users/login-throttle.ts).
      const statuses: number[] = [];
      for (let n = 0; n < 31; n++) statuses.push((await attempt("127.0.0.2", n)).status);
      expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
      // Another reader, elsewhere, is not held back by the first one's attempts.
      expect((await attempt("127.0.0.3", 0)).status).toBe(401);
      // Claiming to be someone else does not help the first: nginx replaces the header.
      expect((await attempt("127.0.0.2", 31, { "X-Forwarded-For": "127.0.0.3" })).status).toBe(429);
      expect((await attempt("127.0.0.2", 32, { "X-Forwarded-For": "203.0.113.7" })).status).toBe(
        429,
      );
    });
  },
);
