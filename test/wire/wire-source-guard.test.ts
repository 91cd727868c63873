import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Actor, userActor } from "../../src/domain/actor.js";
import type { WireSource } from "../../src/domain/wire/wire-source-schema.js";
import { DropRoots } from "../../src/ingest/drop-directory.js";
import { WireScheduler } from "../../src/ingest/wire-scheduler.js";
import { OutboundHttp } from "../../src/security/outbound-http.js";
import {
  type CountingListener,
  countingListener,
  fakeInternet,
  scriptedResolver,
} from "../support/outbound-fakes.js";
import { dialects } from "../support/test-databases.js";
import { ninjsBytes, openWireHarness, type WireHarness } from "./wire-test-support.js";

/**
 * Wire sources may reach only what an operator allows: drop directories inside
 * WIRE_DROP_ROOTS (real paths, symlinks resolved, at save and at every poll) and HTTP
 * feeds on public addresses, connected to the address that was checked.
 */

const publicFeedAddress = "93.184.215.14";

const common = {
  agencyCode: "GUARD",
  agencyName: "Guard Agency",
  serviceId: "en",
  intervalSeconds: 60,
} as const;

describe.each(dialects)("wire source guard on %s", (dialect) => {
  let h: WireHarness;
  let trap: CountingListener;
  let feed: CountingListener;
  let scheduler: WireScheduler;
  let root: string;
  let outside: string;
  // The scripted resolver reads this record at each question, so tests set their answers.
  const dns: Record<string, readonly (readonly string[])[]> = {};
  const { resolver, calls } = scriptedResolver(dns);
  let internet: ReturnType<typeof fakeInternet>;

  beforeAll(async () => {
    trap = await countingListener((_req, res) => res.end("internal secret"));
    feed = await countingListener();
    // Real paths: on some systems the temp directory itself is behind a symlink.
    root = realpathSync(mkdtempSync(join(tmpdir(), "newsdesk-drop-root-")));
    outside = realpathSync(mkdtempSync(join(tmpdir(), "newsdesk-outside-")));
    internet = fakeInternet({ [publicFeedAddress]: feed.port });
    const outbound = new OutboundHttp({
      resolver,
      allowPrivate: false,
      connect: internet.connect,
    });
    h = await openWireHarness(dialect, { outbound, dropRoots: [root] });
    scheduler = new WireScheduler({
      ingest: h.ingest,
      sources: h.wireRepos.sources,
      clock: h.clock,
      logger: h.logger,
      outbound,
      dropRoots: h.dropRoots,
    });
  });
  afterEach(async () => {
    for (const source of await h.sources.list(h.actor)) await h.sources.remove(h.actor, source.id);
    for (const name of Object.keys(dns)) delete dns[name];
    calls.length = 0;
    feed.handle((_req, res) => res.end());
  });
  afterAll(async () => {
    // The trap listens where every private spelling points: no test may ever reach it.
    expect(trap.connections).toBe(0);
    await scheduler.stop();
    await trap.close();
    await feed.close();
    await h.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const state = async (id: string) => (await h.sources.get(h.actor, id)).state;
  const old = () => (h.clock.now().getTime() - 60_000) / 1000;
  const writeReady = (dir: string, name: string, data: Uint8Array | string) => {
    writeFileSync(join(dir, name), data);
    utimesSync(join(dir, name), old(), old());
  };

  async function addPull(url: string, extra: Record<string, unknown> = {}): Promise<WireSource> {
    const { source } = await h.sources.add(h.actor, {
      ...common,
      kind: "http-pull",
      name: `pull ${url}`,
      url,
      timeoutMs: 2000,
      ...extra,
    });
    return source;
  }

  async function addDrop(directory: string): Promise<WireSource> {
    const { source } = await h.sources.add(h.actor, {
      ...common,
      kind: "drop-directory",
      name: `drop ${directory}`,
      directory,
      settleMs: 1000,
    });
    return source;
  }

  // ---- HTTP pull ---------------------------------------------------------------------------

  it("refuses to save a pull source on a non-public address, in every spelling", async () => {
    dns["trap.test"] = [["127.0.0.1"]];
    dns["mixed.test"] = [[publicFeedAddress, "10.0.0.7"]];
    const p = trap.port;
    for (const url of [
      `http://127.0.0.1:${p}/feed`,
      `http://2130706433:${p}/feed`,
      `http://0x7f.1:${p}/feed`,
      `http://0177.0.0.1:${p}/feed`,
      `http://127.1:${p}/feed`,
      `http://[::1]:${p}/feed`,
      `http://[::ffff:127.0.0.1]:${p}/feed`,
      `http://[64:ff9b::7f00:1]:${p}/feed`,
      `http://[2002:7f00:1::]:${p}/feed`,
      "http://169.254.169.254/latest/meta-data/",
      "http://100.64.0.1/feed",
      `http://localhost:${p}/feed`,
      `http://trap.test:${p}/feed`,
      "http://mixed.test/feed",
    ]) {
      await expect(addPull(url), url).rejects.toMatchObject({
        code: "WIRE_URL_PRIVATE",
        status: 422,
      });
    }
    // Updating a good source to a private URL is refused the same way.
    dns["agency.test"] = [[publicFeedAddress]];
    const good = await addPull("http://agency.test/feed");
    await expect(
      h.sources.update(h.actor, good.id, {
        ...common,
        kind: "http-pull",
        name: "x",
        url: `http://127.0.0.1:${p}/`,
      }),
    ).rejects.toMatchObject({ code: "WIRE_URL_PRIVATE" });
    expect(trap.connections).toBe(0);
  });

  it("polls the address it checked: a host that turns private after saving is never reached", async () => {
    dns["rebind.test"] = [[publicFeedAddress], ["127.0.0.1"]];
    const source = await addPull(`http://rebind.test:${trap.port}/feed`);
    expect(await scheduler.tick()).toEqual([source.id]);
    const { lastError } = await state(source.id);
    expect(lastError).toMatch(/^WIRE_URL_PRIVATE: /);
    expect(lastError).not.toContain("rebind.test");
    expect(trap.connections).toBe(0);
  });

  it("resolves once per poll and connects to that address, whatever DNS answers next", async () => {
    // Public at save and at the poll's one lookup; loopback for anyone who asks again.
    dns["agency.test"] = [[publicFeedAddress], [publicFeedAddress], ["127.0.0.1"]];
    feed.handle((_req, res) =>
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(ninjsBytes({ uri: "urn:guard:pinned" })),
    );
    const source = await addPull(`http://agency.test:${trap.port}/feed`);
    const before = internet.targets.length;
    await scheduler.tick();
    expect(await state(source.id)).toMatchObject({ failures: 0, lastError: null });
    expect(calls).toEqual(["agency.test", "agency.test"]);
    expect(internet.targets.slice(before).map((t) => [t.address, t.port])).toEqual([
      [publicFeedAddress, trap.port],
    ]);
    expect(feed.requests.at(-1)?.headers.host).toBe(`agency.test:${trap.port}`);
    const { items } = await h.queue.listQueue(h.actor, { source: source.id });
    expect(items.map((i) => i.guid)).toEqual(["urn:guard:pinned"]);
    expect(trap.connections).toBe(0);
  });

  it("refuses a redirect from the agency to a private address", async () => {
    dns["agency.test"] = [[publicFeedAddress]];
    dns["evil.test"] = [["127.0.0.1"]];
    for (const location of [
      `http://127.0.0.1:${trap.port}/`,
      `http://2130706433:${trap.port}/`,
      `http://evil.test:${trap.port}/`,
    ]) {
      feed.handle((_req, res) => res.writeHead(302, { Location: location }).end());
      const source = await addPull("http://agency.test/feed");
      await scheduler.tick();
      expect([location, (await state(source.id)).lastError]).toEqual([
        location,
        expect.stringMatching(/^WIRE_URL_PRIVATE: /),
      ]);
      await h.sources.remove(h.actor, source.id);
    }
    expect(trap.connections).toBe(0);
  });

  it("keeps the answer body and the URL out of the last error", async () => {
    dns["agency.test"] = [[publicFeedAddress]];
    feed.handle((_req, res) => res.writeHead(500).end("secret-body-text"));
    const failing = await addPull("http://agency.test/failing");
    await scheduler.tick();
    expect((await state(failing.id)).lastError).toBe("HTTP 500 Internal Server Error");
    await h.sources.remove(h.actor, failing.id);

    // V8 quotes the start of the text in its JSON.parse message.
    feed.handle((_req, res) => res.writeHead(200).end('{"a":SECRET}'));
    const broken = await addPull("http://agency.test/broken");
    await scheduler.tick();
    const { lastError } = await state(broken.id);
    expect(lastError).toMatch(/^WIRE_MALFORMED_JSON: /);
    expect(lastError).not.toContain("SECRET");
    expect(lastError).not.toContain("agency.test");
  });

  // ---- drop directories --------------------------------------------------------------------

  it("accepts a directory inside the roots and ingests from it", async () => {
    const dir = join(root, "afp");
    mkdirSync(dir);
    const source = await addDrop(dir);
    writeReady(dir, "a.json", ninjsBytes({ uri: "urn:guard:inside" }));
    expect(await scheduler.tick()).toEqual([source.id]);
    expect(readdirSync(join(dir, "processed"))).toEqual(["a.json"]);
    expect(await state(source.id)).toMatchObject({ failures: 0, lastError: null });
  });

  it("refuses a directory outside the roots, by path, by .. or by symlink", async () => {
    mkdirSync(join(root, "inbox"), { recursive: true });
    symlinkSync(outside, join(root, "escape"));
    for (const directory of [
      outside,
      "/etc",
      `${root}/../${outside.split("/").at(-1)}`,
      `${root}/inbox/../../${outside.split("/").at(-1)}`,
      join(root, "escape"),
      join(root, "escape", "."),
      `${root}-sibling`,
      "inbox",
    ]) {
      await expect(addDrop(directory), directory).rejects.toMatchObject({
        code: "WIRE_PATH_OUTSIDE_ROOTS",
        status: 422,
      });
    }
    await expect(addDrop(join(root, "missing"))).rejects.toMatchObject({
      code: "WIRE_PATH_NOT_FOUND",
    });
    rmSync(join(root, "escape"));
  });

  it("re-checks the real path at every poll: a directory swapped for a symlink cannot escape", async () => {
    const dir = join(root, "swap");
    mkdirSync(dir);
    const source = await addDrop(dir);
    writeReady(outside, "secret.json", ninjsBytes({ uri: "urn:guard:outside" }));
    // After saving, the directory is replaced by a symlink to a directory outside the root.
    renameSync(dir, join(root, "swap-old"));
    symlinkSync(outside, dir);
    await scheduler.tick();
    expect((await state(source.id)).lastError).toMatch(/^WIRE_PATH_OUTSIDE_ROOTS: /);
    expect((await state(source.id)).lastError).not.toContain(outside);
    expect(readdirSync(outside)).toEqual(["secret.json"]);
    expect((await h.queue.listQueue(h.actor, { source: source.id })).items).toEqual([]);
    rmSync(dir);
  });

  it("never moves files into processed/ or failed/ folders that lead outside the roots", async () => {
    const dir = join(root, "moves");
    mkdirSync(dir);
    const source = await addDrop(dir);
    symlinkSync(outside, join(dir, "processed"));
    writeReady(dir, "a.json", ninjsBytes({ uri: "urn:guard:moved" }));
    await scheduler.tick();
    expect((await state(source.id)).lastError).toMatch(/^WIRE_PATH_OUTSIDE_ROOTS: /);
    expect(readdirSync(outside).filter((n) => n === "a.json")).toEqual([]);
    expect(existsSync(join(dir, "a.json"))).toBe(true);
  });

  it("does not read a dropped file that is a symlink", async () => {
    const dir = join(root, "links");
    mkdirSync(dir);
    const source = await addDrop(dir);
    writeReady(outside, "target.json", ninjsBytes({ uri: "urn:guard:linked" }));
    symlinkSync(join(outside, "target.json"), join(dir, "linked.json"));
    await scheduler.tick();
    expect((await h.queue.listQueue(h.actor, { source: source.id })).items).toEqual([]);
    expect(readdirSync(outside)).toContain("target.json");
  });

  // ---- who sees what -----------------------------------------------------------------------

  const admin = userActor("admin", [], true);
  const enAdmin = userActor("en-admin", [{ serviceId: "en", role: "service_admin" }]);
  const faAdmin = userActor("fa-admin", [{ serviceId: "fa", role: "service_admin" }]);
  const enEditor = userActor("en-editor", [{ serviceId: "en", role: "editor" }]);

  it("shows quarantine excerpts only to those who may manage the source's service", async () => {
    const dir = join(root, "quarantine");
    mkdirSync(dir);
    const source = await addDrop(dir);
    // V8 quotes the start of the text in its JSON.parse message, so the reason quotes it too.
    writeReady(dir, "bad.json", '{"a":SECRET}');
    await scheduler.tick();
    const seen = async (actor: Actor) =>
      (await h.queue.listQuarantine(actor, { sourceId: source.id })).entries.map((e) => ({
        code: e.code,
        excerpt: e.excerpt,
        reasonLeaks: e.reason.includes("SECRET"),
      }));
    const withExcerpt = [
      {
        code: "WIRE_MALFORMED_JSON",
        excerpt: '{"a":SECRET}',
        reasonLeaks: true,
      },
    ];
    const without = [{ code: "WIRE_MALFORMED_JSON", excerpt: null, reasonLeaks: false }];
    expect(await seen(h.actor)).toEqual(withExcerpt);
    expect(await seen(admin)).toEqual(withExcerpt);
    expect(await seen(enAdmin)).toEqual(withExcerpt);
    expect(await seen(faAdmin)).toEqual(without);
    expect(await seen(enEditor)).toEqual(without);
    // Once the source is gone, its service is unknown: only administrators see the bytes.
    await h.sources.remove(h.actor, source.id);
    expect(await seen(enAdmin)).toEqual(without);
    expect(await seen(admin)).toEqual(withExcerpt);
  });

  it("shows source URLs and drop paths only to those who may manage the source's service", async () => {
    dns["agency.test"] = [[publicFeedAddress]];
    const pull = await addPull("http://agency.test/feed");
    const dir = join(root, "visible");
    mkdirSync(dir);
    const drop = await addDrop(dir);
    const where = async (actor: Actor) =>
      (await h.sources.list(actor))
        .map((s) => [
          s.id,
          "url" in s ? s.url : undefined,
          "directory" in s ? s.directory : undefined,
        ])
        .sort();
    const full = [
      [pull.id, "http://agency.test/feed", undefined],
      [drop.id, undefined, dir],
    ].sort();
    const hidden = [
      [pull.id, undefined, undefined],
      [drop.id, undefined, undefined],
    ].sort();
    expect(await where(admin)).toEqual(full);
    expect(await where(enAdmin)).toEqual(full);
    expect(await where(faAdmin)).toEqual(hidden);
    expect(await where(enEditor)).toEqual(hidden);
    expect("url" in (await h.sources.get(enEditor, pull.id))).toBe(false);
    expect("directory" in (await h.sources.get(faAdmin, drop.id))).toBe(false);
    expect(await h.sources.get(enAdmin, pull.id)).toMatchObject({ url: "http://agency.test/feed" });
  });
});

describe.each(dialects)("drop-directory sources without WIRE_DROP_ROOTS on %s", (dialect) => {
  let h: WireHarness;
  let dir: string;

  beforeAll(async () => {
    h = await openWireHarness(dialect);
    dir = mkdtempSync(join(tmpdir(), "newsdesk-drop-off-"));
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to add or update one, and never polls those saved before", async () => {
    const input = {
      ...common,
      kind: "drop-directory",
      name: "FTP drop",
      directory: dir,
      settleMs: 0,
    } as const;
    await expect(h.sources.add(h.actor, input)).rejects.toMatchObject({
      code: "WIRE_DROP_DISABLED",
      status: 422,
    });
    const push = await h.sources.add(h.actor, { ...common, kind: "push", name: "push" });
    await expect(h.sources.update(h.actor, push.source.id, input)).rejects.toMatchObject({
      code: "WIRE_DROP_DISABLED",
    });
    // A source saved while drop directories were on (straight into storage here).
    const now = h.clock.now().toISOString();
    await h.wireRepos.sources.insertSource(
      {
        ...input,
        id: "dropbefore01",
        subjectSections: {},
        maxBytes: 4096,
        enabled: true,
        intervalSeconds: 10,
        createdAt: now,
        updatedAt: now,
      },
      null,
      {
        nextPollAt: now,
        etag: null,
        lastModified: null,
        failures: 0,
        lastPolledAt: null,
        lastSuccessAt: null,
        lastError: null,
      },
    );
    writeFileSync(join(dir, "a.json"), ninjsBytes({ uri: "urn:guard:off" }));
    utimesSync(join(dir, "a.json"), 0, 0);
    const scheduler = new WireScheduler({
      ingest: h.ingest,
      sources: h.wireRepos.sources,
      clock: h.clock,
      logger: h.logger,
      outbound: new OutboundHttp({ allowPrivate: false }),
      dropRoots: h.dropRoots,
    });
    expect(await scheduler.tick()).toEqual([]);
    expect(readdirSync(dir)).toEqual(["a.json"]);
  });
});

/** DropRoots on its own: the containment rule, without storage. */
describe("DropRoots", () => {
  it("treats a root and what lies under it as inside, and a sibling with a shared prefix as outside", async () => {
    const base = realpathSync(mkdtempSync(join(tmpdir(), "newsdesk-roots-")));
    try {
      mkdirSync(join(base, "drop", "afp"), { recursive: true });
      mkdirSync(join(base, "drop-evil"));
      const roots = new DropRoots([join(base, "drop")]);
      expect(roots.enabled).toBe(true);
      await expect(roots.resolve(join(base, "drop"))).resolves.toBe(join(base, "drop"));
      await expect(roots.resolve(join(base, "drop", "afp"))).resolves.toBe(
        join(base, "drop", "afp"),
      );
      await expect(roots.resolve(join(base, "drop-evil"))).rejects.toMatchObject({
        code: "WIRE_PATH_OUTSIDE_ROOTS",
      });
      expect(new DropRoots([]).enabled).toBe(false);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
