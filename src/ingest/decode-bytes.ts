import { NewsdeskError } from "../domain/error-catalogue.js";

/**
 * Turns the raw bytes of a wire file into text, following the precedence of RFC 7303
 * section 3.3 and XML 1.0 appendix F: a byte-order mark wins, then the HTTP `charset`
 * parameter, then the XML declaration's `encoding`, and UTF-8 otherwise. Decoding is
 * fatal: bytes that are not valid in the chosen encoding reject the file instead of
 * being silently replaced with U+FFFD, so mislabelled copy never reaches an editor.
 */

export type DecodedText = {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1251`. */
  encoding: string;
  /** How the encoding was chosen. */
  source: "bom" | "http" | "declaration" | "sniffed" | "default" | "utf-8-despite-label";
  warnings: string[];
};

type Detected = { encoding: string; source: DecodedText["source"]; bomLength: number };

/** The `charset` parameter of a Content-Type header, if any (RFC 9110 section 8.3). */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  // Servers also send charset='…' with single quotes; accept both quote styles.
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return match?.[1]?.toLowerCase();
}

function detectBom(bytes: Uint8Array): Detected | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { encoding: "utf-8", source: "bom", bomLength: 3 };
  }
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) {
    return { encoding: "utf-32le", source: "bom", bomLength: 4 };
  }
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) {
    return { encoding: "utf-32be", source: "bom", bomLength: 4 };
  }
  if (b0 === 0xff && b1 === 0xfe) return { encoding: "utf-16le", source: "bom", bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: "utf-16be", source: "bom", bomLength: 2 };
  return undefined;
}

/** XML 1.0 appendix F: without a BOM, the bytes of `<?` or `<` reveal a 16/32-bit family. */
function sniffWideEncoding(bytes: Uint8Array): Detected | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c) {
    return { encoding: "utf-32be", source: "sniffed", bomLength: 0 };
  }
  if (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0) {
    return { encoding: "utf-32le", source: "sniffed", bomLength: 0 };
  }
  if (b0 === 0 && b1 === 0x3c) return { encoding: "utf-16be", source: "sniffed", bomLength: 0 };
  if (b0 === 0x3c && b1 === 0) return { encoding: "utf-16le", source: "sniffed", bomLength: 0 };
  return undefined;
}

/** The `encoding` pseudo-attribute of an XML declaration read from ASCII-compatible bytes. */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  const decl = /^\s*<\?xml\s[^?]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return decl?.[1]?.toLowerCase();
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  if (bytes.length % 4 !== 0) {
    throw new NewsdeskError("WIRE_ENCODING", {
      detail: "The UTF-32 byte count is not a multiple of four.",
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let offset = 0; offset < bytes.length; offset += 4) {
    const codePoint = view.getUint32(offset, littleEndian);
    if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
      throw new NewsdeskError("WIRE_ENCODING", {
        detail: `Invalid UTF-32 code point at byte ${offset}.`,
      });
    }
    chunk.push(codePoint);
    if (chunk.length === 4096) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

const singleByteLabel =
  /^(iso-?8859-?\d+|iso_8859-\d+|latin-?\d|l\d|windows-125\d|cp125\d|us-ascii|ascii)$/i;

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function isWide(encoding: string): boolean {
  return /^(utf-?16|utf-?32|ucs-?2|ucs-?4)/.test(encoding);
}

function decodeWith(bytes: Uint8Array, label: string): { text: string; encoding: string } {
  const normalized = label.toLowerCase().replace(/^ucs-?4/, "utf-32");
  if (/^utf-?32/.test(normalized)) {
    const littleEndian = !/be$/.test(normalized);
    return {
      text: decodeUtf32(bytes, littleEndian),
      encoding: littleEndian ? "utf-32le" : "utf-32be",
    };
  }
  let decoder: TextDecoder;
  try {
    // ignoreBOM: the BOM has already been stripped, and a second one would be content.
    decoder = new TextDecoder(normalized, { fatal: true, ignoreBOM: true });
  } catch (cause) {
    throw new NewsdeskError("WIRE_ENCODING", {
      detail: `The encoding "${label}" is not supported.`,
      cause,
    });
  }
  try {
    return { text: decoder.decode(bytes), encoding: decoder.encoding };
  } catch (cause) {
    throw new NewsdeskError("WIRE_ENCODING", {
      detail: `The bytes are not valid ${decoder.encoding}; the declared or assumed encoding is wrong.`,
      cause,
    });
  }
}

/**
 * Decodes a wire file. `kind` selects the rules: JSON is UTF-8 only (RFC 8259 section 8.1,
 * a BOM tolerated); XML follows RFC 7303. Throws a `WireRejection` (`WIRE_ENCODING`).
 */
export function decodeBytes(
  bytes: Uint8Array,
  options: { kind: "xml" | "json"; httpCharset?: string | undefined },
): DecodedText {
  const bom = detectBom(bytes);
  if (options.kind === "json") {
    const detected = bom ?? { encoding: "utf-8", source: "default" as const, bomLength: 0 };
    const { text, encoding } = decodeWith(bytes.subarray(detected.bomLength), detected.encoding);
    return { text, encoding, source: detected.source, warnings: [] };
  }

  let detected: Detected;
  const sniffed = sniffWideEncoding(bytes);
  const declared = bom || sniffed ? undefined : declaredXmlEncoding(bytes);
  if (bom) {
    detected = bom;
  } else if (options.httpCharset) {
    detected = { encoding: options.httpCharset, source: "http", bomLength: 0 };
  } else if (sniffed) {
    detected = sniffed;
  } else if (declared) {
    detected = { encoding: declared, source: "declaration", bomLength: 0 };
  } else {
    detected = { encoding: "utf-8", source: "default", bomLength: 0 };
  }

  // An 8-bit document cannot honestly declare UTF-16/32: the declaration itself was read as
  // ASCII, so decoding the whole file as 16-bit units would produce garbage (XML 1.0 4.3.3).
  if (detected.source === "declaration" && isWide(detected.encoding)) {
    throw new NewsdeskError("WIRE_ENCODING", {
      detail: `The XML declaration says ${detected.encoding}, but the bytes are 8-bit text.`,
    });
  }

  // Agencies often label UTF-8 copy as ISO-8859-1 (AFP, Ritzau samples). Multi-byte UTF-8
  // sequences are practically never valid by accident in Latin text, so bytes that are
  // non-ASCII and still decode as strict UTF-8 are read as UTF-8, with a warning.
  if (
    (detected.source === "declaration" || detected.source === "http") &&
    singleByteLabel.test(detected.encoding) &&
    hasHighBytes(bytes)
  ) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
      return {
        text,
        encoding: "utf-8",
        source: "utf-8-despite-label",
        warnings: [`The file is labelled ${detected.encoding} but is UTF-8; it was read as UTF-8.`],
      };
    } catch {
      // Not UTF-8: the label was right.
    }
  }

  const { text, encoding } = decodeWith(bytes.subarray(detected.bomLength), detected.encoding);
  return {
    text: text.startsWith("\ufeff") ? text.slice(1) : text,
    encoding,
    source: detected.source,
    warnings: [],
  };
}
