import { createHash } from "node:crypto";
import { NewsdeskError } from "../../domain/error-catalogue.js";
import type { WirePicture } from "../../domain/wire/wire-item-schema.js";
import { xmlNodesToBlocks } from "../html-to-blocks.js";
import {
  type AdapterResult,
  cleanText,
  conceptFromQcode,
  finishItem,
  LONG,
  mapPubStatus,
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
  localName,
  optionalText,
  textOf,
  type XmlElement,
} from "../xml-reader.js";

/**
 * NITF 3.x (News Industry Text Format, https://iptc.org/standards/nitf/). Real NITF from
 * AP, PA, AAP, NTB and EFE is un-namespaced, DTD-era 3.1–3.6 and often ISO-8859-1, so the
 * XSD is not required. Field sources (NITF 3.6 DTD element names):
 * - id: `docdata/doc-id@id-string`, else `du-key@key`; without either, a content hash, so
 *   re-ingesting the same file is still idempotent;
 * - headline `body.head/hedline/hl1`, standfirst `hl2` or `abstract`, byline `byline`,
 *   dateline `dateline`, body `body.content`;
 * - language `nitf@baselang` or the nearest `xml:lang`/`lang`;
 * - times `docdata/date.issue@norm` (version), `date.release@norm` (embargo);
 * - status `docdata@management-status`, urgency `urgency@ed-urg`, subjects `tobject.subject`.
 */

export function isNitfRoot(root: XmlElement): boolean {
  return localName(root.name) === "nitf";
}

function metaContent(head: XmlElement | undefined, name: string): string | undefined {
  const meta = childrenNamed(head, "meta").find(
    (m) => attr(m, "name")?.toLowerCase() === name.toLowerCase(),
  );
  return cleanText(attr(meta, "content"));
}

function bylineOf(bodyHead: XmlElement | undefined): string | undefined {
  const bylines = childrenNamed(bodyHead, "byline")
    .map((byline) => textOf(byline).replace(/^by\s+/i, "By "))
    .filter((text) => text.length > 0);
  return cleanText(bylines.join("; "));
}

export function parseNitf(root: XmlElement): AdapterResult {
  if (!isNitfRoot(root)) {
    throw new NewsdeskError("WIRE_UNKNOWN_FORMAT", {
      detail: `<${root.name}> is not a NITF root element.`,
    });
  }
  const result: AdapterResult = { items: [], skipped: [] };
  const warnings: string[] = [];
  const head = child(root, "head");
  const docdata = child(head, "docdata");
  const body = child(root, "body");
  const bodyHead = child(body, "body.head");
  const bodyContent = child(body, "body.content");

  const headline =
    cleanText(optionalText(childPath(bodyHead, "hedline", "hl1")), LONG) ??
    optionalText(child(head, "title"));
  const issued = attr(child(docdata, "date.issue"), "norm");

  let guid =
    cleanText(attr(child(docdata, "doc-id"), "id-string"), 1024) ??
    cleanText(attr(child(docdata, "du-key"), "key"), 1024);
  if (!guid) {
    if (!headline && !bodyContent) {
      throw new NewsdeskError("WIRE_MISSING_FIELD", {
        detail: "The NITF document has no doc-id, headline or body.",
      });
    }
    const source = attr(child(docdata, "doc-id"), "regsrc") ?? "";
    const digest = createHash("sha256")
      .update(`${source}\u0000${issued ?? ""}\u0000${headline ?? ""}\u0000${textOf(bodyContent)}`)
      .digest("hex");
    guid = `urn:newsdesk:nitf:${digest}`;
    warnings.push("No doc-id@id-string; the id was derived from the content.");
  }

  const item = newItem(guid, "nitf", "text");
  put(item, "headline", headline);
  const hl2 = childPath(bodyHead, "hedline", "hl2");
  put(
    item,
    "standfirst",
    cleanText(optionalText(child(bodyHead, "abstract")) ?? optionalText(hl2), LONG),
  );
  put(item, "byline", bylineOf(bodyHead));
  put(item, "dateline", cleanText(optionalText(child(bodyHead, "dateline"))));
  put(
    item,
    "provider",
    cleanText(attr(childPath(docdata, "del-list", "from-src"), "src-name")) ??
      cleanText(attr(child(docdata, "doc-id"), "regsrc")) ??
      optionalText(child(bodyHead, "distributor")),
  );
  const rightsHolder = attr(child(docdata, "doc.copyright"), "holder");
  put(item.rights, "copyrightHolder", cleanText(rightsHolder));
  put(item.rights, "usageTerms", cleanText(attr(child(docdata, "doc.rights"), "usage"), LONG));

  const language =
    attr(root, "baselang") ??
    attr(root, "xml:lang") ??
    attr(body, "xml:lang") ??
    attr(bodyContent, "xml:lang") ??
    attr(bodyContent, "lang") ??
    descendantsNamed(body ?? root, "p")
      .map((p) => attr(p, "lang") ?? attr(p, "xml:lang"))
      .find(Boolean) ??
    metaContent(head, "language");
  put(item, "language", normalizeLanguage(language, warnings));

  put(item, "versionCreated", parseWireDate(issued, "date.issue", warnings));
  put(
    item,
    "firstCreated",
    parseWireDate(attr(child(head, "pubdata"), "date.publication"), "date.publication", warnings),
  );
  put(
    item,
    "embargoedUntil",
    parseWireDate(attr(child(docdata, "date.release"), "norm"), "date.release", warnings),
  );
  item.pubStatus = mapPubStatus(
    attr(docdata, "management-status") ?? attr(child(docdata, "doc.management-status"), "value"),
    warnings,
  );
  put(item, "urgency", parseUrgency(attr(child(docdata, "urgency"), "ed-urg"), warnings));
  put(item, "edNote", cleanText(attr(child(docdata, "ed-msg"), "info"), LONG));

  item.subjects = uniqueConcepts(
    descendantsNamed(head ?? root, "tobject.subject").map((subject) =>
      conceptFromQcode(
        cleanText(attr(subject, "tobject.subject.refnum")),
        attr(subject, "tobject.subject.detail") ??
          attr(subject, "tobject.subject.matter") ??
          attr(subject, "tobject.subject.type"),
      ),
    ),
  ).map((concept) => (concept.code && !concept.scheme ? { ...concept, scheme: "subj" } : concept));
  item.keywords = descendantsNamed(docdata ?? root, "keyword").flatMap(
    (k) => cleanText(attr(k, "key")) ?? [],
  );
  item.places = uniqueConcepts(
    descendantsNamed(child(bodyHead, "dateline") ?? root, "location").map((location) =>
      conceptFromQcode(undefined, textOf(location)),
    ),
  );

  if (bodyContent) {
    const conversion = xmlNodesToBlocks(bodyContent.children);
    item.body = conversion.body;
    warnings.push(...conversion.warnings);
    for (const image of conversion.images) {
      const picture: WirePicture = { renditions: [{ name: "inline", href: image.src }] };
      put(picture, "alt", image.alt);
      put(picture, "caption", image.caption);
      item.pictures.push(picture);
    }
  } else {
    warnings.push("The NITF document has no body.content.");
  }
  item.warnings = warnings;
  finishItem(item, result);
  return result;
}
