import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  packSitemaps,
  sitemapIndexXml,
  sitemapLimits,
  type UrlEntry,
  urlsetXml,
} from "../../src/render/sitemaps/sitemap-xml.js";

const entry = (i: number, alternates = 0): UrlEntry => ({
  loc: `https://news.example.org/english/world/story-${i}`,
  lastmod: "2026-11-24T10:00:00Z",
  alternates: Array.from({ length: alternates }, (_, a) => ({
    hreflang: `l${a}`,
    href: `https://news.example.org/l${a}/world/story-${i}`,
  })),
});

describe("sitemap limits (sitemaps.org: 50,000 URLs, 52,428,800 bytes)", () => {
  it("splits at 50,000 URLs", () => {
    const pages = packSitemaps(Array.from({ length: 50_001 }, (_, i) => entry(i)));
    expect(pages.map((p) => p.length)).toEqual([50_000, 1]);
    expect(sitemapLimits).toEqual({ maxUrls: 50_000, maxBytes: 52_428_800 });
  });

  it("splits by bytes before the count when entries are large, counting the wrapper", () => {
    const entries = Array.from({ length: 100 }, (_, i) => entry(i, 20));
    const maxBytes = 20_000;
    const pages = packSitemaps(entries, { maxUrls: 50_000, maxBytes });
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages)
      expect(Buffer.byteLength(urlsetXml(page))).toBeLessThanOrEqual(maxBytes);
    expect(pages.flat()).toEqual(entries);
  });

  /**
   * The sitemaps.org XSD ships in the npm `sitemap` package. Its wildcard is strict, so
   * only core sitemaps (no xhtml:/news: extensions) can be checked against it.
   */
  const xmllint = spawnSync("xmllint", ["--version"]).status === 0;
  let xsdDir: string | undefined;
  try {
    const require = createRequire(import.meta.url);
    xsdDir = join(dirname(require.resolve("sitemap/package.json")), "schema");
  } catch {
    xsdDir = undefined;
  }
  const canValidate = xmllint && xsdDir !== undefined && existsSync(join(xsdDir, "sitemap.xsd"));
  // CI installs xmllint (libxml2-utils); the sitemap package is a dev dependency. Missing
  // either is a broken setup, not a reason to skip.
  it("validates against the sitemaps.org XSD with xmllint", () => {
    expect(canValidate, "xmllint and node_modules/sitemap/schema/sitemap.xsd are required").toBe(
      true,
    );
    const dir = mkdtempSync(join(tmpdir(), "sitemap-xsd-"));
    const urlset = join(dir, "urlset.xml");
    const index = join(dir, "index.xml");
    writeFileSync(urlset, urlsetXml([entry(1), entry(2)]));
    writeFileSync(
      index,
      sitemapIndexXml([
        {
          loc: "https://news.example.org/english/sitemap-stories-1.xml",
          lastmod: "2026-11-24T10:00:00Z",
        },
      ]),
    );
    const schema = (name: string) => join(xsdDir ?? "", name);
    execFileSync("xmllint", ["--noout", "--nonet", "--schema", schema("sitemap.xsd"), urlset]);
    // The sitemap package ships no siteindex.xsd; the index is checked by our own rules above.
    expect(
      execFileSync("xmllint", [
        "--noout",
        "--nonet",
        "--xpath",
        "count(/*[local-name()='sitemapindex']/*[local-name()='sitemap'])",
        index,
      ])
        .toString()
        .trim(),
    ).toBe("1");
  });
});
