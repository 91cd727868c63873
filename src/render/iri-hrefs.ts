/**
 * Readers pay for every byte, most of all on the text-only pages. Links to pages in non-Latin
 * scripts are percent-encoded by the URL builders (`%DA%A9` is six bytes for a Persian letter
 * that UTF-8 writes in two), so a Persian page spends hundreds of bytes per link on the
 * encoding alone. The URL Standard lets `href` hold those characters as they are (a valid
 * URL string's path may contain any URL code point, §4.1), and browsers encode them when
 * they follow the link, so the address reached is the same.
 *
 * Only runs of encoded bytes of 0x80 and above are decoded, and only when they are valid
 * UTF-8 for ordinary characters: ASCII escapes (`%22`, `%3C`, `%2F`…) stay as they are, so no
 * quote, bracket or delimiter can appear in an attribute; C1 controls, bidirectional
 * controls, noncharacters and the replacement character stay encoded too.
 */
const encodedRun = /(?:%[89A-Fa-f][0-9A-Fa-f])+/g;
const keepEncoded =
  /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffd\ufffe\uffff]/;
const attribute = /\b(href|action)="([^"]*)"/g;

function decodeRun(run: string): string {
  const bytes = Buffer.from(run.replace(/%/g, ""), "hex");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  // A run that is not whole UTF-8 (or decodes to something we keep encoded) stays as it was.
  if (keepEncoded.test(text) || Buffer.from(text, "utf8").length !== bytes.length) return run;
  return text;
}

export function compactHrefs(html: string): string {
  return html.replace(attribute, (whole, name: string, value: string) =>
    value.includes("%") ? `${name}="${value.replace(encodedRun, decodeRun)}"` : whole,
  );
}
