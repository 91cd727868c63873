import { describe, expect, it } from "vitest";
import { checkMirrorUrl } from "./mirror-url.js";

// DuckDuckGo's published v3 onion service: a real address with a valid checksum.
const onion = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

describe("checkMirrorUrl", () => {
  it("normalizes https mirrors to origin plus prefix, without a trailing slash", () => {
    expect(checkMirrorUrl("https", "https://News.Example.NET/")).toMatchObject({
      ok: true,
      url: "https://news.example.net",
      prefix: "",
    });
    expect(checkMirrorUrl("static", " https://bucket.example.com/meridian/fa/ ")).toMatchObject({
      ok: true,
      url: "https://bucket.example.com/meridian/fa",
      host: "bucket.example.com",
      prefix: "/meridian/fa",
    });
  });

  it.each([
    ["http://news.example.net", "plain http"],
    ["https://127.0.0.1", "an IPv4 literal"],
    ["https://[::1]", "an IPv6 literal"],
    ["https://0x7f.1", "an IPv4 literal in disguise"],
    ["https://localhost", "localhost"],
    ["https://intranet", "a single-label name"],
    ["https://printer.local", "mDNS"],
    ["https://router.home.arpa", "home.arpa"],
    ["https://svc.internal", ".internal"],
    [`https://${onion}`, "an onion address as an https mirror"],
    ["https://user:pw@news.example.net", "credentials"],
    ["https://news.example.net/?a=1", "a query"],
    ["https://news.example.net/#top", "a fragment"],
    ["https://news.example.net/a/../b", "dot segments"],
    ["https://news.example.net/a b", "a space in the prefix"],
    ["javascript:alert(1)", "another scheme"],
    ["not a url", "no URL at all"],
  ])("refuses %s (%s)", (url) => {
    expect(checkMirrorUrl("https", url).ok).toBe(false);
  });

  it("accepts a v3 onion address with a valid checksum, over http or https", () => {
    expect(checkMirrorUrl("onion", `http://${onion}/`)).toMatchObject({
      ok: true,
      url: `http://${onion}`,
    });
    expect(checkMirrorUrl("onion", `https://${onion}/persian`)).toMatchObject({
      ok: true,
      url: `https://${onion}/persian`,
    });
  });

  it("refuses onion addresses that are not v3 or whose checksum is wrong", () => {
    // One character changed: still 56 base32 characters, but the checksum no longer matches.
    const typo = `duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczae.onion`;
    expect(checkMirrorUrl("onion", `http://${typo}`).ok).toBe(false);
    expect(checkMirrorUrl("onion", "http://3g2upl4pq6kufc4m.onion").ok).toBe(false); // v2
    expect(checkMirrorUrl("onion", `http://${onion.toUpperCase()}`).ok).toBe(true); // URL lowercases
    expect(checkMirrorUrl("onion", `ftp://${onion}`).ok).toBe(false);
    expect(checkMirrorUrl("onion", "https://news.example.net").ok).toBe(false);
  });
});
