import { describe, expect, it } from "vitest";
import { dateFormatterFor } from "./date-format.js";
import { locales, localeTags } from "./locale-registry.js";
import { allowedIdenticalToEnglish, catalogues, createTranslator } from "./message-catalogue.js";
import { en, type MessageKey } from "./messages/en.js";

const englishKeys = Object.keys(en).sort();

/** `{name}` placeholders and ICU argument names (`{count, plural, …}`), sorted and unique. */
function placeholders(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((m) => m[1] ?? "")),
  ].sort();
}

describe.each(localeTags.filter((tag) => tag !== "en"))("the %s catalogue", (tag) => {
  const catalogue = catalogues[tag];

  it("has exactly the English keys: none missing, none extra", () => {
    expect(Object.keys(catalogue).sort()).toEqual(englishKeys);
  });

  it("uses the same placeholders as the English message", () => {
    for (const key of englishKeys as MessageKey[]) {
      expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key].message));
    }
  });

  it("has no value left in English unless allow-listed", () => {
    const allowed = new Set(allowedIdenticalToEnglish[tag] ?? []);
    const untranslated = (englishKeys as MessageKey[]).filter(
      (key) => catalogue[key] === en[key].message && !allowed.has(key),
    );
    expect(untranslated).toEqual([]);
  });

  it("formats every message without error", () => {
    const t = createTranslator(tag);
    for (const key of englishKeys as MessageKey[]) {
      expect(() =>
        t.t(key, {
          names: "A",
          agencies: "B",
          query: "q",
          count: 3,
          name: "N",
          service: "S",
          year: 2026,
          publisher: "P",
        }),
      ).not.toThrow();
    }
  });
});

describe("locale facts", () => {
  it("declares direction, digits and calendar for the first four services", () => {
    expect(locales.fa).toMatchObject({
      dir: "rtl",
      numberingSystem: "arabext",
      calendar: "persian",
    });
    expect(locales.en.dir).toBe("ltr");
    expect(locales.ru.script).toBe("Cyrl");
    expect(locales["zh-Hans"].script).toBe("Hans");
  });
});

describe("localized formatting", () => {
  const instant = new Date("2026-11-24T10:05:00Z");

  it("writes Persian dates with Persian digits in the Solar Hijri calendar", () => {
    const text = dateFormatterFor("fa", "Asia/Tehran").dateTime(instant);
    // 24 Nov 2026 is 3 Azar 1405; 10:05 UTC is 13:35 in Tehran.
    expect(text).toContain("۳ آذر ۱۴۰۵");
    expect(text).toContain("۱۳:۳۵");
    expect(text).not.toMatch(/[0-9]/);
  });

  it("writes English, Russian and Chinese dates in the Gregorian calendar", () => {
    expect(dateFormatterFor("en", "UTC").dateTime(instant)).toBe(
      "November 24, 2026 at 10:05 AM UTC",
    );
    expect(dateFormatterFor("ru", "Europe/Moscow").date(instant)).toBe("24 ноября 2026 г.");
    expect(dateFormatterFor("zh-Hans", "Asia/Shanghai").date(instant)).toBe("2026年11月24日");
  });

  it("pluralizes through CLDR rules and localizes the digits", () => {
    expect(createTranslator("en").t("search.count", { count: 1 })).toBe("1 story found");
    expect(createTranslator("en").t("search.count", { count: 1200 })).toBe("1,200 stories found");
    expect(createTranslator("ru").t("search.count", { count: 3 })).toBe("Найдено 3 материала");
    expect(createTranslator("ru").t("search.count", { count: 5 })).toBe("Найдено 5 материалов");
    expect(createTranslator("fa").t("search.count", { count: 12 })).toBe("۱۲ گزارش پیدا شد");
  });

  it("joins agency names as a localized list", () => {
    expect(createTranslator("en").list(["AFP", "Reuters"])).toBe("AFP and Reuters");
    expect(createTranslator("fa").list(["AFP", "Reuters"])).toBe("AFP و Reuters");
    expect(createTranslator("zh-Hans").list(["AFP", "Reuters"])).toBe("AFP和Reuters");
  });
});
