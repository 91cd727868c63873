import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceByUrlPrefix } from "../../src/domain/services/service-registry.js";
import { publicKeyBase64, publicKeyOf } from "../../src/domain/signing/minisign.js";
import { DailyPackages } from "../../src/export/daily-packages.js";
import { buildPackage } from "../../src/export/offline-package.js";
import { packageFileName } from "../../src/export/package-directory.js";
import { generateKeyFile, type KeyRing } from "../../src/security/signing-key-file.js";
import { systemToolPresent } from "../support/system-tools.js";
import { fixedClock, movableClock } from "../support/test-clock.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const haveTools =
  systemToolPresent("minisign", "minisign") &&
  systemToolPresent("xmllint", "libxml2-utils") &&
  systemToolPresent("unzip", "unzip") &&
  systemToolPresent("epubcheck", "epubcheck") &&
  systemToolPresent("zimwriterfs", "zim-tools") &&
  systemToolPresent("kiwix-serve", "kiwix-tools");
const dir = mkdtempSync(join(tmpdir(), "newsdesk-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fiveMegabytes = 5 * 1024 * 1024;

function unzip(file: string, ...args: string[]): string {
  const result = spawnSync("unzip", [...args, file], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`unzip ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}
function entry(file: string, name: string): string {
  const result = spawnSync("unzip", ["-p", file, name], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`unzip -p ${name}: ${result.stderr}`);
  return result.stdout;
}
function minisignVerifies(file: string, ring: KeyRing): boolean {
  const pub = publicKeyBase64(publicKeyOf(ring.current));
  return spawnSync("minisign", ["-Vm", file, "-P", pub], { encoding: "utf8" }).status === 0;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe.runIf(haveTools)("offline packages (EPUB 3 and ZIM), signed", () => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  let ring: KeyRing;

  const packagesDir = join(dir, "packages");
  const clock = movableClock();
  const now = new Date("2026-12-05T06:00:00Z");
  const build = (edition: string, format: "epub" | "zim", top = 50, maxBytes?: number) => {
    const config = serviceByUrlPrefix(edition) ?? (undefined as never);
    const outFile =
      maxBytes === undefined
        ? join(packagesDir, packageFileName(config, format, now))
        : join(dir, `limit-${maxBytes}.${format}`);
    return buildPackage({
      fetchPage: async (path) => newsdesk.app.request(path),
      edition: config,
      publicUrl: newsdesk.config.publicUrl,
      format,
      outFile,
      key: ring.current,
      now,
      top,
      ...(maxBytes === undefined ? {} : { maxBytes }),
    }).then((report) => ({ report, outFile }));
  };

  beforeAll(async () => {
    ring = await generateKeyFile(join(dir, "signing-key.json"), new Date());
    newsdesk = await startTestNewsdesk("sqlite", {
      env: { SIGNING_KEY_FILE: join(dir, "signing-key.json"), PACKAGES_DIR: packagesDir },
      clock,
    });
    mkdirSync(packagesDir);
  }, 60_000);
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("keeps within the size limit by leaving out the last stories' pictures", async () => {
    const full = await build("persian", "epub");
    expect(full.report.images).toBeGreaterThan(0);
    const limited = await build("persian", "epub", 50, full.report.bytes - 1);
    expect(limited.report.bytes).toBeLessThanOrEqual(full.report.bytes - 1);
    expect(limited.report.imagesLeftOut).toBeGreaterThan(0);
    expect(limited.report.stories).toBe(full.report.stories);
    const files = unzip(limited.outFile, "-Z1");
    for (const name of files
      .trim()
      .split("\n")
      .filter((n) => n.endsWith(".xhtml"))) {
      for (const [, src] of entry(limited.outFile, name).matchAll(/<img [^>]*src="([^"]+)"/g)) {
        expect(files).toContain(`OEBPS/${src}`);
      }
    }
    expect(minisignVerifies(limited.outFile, ring)).toBe(true);
    await expect(build("persian", "epub", 50, 2_000)).rejects.toThrow(/use a smaller --top/);
  });

  it("builds today's packages daily once, and removes those older than the kept days", async () => {
    const daily = join(dir, "daily");
    const logger = pino({ level: "silent" });
    const packages = new DailyPackages({
      serviceIds: ["fa"],
      formats: ["epub", "zim"],
      dir: daily,
      keepDays: 7,
      fetchPage: async (path) => newsdesk.app.request(path),
      publicUrl: newsdesk.config.publicUrl,
      key: ring.current,
      clock: fixedClock("2026-12-05T04:00:00Z"),
      logger,
    });
    mkdirSync(daily);
    for (const name of [
      "persian-2026-11-20.epub",
      "persian-2026-11-20.epub.minisig",
      "notes.txt",
    ]) {
      writeFileSync(join(daily, name), "x");
    }
    expect(await packages.runDue()).toEqual([
      join(daily, "persian-2026-12-05.epub"),
      join(daily, "persian-2026-12-05.zim"),
    ]);
    expect(minisignVerifies(join(daily, "persian-2026-12-05.zim"), ring)).toBe(true);
    expect(await packages.runDue()).toEqual([]);
    expect(readdirSync(daily).sort()).toEqual([
      "notes.txt",
      "persian-2026-12-05.epub",
      "persian-2026-12-05.epub.minisig",
      "persian-2026-12-05.zim",
      "persian-2026-12-05.zim.minisig",
    ]);
  });

  describe.each([
    { edition: "english", lang: "en", dir: "ltr" },
    { edition: "persian", lang: "fa", dir: "rtl" },
  ])("$edition", ({ edition, lang, dir: direction }) => {
    let epub: Awaited<ReturnType<typeof build>>;
    beforeAll(async () => {
      epub = await build(edition, "epub");
    }, 60_000);

    it("is an EPUB 3 container: mimetype first and stored, container.xml, package.opf", () => {
      const listing = unzip(epub.outFile, "-Z", "-v");
      // unzip -Z -v lists members in archive order with their compression method.
      const first = /Central directory entry #1:\s*-+\s*\n\s*(\S+)/.exec(listing)?.[1];
      expect(first).toBe("mimetype");
      expect(listing).toMatch(/mimetype[\s\S]*?compression method:\s+none \(stored\)/);
      expect(readFileSync(epub.outFile).subarray(30, 38).toString("latin1")).toBe("mimetype");
      expect(entry(epub.outFile, "mimetype")).toBe("application/epub+zip");
      expect(entry(epub.outFile, "META-INF/container.xml")).toContain(
        'full-path="OEBPS/package.opf"',
      );
      const opf = entry(epub.outFile, "OEBPS/package.opf");
      expect(opf).toMatch(/<dc:identifier id="uid">urn:newsdesk:/);
      expect(opf).toContain(`<dc:language>${lang}</dc:language>`);
      expect(opf).toMatch(/<meta property="dcterms:modified">2026-12-05T06:00:00Z<\/meta>/);
      expect(opf).toContain(`page-progression-direction="${direction}"`);
      // Every manifest item is in the zip, and every zipped file is in the manifest.
      const hrefs = [...opf.matchAll(/href="([^"]+)"/g)].map((m) => `OEBPS/${m[1]}`).sort();
      const files = unzip(epub.outFile, "-Z1")
        .trim()
        .split("\n")
        .filter((name) => name.startsWith("OEBPS/") && name !== "OEBPS/package.opf")
        .sort();
      expect(files).toEqual(hrefs);
      expect(epub.report.stories).toBeGreaterThan(0);
      expect(opf.match(/<itemref /g)?.length).toBe(epub.report.stories + 1);
    });

    it("has well-formed XHTML (xmllint) in the edition's language and direction", () => {
      const names = unzip(epub.outFile, "-Z1")
        .trim()
        .split("\n")
        .filter((name) => name.endsWith(".xhtml") || name.endsWith(".opf"));
      for (const name of [...names, "META-INF/container.xml"]) {
        const check = spawnSync("xmllint", ["--noout", "-"], {
          input: entry(epub.outFile, name),
          encoding: "utf8",
        });
        expect(check.stderr, name).toBe("");
        expect(check.status, name).toBe(0);
      }
      const nav = entry(epub.outFile, "OEBPS/nav.xhtml");
      expect(nav).toContain('epub:type="toc"');
      expect(nav).toContain(`lang="${lang}" dir="${direction}"`);
      const story = entry(epub.outFile, "OEBPS/s001.xhtml");
      expect(story).toContain(`xml:lang="${lang}"`);
      expect(story).toContain("<h1>");
      expect(story).not.toMatch(/<script|<nav|<form/);
      // The toc's items are links only (EPUB 3.3 nav restrictions).
      expect(nav).not.toMatch(/<li>(?!<a href="s\d+\.xhtml">[^<]*<\/a><\/li>)/);
      if (lang === "fa") {
        // Dates as the site shows them: Solar Hijri calendar (1405 = 2026), Persian digits.
        expect(nav).toContain("آذر ۱۴۰۵");
        expect(story).toMatch(/<time datetime="[^"]+">[^<]*آذر ۱۴۰۵/);
      } else {
        expect(nav).toContain("December 5, 2026");
      }
      // Every image the stories use is in the package.
      const all = unzip(epub.outFile, "-Z1");
      for (const name of names) {
        for (const [, src] of entry(epub.outFile, name).matchAll(/<img [^>]*src="([^"]+)"/g)) {
          expect(all).toContain(`OEBPS/${src}`);
        }
      }
    });

    it("passes EPUBCheck with no error or warning", () => {
      // Debian's /usr/bin/epubcheck is the jar itself (run through binfmt where set up).
      const jar = spawnSync("sh", ["-c", "command -v epubcheck"], { encoding: "utf8" }).stdout;
      const check = spawnSync("java", ["-jar", jar.trim(), epub.outFile], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(check.stdout + check.stderr).toContain("No errors or warnings detected");
      expect(check.status).toBe(0);
    }, 60_000);

    it("is at most 5 MB and signed (minisign -V)", () => {
      expect(statSync(epub.outFile).size).toBe(epub.report.bytes);
      expect(epub.report.bytes).toBeLessThanOrEqual(fiveMegabytes);
      expect(minisignVerifies(epub.outFile, ring)).toBe(true);
      // A changed byte fails the check: the signature covers the whole file.
      const tampered = join(dir, `${edition}-tampered.epub`);
      const bytes = readFileSync(epub.outFile);
      bytes[bytes.length - 30] = (bytes[bytes.length - 30] ?? 0) ^ 1;
      writeFileSync(tampered, bytes);
      copyFileSync(`${epub.outFile}.minisig`, `${tampered}.minisig`);
      expect(minisignVerifies(tampered, ring)).toBe(false);
    });

    it("builds a ZIM that kiwix-serve opens, with the welcome page and a story", async () => {
      const zim = await build(edition, "zim");
      expect(zim.report.bytes).toBeLessThanOrEqual(fiveMegabytes);
      expect(minisignVerifies(zim.outFile, ring)).toBe(true);
      const port = await freePort();
      const server = spawn("kiwix-serve", ["--address=127.0.0.1", `--port=${port}`, zim.outFile], {
        stdio: "ignore",
      });
      try {
        // The book's address from kiwix-serve's own OPDS catalogue (/content/<book> in
        // newer kiwix-tools, /<book> in Debian's 3.3).
        let catalog = "";
        for (let i = 0; i < 50 && !catalog; i += 1) {
          catalog = await fetch(`http://127.0.0.1:${port}/catalog/v2/entries`)
            .then((r) => (r.ok ? r.text() : ""))
            .catch(() => "");
          if (!catalog) await new Promise((r) => setTimeout(r, 100));
        }
        expect(catalog).toContain("<language>");
        expect(catalog).toContain(`<language>${lang === "fa" ? "fas" : "eng"}</language>`);
        const book = /<link type="text\/html" href="([^"]+)"/.exec(catalog)?.[1];
        expect(book).toBeDefined();
        const welcome = await fetch(`http://127.0.0.1:${port}${book}/index.html`);
        expect(welcome.status).toBe(200);
        const index = await welcome.text();
        expect(index).toContain(`lang="${lang}" dir="${direction}"`);
        const link = /href="(s\d+\.html)"/.exec(index)?.[1];
        expect(link).toBeDefined();
        const story = await fetch(`http://127.0.0.1:${port}${book}/${link}`);
        expect(story.status).toBe(200);
        expect(await story.text()).toContain("<h1>");
      } finally {
        server.kill();
      }
    }, 60_000);

    it("serves the packages and offers the latest of each format on “Can't reach us?”", async () => {
      const epubName = `${edition}-2026-12-05.epub`;
      // An older, signed package and an unsigned newer one: neither is offered.
      writeFileSync(join(packagesDir, `${edition}-2026-12-01.epub`), "old");
      writeFileSync(join(packagesDir, `${edition}-2026-12-01.epub.minisig`), "old");
      writeFileSync(join(packagesDir, `${edition}-2026-12-09.epub`), "unsigned");
      const page = await (await newsdesk.app.request(`/${edition}/mirrors`)).text();
      expect(page).toContain(`href="/_/packages/${epubName}"`);
      expect(page).toContain(`href="/_/packages/${edition}-2026-12-05.zim"`);
      expect(page).not.toContain("2026-12-01");
      expect(page).not.toContain("2026-12-09");
      expect(page).toContain('id="reach-offline"');
      // A newer package appears within minutes, though the page is cached meanwhile.
      const newer = `${edition}-2026-12-06.epub`;
      copyFileSync(epub.outFile, join(packagesDir, newer));
      copyFileSync(`${epub.outFile}.minisig`, join(packagesDir, `${newer}.minisig`));
      expect(await (await newsdesk.app.request(`/${edition}/mirrors`)).text()).not.toContain(newer);
      clock.advance(6 * 60_000);
      expect(await (await newsdesk.app.request(`/${edition}/mirrors`)).text()).toContain(
        `href="/_/packages/${newer}"`,
      );

      const whole = await newsdesk.app.request(`/_/packages/${epubName}`);
      expect(whole.status).toBe(200);
      expect(whole.headers.get("Content-Type")).toBe("application/epub+zip");
      const bytes = new Uint8Array(await whole.arrayBuffer());
      expect(bytes.byteLength).toBe(epub.report.bytes);
      const part = await newsdesk.app.request(`/_/packages/${epubName}`, {
        headers: { Range: "bytes=30-37" },
      });
      expect(part.status).toBe(206);
      expect(part.headers.get("Content-Range")).toBe(`bytes 30-37/${epub.report.bytes}`);
      expect(Buffer.from(await part.arrayBuffer()).toString("latin1")).toBe("mimetype");
      const beyond = await newsdesk.app.request(`/_/packages/${epubName}`, {
        headers: { Range: `bytes=${epub.report.bytes}-` },
      });
      expect(beyond.status).toBe(416);
      const zim = await newsdesk.app.request(`/_/packages/${edition}-2026-12-05.zim`);
      expect(zim.headers.get("Content-Type")).toBe("application/x-zim");
      const signature = await newsdesk.app.request(`/_/packages/${epubName}.minisig`);
      expect(await signature.text()).toBe(readFileSync(`${epub.outFile}.minisig`, "utf8"));
      for (const name of ["signing-key.json", "..%2Fsigning-key.json", `${edition}.epub`]) {
        expect((await newsdesk.app.request(`/_/packages/${name}`)).status).toBe(404);
      }
    });
  });
});
