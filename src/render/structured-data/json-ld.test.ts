import { describe, expect, it } from "vitest";
import { safeJsonLd } from "./json-ld.js";

describe("safeJsonLd", () => {
  const hostile = { headline: "</script><script>alert(1)</script> & <!-- \u2028\u2029 ok" };

  it("leaves no character that can end or confuse a script element", () => {
    const out = safeJsonLd(hostile);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain("\\u003c/script\\u003e");
    expect(out).toContain("\\u0026");
    expect(out).toContain("\\u2028\\u2029");
  });

  it("parses back to the same value", () => {
    expect(JSON.parse(safeJsonLd(hostile))).toEqual(hostile);
    const plain = { "@type": "NewsArticle", name: "Kessara: aid convoys" };
    expect(safeJsonLd(plain)).toBe(JSON.stringify(plain));
  });
});
