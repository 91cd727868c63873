import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";
import { type Fetched, getAs, linksOf } from "./reach-client.js";

const publicOrigin = "https://news.example.org";

/**
 * Issue 16: every page works under any host name and path prefix. The site is served under a
 * random host name, behind a (trusted) proxy that maps `/<prefix>/…` to it, and crawled from
 * the English and Persian home pages: every link, stylesheet, icon, image (src and srcset),
 * script, form action and meta refresh of at least 50 pages is followed, and none may lead
 * to the public host (apart from the canonical and hreflang annotations search engines need)
 * or be broken.
 */
describe("any-host crawl", () => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  let server: RunningServer;
  const host = `m${randomBytes(4).toString("hex")}.example.net`;
  const prefix = `/${randomBytes(3).toString("hex")}/news`;
  const headers = { Host: host, "X-Forwarded-Prefix": prefix };

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite", {
      env: { PORT: "0", HOST: "127.0.0.1", TRUSTED_PROXIES: "127.0.0.1/32,::1/128" },
    });
    server = await startServer(newsdesk);
  });
  afterAll(async () => {
    await server?.stop();
    await newsdesk?.dispose();
  });

  /** The app path a URL on the page names, or why it is not one of ours. */
  function appPath(url: string, base: string): { path: string } | { outside: string } {
    if (url.startsWith("#") || url.startsWith("data:") || url.startsWith("mailto:")) {
      return { outside: "fragment" };
    }
    const resolved = new URL(url, `http://${host}${base}`);
    if (resolved.origin === publicOrigin) return { outside: "public" };
    if (resolved.host !== host) return { outside: "external" };
    const path = resolved.pathname + resolved.search;
    if (!path.startsWith(`${prefix}/`)) return { outside: "unprefixed" };
    return { path: path.slice(prefix.length) };
  }

  it("finds no link to the public host and no broken link on 50 pages in two editions", async () => {
    const fetched = new Map<string, Fetched>();
    const fetchOnce = async (path: string) => {
      let response = fetched.get(path);
      if (!response) {
        response = await getAs(server.port, path, headers);
        fetched.set(path, response);
      }
      return response;
    };
    const publicLinks: string[] = [];
    const unprefixed: string[] = [];
    const broken: string[] = [];
    const allowedPublic: string[] = [];
    const queues: Record<"english" | "persian", string[]> = {
      english: ["/english/"],
      persian: ["/persian/"],
    };
    const crawled = { english: 0, persian: 0 };
    const seen = new Set<string>(["/english/", "/persian/"]);
    let linksChecked = 0;

    /** Follows a URL (redirects included, each Location checked) to its final status. */
    const resolve = async (path: string, via: string): Promise<number> => {
      let current = path;
      for (let hop = 0; hop < 5; hop++) {
        const response = await fetchOnce(current);
        if (response.status < 300 || response.status >= 400) return response.status;
        const location = String(response.headers.location ?? "");
        const next = appPath(location, `${prefix}${current}`);
        if ("outside" in next) {
          (next.outside === "public" ? publicLinks : unprefixed).push(
            `${via} → ${current} redirects to ${location}`,
          );
          return 0;
        }
        current = next.path;
      }
      return 0;
    };

    const crawlPage = async (edition: "english" | "persian", path: string) => {
      const page = await fetchOnce(path);
      expect(page.status, path).toBe(200);
      expect(page.body).toContain(`<html data-base="${prefix}"`);
      crawled[edition]++;
      for (const link of linksOf(page.body)) {
        const target = appPath(link.url, `${prefix}${path}`);
        if ("outside" in target) {
          if (target.outside === "public") {
            const annotation =
              link.from === "link[rel=canonical]" || link.from.endsWith("[hreflang]");
            (annotation ? allowedPublic : publicLinks).push(`${path}: ${link.from} ${link.url}`);
          } else if (target.outside === "unprefixed") {
            unprefixed.push(`${path}: ${link.from} ${link.url}`);
          }
          continue;
        }
        linksChecked++;
        const status = await resolve(target.path, `${path}: ${link.from}`);
        if (status !== 200) broken.push(`${path}: ${link.from} ${link.url} → ${status}`);
        const pagePath = target.path.split("?")[0] ?? "";
        const isPage =
          link.from === "a" &&
          /^\/(english|persian)\/[^.]*$/.test(pagePath) &&
          !seen.has(target.path);
        if (isPage && status === 200 && !pagePath.endsWith("/search")) {
          seen.add(target.path);
          queues[pagePath.startsWith("/english/") ? "english" : "persian"].push(target.path);
        }
      }
    };

    // Breadth first, alternating editions, until both have given 25 pages or run out.
    while (crawled.english + crawled.persian < 60) {
      const english = crawled.english < 30 ? queues.english.shift() : undefined;
      const persian = crawled.persian < 30 ? queues.persian.shift() : undefined;
      if (!english && !persian) break;
      if (english) await crawlPage("english", english);
      if (persian) await crawlPage("persian", persian);
    }

    expect(crawled.english).toBeGreaterThanOrEqual(25);
    expect(crawled.persian).toBeGreaterThanOrEqual(25);
    expect(publicLinks).toEqual([]);
    expect(unprefixed).toEqual([]);
    expect(broken).toEqual([]);
    // The annotations are there (so the crawl saw them), and only they name PUBLIC_URL.
    expect(allowedPublic.some((l) => l.includes("link[rel=canonical]"))).toBe(true);
    expect(linksChecked).toBeGreaterThan(1000);
    console.info(
      `any-host crawl: ${crawled.english + crawled.persian} pages (${crawled.english} English, ${crawled.persian} Persian), ${linksChecked} links checked, ${fetched.size} distinct URLs fetched`,
    );
  }, 120_000);
});
