/**
 * Serializes JSON-LD for a `<script type="application/ld+json">` element. HTML ends a
 * script at the first `</script` whatever the JSON says (HTML §4.12.1.3, restrictions
 * for contents of script elements), so `<`, `>` and `&` are written as JSON \u escapes,
 * which parse back to the same characters. U+2028/U+2029 are escaped for old parsers.
 */
export function safeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(unsafeInScript, (c) => scriptEscapes[c] ?? c);
}

const unsafeInScript = /[<>&\u2028\u2029]/g;
const scriptEscapes: Readonly<Record<string, string>> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};
