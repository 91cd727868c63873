import { NewsdeskError } from "../../domain/error-catalogue.js";
import type {
  WireConcept,
  WireItem,
  WireItemType,
  WirePicture,
  WireRendition,
  WireSourceFormat,
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
import { child, descendantsNamed, parseXml } from "../xml-reader.js";

/**
 * IPTC ninjs 1.x, 2.x and 3.x (https://www.iptc.org/std/ninjs/). We consume leniently: one
 * mapper reads the 1.x lower-case names (`body_html`, `versioncreated`), the 2.x arrays
 * (`headlines[]`, `bodies[]`) and the 3.x camelCase names (`versionCreated`,
 * `embargoedUntil`), so real dialects also work: AP Media API items (wrapped in
 * `{data:{item}}` or `{data:{items:[{item}]}}`, with `signals`, `provider`,
 * `editorialpriority`), Superdesk's ninjs with `guid` instead of `uri`, and BBC wrappers
 * (`{item:[…]}`). Only `uri` (or a `guid`/`id` stand-in) is required, as in every schema.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** The first present value among the spellings of one field across ninjs versions. */
function pick(source: Json, ...names: string[]): unknown {
  for (const name of names) {
    const value = source[name];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** Unwraps the transport envelopes seen in the wild into a list of ninjs objects. */
export function unwrapNinjs(document: unknown): Json[] {
  if (Array.isArray(document)) return document.filter(isObject);
  if (!isObject(document)) return [];
  const data = document.data;
  if (isObject(data)) {
    // AP Media API: one item, or a feed page of {meta, item} entries.
    if (isObject(data.item)) return [data.item];
    if (Array.isArray(data.items)) {
      return data.items.flatMap((entry) =>
        isObject(entry) && isObject(entry.item) ? [entry.item] : [],
      );
    }
  }
  // BBC-style pagination wrapper {total, limit, offset, item: [...]}.
  if (Array.isArray(document.item) && document.uri === undefined && document.guid === undefined) {
    return document.item.filter(isObject);
  }
  return [document];
}

const camelCaseKeys = [
  "versionCreated",
  "pubStatus",
  "firstCreated",
  "contentCreated",
  "embargoedUntil",
  "copyrightHolder",
  "copyrightNotice",
  "usageTerms",
  "altIds",
  "rightsInfo",
  "eventDetails",
];

/** ninjs major line: from `$schema` when given, else from the property spelling used. */
export function ninjsMajor(item: Json): 1 | 2 | 3 {
  const schema = pick(item, "$schema", "profile");
  const match = typeof schema === "string" ? /ninjs-schema_(\d)/.exec(schema) : null;
  if (match?.[1] === "1" || match?.[1] === "2" || match?.[1] === "3") {
    return Number(match[1]) as 1 | 2 | 3;
  }
  if (camelCaseKeys.some((key) => key in item)) return 3;
  if (
    Array.isArray(item.headlines) ||
    Array.isArray(item.bodies) ||
    Array.isArray(item.descriptions) ||
    Array.isArray(item.subjects) ||
    Array.isArray(item.renditions) ||
    Array.isArray(item.associations) ||
    "by" in item
  ) {
    return 2;
  }
  return 1;
}

const itemTypes: Readonly<Record<string, WireItemType>> = {
  text: "text",
  picture: "picture",
  photo: "picture",
  graphic: "graphic",
  video: "video",
  audio: "audio",
  composite: "composite",
  component: "composite",
  event: "event",
  planning: "planning",
};

function itemTypeOf(raw: unknown, warnings: string[]): WireItemType {
  const text = cleanText(raw)?.toLowerCase();
  if (text === undefined) return "text";
  const type = itemTypes[text];
  if (type) return type;
  warnings.push(`Unknown ninjs type "${text}" read as text.`);
  return "text";
}

/** A text construct of 2.x/3.x (`headlines[]`, `descriptions[]`): prefer a role, then plain text. */
function pickText(
  entries: unknown,
  roles: readonly string[],
): { value: string; contentType?: string } | undefined {
  const list = asArray(entries).filter(isObject);
  const withValue = list.filter(
    (entry) => typeof entry.value === "string" && entry.value.trim() !== "",
  );
  const byRole =
    withValue.find((entry) => typeof entry.role === "string" && roles.includes(entry.role)) ??
    withValue.find((entry) => entry.role === undefined) ??
    withValue[0];
  if (!byRole) return undefined;
  const result: { value: string; contentType?: string } = { value: String(byRole.value) };
  if (typeof byRole.contentType === "string") result.contentType = byRole.contentType;
  return result;
}

function htmlToPlain(html: string): string | undefined {
  const blocks = htmlToBlocks(html).body;
  const text = blocks
    .flatMap((block) => ("content" in block ? block.content.map((part) => part.text) : []))
    .join(" ");
  return cleanText(text, LONG);
}

function bodyFromXml(xml: string): BodyConversion {
  // A NITF (or XHTML) body inside JSON, as in IPTC's "ninjs carrying NITF" example.
  const { root } = parseXml(xml);
  const content = descendantsNamed(root, "body.content")[0] ?? child(root, "body") ?? root;
  return xmlNodesToBlocks(content.children);
}

function bodyOf(source: Json): BodyConversion | undefined {
  // `article_html` is dpa digitalwires, a ninjs-1.x-like dialect.
  const html = pick(source, "body_html", "article_html");
  if (typeof html === "string" && html.trim() !== "") return htmlToBlocks(html);
  const text = pick(source, "body_text");
  if (typeof text === "string" && text.trim() !== "") return textToBlocks(text);
  const bodies = asArray(source.bodies).filter(isObject);
  const valued = bodies.filter(
    (body) => typeof body.value === "string" && body.value.trim() !== "",
  );
  const ranked = [
    valued.find((body) => /html/i.test(String(body.contentType ?? body.role ?? ""))),
    valued.find((body) => /xml/i.test(String(body.contentType ?? ""))),
    valued.find((body) => /text\/plain/i.test(String(body.contentType ?? ""))),
    valued[0],
  ];
  const chosen = ranked.find((body) => body !== undefined);
  if (!chosen) return undefined;
  const value = String(chosen.value);
  const contentType = String(chosen.contentType ?? chosen.role ?? "");
  if (/html/i.test(contentType)) return htmlToBlocks(value);
  if (/xml/i.test(contentType)) return bodyFromXml(value);
  if (/^\s*</.test(value)) return htmlToBlocks(value);
  return textToBlocks(value);
}

function conceptsOf(value: unknown): WireConcept[] {
  return uniqueConcepts(
    asArray(value).map((entry) => {
      if (typeof entry === "string") {
        const name = cleanText(entry);
        return name ? { name } : undefined;
      }
      if (!isObject(entry)) return undefined;
      const concept: WireConcept = {};
      put(concept, "code", cleanText(pick(entry, "code", "uri", "literal", "qcode")));
      put(concept, "name", cleanText(pick(entry, "name", "value")));
      put(concept, "scheme", cleanText(entry.scheme));
      return concept.code !== undefined || concept.name !== undefined ? concept : undefined;
    }),
  );
}

function renditionsOf(value: unknown): WireRendition[] {
  // 1.x: an object keyed by rendition name; 2.x/3.x: an array whose entries carry `name`.
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((entry, index) => [
        isObject(entry) && typeof entry.name === "string" ? entry.name : `rendition-${index + 1}`,
        entry,
      ])
    : isObject(value)
      ? Object.entries(value)
      : [];
  const renditions: WireRendition[] = [];
  for (const [name, entry] of entries) {
    if (!isObject(entry)) continue;
    const rendition: WireRendition = { name: cleanText(name) ?? "rendition" };
    put(rendition, "href", cleanText(entry.href, 4096));
    put(rendition, "contentType", cleanText(pick(entry, "contentType", "mimetype")));
    put(rendition, "width", toCount(entry.width));
    put(rendition, "height", toCount(entry.height));
    put(rendition, "sizeInBytes", toCount(pick(entry, "sizeInBytes", "sizeinbytes")));
    renditions.push(rendition);
  }
  return renditions;
}

function descriptionOf(source: Json): string | undefined {
  const text = pick(source, "description_text", "teaser");
  if (typeof text === "string") return cleanText(text, LONG);
  const html = pick(source, "description_html");
  if (typeof html === "string") return htmlToPlain(html);
  const chosen = pickText(source.descriptions, ["summary", "caption", "description"]);
  if (!chosen) return undefined;
  return /html/i.test(chosen.contentType ?? "")
    ? htmlToPlain(chosen.value)
    : cleanText(chosen.value, LONG);
}

function headlineOf(source: Json): string | undefined {
  const single = pick(source, "headline");
  if (typeof single === "string") return cleanText(single, LONG);
  return cleanText(pickText(source.headlines, ["main", "headline"])?.value, LONG);
}

function copyrightHolderOf(source: Json): string | undefined {
  const raw = pick(source, "copyrightHolder", "copyrightholder");
  if (isObject(raw)) return cleanText(pick(raw, "name", "literal"));
  return cleanText(raw);
}

function associationsOf(source: Json, item: WireItem): void {
  // 1.x: an object keyed by association name; 2.x/3.x: an array with `name`.
  const entries: [string, unknown][] = Array.isArray(source.associations)
    ? source.associations.map((entry) => [
        isObject(entry) && typeof entry.name === "string" ? entry.name : "association",
        entry,
      ])
    : isObject(source.associations)
      ? Object.entries(source.associations)
      : [];
  for (const [name, entry] of entries) {
    if (!isObject(entry)) continue;
    const ref = cleanText(pick(entry, "uri", "guid", "id"), 4096);
    const type = cleanText(entry.type)?.toLowerCase();
    if (type === "picture" || type === "graphic" || type === "photo") {
      const picture: WirePicture = { renditions: renditionsOf(entry.renditions) };
      put(picture, "ref", ref);
      put(picture, "headline", headlineOf(entry));
      put(picture, "caption", descriptionOf(entry));
      put(
        picture,
        "credit",
        cleanText(pick(entry, "creditline", "byline", "by")) ?? copyrightHolderOf(entry),
      );
      put(picture, "alt", cleanText(pick(entry, "altText", "alt_text", "alttext")));
      item.pictures.push(picture);
    } else if (ref) {
      const member: WireItem["refs"][number] = { ref, role: cleanText(name) ?? "association" };
      put(member, "itemType", type);
      put(member, "headline", headlineOf(entry));
      put(member, "version", cleanText(entry.version));
      item.refs.push(member);
    }
  }
}

function usageTermsOf(source: Json): string | undefined {
  const raw = pick(source, "usageTerms", "usageterms");
  if (Array.isArray(raw))
    return cleanText(raw.filter((term) => typeof term === "string").join(" "), LONG);
  return cleanText(raw, LONG);
}

function mapNinjsItem(source: Json, result: AdapterResult): void {
  const guid = cleanText(pick(source, "uri", "guid", "id", "urn"), 1024);
  if (!guid) throw missingField("uri (or guid)", "ninjs item");
  const warnings: string[] = [];
  if (source.uri === undefined) warnings.push("No ninjs `uri`; used `guid`/`id`/`urn` instead.");
  const major = ninjsMajor(source);
  const format: WireSourceFormat = major === 1 ? "ninjs-1" : major === 2 ? "ninjs-2" : "ninjs-3";
  const item = newItem(guid, format, itemTypeOf(source.type, warnings));

  put(item, "version", cleanText(source.version));
  const provider = pick(source, "provider", "source");
  put(
    item,
    "provider",
    isObject(provider) ? cleanText(pick(provider, "name", "literal")) : cleanText(provider),
  );
  put(item, "headline", headlineOf(source));
  put(item, "standfirst", descriptionOf(source));
  const body = bodyOf(source);
  if (body) {
    item.body = body.body;
    warnings.push(...body.warnings);
    for (const image of body.images) {
      const picture: WirePicture = { renditions: [{ name: "inline", href: image.src }] };
      put(picture, "alt", image.alt);
      put(picture, "caption", image.caption);
      item.pictures.push(picture);
    }
  }
  const by = pick(source, "byline", "by");
  put(
    item,
    "byline",
    Array.isArray(by)
      ? cleanText(by.map((entry) => (isObject(entry) ? entry.name : entry)).join(", "))
      : cleanText(by),
  );
  put(
    item,
    "dateline",
    cleanText(typeof source.located === "string" ? source.located : pick(source, "dateline")),
  );
  put(item, "slugline", cleanText(source.slugline));
  put(item, "language", normalizeLanguage(source.language, warnings));
  put(item, "urgency", parseUrgency(source.urgency, warnings));
  put(item, "priority", cleanText(pick(source, "priority", "editorialpriority")));

  item.subjects = conceptsOf(pick(source, "subjects", "subject"));
  item.genres = conceptsOf(source.genre);
  item.places = conceptsOf(pick(source, "places", "place"));
  item.keywords = asArray(source.keywords).flatMap((word) => cleanText(word) ?? []);
  item.renditions = renditionsOf(source.renditions);
  associationsOf(source, item);

  if (item.itemType === "picture" || item.itemType === "graphic") {
    put(item, "caption", item.standfirst);
    put(item, "credit", cleanText(pick(source, "creditline")) ?? copyrightHolderOf(source));
  }
  put(item.rights, "copyrightHolder", copyrightHolderOf(source));
  put(
    item.rights,
    "copyrightNotice",
    cleanText(pick(source, "copyrightNotice", "copyrightnotice"), LONG),
  );
  put(item.rights, "usageTerms", usageTermsOf(source));

  put(
    item,
    "embargoedUntil",
    parseWireDate(pick(source, "embargoedUntil", "embargoed"), "embargo", warnings),
  );
  put(
    item,
    "firstCreated",
    parseWireDate(pick(source, "firstCreated", "firstcreated"), "firstCreated", warnings),
  );
  put(
    item,
    "versionCreated",
    parseWireDate(
      pick(source, "versionCreated", "versioncreated", "version_created"),
      "versionCreated",
      warnings,
    ),
  );
  put(
    item,
    "contentCreated",
    parseWireDate(
      pick(source, "contentCreated", "contentcreated", "content_created"),
      "contentCreated",
      warnings,
    ),
  );
  item.pubStatus = mapPubStatus(pick(source, "pubStatus", "pubstatus"), warnings);
  item.signals = asArray(source.signals).flatMap(
    (signal) => cleanText(isObject(signal) ? pick(signal, "uri", "name", "code") : signal) ?? [],
  );
  put(item, "edNote", cleanText(pick(source, "edNote", "ednote"), LONG));
  const link = asArray(source.links).find(isObject);
  put(item, "link", link ? cleanText(link.href, 4096) : undefined);
  item.warnings = warnings;
  finishItem(item, result);
}

/** Maps an already parsed ninjs JSON document (any supported envelope) to wire items. */
export function parseNinjs(document: unknown): AdapterResult {
  const result: AdapterResult = { items: [], skipped: [] };
  const items = unwrapNinjs(document);
  if (items.length === 0) {
    throw new NewsdeskError("WIRE_UNKNOWN_FORMAT", {
      detail: "The JSON is neither a ninjs object nor a known envelope.",
    });
  }
  mapEach(items, result, (source) => mapNinjsItem(source, result));
  return result;
}
