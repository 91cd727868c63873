import { NewsdeskError } from "../domain/error-catalogue.js";
import {
  DEFAULT_MAX_WIRE_BYTES,
  type WireDocumentFormat,
  type WireParseRequest,
  type WireParseResult,
  type WireRejection,
} from "../domain/wire/wire-document-parser.js";
import { wireErrorCatalogue } from "../domain/wire/wire-errors.js";
import { charsetFromContentType, decodeBytes } from "./decode-bytes.js";
import { isFeedRoot, isJsonFeed, parseJsonFeed, parseXmlFeed } from "./feeds/feed-adapter.js";
import { isNewsml1Root, parseNewsml1 } from "./newsml-1/newsml-1-adapter.js";
import { isNewsmlG2Root, parseNewsmlG2 } from "./newsml-g2/newsml-g2-adapter.js";
import { parseNinjs } from "./ninjs/ninjs-adapter.js";
import { isNitfRoot, parseNitf } from "./nitf/nitf-adapter.js";
import { type AdapterResult, asWireRejection } from "./wire-values.js";
import { localName, parseXml } from "./xml-reader.js";

/**
 * The single entry point for wire files: sniff the format, decode, parse, map. It is pure
 * (no I/O, no clock) and never throws for bad input: every failure comes back as a
 * `NewsdeskError` with a stable wire code (a `WireRejection`), for the quarantine list.
 * Its types live in the domain (`wire-document-parser.ts`), which receives it injected.
 */

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0;
}

/** Looks at the first meaningful byte, skipping a BOM, whitespace and UTF-16/32 zero bytes. */
function sniff(bytes: Uint8Array, contentType: string | undefined): "json" | "xml" {
  let index = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) index = 3;
  else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    index = 2;
  else if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) index = 4;
  const limit = Math.min(bytes.length, index + 4096);
  while (index < limit && isSpace(bytes[index] ?? 0)) index += 1;
  const first = bytes[index];
  if (first === 0x7b || first === 0x5b) return "json";
  if (first === 0x3c) return "xml";
  if (contentType && /json/i.test(contentType)) return "json";
  throw new NewsdeskError("WIRE_UNKNOWN_FORMAT", {
    detail:
      "The file starts with neither '<' nor '{'; plain-text wire formats (IPTC 7901, ANPA) are not read.",
  });
}

/**
 * ninjs nests a handful of levels (item → bodies → body, AP's data → items → item adds
 * three). JSON.parse itself copes with deep input, but every recursive walk after it would
 * not, so deeper documents are refused before parsing, in one pass over the text.
 */
const MAX_JSON_DEPTH = 64;

function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b || code === 0x5b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        throw new NewsdeskError("WIRE_TOO_DEEP", {
          detail: `Objects and arrays are nested more than ${MAX_JSON_DEPTH} levels deep.`,
        });
      }
    } else if (code === 0x7d || code === 0x5d) {
      depth -= 1;
    }
  }
}

function parseJsonDocument(input: WireParseRequest): {
  format: WireDocumentFormat;
  result: AdapterResult;
} {
  const { text } = decodeBytes(input.bytes, { kind: "json" });
  checkJsonDepth(text);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : "JSON.parse failed.";
    throw new NewsdeskError("WIRE_MALFORMED_JSON", { detail: detail, cause });
  }
  if (isJsonFeed(document)) return { format: "json-feed", result: parseJsonFeed(document) };
  return { format: "ninjs", result: parseNinjs(document) };
}

function parseXmlDocument(input: WireParseRequest): {
  format: WireDocumentFormat;
  result: AdapterResult;
  warnings: string[];
} {
  const httpCharset = charsetFromContentType(input.contentType);
  const decoded = decodeBytes(input.bytes, { kind: "xml", httpCharset });
  const { root, warnings: xmlWarnings } = parseXml(decoded.text);
  const warnings = [...decoded.warnings, ...xmlWarnings];
  if (isNewsmlG2Root(root)) return { format: "newsml-g2", result: parseNewsmlG2(root), warnings };
  if (isNitfRoot(root)) return { format: "nitf", result: parseNitf(root), warnings };
  if (isNewsml1Root(root)) return { format: "newsml-1", result: parseNewsml1(root), warnings };
  const feed = isFeedRoot(root);
  if (feed) {
    const options = input.contentLanguage ? { httpLanguage: input.contentLanguage } : {};
    return { format: feed, result: parseXmlFeed(root, options), warnings };
  }
  const name = localName(root.name).toLowerCase();
  throw new NewsdeskError("WIRE_UNKNOWN_FORMAT", {
    detail:
      name === "html"
        ? "The document is an HTML page, not a feed or wire item."
        : `The root element <${root.name}> is not a wire format Newsdesk reads.`,
  });
}

function asWireError(error: unknown): WireRejection {
  const rejection = asWireRejection(error);
  if (rejection) return rejection;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new NewsdeskError("WIRE_TOO_DEEP", {
      detail: "The document exhausted the parser's stack.",
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new NewsdeskError("WIRE_INTERNAL", { detail: detail, cause: error });
}

export function parseWireDocument(input: WireParseRequest): WireParseResult {
  try {
    const maxBytes = input.maxBytes ?? DEFAULT_MAX_WIRE_BYTES;
    if (input.bytes.byteLength > maxBytes) {
      throw new NewsdeskError("WIRE_TOO_LARGE", {
        detail: `The file has ${input.bytes.byteLength} bytes; the limit is ${maxBytes}.`,
      });
    }
    if (input.bytes.byteLength === 0)
      throw new NewsdeskError("WIRE_EMPTY", { detail: "The file has no bytes." });
    const kind = sniff(input.bytes, input.contentType);
    const parsed =
      kind === "json"
        ? { ...parseJsonDocument(input), warnings: [] as string[] }
        : parseXmlDocument(input);
    const { items, skipped } = parsed.result;
    // A file whose every item is broken is a rejected file, not an empty success.
    const firstFailure = skipped.find((skip) => skip.code !== "WIRE_UNSUPPORTED_ITEM");
    if (
      items.length === 0 &&
      firstFailure &&
      skipped.every((skip) => skip.code !== "WIRE_UNSUPPORTED_ITEM")
    ) {
      const sentence = wireErrorCatalogue[firstFailure.code].message;
      const detail = firstFailure.reason.startsWith(sentence)
        ? firstFailure.reason.slice(sentence.length).trim()
        : firstFailure.reason;
      throw new NewsdeskError(firstFailure.code, { detail: detail });
    }
    if (parsed.warnings.length > 0) {
      for (const item of items)
        item.warnings = [...parsed.warnings, ...item.warnings].slice(0, 100);
    }
    return { ok: true, format: parsed.format, items, skipped, warnings: parsed.warnings };
  } catch (error) {
    return { ok: false, error: asWireError(error) };
  }
}
