import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, gzip, constants as zlibConstants } from "node:zlib";
import { z } from "zod";
import type { ServiceConfig } from "../domain/services/service-registry.js";
import {
  defaultTrustedComment,
  type SigningKey,
  signMinisign,
} from "../domain/signing/minisign.js";
import {
  type EditionScope,
  filePathOf,
  isStoryKey,
  type PageKey,
  pageKeyOf,
} from "./export-paths.js";
import { offlineSearchFiles, type SearchEntry } from "./offline-search.js";
import { rewriteJsonPaths, rewritePage } from "./rewrite-links.js";

/**
 * `newsdesk mirror export` (issue 16, item 4): a complete static copy of one edition,
 * rendered by the app itself (`fetchPage` is `app.request`), so an export is the site.
 * Pages come from the edition's sitemaps (every published story and list) and from the
 * links on the pages (later list pages, people, desks, images); each text file gets `.br`
 * and `.gz` twins for `brotli_static`/`gzip_static`; `MANIFEST.json` lists every file with
 * its SHA-256 and is signed (`MANIFEST.json.minisig`).
 *
 * Incremental (`since`): only stories whose sitemap `lastmod` is newer, the lists that show
 * them (per the previous export's link graph and the sitemap's list `lastmod`), and every
 * later page of those lists; stories gone from the sitemap (killed, unpublished) are
 * deleted with the list pages that no longer exist.
 */
export interface ExportOptions {
  readonly fetchPage: (path: string) => Promise<Response>;
  readonly edition: ServiceConfig;
  readonly publicUrl: string;
  readonly outDir: string;
  readonly key: SigningKey;
  readonly now: Date;
  /** Incremental: pages unchanged since this time are kept from the previous export. */
  readonly since?: Date;
  /** Extra pages to include (the "Can't reach us?" page), as paths. */
  readonly extraPaths?: readonly string[];
  /** At most this many pages in flight (rendering is on this event loop; I/O is not). */
  readonly concurrency?: number;
  /** Hard ceiling on pages, against a crawl that never ends (a link-generating bug). */
  readonly maxPages?: number;
}

export interface ExportReport {
  readonly pages: number;
  readonly assets: number;
  readonly removed: number;
  readonly files: number;
  readonly ms: number;
  readonly incremental: boolean;
}

const stateFile = ".newsdesk-export.json";
const stateSchema = z.object({
  format: z.literal("newsdesk-export/1"),
  edition: z.string(),
  exportedAt: z.string(),
  pages: z.record(
    z.string(),
    z.object({
      kind: z.enum(["story", "list", "other", "asset"]),
      lastmod: z.string().nullable(),
      links: z.array(z.string()),
      title: z.string().optional(),
      summary: z.string().optional(),
    }),
  ),
});
type ExportState = z.infer<typeof stateSchema>;
type PageState = ExportState["pages"][string];

const manifestSchema = z.object({
  files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number() })),
});

const compressible = /\.(html|xml|json|js|css|webmanifest|txt|svg|minisig)$/i;
const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export async function exportEdition(options: ExportOptions): Promise<ExportReport> {
  const started = performance.now();
  const scope: EditionScope = {
    urlPrefix: options.edition.urlPrefix,
    publicOrigin: options.publicUrl,
  };
  const root = `/${scope.urlPrefix}/`;
  const searchFile = "search/index.html";
  const previous = options.since ? await readState(options.outDir, options.edition.id) : undefined;
  const incremental = previous !== undefined && options.since !== undefined;
  const since = options.since?.getTime() ?? 0;
  const manifest = new Map<string, { sha256: string; bytes: number }>();
  if (incremental) {
    for (const entry of (await readManifest(options.outDir)) ?? []) manifest.set(entry.path, entry);
  }
  const pages: Record<string, PageState> = incremental ? { ...previous.pages } : {};

  // What the sitemaps say exists now: every story and every list, with their last change.
  const stories = await sitemapEntries(options, `${root}sitemap.xml`, scope, /sitemap-stories-/);
  const lists = await sitemapEntries(options, `${root}sitemap-pages.xml`, scope);

  // A story link not in the sitemap (killed, unpublished) would be a broken link.
  const exists = (link: PageKey) => (isStoryKey(link, scope) ? stories.has(link) : true);
  const queue: PageKey[] = [];
  const seen = new Set<PageKey>();
  const enqueue = (key: PageKey) => {
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(key);
  };
  /** During an incremental export, pages we re-render; the rest are kept. */
  const follow = (key: PageKey): boolean => {
    if (!incremental) return true;
    const known = pages[key];
    if (!known) return true; // new page, new image
    if (known.kind === "asset") return false; // renditions never change under a name
    return known.kind === "list" && isLaterPage(key);
  };

  const removedStories = incremental
    ? Object.keys(pages).filter((key) => pages[key]?.kind === "story" && !stories.has(key))
    : [];
  const fixed = [
    root,
    `${root}feeds/rss.xml`,
    `${root}feeds/atom.xml`,
    `${root}feeds/feed.json`,
    `${root}manifest.webmanifest`,
    // "Can't reach us?": the edition's mirrors and the public key to check this export with.
    `${root}mirrors`,
    ...(options.extraPaths ?? []),
  ];
  for (const path of fixed) enqueue(pageKeyOf(new URL(path, options.publicUrl), scope) ?? path);
  if (!incremental) {
    for (const key of [...lists.keys(), ...stories.keys()]) enqueue(key);
  } else {
    const changed = new Set<PageKey>(removedStories);
    for (const [key, lastmod] of stories) {
      if (!pages[key] || (lastmod !== null && Date.parse(lastmod) > since)) {
        changed.add(key);
        enqueue(key);
      }
    }
    for (const [key, lastmod] of lists) {
      if (!pages[key] || (lastmod !== null && Date.parse(lastmod) > since)) enqueue(key);
    }
    // Every list that showed a changed or removed story shows something else now, and no
    // page may keep a link to a removed one (related blocks on other stories).
    const removed = new Set(removedStories);
    for (const [key, page] of Object.entries(pages)) {
      if (removed.has(key)) continue;
      if (
        (page.kind === "list" && page.links.some((link) => changed.has(link))) ||
        page.links.some((link) => removed.has(link))
      ) {
        enqueue(key);
      }
    }
  }

  const listFamiliesRendered = new Set<string>();
  let pageCount = 0;
  let assetCount = 0;
  const maxPages = options.maxPages ?? 1_000_000;

  const writeOut = async (file: string, body: Uint8Array) => {
    const target = join(options.outDir, file);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, body);
    manifest.set(file, { sha256: sha256(body), bytes: body.byteLength });
    // The state file is for the next run, not for readers: no compressed twins.
    if (compressible.test(file) && file !== stateFile) {
      const [br, gz] = await Promise.all([
        // Quality 6 / level 6: most of the size win at a fraction of the time of the
        // maximum settings, which would dominate a 10,000-story export.
        brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6 } }),
        gzipAsync(body, { level: 6 }),
      ]);
      await Promise.all([writeFile(`${target}.br`, br), writeFile(`${target}.gz`, gz)]);
      manifest.set(`${file}.br`, { sha256: sha256(br), bytes: br.byteLength });
      manifest.set(`${file}.gz`, { sha256: sha256(gz), bytes: gz.byteLength });
    }
  };

  const processPage = async (key: PageKey) => {
    if (key === `${root}search`) return;
    const response = await options.fetchPage(key);
    if (response.status !== 200) {
      // A page that vanished between the sitemap and now (killed meanwhile): not exported.
      await response.body?.cancel();
      return;
    }
    const file = filePathOf(key, scope);
    const type = response.headers.get("Content-Type") ?? "";
    if (key.startsWith("/media/") || key.startsWith("/brand/")) {
      await writeOut(file, new Uint8Array(await response.arrayBuffer()));
      pages[key] = { kind: "asset", lastmod: null, links: [] };
      assetCount += 1;
      return;
    }
    pageCount += 1;
    const text = await response.text();
    let body = text;
    let links: PageKey[] = [];
    if (type.startsWith("text/html")) {
      const result = rewritePage(text, key, scope, searchFile, exists);
      body = result.html;
      links = result.links;
    } else if (type.includes("manifest+json")) {
      const result = rewriteJsonPaths(text, file, scope);
      body = result.html;
      links = result.links;
    }
    const isStory = stories.has(key);
    const isList = !isStory && type.startsWith("text/html");
    if (isList) listFamiliesRendered.add(listFamily(key));
    pages[key] = {
      kind: isStory ? "story" : isList ? "list" : "other",
      lastmod: (isStory ? stories.get(key) : lists.get(key)) ?? null,
      links: links.filter((link) => !link.startsWith("/media/") && !link.startsWith("/brand/")),
      ...(isStory ? searchFields(text) : {}),
    };
    await writeOut(file, Buffer.from(body, "utf8"));
    for (const link of links) if (follow(link)) enqueue(link);
  };

  // A small pool: rendering runs on this thread, writing and compressing on libuv's.
  const concurrency = options.concurrency ?? 8;
  await new Promise<void>((resolve, reject) => {
    let inFlight = 0;
    let failed = false;
    const pump = () => {
      if (failed) return;
      while (inFlight < concurrency && queue.length > 0) {
        const key = queue.shift() as PageKey;
        if (pageCount + assetCount >= maxPages) {
          failed = true;
          reject(new Error(`the export stopped at ${maxPages} pages (maxPages)`));
          return;
        }
        inFlight += 1;
        processPage(key).then(
          () => {
            inFlight -= 1;
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
      if (queue.length === 0 && inFlight === 0) resolve();
    };
    pump();
  });

  // Removals: killed or unpublished stories, and list pages past a list's new end.
  let removed = 0;
  const removeKey = async (key: PageKey) => {
    const file = filePathOf(key, scope);
    for (const path of [file, `${file}.br`, `${file}.gz`]) {
      await rm(join(options.outDir, path), { force: true });
      manifest.delete(path);
    }
    delete pages[key];
    removed += 1;
  };
  for (const key of removedStories) await removeKey(key);
  if (incremental) {
    for (const [key, page] of Object.entries(pages)) {
      if (page.kind === "list" && !seen.has(key) && listFamiliesRendered.has(listFamily(key))) {
        await removeKey(key);
      }
    }
  }

  // The offline search page: the app's own search page with a prebuilt index.
  const searchPage = await options.fetchPage(`${root}search`);
  const searchHtml = rewritePage(
    await searchPage.text(),
    `${root}search`,
    scope,
    searchFile,
    exists,
  ).html;
  const words = await searchWords(options, root);
  const entries: SearchEntry[] = Object.entries(pages)
    .filter(([, page]) => page.kind === "story")
    .map(([key, page]) => ({
      file: filePathOf(key, scope),
      title: page.title ?? "",
      summary: page.summary ?? "",
    }));
  for (const [file, body] of offlineSearchFiles(searchHtml, entries, options.edition, words)) {
    await writeOut(file, Buffer.from(body, "utf8"));
  }

  const state: ExportState = {
    format: "newsdesk-export/1",
    edition: options.edition.id,
    exportedAt: options.now.toISOString(),
    pages,
  };
  await writeOut(stateFile, Buffer.from(JSON.stringify(state), "utf8"));

  // MANIFEST.json: every file but itself and its signature, sorted for stable bytes.
  manifest.delete("MANIFEST.json");
  manifest.delete("MANIFEST.json.minisig");
  const files = [...manifest.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, entry]) => ({ path, sha256: entry.sha256, bytes: entry.bytes }));
  const manifestBytes = Buffer.from(`${JSON.stringify({ files }, null, 1)}\n`, "utf8");
  await writeFile(join(options.outDir, "MANIFEST.json"), manifestBytes);
  await writeFile(
    join(options.outDir, "MANIFEST.json.minisig"),
    signMinisign(manifestBytes, options.key, defaultTrustedComment("MANIFEST.json", options.now)),
  );
  return {
    pages: pageCount,
    assets: assetCount,
    removed,
    files: files.length + 2,
    ms: Math.round(performance.now() - started),
    incremental,
  };
}

function sha256(body: Uint8Array): string {
  return createHash("sha256").update(body).digest("hex");
}

/** `…/world?page=3` and `…/world` are one list ("family"). */
function listFamily(key: PageKey): string {
  return key.split("?")[0] ?? key;
}

function isLaterPage(key: PageKey): boolean {
  return key.includes("?page=");
}

/** Title and summary for the offline search index, from the page's own metadata. */
function searchFields(html: string): { title: string; summary: string } {
  const meta = (property: string) =>
    new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];
  const title = meta("og:title") ?? /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
  const summary = meta("og:description") ?? meta("description") ?? "";
  return { title: decodeEntities(title), summary: decodeEntities(summary) };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * The edition's own words for "no results" and the results heading: the app's search page
 * for a query nothing matches, with the query replaced by a marker (`\0`).
 */
async function searchWords(options: ExportOptions, root: string) {
  const marker = "zqxq0export0nomatch";
  const html = await (await options.fetchPage(`${root}search?q=${marker}`)).text();
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? marker;
  const none = /<\/h1>\s*<p class="notice">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "";
  return {
    headingTemplate: decodeEntities(heading.replace(/<[^>]*>/g, ""))
      .split(marker)
      .join("\0"),
    noneText: decodeEntities(none.replace(/<[^>]*>/g, "")),
  };
}

/** The `<loc>`s of a sitemap (following a sitemap index) with their `lastmod`. */
async function sitemapEntries(
  options: ExportOptions,
  path: string,
  scope: EditionScope,
  only?: RegExp,
): Promise<Map<PageKey, string | null>> {
  const entries = new Map<PageKey, string | null>();
  const response = await options.fetchPage(path);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const xml = await response.text();
  const urls = [
    ...xml.matchAll(/<(sitemap|url)><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?/g),
  ];
  for (const [, kind, loc = "", lastmod] of urls) {
    const url = new URL(decodeEntities(loc));
    if (kind === "sitemap") {
      if (!only || only.test(url.pathname)) {
        for (const [key, value] of await sitemapEntries(options, url.pathname, scope)) {
          entries.set(key, value);
        }
      }
      continue;
    }
    const key = pageKeyOf(url, scope);
    if (key !== undefined) entries.set(key, lastmod ?? null);
  }
  return entries;
}

async function readState(outDir: string, edition: string): Promise<ExportState | undefined> {
  try {
    const parsed = stateSchema.safeParse(
      JSON.parse(await readFile(join(outDir, stateFile), "utf8")),
    );
    return parsed.success && parsed.data.edition === edition ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function readManifest(outDir: string) {
  try {
    const parsed = manifestSchema.safeParse(
      JSON.parse(await readFile(join(outDir, "MANIFEST.json"), "utf8")),
    );
    return parsed.success ? parsed.data.files : undefined;
  } catch {
    return undefined;
  }
}
