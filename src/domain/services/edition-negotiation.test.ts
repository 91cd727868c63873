import { describe, expect, it } from "vitest";
import { editionForRange, negotiateEdition, parseAcceptLanguage } from "./edition-negotiation.js";
import { serviceEditions } from "./service-registry.js";

const prefix = (header: string | undefined) => negotiateEdition(header).urlPrefix;

describe("parseAcceptLanguage", () => {
  it("orders ranges by weight, keeping the sent order between equal weights", () => {
    expect(parseAcceptLanguage("fr;q=0.5, en-GB, de;q=0.9, en;q=0.5")).toEqual([
      { range: "en-gb", q: 1 },
      { range: "de", q: 0.9 },
      { range: "fr", q: 0.5 },
      { range: "en", q: 0.5 },
    ]);
  });

  it("skips malformed members and bad weights instead of failing", () => {
    expect(
      parseAcceptLanguage("fr;q=2, <script>, de;level=1, ru ; q=0.3 , es;q=0.1234, *;q=0.1"),
    ).toEqual([
      { range: "ru", q: 0.3 },
      { range: "*", q: 0.1 },
    ]);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage("")).toEqual([]);
  });

  it("reads a bounded number of ranges from a huge header", () => {
    const huge = Array.from({ length: 5000 }, () => "xx").join(",");
    expect(parseAcceptLanguage(huge).length).toBeLessThanOrEqual(32);
  });
});

describe("editionForRange", () => {
  it.each([
    ["en-GB", "english"],
    ["pt-BR", "portuguese"],
    ["pt-PT", "portuguese"],
    ["sr", "serbian"],
    ["sr-RS", "serbian"],
    ["sr-Latn", "serbian"],
    ["sr-Latn-RS", "serbian"],
    ["sr-Cyrl", "serbian-cyrillic"],
    ["sr-Cyrl-BA", "serbian-cyrillic"],
    ["zh", "chinese"],
    ["zh-CN", "chinese"],
    ["zh-Hans", "chinese"],
    ["zh-SG", "chinese"],
    ["zh-TW", "chinese-traditional"],
    ["zh-HK", "chinese-traditional"],
    ["zh-Hant", "chinese-traditional"],
    ["yue", "cantonese"],
    ["fa", "persian"],
    ["fa-IR", "persian"],
    ["fa-AF", "dari"],
    ["uz", "uzbek"],
    ["ckb", "sorani"],
  ])("%s → /%s/", (range, expected) => {
    expect(editionForRange(range)?.urlPrefix).toBe(expected);
  });

  it("serves no edition for a script or language we do not publish in", () => {
    expect(editionForRange("uz-Cyrl")).toBeUndefined();
    expect(editionForRange("de")).toBeUndefined();
    expect(editionForRange("x-klingon")).toBeUndefined();
  });

  it("finds every edition by its own tag", () => {
    for (const edition of serviceEditions) {
      expect(editionForRange(edition.locale)?.urlPrefix, edition.locale).toBe(edition.urlPrefix);
    }
  });
});

describe("negotiateEdition", () => {
  it("takes the highest-weighted range some edition serves", () => {
    expect(prefix("de-DE, de;q=0.9, ru;q=0.8, en;q=0.7")).toBe("russian");
    expect(prefix("en;q=0.4, sr-Cyrl;q=0.9")).toBe("serbian-cyrillic");
    expect(prefix("zh-TW,zh;q=0.9,en-US;q=0.8")).toBe("chinese-traditional");
  });

  it("falls back to English when nothing matches or nothing is sent", () => {
    expect(prefix(undefined)).toBe("english");
    expect(prefix("de, it;q=0.5")).toBe("english");
    expect(prefix("garbage;;;")).toBe("english");
  });

  it("treats q=0 as a refusal, also of what * would pick", () => {
    expect(prefix("fr;q=0, fr-CA")).toBe("english");
    expect(prefix("en;q=0, *")).toBe("french");
    expect(prefix("*")).toBe("english");
    expect(prefix("de, *;q=0.1, es;q=0.5")).toBe("spanish");
  });
});
