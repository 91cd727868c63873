import { describe, expect, it } from "vitest";
import { compactHrefs } from "./iri-hrefs.js";

describe("compact hrefs on reader pages", () => {
  it("writes non-Latin path letters as UTF-8, a third of the bytes, reaching the same address", () => {
    const path = `/persian/world/${encodeURIComponent("کاروان-کمک")}-abc`;
    const out = compactHrefs(`<a href="${path}">x</a>`);
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
    for (const html of cases) expect(compactHrefs(html)).toBe(html);
  });

  it("leaves other attributes and text alone", () => {
    const html = '<p title="%D9%85">%D9%85</p><form action="/q%D9%85"></form>';
    expect(compactHrefs(html)).toBe('<p title="%D9%85">%D9%85</p><form action="/qم"></form>');
  });
});
