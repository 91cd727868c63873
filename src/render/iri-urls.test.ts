import { describe, expect, it } from "vitest";
import { compactUrls } from "./iri-urls.js";

describe("compact hrefs on reader pages", () => {
  it("writes non-Latin path letters as UTF-8, a third of the bytes, reaching the same address", () => {
    const path = `/persian/world/${encodeURIComponent("کاروان-کمک")}-abc`;
    const out = compactUrls(`<a href="${path}">x</a>`);
    expect(out).toBe('<a href="/persian/world/کاروان-کمک-abc">x</a>');
    // A browser encodes it back to the very same request target.
    expect(new URL(out.slice(9, out.indexOf('">')), "https://n.example/").pathname).toBe(path);
    expect(Buffer.byteLength(out)).toBeLessThan(Buffer.byteLength(`<a href="${path}">x</a>`));
  });

  it("never decodes ASCII escapes, controls, bidi overrides or broken UTF-8", () => {
    const cases = [
      '<a href="/a%22%3E%3Cscript%3E">x</a>',
      '<a href="/a%C2%85b">x</a>', // U+0085, a C1 control
      '<a href="/a%E2%80%AEb">x</a>', // U+202E, right-to-left override
      '<a href="/a%D9">x</a>', // half a character
      '<a href="/a%EF%BF%BD">x</a>', // U+FFFD
    ];
    for (const html of cases) expect(compactUrls(html)).toBe(html);
  });

  it("passes a page with no escaped non-ASCII byte through as it is", () => {
    const html = '<style>html{width:100%}</style><a href="/a%20b%2F">x</a><p>50% more</p>%';
    expect(compactUrls(html)).toBe(html);
    // Lower-case escapes count too.
    expect(compactUrls('<a href="/%d9%85">x</a>')).toBe('<a href="/م">x</a>');
  });

  it("leaves other attributes and text alone", () => {
    const html = '<p title="%D9%85">%D9%85</p><form action="/q%D9%85"></form>';
    expect(compactUrls(html)).toBe('<p title="%D9%85">%D9%85</p><form action="/qم"></form>');
  });
});

describe("compact addresses in Open Graph and JSON-LD", () => {
  const path = `/persian/world/${encodeURIComponent("کاروان-کمک")}-abc`;
  const url = `https://n.example${path}`;

  it("writes og:url and JSON-LD identifiers as IRIs, which resolve to the same address", () => {
    const jsonLd = JSON.stringify({ "@id": `${url}#article`, url, headline: "%D9%85 stays" });
    const html =
      `<meta property="og:url" content="${url}"/>` +
      `<script type="application/ld+json">${jsonLd}</script>`;
    const out = compactUrls(html);
    expect(out).toContain('content="https://n.example/persian/world/کاروان-کمک-abc"');
    const parsed = JSON.parse(
      /<script type="application\/ld\+json">(.*)<\/script>/.exec(out)?.[1] ?? "{}",
    ) as Record<string, string>;
    expect(parsed.url).toBe("https://n.example/persian/world/کاروان-کمک-abc");
    expect(parsed["@id"]).toBe("https://n.example/persian/world/کاروان-کمک-abc#article");
    // Text that is not an address is left as written.
    expect(parsed.headline).toBe("%D9%85 stays");
    expect(new URL(parsed.url ?? "").href).toBe(url);
  });

  it("leaves meta text, escapes in JSON strings and unsafe characters alone", () => {
    const cases = [
      '<meta name="description" content="%D9%85 in words"/>',
      '<script type="application/ld+json">{"url":"https://n.example/a%E2%80%AEb"}</script>',
      '<script type="application/ld+json">{"url":"https://n.example/a%E2%80%A8b"}</script>',
      '<script type="application/ld+json">{"u":"https://n.example/\\"%D9%85"}</script>',
      '<script>var u="https://n.example/%D9%85"</script>',
    ];
    for (const html of cases) expect(compactUrls(html)).toBe(html);
  });
});
