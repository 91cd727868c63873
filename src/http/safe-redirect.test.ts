import { describe, expect, it } from "vitest";
import { sameOriginRedirect } from "./safe-redirect.js";

const publicUrl = "https://news.example.org";
const fallback = "/english/";

describe("sameOriginRedirect", () => {
  // [input, expected Location]
  const cases: [string | undefined, string][] = [
    // Same-site targets come back as an absolute path, query and fragment kept.
    ["/english/", "/english/"],
    ["/english/world/aid-convoys-abc123def456", "/english/world/aid-convoys-abc123def456"],
    ["/english/search?q=convoys&page=2", "/english/search?q=convoys&page=2"],
    ["/english/#main", "/english/#main"],
    ["https://news.example.org/persian/", "/persian/"],
    // Non-ASCII is percent-encoded, so the Location header stays a valid byte string.
    ["/persian/search?q=کاروان", "/persian/search?q=%DA%A9%D8%A7%D8%B1%D9%88%D8%A7%D9%86"],
    ["/chinese/车队", "/chinese/%E8%BD%A6%E9%98%9F"],
    // Already-encoded UTF-8 and spaces pass unchanged (the text-size form returns to them).
    ["/persian/search?q=%DA%A9%D8%A7", "/persian/search?q=%DA%A9%D8%A7"],
    ["/english/search?q=aid%20convoys", "/english/search?q=aid%20convoys"],
    // Dot segments cannot climb out of the origin; they are resolved away.
    ["/english/../../etc/passwd", "/etc/passwd"],
    // ...but never into a scheme-relative "//host" path.
    ["/english/..//evil.example", fallback],
    ["/.//evil.example", fallback],
    ["/%2e//evil.example", fallback],
    // Missing or empty: the default.
    [undefined, fallback],
    ["", fallback],
    // Other origins, however spelled (OWASP Unvalidated Redirects cheat sheet).
    ["//evil.example/", fallback],
    ["///evil.example/", fallback],
    ["https://evil.example/", fallback],
    ["http://news.example.org/english/", fallback],
    ["https://news.example.org:8443/english/", fallback],
    ["https://news.example.org@evil.example/", fallback],
    ["https:evil.example", fallback],
    ["https:/evil.example", fallback],
    ["http:evil.example", fallback],
    ["javascript:alert(1)", fallback],
    ["JaVaScRiPt:alert(1)", fallback],
    ["data:text/html,<script>alert(1)</script>", fallback],
    ["vbscript:msgbox(1)", fallback],
    ["mailto:someone@evil.example", fallback],
    ["evil.example", fallback],
    ["english/", fallback],
    ["?q=1", fallback],
    ["#main", fallback],
    // Backslashes count as slashes in browsers (WHATWG URL, special schemes).
    ["/\\evil.example", fallback],
    ["\\\\evil.example", fallback],
    ["/\\/evil.example", fallback],
    ["\\/evil.example", fallback],
    // Control characters: the URL parser strips tabs and newlines, turning "/\t/x" into "//x";
    // CR/LF would split the header (RFC 9110 §5.5).
    ["/\t/evil.example", fallback],
    ["/\n/evil.example", fallback],
    ["/\r/evil.example", fallback],
    ["/english/\r\nSet-Cookie: nd_ts=lg", fallback],
    ["/english/\nLocation: https://evil.example/", fallback],
    ["/english/\u0000", fallback],
    ["/english/\u0007", fallback],
    ["/english/\u007f", fallback],
    ["/english/\u0085", fallback],
    ["/english/\u2028", fallback],
    ["/english/\u2029", fallback],
    [" /english/", fallback],
    ["/english/ ", fallback],
    ["\u00a0//evil.example", fallback],
    // Encoded controls survive one decoding as text; refuse them too.
    ["/english/%0d%0aSet-Cookie:%20x=1", fallback],
    ["/english/%0D%0A", fallback],
    ["/%09/evil.example", fallback],
    ["/english/%00", fallback],
    ["/english/%C2%85", fallback],
    ["/english/%7F", fallback],
    // Fullwidth solidus and similar look-alikes are not slashes, but stay on our origin.
    ["/\uff0f\uff0fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example"],
    // Lone surrogates cannot be encoded as UTF-8.
    ["/english/\ud800", fallback],
    // Over-long input.
    [`/${"a".repeat(5000)}`, fallback],
  ];

  it.each(cases)("%j → %s", (input, expected) => {
    expect(sameOriginRedirect(input, { publicUrl, fallback })).toBe(expected);
  });

  it("only ever returns a path on our origin, with no control characters", () => {
    for (const [input] of cases) {
      const out = sameOriginRedirect(input, { publicUrl, fallback });
      expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
      expect(new URL(out, publicUrl).origin).toBe(publicUrl);
      // A header value must be visible ASCII (RFC 9110 §5.5), so Headers.set cannot throw.
      expect(out).toMatch(/^[\x21-\x7e]+$/);
      expect(() => new Headers({ Location: out })).not.toThrow();
    }
  });
});
