/**
 * Serbian is written in two scripts with a one-to-one standard correspondence (Vuk's
 * alphabet and Gaj's Latin alphabet, SRPS/ISO 9-compatible Serbian Latin). Cyrillic →
 * Latin is deterministic and lossless, so the Serbian service stores Cyrillic and serves
 * Latin by transliteration (ADR 0005). The reverse is not lossless ("nj" in "konjunkcija"
 * is n + j, and Latin-script names and acronyms must stay Latin), so it is not offered.
 */
const cyrillicToLatin: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  ђ: "đ",
  е: "e",
  ж: "ž",
  з: "z",
  и: "i",
  ј: "j",
  к: "k",
  л: "l",
  љ: "lj",
  м: "m",
  н: "n",
  њ: "nj",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  ћ: "ć",
  у: "u",
  ф: "f",
  х: "h",
  ц: "c",
  ч: "č",
  џ: "dž",
  ш: "š",
};

const isUpper = (ch: string | undefined): boolean =>
  ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** Serbian Cyrillic → Serbian Latin. Other characters (Latin names, digits) pass through. */
export function serbianToLatin(text: string): string {
  const chars = [...text];
  let out = "";
  for (const [index, ch] of chars.entries()) {
    const lower = ch.toLowerCase();
    const latin = cyrillicToLatin[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (!isUpper(ch)) {
      out += latin;
      continue;
    }
    // Љ → "Lj" in a capitalized word, "LJ" in an all-capitals one ("ЉУБАВ" → "LJUBAV").
    const allCaps = isUpper(chars[index + 1]) || (isUpper(chars[index - 1]) && !chars[index + 1]);
    out += allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/**
 * Serbian Latin edition of a page rendered from Cyrillic text: text and attribute values
 * are transliterated, except inside elements marked `lang="sr-Cyrl"` (the switcher's link
 * to the Cyrillic edition keeps its own script). URLs are percent-encoded ASCII, so links
 * and canonical addresses are unchanged.
 */
export function serbianHtmlToLatin(html: string): string {
  const tokens = html.split(/(<[^>]*>)/u);
  let protectedTag: string | null = null;
  let depth = 0;
  let out = "";
  for (const token of tokens) {
    if (token.startsWith("<")) {
      const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/u.exec(token)?.[1]?.toLowerCase() ?? "";
      const closing = token.startsWith("</");
      if (protectedTag) {
        if (name === protectedTag) depth += closing ? -1 : 1;
        if (depth === 0) protectedTag = null;
        out += token;
        continue;
      }
      if (!closing && /\slang="sr-Cyrl"/u.test(token) && !token.endsWith("/>")) {
        protectedTag = name;
        depth = 1;
        out += token;
        continue;
      }
      out += serbianToLatin(token);
      continue;
    }
    out += protectedTag ? token : serbianToLatin(token);
  }
  return out;
}
