import { describe, expect, it } from "vitest";
import type { MirrorSnapshot } from "../domain/mirrors/mirror-directory.js";
import type { Mirror } from "../domain/mirrors/mirror-schema.js";
import {
  insertInFooter,
  onionLocationFor,
  prefixRootRelative,
  requestReach,
  rewriteFeedLinks,
} from "./reach.js";

const onion = "http://duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";
const mirrors: Mirror[] = [
  {
    id: "a",
    serviceId: "fa",
    kind: "https",
    url: "https://cdn.example.com/fa-news",
    note: "",
    createdAt: "",
  },
  { id: "b", serviceId: "fa", kind: "onion", url: onion, note: "", createdAt: "" },
];
const snapshot: MirrorSnapshot = {
  byHost: (host) => mirrors.find((m) => new URL(m.url).host === host.toLowerCase()),
  forService: (id) => mirrors.filter((m) => m.serviceId === id),
};

describe("prefixRootRelative", () => {
  it("prefixes every root-relative URL a browser follows, and nothing else", () => {
    const page =
      '<html lang="en"><head><link rel="canonical" href="https://news.example.org/english/"/>' +
      '<meta http-equiv="refresh" content="5; url=/english/"/></head><body>' +
      '<a href="/english/world">World</a><a href="//evil.example/">x</a><a href="#main">skip</a>' +
      '<a href="?lite=1">Text-only</a><form action="/english/search"></form>' +
      '<img src="/media/x/16x9-640.jpg" srcset="/media/x/16x9-320.jpg 320w, /media/x/16x9-640.jpg 640w"/>' +
      "<p>Write href=&quot;/not-a-link&quot; in text</p></body></html>";
    expect(prefixRootRelative(page, "/p/news")).toBe(
      '<html data-base="/p/news" lang="en"><head><link rel="canonical" href="https://news.example.org/english/"/>' +
        '<meta http-equiv="refresh" content="5; url=/p/news/english/"/></head><body>' +
        '<a href="/p/news/english/world">World</a><a href="//evil.example/">x</a><a href="#main">skip</a>' +
        '<a href="?lite=1">Text-only</a><form action="/p/news/english/search"></form>' +
        '<img src="/p/news/media/x/16x9-640.jpg" srcset="/p/news/media/x/16x9-320.jpg 320w, /p/news/media/x/16x9-640.jpg 640w"/>' +
        "<p>Write href=&quot;/not-a-link&quot; in text</p></body></html>",
    );
    expect(prefixRootRelative(page, "")).toBe(page);
  });
});

describe("insertInFooter", () => {
  it("puts the line at the end of the page footer, or nowhere when there is none", () => {
    expect(insertInFooter("<footer><p>©</p></footer></body>", "<p>mirror</p>")).toBe(
      "<footer><p>©</p><p>mirror</p></footer></body>",
    );
    expect(insertInFooter("<p>no footer</p>", "<p>mirror</p>")).toBe("<p>no footer</p>");
  });
});

describe("requestReach", () => {
  const trusted = { host: "news.example.org", fromTrustedProxy: true };
  it("believes X-Forwarded-Prefix only from a trusted proxy, and only a plain path", () => {
    expect(requestReach({ ...trusted, forwardedPrefix: "/news/" }, snapshot).prefix).toBe("/news");
    expect(
      requestReach({ ...trusted, forwardedPrefix: "/news", fromTrustedProxy: false }, snapshot),
    ).toEqual({ prefix: "", mirror: undefined });
    for (const bad of ["news", "//evil.example", "/a/../b", '/x"><script>', "/a b"]) {
      expect(requestReach({ ...trusted, forwardedPrefix: bad }, snapshot).prefix, bad).toBe("");
    }
  });

  it("knows a mirror by its host name, and takes its configured prefix", () => {
    const reach = requestReach(
      { host: "CDN.example.com", forwardedPrefix: undefined, fromTrustedProxy: false },
      snapshot,
    );
    expect(reach).toEqual({ prefix: "/fa-news", mirror: mirrors[0] });
  });
});

describe("onionLocationFor", () => {
  it("names the same page on the service's onion mirror, except to readers already there", () => {
    expect(onionLocationFor(snapshot, "/persian/world?page=2", undefined)).toBe(
      `${onion}/persian/world?page=2`,
    );
    expect(onionLocationFor(snapshot, "/english/", undefined)).toBeUndefined();
    expect(onionLocationFor(snapshot, "/persian/", mirrors[1])).toBeUndefined();
    expect(onionLocationFor(snapshot, "/brand/icon-32.png", undefined)).toBeUndefined();
  });
});

describe("rewriteFeedLinks", () => {
  it("moves every link to the mirror but the feed's self link and id", () => {
    const atom =
      "<feed><id>https://news.example.org/persian/feeds/atom.xml</id>" +
      '<link rel="self" type="application/atom+xml" href="https://news.example.org/persian/feeds/atom.xml"/>' +
      '<link rel="alternate" href="https://news.example.org/persian/"/>' +
      "<content>&lt;a href=&quot;https://news.example.org/persian/world&quot;&gt;</content></feed>";
    expect(rewriteFeedLinks(atom, "https://news.example.org", "http://x.onion")).toBe(
      "<feed><id>https://news.example.org/persian/feeds/atom.xml</id>" +
        '<link rel="self" type="application/atom+xml" href="https://news.example.org/persian/feeds/atom.xml"/>' +
        '<link rel="alternate" href="http://x.onion/persian/"/>' +
        "<content>&lt;a href=&quot;http://x.onion/persian/world&quot;&gt;</content></feed>",
    );
    const json =
      '{"home_page_url":"https://news.example.org/persian/","feed_url":"https://news.example.org/persian/feeds/feed.json"}';
    expect(rewriteFeedLinks(json, "https://news.example.org", "https://m.example.net/fa")).toBe(
      '{"home_page_url":"https://m.example.net/fa/persian/","feed_url":"https://news.example.org/persian/feeds/feed.json"}',
    );
  });
});
