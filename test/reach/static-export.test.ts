import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { serviceByUrlPrefix } from "../../src/domain/services/service-registry.js";
import {
  parsePublicKey,
  publicKeyBase64,
  publicKeyOf,
  verifyMinisign,
} from "../../src/domain/signing/minisign.js";
import { exportEdition } from "../../src/export/static-export.js";
import { generateKeyFile, type KeyRing } from "../../src/security/signing-key-file.js";
import { startNginx } from "../support/nginx-server.js";
import { crawlStaticMirror, httpGet } from "../support/static-crawl.js";
import { systemToolPresent } from "../support/system-tools.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const haveTools =
  systemToolPresent("nginx", "nginx-light") && systemToolPresent("minisign", "minisign");
const dir = mkdtempSync(join(tmpdir(), "newsdesk-export-"));
// nginx's workers run as an unprivileged user: the served tree must be readable by others.
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(haveTools)("static signed mirror export served by nginx", () => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  let ring: KeyRing;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  // A random host name and path prefix: the export must not care where it is served.
  const host = `m${randomBytes(4).toString("hex")}.mirror.example`;
  const prefix = `/p${randomBytes(3).toString("hex")}/news`;
  const www = join(dir, "www");
  const outOf = (edition: string) => join(www, prefix, edition);

  const exportTo = (edition: string, since?: Date) =>
    exportEdition({
      fetchPage: async (path) => newsdesk.app.request(path),
      edition: serviceByUrlPrefix(edition) ?? (undefined as never),
      publicUrl: newsdesk.config.publicUrl,
      outDir: outOf(edition),
      key: ring.current,
      now: new Date(),
      ...(since ? { since } : {}),
    });

  const crawl = (edition: string) =>
    crawlStaticMirror({
      port: nginx.port,
      host,
      prefix: `${prefix}/${edition}/`,
      start: `${prefix}/${edition}/index.html`,
      publicHost: new URL(newsdesk.config.publicUrl).host,
    });

  beforeAll(async () => {
    ring = await generateKeyFile(join(dir, "signing-key.json"), new Date());
    newsdesk = await startTestNewsdesk("sqlite", {
      env: { SIGNING_KEY_FILE: join(dir, "signing-key.json") },
    });
    mkdirSync(www, { recursive: true });
    nginx = await startNginx(join(dir, "nginx"), www);
  }, 60_000);
  afterAll(async () => {
    await nginx?.stop();
    await newsdesk?.dispose();
  });

  describe.each(["english", "persian"])("%s", (edition) => {
    beforeAll(async () => {
      await exportTo(edition);
    }, 120_000);

    it("crawls with 0 broken links, 0 absolute self-links, nothing outside the prefix", async () => {
      const report = await crawl(edition);
      expect(report.broken).toEqual([]);
      expect(report.absoluteSelfLinks).toEqual([]);
      expect(report.outsidePrefix).toEqual([]);
      // Home, sections, topics, people, desks, stories and the search page at least.
      expect(report.pages).toBeGreaterThan(8);
    });

    it("has the home at index.html in the edition's language and direction", async () => {
      const home = await httpGet(nginx.port, host, `${prefix}/${edition}/index.html`);
      const html = home.body.toString("utf8");
      expect(html).toContain(edition === "persian" ? 'lang="fa"' : 'lang="en"');
      if (edition === "persian") expect(html).toContain('dir="rtl"');
      // Stories, sections, feeds and images are local files.
      expect(html).toMatch(/href="[^"]+\/index\.html"/);
      expect(html).toContain('href="feeds/atom.xml"');
      expect(html).toMatch(/src="_assets\/media\/[0-9a-z]+\/[^"]+\.(jpg|webp)"/);
      // Server-only features are gone: the cookie form and the live updates script.
      expect(html).not.toContain("/_/text-size");
      expect(html).not.toContain("EventSource");
    });

    it('holds the "Can\'t reach us?" page with the key that verifies it', async () => {
      const page = readFileSync(join(outOf(edition), "mirrors", "index.html"), "utf8");
      expect(page).toContain(publicKeyBase64(publicKeyOf(ring.current)));
    });

    it("serves pre-compressed .gz twins (gzip_static) and .br files beside each text file", async () => {
      const gz = await httpGet(nginx.port, host, `${prefix}/${edition}/index.html`, {
        "Accept-Encoding": "gzip",
      });
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(existsSync(join(outOf(edition), "index.html.br"))).toBe(true);
      expect(existsSync(join(outOf(edition), "feeds", "rss.xml.gz"))).toBe(true);
    });

    it("has an offline search page with a prebuilt index and a no-JS notice", async () => {
      const page = readFileSync(join(outOf(edition), "search", "index.html"), "utf8");
      expect(page).toContain('<script src="search-index.js"></script>');
      expect(page).toContain("<noscript>");
      const index = readFileSync(join(outOf(edition), "search", "search-index.js"), "utf8");
      const entries = JSON.parse(
        index.replace(/^window\.newsdeskSearchIndex=/, "").replace(/;\s*$/, ""),
      );
      expect(entries.length).toBeGreaterThanOrEqual(2);
      for (const entry of entries) {
        expect(entry.t).not.toBe("");
        expect(existsSync(join(outOf(edition), "search", decodeURIComponent(entry.f)))).toBe(true);
      }
    });

    it("lists every file in a MANIFEST.json that minisign verifies", async () => {
      const out = outOf(edition);
      const result = spawnSync(
        "minisign",
        ["-Vm", join(out, "MANIFEST.json"), "-P", publicKeyBase64(publicKeyOf(ring.current))],
        { encoding: "utf8" },
      );
      expect(result.stdout + result.stderr).toContain("Signature and comment signature verified");
      const manifest = JSON.parse(readFileSync(join(out, "MANIFEST.json"), "utf8")) as {
        files: { path: string; sha256: string; bytes: number }[];
      };
      const listed = new Set(manifest.files.map((f) => f.path));
      const onDisk = spawnSync("find", [".", "-type", "f"], { cwd: out, encoding: "utf8" })
        .stdout.split("\n")
        .filter(Boolean)
        .map((p) => p.slice(2))
        .filter((p) => p !== "MANIFEST.json" && p !== "MANIFEST.json.minisig");
      expect(onDisk.filter((p) => !listed.has(p))).toEqual([]);
      expect([...listed].filter((p) => !onDisk.includes(p))).toEqual([]);
      const { createHash } = await import("node:crypto");
      for (const file of manifest.files.slice(0, 50)) {
        const body = readFileSync(join(out, file.path));
        expect(body.byteLength).toBe(file.bytes);
        expect(createHash("sha256").update(body).digest("hex")).toBe(file.sha256);
      }
    });
  });

  it("updates incrementally after a publish and a kill: the killed story is gone", async () => {
    const actor = systemActor("test");
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const { story } = await newsdesk.services.stories.create(actor, {
      serviceId: "en",
      content: {
        headline: "Mirror export picks up a new story",
        standfirst: "Published after the first export.",
        dateline: "",
        slug: "mirror-export-new-story",
        section: "world",
        topics: [],
        leadFigure: null,
        body: [{ type: "paragraph", content: [{ text: "Text." }] }],
        bylines: [],
        agencies: [],
      },
    });
    await newsdesk.services.stories.publish(actor, story.id, { mode: "first" });
    const manifestBefore = readFileSync(join(outOf("english"), "MANIFEST.json"), "utf8");
    const victimEntry = (JSON.parse(manifestBefore) as { files: { path: string }[] }).files.find(
      (f) => /^world\/.+-[0-9a-z]{12}\/index\.html$/.test(f.path) && !f.path.includes(story.id),
    );
    if (!victimEntry) throw new Error("no story to kill");
    const victimId = /-([0-9a-z]{12})\/index\.html$/.exec(victimEntry.path)?.[1] ?? "";
    await newsdesk.services.stories.kill(actor, victimId, "Legal");

    const report = await exportTo("english", before);
    expect(report.incremental).toBe(true);
    expect(report.removed).toBeGreaterThanOrEqual(1);
    // Far fewer pages than the full export: only what changed and what lists it.
    const out = outOf("english");
    expect(existsSync(join(out, victimEntry.path))).toBe(false);
    const manifest = readFileSync(join(out, "MANIFEST.json"), "utf8");
    expect(manifest).not.toContain(victimId);
    expect(manifest).toContain(`mirror-export-new-story-${story.id}/index.html`);
    const home = readFileSync(join(out, "index.html"), "utf8");
    expect(home).toContain(`world/mirror-export-new-story-${story.id}/index.html`);
    const at = home.indexOf(victimId);
    expect(at === -1 ? "" : home.slice(at - 300, at + 100)).toBe("");
    const search = readFileSync(join(out, "search", "search-index.js"), "utf8");
    expect(search).toContain("Mirror export picks up a new story");
    expect(search).not.toContain(victimId);
    const crawled = await crawl("english");
    expect(crawled.broken).toEqual([]);
    expect(crawled.absoluteSelfLinks).toEqual([]);
    const signature = readFileSync(join(out, "MANIFEST.json.minisig"), "utf8");
    expect(
      verifyMinisign(
        Buffer.from(manifest),
        signature,
        parsePublicKey(publicKeyBase64(publicKeyOf(ring.current))),
      ).ok,
    ).toBe(true);
  }, 120_000);
});
