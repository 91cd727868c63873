import { NewsdeskError } from "../../domain/error-catalogue.js";
import type { WirePicture } from "../../domain/wire/wire-item-schema.js";
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
  uniqueConcepts,
} from "../wire-values.js";
import {
  attr,
  child,
  childPath,
  childrenNamed,
  descendantsNamed,
  isElement,
  localName,
  optionalText,
  rawTextOf,
  type XmlElement,
} from "../xml-reader.js";

/**
 * IPTC NewsML 1.2, still sent by AFP, ANA-MPE and Business Wire. Each `NewsItem` becomes one
 * wire item. The id is `Identification/NewsIdentifier/PublicIdentifier` (a `urn:newsml:` URN)
 * and the version `RevisionId`. Headline, dateline and byline come from the first
 * `NewsLines`; the body from the `Text` `ContentItem` of the component whose `Role` is
 * Main/Body (else the first text component that is not a headline, logo or style sheet).
 * `DataContent` may hold NITF, XHTML, escaped HTML in CDATA, or plain text.
 */

export function isNewsml1Root(root: XmlElement): boolean {
  return localName(root.name) === "NewsML";
}

function formalName(element: XmlElement | undefined): string | undefined {
  return cleanText(attr(element, "FormalName"));
}

const nonBodyRoles = new Set([
  "stylesheet",
  "headline",
  "subheadline",
  "logo",
  "contact",
  "caption",
]);

function roleOf(component: XmlElement): string {
  return (formalName(child(component, "Role")) ?? "").toLowerCase();
}

function bodyContentItem(newsItem: XmlElement): XmlElement | undefined {
  const components = [newsItem, ...descendantsNamed(newsItem, "NewsComponent")];
  const textItems = components.flatMap((component) =>
    childrenNamed(component, "ContentItem")
      .filter((content) => {
        const media = formalName(child(content, "MediaType"))?.toLowerCase();
        const format = formalName(child(content, "Format"))?.toLowerCase() ?? "";
        return (media === "text" || /nitf|html|text/.test(format)) && child(content, "DataContent");
      })
      .map((content) => ({ content, role: roleOf(component) })),
  );
  return (
    textItems.find((entry) => entry.role === "main" || entry.role === "body")?.content ??
    textItems.find((entry) => !nonBodyRoles.has(entry.role))?.content
  );
}

function bodyOf(content: XmlElement): BodyConversion {
  const data = child(content, "DataContent");
  if (!data) return { body: [], images: [], warnings: [] };
  if (data.children.some(isElement)) {
    const body =
      descendantsNamed(data, "body.content")[0] ?? descendantsNamed(data, "body")[0] ?? data;
    return xmlNodesToBlocks(body.children);
  }
  const text = rawTextOf(data);
  // ANA-MPE sends escaped HTML inside CDATA.
  return /<[a-zA-Z]/.test(text) ? htmlToBlocks(text) : textToBlocks(text);
}

function mapNewsItem(
  newsItem: XmlElement,
  result: AdapterResult,
  envelopeDate: string | undefined,
) {
  const warnings: string[] = [];
  const identifier = childPath(newsItem, "Identification", "NewsIdentifier");
  const providerId = optionalText(child(identifier, "ProviderId"));
  const dateId = optionalText(child(identifier, "DateId"));
  const itemId = optionalText(child(identifier, "NewsItemId"));
  const guid =
    cleanText(optionalText(child(identifier, "PublicIdentifier")), 1024) ??
    (providerId && itemId ? `urn:newsml:${providerId}:${dateId ?? ""}:${itemId}` : undefined);
  if (!guid) throw missingField("PublicIdentifier or NewsItemId", "NewsML 1.2 NewsItem");

  const item = newItem(guid, "newsml-1", "text");
  put(item, "version", cleanText(optionalText(child(identifier, "RevisionId"))));
  const management = child(newsItem, "NewsManagement");
  put(
    item,
    "firstCreated",
    parseWireDate(optionalText(child(management, "FirstCreated")), "FirstCreated", warnings),
  );
  put(
    item,
    "versionCreated",
    parseWireDate(
      optionalText(child(management, "ThisRevisionCreated")) ?? envelopeDate,
      "ThisRevisionCreated",
      warnings,
    ),
  );
  put(item, "urgency", parseUrgency(formalName(child(management, "Urgency")), warnings));
  item.pubStatus = mapPubStatus(formalName(child(management, "Status")), warnings);
  // An embargo is a status that will change to Usable at a given time (NewsML 1.2 StatusWillChange).
  const change = child(management, "StatusWillChange");
  const changeAt = parseWireDate(
    optionalText(child(change, "DateAndTime")),
    "StatusWillChange",
    warnings,
  );
  if (changeAt && /usable/i.test(formalName(child(change, "FutureStatus")) ?? "")) {
    item.embargoedUntil = changeAt;
    item.pubStatus = "usable";
  }

  // The first NewsLines with a headline: Business Wire nests it in a sub-component.
  const allLines = descendantsNamed(newsItem, "NewsLines");
  const lines =
    allLines.find((l) => childrenNamed(l, "HeadLine").some((h) => optionalText(h))) ?? allLines[0];
  const headline = childrenNamed(lines, "HeadLine").find((h) => optionalText(h));
  put(item, "headline", cleanText(optionalText(headline), LONG));
  put(item, "standfirst", cleanText(optionalText(child(lines, "SubHeadLine")), LONG));
  put(item, "dateline", cleanText(optionalText(child(lines, "DateLine"))));
  put(item, "slugline", cleanText(optionalText(child(lines, "SlugLine"))));
  put(item.rights, "copyrightNotice", cleanText(optionalText(child(lines, "CopyrightLine")), LONG));
  put(item, "credit", cleanText(optionalText(child(lines, "CreditLine"))));
  const creator = formalName(
    descendantsNamed(newsItem, "Creator").map((c) => child(c, "Party"))[0],
  );
  put(item, "byline", cleanText(optionalText(child(lines, "ByLine"))) ?? creator);
  put(
    item,
    "provider",
    formalName(
      childPath(descendantsNamed(newsItem, "AdministrativeMetadata")[0], "Provider", "Party"),
    ) ?? cleanText(providerId),
  );
  const usage = descendantsNamed(newsItem, "UsageType")[0];
  put(item.rights, "usageTerms", cleanText(optionalText(usage), LONG));

  const headlineLang = attr(headline, "xml:lang");
  const language =
    formalName(descendantsNamed(newsItem, "Language")[0]) ??
    attr(newsItem, "xml:lang") ??
    (headlineLang === "x-default" ? undefined : headlineLang);
  put(item, "language", normalizeLanguage(language?.toLowerCase(), warnings));

  const subjectNames = new Set(["Subject", "SubjectMatter", "SubjectDetail"]);
  item.subjects = uniqueConcepts(
    descendantsNamed(newsItem, "SubjectCode")
      .flatMap((code) => code.children.filter(isElement))
      .filter((element) => subjectNames.has(localName(element.name)))
      .map((element) => {
        const concept = conceptFromQcode(formalName(element));
        return concept ? { ...concept, scheme: "subj" } : undefined;
      }),
  );
  item.genres = uniqueConcepts(
    descendantsNamed(newsItem, "Genre").map((g) => conceptFromQcode(undefined, formalName(g))),
  );
  const city = descendantsNamed(newsItem, "Location")
    .flatMap((location) => childrenNamed(location, "Property"))
    .find((property) => formalName(property) === "City");
  item.places = uniqueConcepts([conceptFromQcode(undefined, attr(city, "Value"))]);
  item.keywords = descendantsNamed(newsItem, "Property")
    .filter(
      (property) => formalName(property) === "Keyword" && attr(property, "Role") === undefined,
    )
    .flatMap((property) => cleanText(attr(property, "Value")) ?? []);

  const content = bodyContentItem(newsItem);
  if (content) {
    const conversion = bodyOf(content);
    item.body = conversion.body;
    warnings.push(...conversion.warnings);
    for (const image of conversion.images) {
      const picture: WirePicture = { renditions: [{ name: "inline", href: image.src }] };
      put(picture, "alt", image.alt);
      item.pictures.push(picture);
    }
  }
  item.warnings = warnings;
  finishItem(item, result);
}

export function parseNewsml1(root: XmlElement): AdapterResult {
  if (!isNewsml1Root(root)) {
    throw new NewsdeskError("WIRE_UNKNOWN_FORMAT", {
      detail: `<${root.name}> is not a NewsML 1.2 root element.`,
    });
  }
  const result: AdapterResult = { items: [], skipped: [] };
  const newsItems = childrenNamed(root, "NewsItem");
  if (newsItems.length === 0)
    throw new NewsdeskError("WIRE_MISSING_FIELD", {
      detail: "The NewsML document has no NewsItem.",
    });
  const envelopeDate = optionalText(childPath(root, "NewsEnvelope", "DateAndTime"));
  mapEach(newsItems, result, (newsItem) => mapNewsItem(newsItem, result, envelopeDate));
  return result;
}
