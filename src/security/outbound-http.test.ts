import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer as createTlsServer } from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type CountingListener,
  countingListener,
  fakeInternet,
  scriptedResolver,
} from "../../test/support/outbound-fakes.js";
import { OutboundHttp } from "./outbound-http.js";

const get = {
  method: "GET",
  headers: {},
  timeoutMs: 2000,
  maxBytes: 1024,
  maxRedirects: 5,
} as const;

describe("outbound HTTP guard", () => {
  let trap: CountingListener;
  let origin: CountingListener;

  beforeAll(async () => {
    trap = await countingListener((_req, res) => res.end("internal secret"));
    origin = await countingListener();
  });
  afterEach(() => {
    origin.handle((_req, res) => res.end("ok"));
  });
  afterAll(async () => {
    // The trap must never have been reached, by any test in this file.
    expect(trap.connections).toBe(0);
    await trap.close();
    await origin.close();
  });

  it("refuses non-public hosts in every spelling, before connecting", async () => {
    const { resolver } = scriptedResolver({
      "trap.test": [["127.0.0.1"]],
      "mixed.test": [["93.184.215.14", "127.0.0.1"]],
      "metadata.test": [["169.254.169.254"]],
      "mapped.test": [["::ffff:127.0.0.1"]],
      "nat64.test": [["64:ff9b::7f00:1"]],
      "sixtofour.test": [["2002:7f00:1::1"]],
    });
    const guard = new OutboundHttp({ resolver, allowPrivate: false });
    const p = trap.port;
    for (const url of [
      `http://127.0.0.1:${p}/`,
      `http://2130706433:${p}/`, // 127.0.0.1 as one decimal number
      `http://0x7f.1:${p}/`, // hex, short form
      `http://0x7f000001:${p}/`,
      `http://0177.0.0.1:${p}/`, // octal
      `http://127.1:${p}/`, // short form
      `http://127.0.0.1.:${p}/`, // trailing dot
      `http://[::1]:${p}/`,
      `http://[::ffff:127.0.0.1]:${p}/`,
      `http://[::ffff:7f00:1]:${p}/`,
      `http://[64:ff9b::127.0.0.1]:${p}/`,
      `http://[2002:7f00:1::]:${p}/`,
      `http://0.0.0.0:${p}/`,
      `http://localhost:${p}/`,
      `http://api.localhost:${p}/`,
      `http://trap.test:${p}/`,
      `http://mixed.test:${p}/`,
      `http://metadata.test:${p}/latest/meta-data`,
      `http://mapped.test:${p}/`,
      `http://nat64.test:${p}/`,
      `http://sixtofour.test:${p}/`,
    ]) {
      expect([url, await guard.check(url)]).toMatchObject([url, { ok: false, reason: "private" }]);
      expect([url, await guard.request(url, get)]).toMatchObject([
        url,
        { kind: "refused", reason: "private" },
      ]);
    }
    expect(trap.connections).toBe(0);
  });

  it("refuses URLs that are not plain http(s), and hosts that do not resolve", async () => {
    const guard = new OutboundHttp({ resolver: scriptedResolver({}).resolver, allowPrivate: true });
    for (const url of [
      "file:///etc/passwd",
      "gopher://x.example/",
      "https://u:p@x.example/",
      "x",
    ]) {
      expect(await guard.check(url)).toMatchObject({ ok: false, reason: "invalid" });
    }
    expect(await guard.check("https://nowhere.test/")).toMatchObject({
      ok: false,
      reason: "unresolvable",
    });
  });

  it("refuses a redirect from an allowed host to a private one, re-checking every hop", async () => {
    const { resolver, calls } = scriptedResolver({
      "public.test": [["93.184.215.14"]],
      "evil.test": [["127.0.0.1"]],
    });
    const net = fakeInternet({ "93.184.215.14": origin.port });
    const guard = new OutboundHttp({ resolver, allowPrivate: false, connect: net.connect });
    for (const location of [
      `http://127.0.0.1:${trap.port}/secret`,
      `http://2130706433:${trap.port}/secret`,
      `http://evil.test:${trap.port}/secret`,
      `http://[::ffff:127.0.0.1]:${trap.port}/secret`,
    ]) {
      origin.handle((_req, res) => res.writeHead(302, { Location: location }).end());
      const result = await guard.request("http://public.test/feed", get);
      expect([location, result]).toMatchObject([location, { kind: "refused", reason: "private" }]);
    }
    expect(calls).toContain("evil.test");
    expect(net.targets.every((t) => t.address === "93.184.215.14")).toBe(true);
    expect(trap.connections).toBe(0);
  });

  it("follows at most five redirects between allowed hosts", async () => {
    const { resolver } = scriptedResolver({ "public.test": [["93.184.215.14"]] });
    const net = fakeInternet({ "93.184.215.14": origin.port });
    const guard = new OutboundHttp({ resolver, allowPrivate: false, connect: net.connect });
    origin.handle((req, res) => {
      const hop = Number(/hop=(\d+)/.exec(req.url ?? "")?.[1] ?? 0);
      if (hop < 5) res.writeHead(307, { Location: `/feed?hop=${hop + 1}` }).end();
      else res.end(`arrived at ${hop}`);
    });
    const five = await guard.request("http://public.test/feed?hop=0", get);
    expect(five).toMatchObject({
      kind: "response",
      status: 200,
      url: "http://public.test/feed?hop=5",
    });
    expect(Buffer.from(five.kind === "response" ? five.body : []).toString()).toBe("arrived at 5");
    const six = await guard.request("http://public.test/feed?hop=0", { ...get, maxRedirects: 4 });
    expect(six).toMatchObject({ kind: "failed", reason: "redirects" });
    // Webhooks follow none: the 3xx is the answer.
    const none = await guard.request("http://public.test/feed?hop=0", { ...get, maxRedirects: 0 });
    expect(none).toMatchObject({ kind: "response", status: 307 });
  });

  it("resolves once and connects to the address it checked, whatever DNS says next", async () => {
    // First answer public, every later one loopback: a DNS-rebinding attack.
    const { resolver, calls } = scriptedResolver({
      "rebind.test": [["93.184.215.14"], ["127.0.0.1"]],
    });
    const net = fakeInternet({ "93.184.215.14": origin.port });
    const guard = new OutboundHttp({ resolver, allowPrivate: false, connect: net.connect });
    const result = await guard.request(`http://rebind.test:${trap.port}/feed`, get);
    expect(result).toMatchObject({ kind: "response", status: 200 });
    expect(calls).toEqual(["rebind.test"]);
    expect(net.targets).toEqual([
      { address: "93.184.215.14", family: 4, port: trap.port, hostname: "rebind.test", tls: false },
    ]);
    // The partner sees its own host name, not the address.
    expect(origin.requests.at(-1)?.headers.host).toBe(`rebind.test:${trap.port}`);
    expect(trap.connections).toBe(0);
  });

  it("connects through the real socket path to the checked address, without a second lookup", async () => {
    // feed.test exists in no DNS: reaching the listener proves the socket went to the address
    // the injected resolver gave, and nothing else was asked. Private addresses are allowed
    // here only so a local listener can stand in for the partner.
    const { resolver, calls } = scriptedResolver({
      "feed.test": [["127.0.0.1"], ["192.0.2.1"]],
    });
    const guard = new OutboundHttp({ resolver, allowPrivate: true });
    const before = origin.requests.length;
    const result = await guard.request(`http://feed.test:${origin.port}/x`, get);
    expect(result).toMatchObject({ kind: "response", status: 200 });
    expect(calls).toEqual(["feed.test"]);
    expect(origin.requests.length).toBe(before + 1);
    expect(origin.requests.at(-1)?.headers.host).toBe(`feed.test:${origin.port}`);
  });

  it("sends the host name as TLS server name and verifies the certificate against it", async () => {
    const servernames: string[] = [];
    const tls = createTlsServer({
      // A throwaway self-signed certificate for feed.test (test/fixtures/tls).
      key: readFileSync(new URL("../../test/fixtures/tls/feed-test-key.pem", import.meta.url)),
      cert: readFileSync(new URL("../../test/fixtures/tls/feed-test-cert.pem", import.meta.url)),
      SNICallback: (servername, done) => {
        servernames.push(servername);
        done(null, undefined);
      },
    });
    tls.on("tlsClientError", () => undefined);
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    try {
      const port = (tls.address() as AddressInfo).port;
      const { resolver } = scriptedResolver({ "feed.test": [["127.0.0.1"]] });
      const guard = new OutboundHttp({ resolver, allowPrivate: true });
      const result = await guard.request(`https://feed.test:${port}/`, get);
      expect(servernames).toEqual(["feed.test"]);
      // The self-signed certificate is refused: verification is on.
      expect(result).toMatchObject({ kind: "failed", reason: "network" });
      expect(result.kind === "failed" ? result.detail : "").toMatch(/self[- ]signed/i);
    } finally {
      await new Promise<void>((resolve) => tls.close(() => resolve()));
    }
  });

  it("bounds the body and the time", async () => {
    const { resolver } = scriptedResolver({ "feed.test": [["127.0.0.1"]] });
    const guard = new OutboundHttp({ resolver, allowPrivate: true });
    const url = `http://feed.test:${origin.port}/`;
    origin.handle((_req, res) => res.end(Buffer.alloc(5000, 0x61)));
    expect(await guard.request(url, get)).toMatchObject({ kind: "too-large", status: 200 });
    origin.handle((_req, res) => {
      res.writeHead(200);
      res.write("a");
      setTimeout(() => res.end("b"), 2000).unref();
    });
    expect(await guard.request(url, { ...get, timeoutMs: 200 })).toMatchObject({
      kind: "failed",
      reason: "timeout",
    });
  });

  it("never reads the body of an error answer", async () => {
    const { resolver } = scriptedResolver({ "feed.test": [["127.0.0.1"]] });
    const guard = new OutboundHttp({ resolver, allowPrivate: true });
    origin.handle((_req, res) => res.writeHead(500).end("stack trace with secrets"));
    const result = await guard.request(`http://feed.test:${origin.port}/`, get);
    expect(result).toMatchObject({ kind: "response", status: 500 });
    expect(result.kind === "response" ? result.body.byteLength : -1).toBe(0);
  });
});
