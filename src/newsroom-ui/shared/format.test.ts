import { describe, expect, it } from "vitest";
import { locales } from "../../i18n/locale-registry.js";
import { translate, uiLanguages } from "../i18n/ui-language.js";
import { formatDateTimeIn } from "./format.js";

/** Dates, times and numbers in each interface language (5 March 2026, 14:07 UTC). */
const iso = "2026-03-05T14:07:00Z";
const at = (lang: (typeof uiLanguages)[number]) => formatDateTimeIn(iso, lang, "UTC");

/** The digits a numbering system writes 0–9 with. */
const digitSets = {
  latn: /[0-9]/u,
  arab: /[٠-٩]/u,
  arabext: /[۰-۹]/u,
} as const;

describe("newsroom dates and numbers per interface language", () => {
  it("writes the month in each language", () => {
    expect(at("en")).toContain("Mar 2026");
    expect(at("ar")).toContain("مارس");
    expect(at("es")).toMatch(/mar/u);
    expect(at("fr")).toContain("mars");
    expect(at("ru")).toContain("мар");
    expect(at("uk")).toContain("бер");
    expect(at("zh-Hans")).toContain("3月5日");
    // Persian: Solar Hijri calendar (14 Esfand 1404), Persian digits.
    expect(at("fa")).toContain("اسفند");
    expect(at("fa")).toContain("۱۴۰۴");
  });

  it("uses the digits the locale registry gives Arabic, as the reader's Arabic edition does", () => {
    const system = locales.ar.numberingSystem;
    expect(system === "latn" || system === "arab").toBe(true);
    const expected = digitSets[system as "latn" | "arab"];
    const other = system === "latn" ? digitSets.arab : digitSets.latn;
    expect(at("ar")).toMatch(expected);
    expect(at("ar")).not.toMatch(other);
    const message = translate("ar", "pager.position", { page: 3, pages: 12 });
    expect(message).toMatch(expected);
    expect(message).not.toMatch(other);
  });

  it("keeps a 24-hour clock where the language uses one, and the zone in every language", () => {
    for (const lang of ["en", "es", "fr", "ru", "uk", "zh-Hans"] as const) {
      expect([lang, at(lang)]).toEqual([lang, expect.stringContaining("14:07")]);
    }
    for (const lang of uiLanguages) {
      expect([lang, at(lang)]).toEqual([lang, expect.stringMatching(/UTC|GMT|غرينتش|گرینویچ/u)]);
    }
  });

  it("fills numbers with each language's digits", () => {
    expect(translate("fa", "dashboard.count", { count: 42 })).toContain("۴۲");
    for (const lang of ["en", "es", "fr", "ru", "uk", "zh-Hans"] as const) {
      expect([lang, translate(lang, "dashboard.count", { count: 42 })]).toEqual([
        lang,
        expect.stringContaining("42"),
      ]);
    }
  });
});
