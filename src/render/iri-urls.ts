/**
 * Readers pay for every byte, most of all on the text-only pages. Links to pages in non-Latin
 * scripts are percent-encoded by the URL builders (`%DA%A9` is six bytes for a Persian letter
 * that UTF-8 writes in two), so a Persian page spends hundreds of bytes per link on the
 * encoding alone. The URL Standard lets `href` hold those characters as they are (a valid
 * URL string's path may contain any URL code point, §4.1), and browsers encode them when
 * they follow the link, so the address reached is the same. The same holds for the absolute
 * addresses in `<meta content>` (Open Graph's `og:url`) and in JSON-LD, whose identifiers are
 * IRIs by definition (JSON-LD 1.1 §1.4, RFC 3987): a Persian story's address appears there
 * five times.
 *
 * Only runs of encoded bytes of 0x80 and above are decoded, and only when they are valid
 * UTF-8 for ordinary characters: ASCII escapes (`%22`, `%3C`, `%2F`…) stay as they are, so no
 * quote, bracket or delimiter can appear in an attribute or a JSON string; C1 controls,
 * bidirectional controls, noncharacters and the replacement character stay encoded too.
 */
const encodedRun = /(?:%[89A-Fa-f][0-9A-Fa-f])+/g;
const keepEncoded =
  /[\u0080-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffd\ufffe\uffff]/;
/** Link targets, and `content` attributes that hold an absolute address. */
const attribute = /\b(href|action)="([^"]*)"|\b(content)="(https?:\/\/[^"]*)"/g;
const jsonLdBlock = /(<script type="application\/ld\+json">)([^<]*)(<\/script>)/g;
/** A JSON string that is an absolute address (JSON-LD escapes `"` inside strings as `\"`). */
const jsonUrl = /"(https?:\/\/[^"\\]*)"/g;

function decodeRun(run: string): string {
  const bytes = Buffer.from(run.replace(/%/g, ""), "hex");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  // A run that is not whole UTF-8 (or decodes to something we keep encoded) stays as it was.
  if (keepEncoded.test(text) || Buffer.from(text, "utf8").length !== bytes.length) return run;
  return text;
}

const compact = (url: string): string =>
  url.includes("%") ? url.replace(encodedRun, decodeRun) : url;

/**
 * Whether any `%` is followed by 8–F, the start of an escaped byte of 0x80 or above. Most
 * pages in Latin scripts have none (their few `%` are in the stylesheet): one `indexOf`
 * walk spares them the attribute scan.
 */
function hasEncodedByte(html: string): boolean {
  for (let at = html.indexOf("%"); at !== -1; at = html.indexOf("%", at + 1)) {
    const next = html.charCodeAt(at + 1) | 0x20; // ASCII lower case
    if ((next >= 0x38 && next <= 0x39) || (next >= 0x61 && next <= 0x66)) return true;
  }
  return false;
}

export function compactUrls(html: string): string {
  if (!hasEncodedByte(html)) return html;
  const attributes = html.replace(attribute, (whole, ...groups: (string | undefined)[]) => {
    const [link, linkValue, meta, metaValue] = groups;
    const name = link ?? meta;
    const value = linkValue ?? metaValue ?? "";
    return value.includes("%") ? `${name}="${compact(value)}"` : whole;
  });
  if (!attributes.includes("application/ld+json")) return attributes;
  return attributes.replace(
    jsonLdBlock,
    (_whole, open: string, json: string, close: string) =>
      `${open}${json.replace(jsonUrl, (_u, url: string) => `"${compact(url)}"`)}${close}`,
  );
}
