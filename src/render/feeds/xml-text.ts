/**
 * XML 1.0 §2.2 allows only Tab, LF, CR and U+0020 upwards (minus surrogates and
 * U+FFFE/U+FFFF). Story text pasted from wire copy can carry control characters; a single
 * one makes the whole feed ill-formed (gofeed's rss_channel_item_illegal_char.xml).
 */
const invalidXmlChars =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function stripInvalidXmlChars(text: string): string {
  return text.replace(invalidXmlChars, "");
}

/** Escapes text content and attribute values (`& < > " '`), after dropping illegal chars. */
function xmlEscape(text: string): string {
  return stripInvalidXmlChars(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/**
 * Plain text as HTML: `& < > " '` as character references. For elements whose content is
 * HTML by their spec (RSS 2.0 `description`: "entity-encoded HTML is allowed"), so a
 * standfirst reading "<b>" reaches a feed reader as the text "<b>", not as markup. The
 * result is then XML-escaped like any other text (`element`), as RSS requires.
 */
export function htmlText(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A CDATA section; `]]>` inside the text is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXmlChars(text).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** `<name attr="…">escaped text</name>`; attributes with undefined values are omitted. */
export function element(
  name: string,
  text: string,
  attributes: Record<string, string | number | undefined> = {},
): string {
  return `<${name}${attrs(attributes)}>${xmlEscape(text)}</${name}>`;
}

export function emptyElement(
  name: string,
  attributes: Record<string, string | number | undefined>,
): string {
  return `<${name}${attrs(attributes)}/>`;
}

function attrs(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${xmlEscape(String(value))}"`)
    .join("");
}

const rtlStrong = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const strong = /[\p{L}]/u;

/**
 * Plain-text titles in feeds have no `dir`: readers guess the direction from the first
 * strong character, so an RTL title starting with "BBC" or a digit would render LTR.
 * Prefixing RIGHT-TO-LEFT MARK fixes it (W3C i18n, "Inline markup and bidirectional text").
 */
export function directionalPlainText(text: string, dir: "ltr" | "rtl"): string {
  if (dir !== "rtl") return text;
  const first = [...text].find((ch) => strong.test(ch) || /\p{N}/u.test(ch));
  return first && !rtlStrong.test(first) ? `\u200F${text}` : text;
}
