import { describe, expect, it } from "vitest";
import type { Catalogue } from "./catalogue-types.js";
import { dateFormatterFor } from "./date-format.js";
import { intlLocaleFor, type LocaleTag, locales, localeTags } from "./locale-registry.js";
import { allowedIdenticalToEnglish, catalogues, createTranslator } from "./message-catalogue.js";
import { en, type MessageKey } from "./messages/en.js";
import { srCyrl } from "./messages/sr-cyrl.js";
import { srLatn } from "./messages/sr-latn.js";
import { scriptTypography } from "./script-families.js";
import { serbianToLatin } from "./serbian-script.js";

const englishKeys = Object.keys(en).sort() as MessageKey[];

/** `{name}` placeholders and ICU argument names (`{count, plural, …}`), sorted and unique. */
function placeholders(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((m) => m[1] ?? "")),
  ].sort();
}

/** The selectors of every `{x, plural, …}` in a message ("one", "few", "=0"…). */
function pluralSelectors(message: string): string[] {
  const body = /\{\s*\w+\s*,\s*plural\s*,(.*)\}\s*$/su.exec(message)?.[1] ?? "";
  return [...body.matchAll(/(=?\w+)\s*\{/gu)].map((m) => m[1] ?? "");
}

/**
 * Everything wrong with one catalogue: missing or extra keys, placeholder mismatches,
 * plural categories the language does not have, and English left untranslated.
 */
function catalogueProblems(tag: LocaleTag, catalogue: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const keys = Object.keys(catalogue);
  for (const key of englishKeys) if (!keys.includes(key)) problems.push(`missing ${key}`);
  for (const key of keys) if (!(key in en)) problems.push(`extra ${key}`);
  const allowed = new Set<string>(allowedIdenticalToEnglish[tag] ?? []);
  const categories = new Set<string>(
    new Intl.PluralRules(intlLocaleFor(tag)).resolvedOptions().pluralCategories,
  );
  for (const key of englishKeys) {
    const value = catalogue[key];
    if (value === undefined) continue;
    const english = en[key].message;
    if (placeholders(value).join() !== placeholders(english).join()) {
      problems.push(`placeholders of ${key}: ${placeholders(value)} ≠ ${placeholders(english)}`);
    }
    if (value === english && !allowed.has(key)) problems.push(`untranslated ${key}`);
    if (value.trim() !== value || value.length === 0) problems.push(`blank or padded ${key}`);
    if (value.normalize("NFC") !== value) problems.push(`not NFC ${key}`);
    for (const selector of pluralSelectors(value)) {
      if (!selector.startsWith("=") && !categories.has(selector)) {
        problems.push(`plural category "${selector}" in ${key} does not exist in ${tag}`);
      }
    }
    if (english.includes("plural") && !pluralSelectors(value).includes("other")) {
      problems.push(`plural ${key} lacks "other"`);
    }
  }
  return problems;
}

describe("the catalogue checks themselves", () => {
  it("catch a missing key, an extra key, a placeholder mismatch, English and a bad plural", () => {
    const broken: Record<string, string> = { ...catalogues.ru };
    delete broken["nav.home"];
    broken["nav.extra"] = "Лишний";
    broken["story.by"] = "Авторы: {people}";
    broken["search.label"] = en["search.label"].message;
    broken["search.count"] = "{count, plural, dual {# x} other {# y}}";
    expect(catalogueProblems("ru", broken).sort()).toEqual(
      [
        "missing nav.home",
        "extra nav.extra",
        "placeholders of story.by: people ≠ names",
        'plural category "dual" in search.count does not exist in ru',
        "untranslated search.label",
      ].sort(),
    );
  });
});

it("has a catalogue for every locale in the registry, and no other", () => {
  expect(Object.keys(catalogues).sort()).toEqual([...localeTags].sort());
});

describe.each(localeTags.filter((tag) => tag !== "en"))("the %s catalogue", (tag) => {
  const catalogue: Catalogue = catalogues[tag];

  it("has exactly the English keys, the same placeholders, real plurals and no English", () => {
    expect(catalogueProblems(tag, catalogue)).toEqual([]);
  });

  it("formats every message without error", () => {
    const t = createTranslator(tag);
    for (const key of englishKeys) {
      const text = t.t(key, {
        names: "A",
        agencies: "B",
        query: "q",
        count: 3,
        name: "N",
        service: "S",
        year: 2026,
        publisher: "P",
        first: "F",
        last: "L",
        reason: "R",
        next: "X",
        title: "T",
        date: "D",
        text: "W",
      });
      expect(text.length, key).toBeGreaterThan(0);
      expect(text, key).not.toMatch(/[{}]/u);
    }
  });

  it("joins lists in the language, never with English 'and'", () => {
    const joined = createTranslator(tag).list(["AFP", "Reuters", "AP"]);
    expect(joined).toContain("Reuters");
    expect(joined).not.toMatch(/\band\b/u);
  });
});

describe("the Serbian catalogues", () => {
  it("are the same text in two scripts: Latin is exactly the transliterated Cyrillic", () => {
    for (const key of englishKeys) expect(srLatn[key], key).toBe(serbianToLatin(srCyrl[key]));
  });

  it("transliterate digraphs by case", () => {
    expect(serbianToLatin("Љубљана, ЊЕГОШ, Џон и ђак")).toBe("Ljubljana, NJEGOŠ, Džon i đak");
    expect(serbianToLatin("AFP и Reuters, 2026.")).toBe("AFP i Reuters, 2026.");
  });
});

describe("locale facts", () => {
  it("declares direction, digits and calendar", () => {
    expect(locales.fa).toMatchObject({
      dir: "rtl",
      numberingSystem: "arabext",
      calendar: "persian",
    });
    expect(locales.en.dir).toBe("ltr");
    expect(locales.ru.script).toBe("Cyrl");
    expect(locales["zh-Hans"].script).toBe("Hans");
  });

  it("gives every locale a valid BCP 47 tag, an autonym and a system font stack", () => {
    for (const tag of localeTags) {
      const locale = locales[tag];
      expect(Intl.getCanonicalLocales(tag), tag).toEqual([tag]);
      expect(locale.autonym.length, tag).toBeGreaterThan(1);
      const { fontStack } = scriptTypography[locale.scriptFamily];
      expect(fontStack, tag).toMatch(/(sans-serif|serif)$/u);
      expect(fontStack, tag).not.toMatch(/url\(|https?:/u);
    }
  });

  it("marks exactly the right-to-left languages as rtl", () => {
    const rtl = localeTags.filter((tag) => locales[tag].dir === "rtl").sort();
    expect(rtl).toEqual(["ar", "ckb", "fa", "fa-AF", "ps", "ur"]);
  });

  it("uses native digits where the press does, Western digits for Arabic", () => {
    expect(locales.fa.numberingSystem).toBe("arabext");
    expect(locales["fa-AF"].numberingSystem).toBe("arabext");
    expect(locales.ps.numberingSystem).toBe("arabext");
    expect(locales.ar.numberingSystem).toBe("latn");
    expect(locales.bn.numberingSystem).toBe("beng");
    expect(locales.my.numberingSystem).toBe("mymr");
    expect(locales["fa-AF"].calendar).toBe("persian");
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
    expect(dateFormatterFor("fa", "Asia/Tehran").date(instant)).toBe("۳ آذر ۱۴۰۵");
  });

  it("writes Dari dates with the Dari Solar Hijri month (Qaws)", () => {
    expect(dateFormatterFor("fa-AF", "Asia/Kabul").date(instant)).toBe("۳ قوس ۱۴۰۵");
  });

  it("writes Arabic dates with Western digits (Cairo is UTC+2 in November)", () => {
    const formatter = dateFormatterFor("ar", "Africa/Cairo");
    expect(formatter.date(instant)).toBe("24 نوفمبر 2026");
    expect(formatter.dateTime(instant)).toMatch(/^24 نوفمبر 2026 .*12:05/u);
    expect(formatter.dateTime(instant)).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/u);
  });

  it("writes Bengali dates with Bengali digits and a 24-hour clock (Dhaka, UTC+6)", () => {
    const formatter = dateFormatterFor("bn", "Asia/Dhaka");
    expect(formatter.date(instant)).toBe("২৪ নভেম্বর, ২০২৬");
    expect(formatter.dateTime(instant)).toContain("১৬:০৫");
    expect(formatter.dateTime(instant)).not.toMatch(/[0-9]|AM|PM/u);
  });

  it("writes Burmese dates with Myanmar digits (Yangon, UTC+6:30)", () => {
    const formatter = dateFormatterFor("my", "Asia/Yangon");
    expect(formatter.date(instant)).toBe("၂၀၂၆ နိုဝင်ဘာ ၂၄");
    expect(formatter.dateTime(instant)).toContain("၁၆:၃၅");
    expect(formatter.dateTime(instant)).not.toMatch(/[0-9]/u);
  });

  it("writes Amharic dates in the Ethiopian calendar: 24 Nov 2026 is 15 Hidar 2019", () => {
    // Meskerem 1, 2019 E.C. fell on 11 Sep 2026; months have 30 days, so Hidar 1 is
    // 10 Nov and 24 Nov is Hidar 15.
    const formatter = dateFormatterFor("am", "Africa/Addis_Ababa");
    expect(formatter.date(instant)).toBe("15 ኅዳር 2019");
    expect(formatter.dateTime(instant)).toMatch(/^15 ኅዳር 2019 /u);
    expect(formatter.dateTime(instant)).not.toMatch(/\bAM\b/u);
  });

  it("writes Thai dates in the Buddhist Era", () => {
    expect(dateFormatterFor("th", "Asia/Bangkok").date(instant)).toBe("24 พฤศจิกายน 2569");
  });

  it("writes Haitian Creole dates with Kreyòl month names, not English or French", () => {
    const formatter = dateFormatterFor("ht", "America/Port-au-Prince");
    expect(formatter.date(instant)).toBe("24 novanm 2026");
    expect(formatter.dateTime(instant)).toMatch(/^24 novanm 2026 05:05/u);
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
    expect(createTranslator("ar").t("search.count", { count: 2 })).toBe("عُثر على خبرين");
    expect(createTranslator("ar").t("search.count", { count: 3 })).toBe("عُثر على 3 أخبار");
    expect(createTranslator("bn").t("search.count", { count: 12 })).toBe("১২টি খবর পাওয়া গেছে");
  });

  it("joins agency names as a localized list", () => {
    expect(createTranslator("en").list(["AFP", "Reuters"])).toBe("AFP and Reuters");
    expect(createTranslator("fa").list(["AFP", "Reuters"])).toBe("AFP و Reuters");
    expect(createTranslator("zh-Hans").list(["AFP", "Reuters"])).toBe("AFP和Reuters");
    // No ICU list data for Sorani or Haitian Creole: the catalogue's own pattern.
    expect(createTranslator("ckb").list(["AFP", "Reuters", "AP"])).toBe("AFP، Reuters و AP");
    expect(createTranslator("ht").list(["AFP", "Reuters"])).toBe("AFP ak Reuters");
  });
});
