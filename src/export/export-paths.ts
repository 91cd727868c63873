import { posix } from "node:path";

/**
 * Where each page of an edition lands in a static export, and how one exported file links
 * to another. Every link is a relative file path ending in a file name (`…/index.html`), so
 * the export works under any host name and path prefix, from any static server and even
 * from `file://`.
 *
 * `/<prefix>/` → `index.html`; `/<prefix>/a/b` → `a/b/index.html`; a list's page N
 * (`?page=N`) → `…/page/N/index.html`; `/<prefix>/feeds/rss.xml` → `feeds/rss.xml`; shared
 * assets outside the edition (`/media/…`, `/brand/…`) → `_assets/media/…`, `_assets/brand/…`.
 */

/** A page's identity in an export: its path plus the page number, the only query kept. */
export type PageKey = string;

const assetRoots = ["/media/", "/brand/"];

export interface EditionScope {
  /** The edition's first path segment, e.g. `english`. */
  readonly urlPrefix: string;
  /** PUBLIC_URL: absolute links to it are the site's own. */
  readonly publicOrigin: string;
}

/**
 * The page key of an in-scope URL, or undefined for anything an export cannot hold: other
 * editions, the newsroom, cookie-setting endpoints, other hosts.
 */
export function pageKeyOf(url: URL, scope: EditionScope): PageKey | undefined {
  if (url.origin !== new URL(scope.publicOrigin).origin) return undefined;
  const path = url.pathname;
  if (assetRoots.some((root) => path.startsWith(root))) return path;
  const root = `/${scope.urlPrefix}/`;
  if (path === `/${scope.urlPrefix}`) return root;
  if (!path.startsWith(root)) return undefined;
  // The live search needs the server; the export has its own offline search page.
  if (path === `${root}search`) return `${root}search`;
  const page = url.searchParams.get("page");
  if (page !== null && /^[1-9][0-9]{0,5}$/.test(page) && page !== "1") {
    return `${path}?page=${page}`;
  }
  return path;
}

/** The file (relative to the export root, decoded UTF-8 names) holding a page. */
export function filePathOf(key: PageKey, scope: EditionScope): string {
  const [rawPath = "", query] = key.split("?");
  const path = safeDecode(rawPath);
  let file: string;
  if (assetRoots.some((root) => path.startsWith(root))) {
    file = `_assets${path}`;
  } else {
    const inside = path.slice(scope.urlPrefix.length + 2);
    const page = query ? new URLSearchParams(query).get("page") : null;
    if (inside === "") file = "index.html";
    else if (/\.[a-z0-9]{2,12}$/i.test(inside) && page === null) file = inside;
    else file = `${inside.replace(/\/+$/, "")}${page ? `/page/${page}` : ""}/index.html`;
  }
  const normalized = posix.normalize(file);
  // Never outside the export directory, whatever a URL held.
  if (normalized.startsWith("../") || normalized.startsWith("/") || normalized.includes("\0")) {
    throw new Error(`refusing to export ${key} outside the export directory`);
  }
  return normalized;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A relative link from one exported file to another, percent-encoded per segment. */
export function relativeLink(fromFile: string, toFile: string, fragment = ""): string {
  const relative = posix.relative(posix.dirname(fromFile), toFile) || posix.basename(toFile);
  return `${relative.split("/").map(encodeSegment).join("/")}${fragment}`;
}

function encodeSegment(segment: string): string {
  return segment === ".." || segment === "." ? segment : encodeURIComponent(segment);
}

/** Subject pages (`topics/x`, `people/x`, `desks/x`) share the story address shape. */
const subjectSegments = new Set(["topics", "people", "desks", "feeds"]);

/** Whether a page key has a story's address shape: `/<prefix>/<section>/<slug>-<id>`. */
export function isStoryKey(key: PageKey, scope: EditionScope): boolean {
  const parts = key.split("/");
  return (
    parts.length === 4 &&
    parts[1] === scope.urlPrefix &&
    !subjectSegments.has(parts[2] ?? "") &&
    /-[0-9a-z]{12}$/.test(parts[3] ?? "")
  );
}
