import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Our own RSS 2.0 and Atom 1.0 rule checks, for our feed output. Issue codes use the W3C
 * Feed Validator's class names, so its annotated test cases (testcases/rss20, atom)
 * can check the checker: a case expecting a class we implement must produce it, and a
 * case marked `!Error` must produce no error at all.
 */
export interface FeedIssue {
  readonly code: FeedRule;
  readonly severity: "error" | "warning";
  readonly element?: string;
  readonly parent?: string;
  readonly attr?: string;
}

export const feedRules = [
  "SAXError",
  "MissingElement",
  "MissingTitle",
  "MissingLink",
  "MissingDescription",
  "DuplicateElement",
  "MisplacedItem",
  "ItemMustContainTitleOrDescription",
  "InvalidRFC2822Date",
  "InvalidRFC3339Date",
  "InvalidLanguage",
  "MissingAttribute",
  "MissingSelf",
  "DuplicateAtomLink",
  "MissingContentOrAlternate",
] as const;
type FeedRule = (typeof feedRules)[number];

interface Node {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly Node[];
  readonly text: string;
}

export function checkFeed(xml: string): FeedIssue[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true || hasUndefinedEntity(xml)) return [{ code: "SAXError", severity: "error" }];
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Entities are decoded by `decodeXml` below, in one pass, so `&amp;#45;` stays literal.
    processEntities: false,
  });
  const roots = toNodes(parser.parse(xml) as unknown[]);
  const root = roots.find((n) => !n.name.startsWith("?"));
  if (!root || !namespacesDeclared(root, new Set(["xml", "xmlns"]))) {
    return [{ code: "SAXError", severity: "error" }];
  }
  if (local(root.name) === "rss") return checkRss(root);
  if (local(root.name) === "feed") return checkAtom(root);
  return [];
}

// --- RSS 2.0 (rssboard.org/rss-specification) ------------------------------------------

const channelSingles = [
  "title",
  "link",
  "description",
  "language",
  "copyright",
  "managingEditor",
  "webMaster",
  "pubDate",
  "lastBuildDate",
  "generator",
  "docs",
  "cloud",
  "ttl",
  "image",
  "rating",
  "textInput",
  "skipHours",
  "skipDays",
];
const itemSingles = [
  "title",
  "link",
  "description",
  "author",
  "comments",
  "guid",
  "pubDate",
  "source",
];

function checkRss(rss: Node): FeedIssue[] {
  const issues: FeedIssue[] = [];
  if (!("version" in rss.attrs)) {
    issues.push({ code: "MissingAttribute", severity: "error", element: "rss", attr: "version" });
  }
  if (rss.children.filter((c) => c.name === "channel").length > 1) {
    issues.push({ code: "DuplicateElement", severity: "error", element: "channel", parent: "rss" });
  }
  const channel = rss.children.find((c) => c.name === "channel");
  if (!channel) {
    issues.push({ code: "MissingElement", severity: "error", element: "channel" });
    return issues;
  }
  const required: [string, FeedRule][] = [
    ["title", "MissingTitle"],
    ["link", "MissingLink"],
    ["description", "MissingDescription"],
  ];
  for (const [name, code] of required) {
    if (!channel.children.some((c) => c.name === name)) {
      issues.push({ code, severity: "error", element: name, parent: "channel" });
    }
  }
  issues.push(...duplicates(channel, channelSingles, "channel"));
  let seenItem = false;
  for (const child of channel.children) {
    if (child.name === "item") seenItem = true;
    else if (seenItem && !child.name.includes(":")) {
      // Best practice: items come after the channel's own elements.
      issues.push({
        code: "MisplacedItem",
        severity: "warning",
        element: child.name,
        parent: "channel",
      });
      break;
    }
  }
  for (const name of ["pubDate", "lastBuildDate"]) {
    for (const el of channel.children.filter((c) => c.name === name)) {
      if (!isRfc822(el.text)) {
        issues.push({
          code: "InvalidRFC2822Date",
          severity: "error",
          element: name,
          parent: "channel",
        });
      }
    }
  }
  for (const el of channel.children.filter((c) => c.name === "language")) {
    if (!isLanguage(el.text)) {
      issues.push({
        code: "InvalidLanguage",
        severity: "error",
        element: "language",
        parent: "channel",
      });
    }
  }
  const self = channel.children.some(
    (c) => local(c.name) === "link" && c.name.includes(":") && c.attrs.rel === "self",
  );
  if (!self) issues.push({ code: "MissingSelf", severity: "warning", parent: "channel" });
  issues.push(...rssSubElementChecks(channel));
  for (const item of channel.children.filter((c) => c.name === "item")) {
    issues.push(...duplicates(item, itemSingles, "item"));
    if (!item.children.some((c) => c.name === "title" || c.name === "description")) {
      issues.push({ code: "ItemMustContainTitleOrDescription", severity: "error", parent: "item" });
    }
    for (const el of item.children.filter((c) => c.name === "pubDate")) {
      if (!isRfc822(el.text)) {
        issues.push({
          code: "InvalidRFC2822Date",
          severity: "error",
          element: "pubDate",
          parent: "item",
        });
      }
    }
    for (const enclosure of item.children.filter((c) => c.name === "enclosure")) {
      for (const attr of ["url", "length", "type"]) {
        if (!(attr in enclosure.attrs)) {
          issues.push({
            code: "MissingAttribute",
            severity: "error",
            element: "enclosure",
            parent: "item",
            attr,
          });
        }
      }
    }
    for (const source of item.children.filter((c) => c.name === "source")) {
      if (!("url" in source.attrs)) {
        issues.push({
          code: "MissingAttribute",
          severity: "error",
          element: "source",
          attr: "url",
        });
      }
    }
  }
  return issues;
}

/** image, textInput, cloud and skipDays have required parts of their own (RSS 2.0 spec). */
function rssSubElementChecks(channel: Node): FeedIssue[] {
  const issues: FeedIssue[] = [];
  const requireChildren = (node: Node, required: readonly [string, FeedRule][]) => {
    for (const [name, code] of required) {
      if (!node.children.some((c) => c.name === name)) {
        issues.push({ code, severity: "error", element: name, parent: node.name });
      }
    }
  };
  for (const image of channel.children.filter((c) => c.name === "image")) {
    requireChildren(image, [
      ["url", "MissingElement"],
      ["title", "MissingTitle"],
      ["link", "MissingLink"],
    ]);
    issues.push(
      ...duplicates(image, ["url", "title", "link", "width", "height", "description"], "image"),
    );
  }
  for (const input of channel.children.filter((c) => c.name === "textInput")) {
    requireChildren(input, [
      ["title", "MissingTitle"],
      ["description", "MissingDescription"],
      ["name", "MissingElement"],
      ["link", "MissingLink"],
    ]);
    issues.push(...duplicates(input, ["title", "description", "name", "link"], "textInput"));
  }
  for (const cloud of channel.children.filter((c) => c.name === "cloud")) {
    for (const attr of ["domain", "port", "path", "registerProcedure", "protocol"]) {
      if (!(attr in cloud.attrs)) {
        issues.push({ code: "MissingAttribute", severity: "error", element: "cloud", attr });
      }
    }
  }
  for (const days of channel.children.filter((c) => c.name === "skipDays")) {
    if (!days.children.some((c) => c.name === "day")) {
      issues.push({
        code: "MissingElement",
        severity: "error",
        element: "day",
        parent: "skipDays",
      });
    }
  }
  return issues;
}

const months = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
const rfc822 = new RegExp(
  `^\\s*(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\\s*)?\\d{1,2}\\s+(?:${months})\\s+\\d{2,4}\\s+\\d{1,2}:\\d{2}(?::\\d{2})?\\s+(?:UT|GMT|[ECMP][SD]T|[A-IK-Za-ik-z]|[+-]\\d{4})\\s*$`,
);

/**
 * RFC 822 §5 date-time (RSS 2.0 "Elements of <item>"); two-digit years are only
 * "problematical" to the W3C validator, so they pass here too.
 */
export function isRfc822(text: string): boolean {
  if (!rfc822.test(text)) return false;
  const day = /(\d{1,2})\s+(?:[A-Z][a-z]{2})\s+\d{2,4}\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!day) return false;
  const [, d, h, m, s] = day;
  return Number(d) <= 31 && Number(h) <= 23 && Number(m) <= 59 && Number(s ?? 0) <= 60;
}

/** RFC 3066 / BCP 47 language-tag syntax (`en`, `en-us`, `und`, `zh-Hans`). */
function isLanguage(text: string): boolean {
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(text.trim());
}

// --- Atom 1.0 (RFC 4287) -----------------------------------------------------------------

const feedSingles = ["id", "title", "updated", "subtitle", "rights", "icon", "logo", "generator"];
const entrySingles = [
  "id",
  "title",
  "updated",
  "published",
  "summary",
  "content",
  "rights",
  "source",
];

function checkAtom(feed: Node): FeedIssue[] {
  const issues: FeedIssue[] = [];
  const atomChildren = (n: Node) => n.children.filter((c) => !c.name.includes(":"));
  const fc = atomChildren(feed);
  issues.push(...languageAttrChecks(feed, "feed"));
  // RFC 4287 §4.1.1: exactly one id, title and updated.
  for (const name of ["id", "title", "updated"]) {
    if (!fc.some((c) => c.name === name)) {
      issues.push({ code: "MissingElement", severity: "error", element: name, parent: "feed" });
    }
  }
  issues.push(...duplicates({ ...feed, children: fc }, feedSingles, "feed"));
  issues.push(...dateChecks(fc, "feed"));
  issues.push(...authorChecks(fc));
  if (!fc.some((c) => c.name === "link" && isRel(c.attrs.rel, "self"))) {
    issues.push({ code: "MissingSelf", severity: "warning", element: "feed" });
  }
  issues.push(...alternateLinkChecks(fc, "feed"));
  issues.push(...linkAndCategoryChecks(fc, "feed"));
  const feedHasAuthor = fc.some((c) => c.name === "author");
  for (const entry of fc.filter((c) => c.name === "entry")) {
    const ec = atomChildren(entry);
    for (const name of ["id", "title", "updated"]) {
      if (!ec.some((c) => c.name === name)) {
        issues.push({ code: "MissingElement", severity: "error", element: name, parent: "entry" });
      }
    }
    issues.push(...duplicates({ ...entry, children: ec }, entrySingles, "entry"));
    issues.push(...dateChecks(ec, "entry"));
    issues.push(...authorChecks(ec));
    // §4.1.1: an entry needs an author unless the feed (or its source) has one.
    const source = ec.find((c) => c.name === "source");
    const sourceHasAuthor = source?.children.some((c) => c.name === "author") ?? false;
    if (!feedHasAuthor && !sourceHasAuthor && !ec.some((c) => c.name === "author")) {
      issues.push({
        code: "MissingElement",
        severity: "error",
        element: "author",
        parent: "entry",
      });
    }
    // §4.1.2: an entry without content needs a rel="alternate" link.
    const hasContent = ec.some((c) => c.name === "content");
    const hasAlternate = ec.some(
      (c) => c.name === "link" && isRel(c.attrs.rel ?? "alternate", "alternate"),
    );
    if (!hasContent && !hasAlternate) {
      issues.push({
        code: "MissingContentOrAlternate",
        severity: "error",
        element: "entry",
        parent: "feed",
      });
    }
    issues.push(...alternateLinkChecks(ec, "entry"));
    issues.push(...linkAndCategoryChecks(ec, "entry"));
    if (source) {
      const sc = atomChildren(source);
      issues.push(...duplicates({ ...source, children: sc }, feedSingles, "source"));
      issues.push(...alternateLinkChecks(sc, "source"));
    }
  }
  return issues;
}

function authorChecks(children: readonly Node[]): FeedIssue[] {
  const issues: FeedIssue[] = [];
  for (const person of children.filter((c) => c.name === "author" || c.name === "contributor")) {
    const pc = person.children.filter((c) => !c.name.includes(":"));
    if (!pc.some((c) => c.name === "name")) {
      issues.push({
        code: "MissingElement",
        severity: "error",
        element: "name",
        parent: person.name,
      });
    }
    issues.push(...duplicates({ ...person, children: pc }, ["name", "uri", "email"], person.name));
  }
  return issues;
}

/** §4.2.7.1 link needs href; §4.2.2.1 category needs term; §4.2.7.4 hreflang is a tag. */
function linkAndCategoryChecks(children: readonly Node[], parent: string): FeedIssue[] {
  const issues: FeedIssue[] = [];
  for (const link of children.filter((c) => c.name === "link")) {
    if (!("href" in link.attrs)) {
      issues.push({
        code: "MissingAttribute",
        severity: "error",
        element: "link",
        parent,
        attr: "href",
      });
    }
    const hreflang = link.attrs.hreflang;
    if (hreflang !== undefined && !isLanguage(hreflang)) {
      issues.push({ code: "InvalidLanguage", severity: "error", element: "hreflang", parent });
    }
  }
  for (const category of children.filter((c) => c.name === "category")) {
    if (!("term" in category.attrs)) {
      issues.push({
        code: "MissingAttribute",
        severity: "error",
        element: "category",
        parent,
        attr: "term",
      });
    }
  }
  return issues;
}

/** xml:lang anywhere must be a language tag (RFC 4287 §2, XML 1.0 §2.12). */
function languageAttrChecks(node: Node, parent: string): FeedIssue[] {
  const lang = node.attrs["xml:lang"];
  const own: FeedIssue[] =
    lang !== undefined && lang !== "" && !isLanguage(lang)
      ? [{ code: "InvalidLanguage", severity: "error", element: "xml:lang", parent }]
      : [];
  return [...own, ...node.children.flatMap((c) => languageAttrChecks(c, node.name))];
}

/** Registered relation names may also be written as IANA URIs (RFC 4287 §4.2.7.2). */
function isRel(rel: string | undefined, name: string): boolean {
  return rel === name || rel === `http://www.iana.org/assignments/relation/${name}`;
}

/** §4.1.1: at most one rel="alternate" link per (type, hreflang). */
function alternateLinkChecks(children: readonly Node[], parent: string): FeedIssue[] {
  const seen = new Set<string>();
  for (const link of children.filter((c) => c.name === "link")) {
    if (!isRel(link.attrs.rel ?? "alternate", "alternate")) continue;
    const key = `${link.attrs.type ?? ""}|${link.attrs.hreflang ?? ""}`;
    if (seen.has(key)) {
      return [{ code: "DuplicateAtomLink", severity: "warning", element: "link", parent }];
    }
    seen.add(key);
  }
  return [];
}

const rfc3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** RFC 3339 §5.6 date-time, upper-case T and Z as RFC 4287 §3.3 requires, real dates only. */
export function isRfc3339(text: string): boolean {
  const m = rfc3339.exec(text);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, oh, om] = m.map(Number);
  if (
    y === undefined ||
    mo === undefined ||
    d === undefined ||
    h === undefined ||
    mi === undefined ||
    s === undefined
  ) {
    return false;
  }
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return (
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysInMonth &&
    h <= 23 &&
    mi <= 59 &&
    s <= 60 &&
    (oh === undefined || Number.isNaN(oh) || oh <= 23) &&
    (om === undefined || Number.isNaN(om) || om <= 59)
  );
}

function dateChecks(children: readonly Node[], parent: string): FeedIssue[] {
  return children
    .filter((c) => c.name === "updated" || c.name === "published")
    .filter((c) => !isRfc3339(c.text.trim()))
    .map((c) => ({
      code: "InvalidRFC3339Date" as const,
      severity: "error" as const,
      element: c.name,
      parent,
    }));
}

function duplicates(parent: Node, singles: readonly string[], parentName: string): FeedIssue[] {
  const issues: FeedIssue[] = [];
  for (const name of singles) {
    if (parent.children.filter((c) => c.name === name).length > 1) {
      issues.push({
        code: "DuplicateElement",
        severity: "error",
        element: name,
        parent: parentName,
      });
    }
  }
  return issues;
}

const xmlEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references (XML 1.0 §4.1, §4.6). */
function decodeXml(text: string): string {
  return text.replace(
    /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g,
    (_m, dec, hex, name) => {
      if (name) return xmlEntities[name as string] ?? "";
      const code = dec ? Number(dec) : Number.parseInt(hex as string, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : "";
    },
  );
}

/**
 * Without a DTD, XML knows only the five predefined entities; `&nbsp;` in a feed is a
 * well-formedness error (XML 1.0 §4.1, WFC: Entity Declared).
 */
function hasUndefinedEntity(xml: string): boolean {
  if (/<!DOCTYPE/i.test(xml)) return false;
  const stripped = xml.replace(/<!--[\s\S]*?-->/g, "").replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "");
  return /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(stripped);
}

/** Every element and attribute prefix must be declared (Namespaces in XML 1.0 §5, NSC). */
function namespacesDeclared(node: Node, declared: ReadonlySet<string>): boolean {
  const scope = new Set(declared);
  for (const attr of Object.keys(node.attrs)) {
    if (attr.startsWith("xmlns:")) scope.add(attr.slice(6));
  }
  const prefixOf = (name: string) => (name.includes(":") ? name.split(":")[0] : undefined);
  const prefixes = [node.name, ...Object.keys(node.attrs).filter((a) => !a.startsWith("xmlns"))]
    .map(prefixOf)
    .filter((p): p is string => p !== undefined);
  if (prefixes.some((p) => !scope.has(p))) return false;
  return node.children.every((c) => namespacesDeclared(c, scope));
}

function local(name: string): string {
  return name.includes(":") ? (name.split(":")[1] ?? name) : name;
}

/** fast-xml-parser's preserveOrder output as a plain tree. */
function toNodes(list: unknown[]): Node[] {
  const nodes: Node[] = [];
  for (const raw of list) {
    if (!raw || typeof raw !== "object") continue;
    const record = raw as Record<string, unknown>;
    const name = Object.keys(record).find((k) => k !== ":@" && k !== "#text" && k !== "#comment");
    if (!name) continue;
    const childList = Array.isArray(record[name]) ? (record[name] as unknown[]) : [];
    const attrs = (record[":@"] ?? {}) as Record<string, string>;
    const children = toNodes(childList);
    const text = childList
      .map((c) => {
        if (!c || typeof c !== "object") return "";
        const t = (c as Record<string, unknown>)["#text"];
        return typeof t === "string" || typeof t === "number" ? String(t) : "";
      })
      .join("");
    const decodedAttrs = Object.fromEntries(
      Object.entries(attrs).map(([k, v]) => [k, decodeXml(String(v))]),
    );
    nodes.push({ name, attrs: decodedAttrs, children, text: decodeXml(text) });
  }
  return nodes;
}
