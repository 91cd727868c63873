import { request } from "node:http";

export interface CrawlReport {
  readonly pages: number;
  readonly fetched: number;
  readonly broken: string[];
  /** Links (not canonical or hreflang alternates) that name the public host. */
  readonly absoluteSelfLinks: string[];
  /** Links that leave the mirror's path prefix on its host. */
  readonly outsidePrefix: string[];
}

/** GET over a socket with any Host header (fetch may not set Host). */
export function httpGet(
  port: number,
  host: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; type: string; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, headers: { Host: host, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks),
            headers: res.headers,
          }),
        );
      },
    );
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout on ${path}`)));
    req.end();
  });
}

const attributePattern = /\s(href|src|action|srcset)="([^"]*)"/g;
const tagPattern = /<(a|link|img|source|form|script)\b[^>]*>/gi;

/**
 * Crawls a static mirror from `start` (a path under `prefix`), following every link on every
 * HTML page, fetching each same-host target once. Canonical and hreflang `<link>`s are
 * exempt from the self-link count: they are meant to name the original site.
 */
export async function crawlStaticMirror(options: {
  port: number;
  host: string;
  prefix: string;
  start: string;
  publicHost: string;
  maxFetches?: number;
}): Promise<CrawlReport> {
  const origin = `http://${options.host}`;
  const seen = new Set<string>([options.start]);
  const referrer = new Map<string, string>();
  const queue = [options.start];
  const broken: string[] = [];
  const absoluteSelfLinks: string[] = [];
  const outsidePrefix: string[] = [];
  let pages = 0;
  let fetched = 0;
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (fetched >= (options.maxFetches ?? 5000)) throw new Error("crawl too large");
    fetched += 1;
    const response = await httpGet(options.port, options.host, path);
    if (response.status !== 200) {
      broken.push(`${path} (${response.status}, linked from ${referrer.get(path) ?? "start"})`);
      continue;
    }
    if (!response.type.startsWith("text/html")) continue;
    pages += 1;
    const html = response.body.toString("utf8");
    for (const [tag] of html.matchAll(tagPattern)) {
      const exempt =
        /^<link\b/i.test(tag) && (/\srel="canonical"/.test(tag) || /\shreflang="/.test(tag));
      for (const [, name, raw = ""] of tag.matchAll(attributePattern)) {
        const values =
          name === "srcset"
            ? raw.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
            : [raw.replace(/&amp;/g, "&")];
        for (const value of values) {
          if (value === "" || value.startsWith("#")) continue;
          const url = new URL(value, `${origin}${path}`);
          if (url.host === options.publicHost) {
            if (!exempt) absoluteSelfLinks.push(`${path} → ${value}`);
            continue;
          }
          if (url.host !== options.host) continue;
          if (!url.pathname.startsWith(options.prefix)) {
            outsidePrefix.push(`${path} → ${value}`);
            continue;
          }
          if (!seen.has(url.pathname)) {
            seen.add(url.pathname);
            referrer.set(url.pathname, path);
            queue.push(url.pathname);
          }
        }
      }
    }
  }
  return { pages, fetched, broken, absoluteSelfLinks, outsidePrefix };
}
