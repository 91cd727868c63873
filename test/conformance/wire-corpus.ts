import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { WireParseResult } from "../../src/domain/wire/wire-document-parser.js";
import type { WireItem } from "../../src/domain/wire/wire-item-schema.js";
import { parseWireDocument } from "../../src/ingest/wire-parser.js";

/**
 * The sample corpora of `../shared/data/standards` (see SOURCES.md there), grouped the way
 * the conformance suite checks them. Paths are relative to the data root, with `/`.
 * The files are read in place and never copied into the repository.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const dataRoot = path.resolve(repoRoot, "../shared/data/standards");

function walk(relativeDir: string): string[] {
  const absolute = path.join(dataRoot, relativeDir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute)
    .sort()
    .flatMap((name) => {
      const relative = `${relativeDir}/${name}`;
      return statSync(path.join(dataRoot, relative)).isDirectory() ? walk(relative) : [relative];
    });
}

/** Licence files, schemas and docs travel with the samples but are not samples. */
const notSamples = /(^|\/)(LICENSE[^/]*|NOTICE[^/]*|README[^/]*|\.gitattributes)$|\.(xsd|md)$/i;

function samples(relativeDir: string, filter: (file: string) => boolean = () => true): string[] {
  return walk(relativeDir).filter((file) => !notSamples.test(file) && filter(file));
}

/** IPTC ninjs files the IPTC marks valid: examples, documentation examples, should_pass. */
export function ninjsValidFiles(): string[] {
  return [
    ...samples(
      "iptc-ninjs/examples",
      (f) => f.endsWith(".json") && !f.endsWith("extension-schema.json"),
    ),
    ...samples("iptc-ninjs/documentation/includes/examples", (f) => !f.includes("/not-valid/")),
    ...samples("iptc-ninjs/validation/test_suite", (f) => f.includes("/should_pass/")),
  ];
}

/** ninjs cases the IPTC marks invalid; lenient ingest may accept them, but must not crash. */
export function ninjsInvalidFiles(): string[] {
  return [
    ...samples("iptc-ninjs/validation/test_suite", (f) => f.includes("/should_fail/")),
    ...samples("iptc-ninjs/documentation/includes/examples/not-valid"),
  ];
}

/** NewsML-G2 files the IPTC publishes as valid: guideline listings and should_pass cases. */
export function newsmlG2ValidFiles(): string[] {
  return [
    ...samples("iptc-newsml-g2/examples"),
    ...samples("iptc-newsml-g2/tests/unit_test_files", (f) => f.includes("/should_pass/")),
    ...samples("iptc-python-newsmlg2/tests/test_files"),
  ];
}

export function newsmlG2InvalidFiles(): string[] {
  return samples("iptc-newsml-g2/tests/unit_test_files", (f) => f.includes("/should_fail/"));
}

/** Real agency copy: Reuters, AP, AFP, dpa, PA, AAP, NTB, EFE, ANSA, STT, ANA… */
export function agencyFiles(): string[] {
  return [
    ...samples("superdesk-core/tests/io/fixtures"),
    ...samples("dpa-digitalwires-to-newsmlg2/tests/data"),
    ...samples("iptc-ninjs/tools/xslt"),
    ...samples("iptc-ninjs/examples/NewsML"),
    ...samples("iptc-python-newsmlg2/NewsMLG2/catalogs"),
  ];
}

export function feedFiles(): string[] {
  return samples("feeds");
}

/**
 * feedparser's test files state the HTTP header they expect in a leading comment
 * ("Header: Content-type: text/xml; charset=…"); the suite passes it on like a fetch would.
 */
function declaredContentType(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 600)).split("\u0000").join("");
  return /^Header:\s*Content-type:\s*(.+)$/im.exec(head)?.[1]?.trim();
}

export function readSample(relative: string): Uint8Array {
  return readFileSync(path.join(dataRoot, relative));
}

export function parseSample(relative: string): WireParseResult {
  const bytes = readSample(relative);
  const contentType = relative.startsWith("feeds/") ? declaredContentType(bytes) : undefined;
  return parseWireDocument(
    contentType === undefined
      ? { bytes, filename: relative }
      : { bytes, filename: relative, contentType },
  );
}

/** The values an agency sample is checked against (headline, body, language, times). */
export type GoldenItem = {
  items: number;
  headline?: string;
  language?: string;
  versionCreated?: string;
  firstCreated?: string;
  bodyStartsWith?: string;
};

type Rejection = { code: string; reason: string };

export type Expectations = {
  rejected: Record<string, Rejection>;
  ingested: Record<string, GoldenItem>;
};

function firstBodyText(item: WireItem): string | undefined {
  for (const block of item.body) {
    if (block.type === "list") return block.items[0]?.map((part) => part.text).join("");
    if (block.type === "figure" || block.type === "storyEmbed") continue;
    const text = block.content.map((part) => part.text).join("");
    if (text.length > 0) return text;
  }
  return undefined;
}

export function goldenOf(result: WireParseResult): GoldenItem | undefined {
  if (!result.ok) return undefined;
  const item = result.items[0];
  const golden: GoldenItem = { items: result.items.length };
  if (!item) return golden;
  if (item.headline !== undefined) golden.headline = item.headline;
  if (item.language !== undefined) golden.language = item.language;
  if (item.versionCreated !== undefined) golden.versionCreated = item.versionCreated;
  if (item.firstCreated !== undefined) golden.firstCreated = item.firstCreated;
  const body = firstBodyText(item);
  if (body !== undefined) golden.bodyStartsWith = body.slice(0, 60);
  return golden;
}
