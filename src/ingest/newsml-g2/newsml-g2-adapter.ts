import { NewsdeskError } from "../../domain/error-catalogue.js";
import type {
  WireConcept,
  WireItem,
  WireItemType,
  WirePicture,
  WireRendition,
} from "../../domain/wire/wire-item-schema.js";
import {
  type BodyConversion,
  htmlToBlocks,
  textToBlocks,
  xmlNodesToBlocks,
} from "../html-to-blocks.js";
import {
  type AdapterResult,
  cleanText,
  conceptFromQcode,
  finishItem,
  LONG,
  mapEach,
  mapPubStatus,
  missingField,
  newItem,
  normalizeLanguage,
  parseUrgency,
  parseWireDate,
  put,
  toCount,
  uniqueConcepts,
} from "../wire-values.js";
import {
  attr,
  child,
  childPath,
  childrenNamed,
  descendantsNamed,
  elementChildren,
  localName,
  optionalText,
  rawTextOf,
  type XmlElement,
} from "../xml-reader.js";

/**
 * IPTC NewsML-G2 (https://www.iptc.org/std/NewsML-G2/guidelines/). Reads `newsMessage`
 * envelopes (with or without the `header` that dpa's converter omits) and bare items.
 * - `newsItem` (text, picture, graphic, video, audio) becomes one wire item; its body comes
 *   from `inlineXML` (XHTML, or NITF per Guidelines 8.3) or `inlineData`, its renditions from
 *   `remoteContent` (Guidelines chapter 10).
 * - `packageItem` becomes an item of type `package` whose `refs` list the `itemRef`s of
 *   every group (Guidelines chapter 12), in document order.
 * - `conceptItem`, `knowledgeItem`, `planningItem` and `catalogItem` are skipped with a reason.
 * Parsing is lenient (real agency files are often schema-invalid) and the deviations go to
 * `warnings`. Element names are compared by local name, so any namespace prefix works.
 */

const itemKinds = new Set([
  "newsItem",
  "packageItem",
  "conceptItem",
  "knowledgeItem",
  "planningItem",
  "catalogItem",
]);

export function isNewsmlG2Root(root: XmlElement): boolean {
  const name = localName(root.name);
  // A bare `catalog` document (Guidelines chapter 13) is recognised so it can be skipped.
  return name === "newsMessage" || name === "catalog" || itemKinds.has(name);
}

/** A QCode or URI property's value (`qcode`, else `uri`, else `literal`). */
function codeOf(element: XmlElement | undefined): string | undefined {
  return attr(element, "qcode") ?? attr(element, "uri") ?? attr(element, "literal");
}

/** The human name of a flex property: its `name` child, else its `literal`. */
function nameOf(element: XmlElement | undefined): string | undefined {
  return optionalText(child(element, "name")) ?? cleanText(attr(element, "literal"));
}

function conceptOf(element: XmlElement): WireConcept | undefined {
  const qcode = attr(element, "qcode") ?? attr(element, "uri");
  return conceptFromQcode(qcode, nameOf(element));
}

const itemTypes: Readonly<Record<string, WireItemType>> = {
  text: "text",
  picture: "picture",
  photo: "picture",
  graphic: "graphic",
  video: "video",
  audio: "audio",
  composite: "composite",
};

function itemTypeOf(itemClass: string | undefined, warnings: string[]): WireItemType {
  if (itemClass === undefined) return "text";
  const code = itemClass.slice(itemClass.lastIndexOf(":") + 1).toLowerCase();
  const type = itemTypes[code];
  if (type) return type;
  warnings.push(`Unknown itemClass "${itemClass}" read as text.`);
  return "text";
}

/** Picks the main headline: one without a role, or with a `main` role, else the first. */
function mainHeadline(contentMeta: XmlElement | undefined): XmlElement | undefined {
  const headlines = childrenNamed(contentMeta, "headline");
  return (
    headlines.find((h) => attr(h, "role") === undefined) ??
    headlines.find((h) => /main/i.test(attr(h, "role") ?? "")) ??
    headlines[0]
  );
}

function descriptionOf(contentMeta: XmlElement | undefined, pattern: RegExp): string | undefined {
  const descriptions = childrenNamed(contentMeta, "description");
  const chosen =
    descriptions.find((d) => pattern.test(attr(d, "role") ?? "")) ??
    descriptions.find((d) => attr(d, "role") === undefined) ??
    descriptions[0];
  return cleanText(optionalText(chosen), LONG);
}

function directionOf(...elements: (XmlElement | undefined)[]): "ltr" | "rtl" | undefined {
  for (const element of elements) {
    const dir = attr(element, "dir")?.toLowerCase();
    if (dir === "rtl" || dir === "ltr") return dir;
  }
  return undefined;
}

function bodyOf(contentSet: XmlElement | undefined):
  | {
      conversion: BodyConversion;
      container: XmlElement;
    }
  | undefined {
  const inline = child(contentSet, "inlineXML");
  if (inline) {
    // XHTML (`html/body`) or NITF (`nitf/body/body.content`) inside inlineXML.
    const body =
      descendantsNamed(inline, "body.content")[0] ?? descendantsNamed(inline, "body")[0] ?? inline;
    return { conversion: xmlNodesToBlocks(body.children), container: body };
  }
  const data = child(contentSet, "inlineData");
  if (data) {
    const contentType = attr(data, "contenttype") ?? "";
    if (/^text\//i.test(contentType) || contentType === "") {
      const text = rawTextOf(data);
      // ANSA labels escaped HTML as text/plain; markup at the start gives it away.
      const conversion =
        /html/i.test(contentType) || /^\s*<[a-z][^>]*>/i.test(text)
          ? htmlToBlocks(text)
          : textToBlocks(text);
      return { conversion, container: data };
    }
  }
  return undefined;
}

function renditionsOf(contentSet: XmlElement | undefined): WireRendition[] {
  return childrenNamed(contentSet, "remoteContent").map((remote, index) => {
    const qcode = attr(remote, "rendition");
    const rendition: WireRendition = {
      name: cleanText(qcode?.slice(qcode.indexOf(":") + 1)) ?? `rendition-${index + 1}`,
    };
    put(rendition, "href", cleanText(attr(remote, "href") ?? attr(remote, "residref"), 4096));
    put(rendition, "contentType", cleanText(attr(remote, "contenttype")));
    put(rendition, "width", toCount(attr(remote, "width")));
    put(rendition, "height", toCount(attr(remote, "height")));
    put(rendition, "sizeInBytes", toCount(attr(remote, "size")));
    return rendition;
  });
}

function bylineOf(contentMeta: XmlElement | undefined): string | undefined {
  const by = optionalText(child(contentMeta, "by"));
  if (by) return cleanText(by);
  const creators = childrenNamed(contentMeta, "creator")
    .map((creator) => nameOf(creator))
    .filter((name): name is string => name !== undefined);
  return cleanText(creators.join(", "));
}

function commonMeta(
  element: XmlElement,
  item: WireItem,
  warnings: string[],
  fallbackProvider: string | undefined,
): { contentMeta: XmlElement | undefined } {
  const itemMeta = child(element, "itemMeta");
  const contentMeta = child(element, "contentMeta");
  const rightsInfo = child(element, "rightsInfo");

  put(item, "version", cleanText(attr(element, "version")));
  const provider = child(itemMeta, "provider");
  put(item, "provider", nameOf(provider) ?? cleanText(codeOf(provider)) ?? fallbackProvider);
  put(
    item,
    "versionCreated",
    parseWireDate(optionalText(child(itemMeta, "versionCreated")), "versionCreated", warnings),
  );
  put(
    item,
    "firstCreated",
    parseWireDate(optionalText(child(itemMeta, "firstCreated")), "firstCreated", warnings),
  );
  put(
    item,
    "embargoedUntil",
    parseWireDate(optionalText(child(itemMeta, "embargoed")), "embargoed", warnings),
  );
  item.pubStatus = mapPubStatus(codeOf(child(itemMeta, "pubStatus")), warnings);
  // Signals (Guidelines 18.2): sig:update, sig:correction, sig:withdrawal… kept as QCodes.
  item.signals = childrenNamed(itemMeta, "signal").flatMap(
    (signal) => cleanText(codeOf(signal)) ?? [],
  );
  put(
    item,
    "edNote",
    cleanText(
      childrenNamed(itemMeta, "edNote")
        .map((note) => optionalText(note))
        .join(" "),
      LONG,
    ),
  );
  const link = childrenNamed(itemMeta, "link").find((l) => /^https?:/i.test(attr(l, "href") ?? ""));
  put(item, "link", cleanText(attr(link, "href"), 4096));

  put(item.rights, "copyrightHolder", nameOf(child(rightsInfo, "copyrightHolder")));
  put(
    item.rights,
    "copyrightNotice",
    cleanText(optionalText(child(rightsInfo, "copyrightNotice")), LONG),
  );
  put(item.rights, "usageTerms", cleanText(optionalText(child(rightsInfo, "usageTerms")), LONG));

  const headline = mainHeadline(contentMeta);
  put(item, "headline", cleanText(optionalText(headline), LONG));
  put(item, "urgency", parseUrgency(optionalText(child(contentMeta, "urgency")), warnings));
  put(
    item,
    "contentCreated",
    parseWireDate(optionalText(child(contentMeta, "contentCreated")), "contentCreated", warnings),
  );
  put(item, "slugline", cleanText(optionalText(child(contentMeta, "slugline"))));
  put(item, "dateline", cleanText(optionalText(child(contentMeta, "dateline"))));
  const located = childrenNamed(contentMeta, "located");
  if (item.dateline === undefined) put(item, "dateline", nameOf(located[0]));
  put(item, "byline", bylineOf(contentMeta));
  put(item, "credit", cleanText(optionalText(child(contentMeta, "creditline"))));

  const language =
    attr(child(contentMeta, "language"), "tag") ??
    attr(element, "xml:lang") ??
    attr(headline, "xml:lang");
  put(item, "language", normalizeLanguage(language, warnings));
  put(item, "direction", directionOf(headline, element));

  item.subjects = uniqueConcepts(childrenNamed(contentMeta, "subject").map(conceptOf));
  item.genres = uniqueConcepts(childrenNamed(contentMeta, "genre").map(conceptOf));
  item.places = uniqueConcepts(located.map(conceptOf));
  item.keywords = childrenNamed(contentMeta, "keyword").flatMap((k) => optionalText(k) ?? []);
  return { contentMeta };
}

function mapNewsItem(
  element: XmlElement,
  result: AdapterResult,
  fallbackProvider: string | undefined,
): void {
  const guid = cleanText(attr(element, "guid"), 1024);
  if (!guid) throw missingField("guid", "newsItem");
  const warnings: string[] = [];
  const itemClass = codeOf(childPath(element, "itemMeta", "itemClass"));
  const item = newItem(guid, "newsml-g2", itemTypeOf(itemClass, warnings));
  const { contentMeta } = commonMeta(element, item, warnings, fallbackProvider);

  const contentSet = child(element, "contentSet");
  const body = bodyOf(contentSet);
  if (body) {
    item.body = body.conversion.body;
    warnings.push(...body.conversion.warnings);
    for (const image of body.conversion.images) {
      const picture: WirePicture = { renditions: [{ name: "inline", href: image.src }] };
      put(picture, "alt", image.alt);
      put(picture, "caption", image.caption);
      item.pictures.push(picture);
    }
    if (item.direction === undefined) {
      put(item, "direction", directionOf(body.container, child(contentSet, "inlineXML")));
    }
    if (item.headline === undefined) {
      // NITF or XHTML inside inlineXML may carry the headline the contentMeta lacks.
      const inline = child(contentSet, "inlineXML");
      const title =
        (inline && optionalText(descendantsNamed(inline, "hl1")[0])) ??
        (inline && optionalText(descendantsNamed(inline, "title")[0]));
      put(item, "headline", cleanText(title, LONG));
    }
    if (item.language === undefined) {
      put(
        item,
        "language",
        normalizeLanguage(attr(child(contentSet, "inlineXML"), "xml:lang"), warnings),
      );
    }
  }
  item.renditions = renditionsOf(contentSet);
  if (item.itemType === "picture" || item.itemType === "graphic" || item.itemType === "video") {
    put(item, "caption", descriptionOf(contentMeta, /caption/i));
    // Alt text proper: NewsML-G2 2.x `description role="drol:alternative"` (Guidelines 10.4).
    const alt = childrenNamed(contentMeta, "description").find((d) =>
      /alternative|alttext|alt/i.test(attr(d, "role") ?? ""),
    );
    put(item, "alt", cleanText(optionalText(alt)));
    put(item, "standfirst", descriptionOf(contentMeta, /summary|abstract/i));
  } else {
    const summary = childrenNamed(contentMeta, "description").find((d) =>
      /summary|abstract/i.test(attr(d, "role") ?? ""),
    );
    put(item, "standfirst", cleanText(optionalText(summary), LONG));
  }
  item.warnings = warnings;
  finishItem(item, result);
}

function mapPackageItem(
  element: XmlElement,
  result: AdapterResult,
  fallbackProvider: string | undefined,
): void {
  const guid = cleanText(attr(element, "guid"), 1024);
  if (!guid) throw missingField("guid", "packageItem");
  const warnings: string[] = [];
  const item = newItem(guid, "newsml-g2", "package");
  commonMeta(element, item, warnings, fallbackProvider);
  for (const group of descendantsNamed(element, "group")) {
    const role = cleanText(attr(group, "role"));
    for (const itemRef of childrenNamed(group, "itemRef")) {
      const ref = cleanText(attr(itemRef, "residref") ?? attr(itemRef, "href"), 4096);
      if (!ref) {
        warnings.push("An itemRef without residref or href was ignored.");
        continue;
      }
      const member: WireItem["refs"][number] = { ref };
      put(member, "role", role);
      put(member, "version", cleanText(attr(itemRef, "version")));
      put(member, "itemType", cleanText(codeOf(child(itemRef, "itemClass"))));
      put(
        member,
        "headline",
        optionalText(child(itemRef, "title")) ?? optionalText(child(itemRef, "headline")),
      );
      item.refs.push(member);
    }
  }
  item.warnings = warnings;
  finishItem(item, result);
}

/** Maps a parsed NewsML-G2 document (newsMessage or a single item) to wire items. */
export function parseNewsmlG2(root: XmlElement): AdapterResult {
  const result: AdapterResult = { items: [], skipped: [] };
  const rootName = localName(root.name);
  let items: XmlElement[];
  let fallbackProvider: string | undefined;
  if (rootName === "newsMessage") {
    fallbackProvider = cleanText(optionalText(childPath(root, "header", "sender")));
    items = childrenNamed(root, "itemSet").flatMap((set) => elementChildren(set));
    if (items.length === 0) {
      throw new NewsdeskError("WIRE_MISSING_FIELD", {
        detail: "The newsMessage has no items in an itemSet.",
      });
    }
  } else if (itemKinds.has(rootName) || rootName === "catalog") {
    items = [root];
  } else {
    throw new NewsdeskError("WIRE_UNKNOWN_FORMAT", {
      detail: `<${root.name}> is not a NewsML-G2 root element.`,
    });
  }
  mapEach(items, result, (element) => {
    const kind = localName(element.name);
    const guid = cleanText(attr(element, "guid"), 1024);
    const skip = (reason: string): void => {
      const entry: AdapterResult["skipped"][number] = { code: "WIRE_UNSUPPORTED_ITEM", reason };
      if (guid) entry.guid = guid;
      result.skipped.push(entry);
    };
    switch (kind) {
      case "newsItem":
        mapNewsItem(element, result, fallbackProvider);
        break;
      case "packageItem":
        mapPackageItem(element, result, fallbackProvider);
        break;
      case "conceptItem":
      case "knowledgeItem":
        skip(`A ${kind} carries controlled-vocabulary concepts, not wire copy.`);
        break;
      case "planningItem":
        skip("A planningItem announces coverage; it is not wire copy.");
        break;
      case "catalogItem":
      case "catalog":
        skip("A catalogItem defines QCode schemes; it is not wire copy.");
        break;
      default:
        skip(`<${element.name}> is not a NewsML-G2 item.`);
    }
  });
  return result;
}
