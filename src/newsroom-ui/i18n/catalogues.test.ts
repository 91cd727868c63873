import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { fa } from "./fa.js";
import { catalogues, placeholdersOf, translate, uiLanguages } from "./ui-language.js";

/**
 * The interface catalogues agree (STYLE rule 8): the same keys, the same placeholders, and
 * no English left in a translation (technical strings such as header names aside).
 */
describe("newsroom interface catalogues", () => {
  const english = Object.keys(en).sort();

  it.each(uiLanguages)("%s has exactly the English keys", (lang) => {
    const keys = Object.keys(catalogues[lang]).sort();
    expect(keys.filter((k) => !english.includes(k))).toEqual([]);
    expect(english.filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(uiLanguages)("%s uses the same placeholders as English", (lang) => {
    const catalogue: Readonly<Record<string, string>> = catalogues[lang];
    for (const [key, message] of Object.entries(en)) {
      expect([key, placeholdersOf(catalogue[key] ?? "")]).toEqual([key, placeholdersOf(message)]);
    }
  });

  it("has no English copy in Persian", () => {
    const untranslated = Object.entries(fa).filter(
      ([key, message]) => message.trim() !== "" && message === en[key as keyof typeof en],
    );
    expect(untranslated).toEqual([]);
    // Every Persian message contains Persian letters (not only Latin text and placeholders);
    // punctuation-only messages (separators) have no letters at all.
    const latinOnly = Object.entries(fa).filter(
      ([, message]) => message.trim() !== "" && !/[\u0600-\u06FF]/.test(message),
    );
    expect(latinOnly).toEqual([]);
  });

  it("fills placeholders, with Persian digits for numbers in Persian", () => {
    expect(translate("en", "wire.badge.urgency", { urgency: 2 })).toBe("Urgency 2");
    expect(translate("fa", "wire.badge.urgency", { urgency: 2 })).toBe("فوریت ۲");
    expect(translate("en", "wire.queue.arrived", { agency: "AFP", headline: "Quake" })).toBe(
      "New from AFP: Quake",
    );
  });
});
