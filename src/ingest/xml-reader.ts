import { XMLParser, XMLValidator } from "fast-xml-parser";
import { NewsdeskError } from "../domain/error-catalogue.js";

/**
 * A small, hardened XML reader for wire files. fast-xml-parser does the tokenising; this
 * module adds what agency input needs on top:
 *
 * - DOCTYPE internal subsets that declare entities are refused outright (XXE and
 *   "billion laughs", OWASP XXE Prevention Cheat Sheet). External DTDs such as NITF's
 *   `<!DOCTYPE nitf SYSTEM "nitf-3-3.dtd">` are tolerated but never fetched.
 * - Entity references are decoded here, not by the parser, so nothing can expand: only the
 *   five predefined entities (XML 1.0 section 4.6), character references, and a short list
 *   of HTML entities that DTD-era NITF files rely on.
 * - Characters that XML 1.0 section 2.2 forbids, and nesting deeper than a news document
 *   could need, reject the file.
 *
 * Names are kept as written (`ns0:newsItem`); use `localName` to compare them, because
 * real wires use arbitrary prefixes for the same namespace.
 */

export type XmlElement = {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlNode[];
};
export type XmlNode = XmlElement | string;

export type XmlDocument = { root: XmlElement; warnings: string[] };

const MAX_DEPTH = 256;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // We decode entities ourselves (see decodeEntities) so the parser can never expand one.
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: "#cdata",
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: false,
  // fast-xml-parser's own nesting guard; beyond it the parse is refused as WIRE_TOO_DEEP.
  maxNestedTags: MAX_DEPTH,
});

/** HTML entities that appear in DTD-era NITF and RSS copy, where a DTD declared them. */
const htmlEntities: Readonly<Record<string, string>> = {
  nbsp: "\u00a0",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  laquo: "\u00ab",
  raquo: "\u00bb",
  bull: "\u2022",
  middot: "\u00b7",
  copy: "\u00a9",
  reg: "\u00ae",
  trade: "\u2122",
  deg: "\u00b0",
  euro: "\u20ac",
  pound: "\u00a3",
  eacute: "\u00e9",
  egrave: "\u00e8",
  aacute: "\u00e1",
  agrave: "\u00e0",
  oacute: "\u00f3",
  uacute: "\u00fa",
  iacute: "\u00ed",
  ntilde: "\u00f1",
  ccedil: "\u00e7",
  auml: "\u00e4",
  ouml: "\u00f6",
  uuml: "\u00fc",
  Auml: "\u00c4",
  Ouml: "\u00d6",
  Uuml: "\u00dc",
  szlig: "\u00df",
  frac12: "\u00bd",
  frac14: "\u00bc",
  frac34: "\u00be",
};
const predefined: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node !== "string";
}

export function elementChildren(element: XmlElement): XmlElement[] {
  return element.children.filter(isElement);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter(
    (node): node is XmlElement => isElement(node) && localName(node.name) === name,
  );
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return childrenNamed(element, name)[0];
}

/** Follows a path of local names, taking the first match at each step. */
export function childPath(
  element: XmlElement | undefined,
  ...names: string[]
): XmlElement | undefined {
  let current = element;
  for (const name of names) current = child(current, name);
  return current;
}

/** Descendants with the given local name, in document order (iterative: no deep recursion). */
export function descendantsNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack: XmlElement[] = elementChildren(element).reverse();
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) break;
    if (localName(current.name) === name) found.push(current);
    const inner = elementChildren(current);
    for (let index = inner.length - 1; index >= 0; index -= 1) {
      const node = inner[index];
      if (node) stack.push(node);
    }
  }
  return found;
}

/** Attribute by exact name (`xml:lang`) or, failing that, by local name (`rtr:msgType`). */
export function attr(element: XmlElement | undefined, name: string): string | undefined {
  if (!element) return undefined;
  const exact = element.attrs[name];
  if (exact !== undefined) return exact;
  for (const [key, value] of Object.entries(element.attrs)) {
    if (localName(key) === name && !key.startsWith("xmlns")) return value;
  }
  return undefined;
}

/** All text below the element, concatenated, with whitespace runs collapsed and trimmed. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return "";
  return rawTextOf(element).replace(/\s+/g, " ").trim();
}

/** All text below the element, whitespace untouched (for preformatted wire text). */
export function rawTextOf(element: XmlElement): string {
  const parts: string[] = [];
  const visit = (node: XmlNode): void => {
    if (typeof node === "string") parts.push(node);
    else for (const inner of node.children) visit(inner);
  };
  visit(element);
  return parts.join("");
}

/** Non-empty trimmed text, or undefined, which suits optional model fields. */
export function optionalText(element: XmlElement | undefined): string | undefined {
  const text = textOf(element);
  return text.length > 0 ? text : undefined;
}

// XML 1.0 section 2.2: only tab, LF and CR are allowed below U+0020.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this regex exists to find them.
const forbiddenChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function lineAndColumn(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const column = index - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

/** Refuses entity declarations in the DOCTYPE internal subset, before any parsing. */
function checkDoctype(text: string): { hasDoctype: boolean } {
  const start = text.search(/<!DOCTYPE/i);
  if (start === -1) {
    if (/<!ENTITY/i.test(text)) {
      throw new NewsdeskError("WIRE_ENTITY_EXPANSION", {
        detail: "An ENTITY declaration appears outside a DOCTYPE.",
      });
    }
    return { hasDoctype: false };
  }
  const bracket = text.indexOf("[", start);
  const close = text.indexOf(">", start);
  let subset = "";
  if (bracket !== -1 && (close === -1 || bracket < close)) {
    const end = text.indexOf("]", bracket);
    subset = end === -1 ? text.slice(bracket) : text.slice(bracket, end);
  }
  const entity = /<!ENTITY\s+(%\s+)?[^\s>]+\s+(SYSTEM|PUBLIC)?/i.exec(subset);
  if (entity) {
    if (entity[2]) {
      throw new NewsdeskError("WIRE_EXTERNAL_ENTITY", {
        detail: `The DOCTYPE declares an external entity at ${lineAndColumn(text, start)}.`,
      });
    }
    throw new NewsdeskError("WIRE_ENTITY_EXPANSION", {
      detail: `The DOCTYPE declares an internal entity at ${lineAndColumn(text, start)}.`,
    });
  }
  return { hasDoctype: true };
}

function decodeEntities(
  value: string,
  context: { hasDoctype: boolean; warnings: string[] },
): string {
  if (!value.includes("&")) return value;
  return value.replace(
    /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9._-]*);?/g,
    (whole, ref: string) => {
      if (!whole.endsWith(";")) {
        throw new NewsdeskError("WIRE_MALFORMED_XML", {
          detail: `The entity reference "${whole}" lacks its ";".`,
        });
      }
      if (ref.startsWith("#")) {
        const codePoint = ref.startsWith("#x")
          ? Number.parseInt(ref.slice(2), 16)
          : Number.parseInt(ref.slice(1), 10);
        const legal =
          codePoint === 0x9 ||
          codePoint === 0xa ||
          codePoint === 0xd ||
          (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
          (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
          (codePoint >= 0x10000 && codePoint <= 0x10ffff);
        if (!legal) {
          throw new NewsdeskError("WIRE_MALFORMED_XML", {
            detail: `The character reference "${whole}" is not allowed.`,
          });
        }
        return String.fromCodePoint(codePoint);
      }
      const known = predefined[ref] ?? htmlEntities[ref];
      if (known !== undefined) return known;
      if (context.hasDoctype) {
        // Declared (we must assume) by an external DTD we never fetch: keep the text visible.
        context.warnings.push(`Undeclared entity ${whole} kept as text.`);
        return whole;
      }
      throw new NewsdeskError("WIRE_MALFORMED_XML", {
        detail: `The entity "${whole}" is not declared.`,
      });
    },
  );
}

type RawNode = Record<string, unknown>;

function toElement(
  raw: RawNode,
  depth: number,
  context: { hasDoctype: boolean; warnings: string[] },
): XmlNode | undefined {
  if (depth > MAX_DEPTH) {
    throw new NewsdeskError("WIRE_TOO_DEEP", {
      detail: `Elements are nested more than ${MAX_DEPTH} levels deep.`,
    });
  }
  const attrsRaw = raw[":@"];
  for (const [key, value] of Object.entries(raw)) {
    if (key === ":@") continue;
    if (key === "#text") return decodeEntities(String(value), context);
    if (key === "#cdata") {
      // CDATA content is literal (XML 1.0 section 2.7): no entity decoding.
      const parts = Array.isArray(value) ? value : [];
      return parts.map((part: RawNode) => String(part["#text"] ?? "")).join("");
    }
    if (key.startsWith("?") || key.startsWith("!")) return undefined;
    const attrs: Record<string, string> = {};
    if (attrsRaw && typeof attrsRaw === "object") {
      for (const [name, attrValue] of Object.entries(attrsRaw as Record<string, unknown>)) {
        attrs[name] = decodeEntities(String(attrValue), context);
      }
    }
    const children: XmlNode[] = [];
    if (Array.isArray(value)) {
      for (const item of value as RawNode[]) {
        const node = toElement(item, depth + 1, context);
        if (node !== undefined) children.push(node);
      }
    }
    return { name: key, attrs, children };
  }
  return undefined;
}

/**
 * Parses an XML document into a simple element tree. Throws a `WireRejection` (a `NewsdeskError`) with one of
 * `WIRE_MALFORMED_XML`, `WIRE_EXTERNAL_ENTITY`, `WIRE_ENTITY_EXPANSION`, `WIRE_TOO_DEEP`.
 */
export function parseXml(input: string): XmlDocument {
  const warnings: string[] = [];
  let text = input;
  if (text.startsWith("\ufeff")) text = text.slice(1);
  const leading = /^\s+/.exec(text);
  if (leading) {
    // XML 1.0 section 2.8 puts the declaration first; leading blank lines are a common
    // publishing slip that every feed reader tolerates.
    text = text.slice(leading[0].length);
    if (text.startsWith("<?xml"))
      warnings.push("Whitespace before the XML declaration was ignored.");
  }
  if (text.length === 0)
    throw new NewsdeskError("WIRE_EMPTY", { detail: "The document has no content." });

  const forbidden = forbiddenChars.exec(text);
  if (forbidden) {
    const code = forbidden[0].codePointAt(0) ?? 0;
    throw new NewsdeskError("WIRE_MALFORMED_XML", {
      detail: `The control character U+${code.toString(16).toUpperCase().padStart(4, "0")} at ${lineAndColumn(text, forbidden.index)} is not allowed in XML.`,
    });
  }
  const doctype = checkDoctype(text);

  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    const { err } = validation;
    throw new NewsdeskError("WIRE_MALFORMED_XML", {
      detail: `${err.msg.replace(/\s+/g, " ")} (line ${err.line}, column ${err.col}).`,
    });
  }

  let parsed: unknown;
  try {
    parsed = parser.parse(text);
  } catch (cause) {
    if (cause instanceof Error && /nested/i.test(cause.message)) {
      throw new NewsdeskError("WIRE_TOO_DEEP", {
        detail: `Elements are nested more than ${MAX_DEPTH} levels deep.`,
        cause,
      });
    }
    throw new NewsdeskError("WIRE_MALFORMED_XML", {
      detail: "The XML parser gave up on the document.",
      cause,
    });
  }
  const context = { hasDoctype: doctype.hasDoctype, warnings };
  const nodes = Array.isArray(parsed) ? (parsed as RawNode[]) : [];
  for (const raw of nodes) {
    const node = toElement(raw, 0, context);
    if (node !== undefined && isElement(node)) return { root: node, warnings };
  }
  throw new NewsdeskError("WIRE_MALFORMED_XML", { detail: "The document has no root element." });
}
