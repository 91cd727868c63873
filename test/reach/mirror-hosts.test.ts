import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../src/domain/actor.js";
import { type RunningServer, startServer } from "../../src/main.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";
import { getAs } from "./reach-client.js";

const admin = systemActor("mirror test");
// DuckDuckGo's published v3 onion address: a valid checksum.
const onion = "http://duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

/**
 * Issue 16: a request arriving on a known mirror host stays on it, its pages say so in the
 * footer and name the other mirrors, `Onion-Location` points Tor Browser at the onion
 * mirror, and none of it leaks into the page cache that readers on other hosts share.
 */
describe("mirror hosts", () => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  let server: RunningServer;
  const get = (path: string, headers: Record<string, string> = {}) =>
    getAs(server.port, path, { Host: "news.example.org", ...headers });

  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite", { env: { PORT: "0", HOST: "127.0.0.1" } });
    server = await startServer(newsdesk);
    const { mirrors } = newsdesk.services;
    await mirrors.add(admin, "fa", { kind: "https", url: "https://fa.mirror-one.net", note: "" });
    await mirrors.add(admin, "fa", { kind: "onion", url: onion, note: "Tor Browser only" });
    await mirrors.add(admin, "fa", {
      kind: "https",
      url: "https://cdn.example.com/meridian-fa/",
      note: "",
    });
  });
  afterAll(async () => {
    await server?.stop();
    await newsdesk?.dispose();
  });

  it("says which mirror a page came through and names the others, in the edition's language", async () => {
    const page = await get("/persian/", { Host: "fa.mirror-one.net" });
    expect(page.status).toBe(200);
    expect(page.body).toContain(
      "شما این صفحه را از راه نشانی آینهٔ \u2068fa.mirror-one.net\u2069 می‌خوانید.",
    );
    expect(page.body).toContain(`<a href="${onion}/persian/" dir="ltr">`);
    expect(page.body).toContain(
      '<a href="https://cdn.example.com/meridian-fa/persian/" dir="ltr">',
    );
    // The canonical still names PUBLIC_URL: search engines index one address.
    expect(page.body).toContain('<link rel="canonical" href="https://news.example.org/persian/"/>');
  });

  it("keeps the shared page cache free of any host's footer line, whichever host came first", async () => {
    newsdesk.pageCache.clear();
    const viaMirror = await get("/persian/world", { Host: "fa.mirror-one.net" });
    expect(viaMirror.body).toContain("fa.mirror-one.net");
    const direct = await get("/persian/world");
    expect(direct.headers["cache-status"]).toMatch(/hit/);
    expect(direct.body).not.toContain("mirror-one");
    expect(direct.body).not.toContain("via-mirror");
    // And the other way round: the mirror reader gets the line on a page cached by others.
    const again = await get("/persian/world", { Host: "fa.mirror-one.net" });
    expect(again.body).toContain("fa.mirror-one.net");
  });

  it("revalidates mirror pages with their own ETag", async () => {
    const first = await get("/persian/", { Host: "fa.mirror-one.net" });
    const etag = String(first.headers.etag ?? "");
    const direct = await get("/persian/");
    expect(etag).not.toBe("");
    expect(etag).not.toBe(direct.headers.etag);
    const revalidated = await get("/persian/", {
      Host: "fa.mirror-one.net",
      "If-None-Match": etag,
    });
    expect(revalidated.status).toBe(304);
  });

  it("keeps the reader on the mirror: redirects are root-relative, under its prefix", async () => {
    const onMirror = await get("/persian", { Host: "fa.mirror-one.net" });
    expect(onMirror.status).toBe(301);
    expect(onMirror.headers.location).toBe("/persian/");
    const prefixed = await get("/persian", { Host: "cdn.example.com" });
    expect(prefixed.headers.location).toBe("/meridian-fa/persian/");
    const page = await get("/persian/", { Host: "cdn.example.com" });
    expect(page.body).toContain('<html data-base="/meridian-fa"');
    expect(page.body).toContain('<a class="brand" href="/meridian-fa/persian/">');
    expect(page.body).not.toMatch(/href="\/persian\//);
  });

  it("links a feed read through a mirror to that mirror, keeping its self link and ids", async () => {
    for (const path of [
      "/persian/feeds/rss.xml",
      "/persian/feeds/atom.xml",
      "/persian/feeds/feed.json",
    ]) {
      const direct = await get(path);
      const viaMirror = await get(path, { Host: "cdn.example.com" });
      expect(viaMirror.status, path).toBe(200);
      expect(direct.body, path).toContain("https://news.example.org/persian/");
      expect(viaMirror.body, path).toContain("https://cdn.example.com/meridian-fa/persian/");
      // What is left naming PUBLIC_URL is the feed's own address, and nothing else.
      const left = [...viaMirror.body.matchAll(/https:\/\/news\.example\.org\/[^"<\s]*/g)].map(
        (m) => m[0],
      );
      expect(new Set(left), path).toEqual(new Set([`https://news.example.org${path}`]));
      // Ids stay the same on every host, so readers see one story whichever feed they use.
      const ids = (body: string) =>
        [...body.matchAll(/tag:news\.example\.org,[^<"]+/g)].map((m) => m[0]);
      expect(ids(viaMirror.body), path).toEqual(ids(direct.body));
    }
    // The shared cache keeps the PUBLIC_URL feed.
    expect((await get("/persian/feeds/rss.xml")).body).not.toContain("cdn.example.com");
  });

  it("sends Onion-Location on HTML pages of a service with an onion mirror, from the cache too", async () => {
    newsdesk.pageCache.clear();
    const miss = await get("/persian/economy");
    expect(miss.headers["onion-location"]).toBe(`${onion}/persian/economy`);
    const hit = await get("/persian/economy");
    expect(hit.headers["cache-status"]).toMatch(/hit/);
    expect(hit.headers["onion-location"]).toBe(`${onion}/persian/economy`);
    // Not for a service without one, not for feeds, not on the onion address itself.
    expect((await get("/english/")).headers["onion-location"]).toBeUndefined();
    expect((await get("/persian/feeds/rss.xml")).headers["onion-location"]).toBeUndefined();
    const onOnion = await get("/persian/", { Host: new URL(onion).host });
    expect(onOnion.status).toBe(200);
    expect(onOnion.headers["onion-location"]).toBeUndefined();
  });

  it("lists the mirrors with their notes on the edition's \"Can't reach us?\" page", async () => {
    const page = await get("/persian/mirrors");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<h1>به ما دسترسی ندارید؟</h1>");
    expect(page.body).toContain(
      `<strong>سرویس پیازی تور</strong> <a href="${onion}/persian/" dir="ltr">${onion}</a> <span dir="auto">(Tor Browser only)</span>`,
    );
    expect(page.body).toContain("نشانی‌هایی که به ‎.onion ختم می‌شوند در مرورگر تور باز می‌شوند.");
    const english = await get("/english/mirrors");
    expect(english.body).toContain("There are no other addresses for this edition at the moment.");
    // Every page links to it.
    expect((await get("/english/world")).body).toContain(
      `<a href="/english/mirrors">Can't reach us?</a>`,
    );
  });

  it("forgets a removed mirror at once: its host, its line and its listing", async () => {
    const [first] = await newsdesk.services.mirrors.list(admin, "fa");
    expect(first?.url).toBe("https://fa.mirror-one.net");
    await newsdesk.services.mirrors.remove(admin, "fa", first?.id ?? "");
    const page = await get("/persian/", { Host: "fa.mirror-one.net" });
    expect(page.body).not.toContain("via-mirror");
    expect((await get("/persian/mirrors")).body).not.toContain("fa.mirror-one.net");
  });
});
