import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataPresent } from "../support/shared-data.js";
import feedExpectationsJson from "./feed-expectations.json" with { type: "json" };
import {
  agencyFiles,
  dataRoot,
  type Expectations,
  feedFiles,
  goldenOf,
  newsmlG2InvalidFiles,
  newsmlG2ValidFiles,
  ninjsInvalidFiles,
  ninjsValidFiles,
  parseSample,
  readSample,
} from "./wire-corpus.js";
import wireExpectationsJson from "./wire-expectations.json" with { type: "json" };

/**
 * Conformance of the wire parser over the real-world samples in ../shared/data/standards
 *. Every file either ingests, or is rejected with exactly the code the
 * checked-in expectations list, so a listed rejection that starts ingesting fails as loudly
 * as an unlisted file that starts failing. Reproduce the figures with:
 *   npx vitest run --project unit test/conformance
 */

const wireExpectations = wireExpectationsJson as unknown as Expectations;
const feedExpectations = feedExpectationsJson as unknown as Expectations;

/** Skips only on a machine without ../shared; in CI missing samples fail the file. */
const dataPresent = sharedDataPresent(dataRoot, "The wire sample corpus");

type Json = Record<string, unknown>;

function ninjsHeadline(document: Json): string | undefined {
  if (typeof document.headline === "string") return document.headline;
  const headlines = Array.isArray(document.headlines) ? (document.headlines as Json[]) : [];
  const main = headlines.find((h) => h.role === "main") ?? headlines[0];
  return typeof main?.value === "string" ? main.value : undefined;
}

function checkAgainstExpectations(file: string, expectations: Expectations): void {
  const result = parseSample(file);
  const rejection = expectations.rejected[file];
  if (rejection) {
    expect(result.ok, `${file} is listed as rejected (${rejection.reason}) but ingested`).toBe(
      false,
    );
    if (!result.ok) expect(result.error.code, file).toBe(rejection.code);
    return;
  }
  if (!result.ok) {
    expect.fail(
      `${file} was rejected but is not listed: ${result.error.code} ${result.error.message}`,
    );
  }
  const golden = expectations.ingested[file];
  if (golden) expect(goldenOf(result), file).toEqual(golden);
}

describe.skipIf(!dataPresent)("wire conformance", () => {
  it("ingests every ninjs example and should_pass case the IPTC marks valid", () => {
    const files = ninjsValidFiles();
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) {
      const result = parseSample(file);
      if (!result.ok) expect.fail(`${file}: ${result.error.code} ${result.error.message}`);
      const document = JSON.parse(new TextDecoder().decode(readSample(file))) as Json;
      const item = result.items[0];
      expect(item, file).toBeDefined();
      // Independent of our mapping: the raw JSON says what id and headline must come out.
      if (typeof document.uri === "string") expect(item?.guid, file).toBe(document.uri);
      const headline = ninjsHeadline(document);
      if (headline?.trim()) expect(item?.headline, file).toBe(headline.replace(/\s+/g, " ").trim());
      if (typeof document.language === "string") {
        expect(item?.language?.toLowerCase(), file).toBe(document.language.toLowerCase());
      }
    }
  });

  it("handles every ninjs should_fail case as listed (lenient, never crashing)", () => {
    // A corpus that moved would otherwise leave nothing to check and pass.
    const files = ninjsInvalidFiles();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) checkAgainstExpectations(file, wireExpectations);
  });

  it("reads every NewsML-G2 listing and should_pass case, or rejects it as listed", () => {
    const files = newsmlG2ValidFiles();
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) checkAgainstExpectations(file, wireExpectations);
    const invalid = newsmlG2InvalidFiles();
    expect(invalid.length).toBeGreaterThan(5);
    for (const file of invalid) checkAgainstExpectations(file, wireExpectations);
  });

  it("skips NewsML-G2 concept, knowledge and planning items with a reason", () => {
    const result = parseSample(
      "iptc-newsml-g2/examples/LISTING_12_Knowledge_Item_for_Access_Codes.xml",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items).toEqual([]);
    expect(result.skipped[0]?.code).toBe("WIRE_UNSUPPORTED_ITEM");
    expect(result.skipped[0]?.reason).toMatch(/knowledgeItem/);
  });

  it("skips the schema-invalid packageItem of LISTING_24 but keeps its news items", () => {
    const result = parseSample(
      "iptc-newsml-g2/examples/LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.skipped.map((skip) => skip.code)).toEqual(["WIRE_MISSING_FIELD"]);
    expect(result.items.length).toBeGreaterThan(0);
  });

  it("ingests every real agency sample with the pinned headline, body, language and times", () => {
    const files = agencyFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      checkAgainstExpectations(file, wireExpectations);
      if (!wireExpectations.rejected[file]) {
        expect(wireExpectations.ingested[file], `${file} has no pinned values`).toBeDefined();
      }
    }
  });

  it("maps dpa's JSON input and its NewsML-G2 output of the same story to the same values", () => {
    const pairs = agencyFiles().filter((file) =>
      file.includes("dpa-digitalwires-to-newsmlg2/tests/data/output/"),
    );
    expect(pairs.length).toBeGreaterThan(10);
    let compared = 0;
    for (const output of pairs) {
      const input = output.replace("/output/", "/input/").replace(/\.xml$/, ".json");
      if (!existsSync(path.join(dataRoot, input))) continue;
      compared += 1;
      const fromXml = parseSample(output);
      const fromJson = parseSample(input);
      if (!fromXml.ok || !fromJson.ok) expect.fail(`${output} or ${input} was rejected`);
      const [xmlItem] = fromXml.items;
      const [jsonItem] = fromJson.items;
      expect(xmlItem?.headline, output).toBe(jsonItem?.headline);
      expect(xmlItem?.language, output).toBe(jsonItem?.language);
      expect(xmlItem?.versionCreated, output).toBe(jsonItem?.versionCreated);
    }
    // An output without its input is passed over; the check must not pass over them all.
    expect(compared, "dpa pairs with both input and output").toBeGreaterThan(10);
  });

  it("reads AFP NewsML 1.2 declared ISO-8859-1 with its accents intact", () => {
    const result = parseSample("superdesk-core/tests/io/fixtures/afp20.xml");
    if (!result.ok) expect.fail(result.error.message);
    expect(result.items[0]?.headline).toMatch(/^Décès de Naomi Musenga/);
    expect(result.items[0]?.language).toBe("fr");
  });

  it("parses every feed under feeds/, or rejects it as listed in feed-expectations.json", () => {
    const files = feedFiles();
    expect(files.length).toBeGreaterThan(1400);
    for (const file of files) checkAgainstExpectations(file, feedExpectations);
  });

  it("decodes legacy-encoded news feeds (windows-1251, ISO-8859-7) and RTL Urdu", () => {
    const russian = parseSample("feeds/node-feedparser/test/feeds/iconv.xml");
    if (!russian.ok) expect.fail(russian.error.message);
    expect(russian.items[0]?.headline).toMatch(/[А-Яа-я]{4}/);
    const greek = parseSample(
      "feeds/prof18-rss-parser/rssparser/src/commonTest/resources/feed-test-greek.xml",
    );
    if (!greek.ok) expect.fail(greek.error.message);
    expect(greek.items[0]?.headline).toMatch(/[Α-Ωα-ω]{4}/);
    const urdu = parseSample("feeds/miniflux/internal/reader/parser/testdata/urdu_UTF8.xml");
    if (!urdu.ok) expect.fail(urdu.error.message);
    expect(urdu.items[0]?.language).toBe("ur");
    expect(urdu.items[0]?.headline).toMatch(/[\u0600-\u06ff]/);
  });

  it("lists only files that exist, so stale expectations cannot hide anything", () => {
    for (const expectations of [wireExpectations, feedExpectations]) {
      for (const file of [
        ...Object.keys(expectations.rejected),
        ...Object.keys(expectations.ingested),
      ]) {
        expect(existsSync(path.join(dataRoot, file)), file).toBe(true);
        expect(readFileSync(path.join(dataRoot, file)).byteLength, file).toBeGreaterThan(0);
      }
    }
  });
});
