import { describe, expect, it } from "vitest";
import { ar } from "./ar.js";
import { en, type MessageKey } from "./en.js";
import { es } from "./es.js";
import { fa } from "./fa.js";
import { fr } from "./fr.js";
import { ru } from "./ru.js";
import {
  placeholdersOf,
  translate,
  type UiLanguage,
  uiLanguageNames,
  uiLanguages,
} from "./ui-language.js";
import { uk } from "./uk.js";
import { zhHans } from "./zh-hans.js";

const catalogues: Readonly<Record<UiLanguage, Readonly<Record<MessageKey, string>>>> = {
  en,
  ar,
  es,
  fa,
  fr,
  ru,
  uk,
  "zh-Hans": zhHans,
};

/**
 * The interface catalogues agree (STYLE rule 8): every language has the English keys and
 * no others, the same placeholders, no English left (technical strings aside), and is
 * written in its own script. Failures name the keys, so a catalogue behind English after
 * a merge shows exactly what is left to translate.
 */

const translations = uiLanguages.filter((lang) => lang !== "en");
const englishKeys = Object.keys(en) as MessageKey[];

/** Text with the placeholders taken out: what a translator actually wrote. */
function words(message: string): string {
  return message.replace(/\{\w+\}/g, "");
}

/** A message with letters in it (not only placeholders, digits and punctuation). */
function hasLetters(message: string): boolean {
  return /\p{L}/u.test(words(message));
}

/**
 * Messages that may read the same as in English: words the language writes the same way
 * ("Versions", "Pages", "Syndication" and "Notifications" in French, "editor" and "Roles" in Spanish) and
 * technical terms ("Webhooks"). Each entry is a deliberate decision, not a gap.
 */
const sameAsEnglish: Readonly<Record<UiLanguage, readonly MessageKey[]>> = {
  en: [],
  fa: [],
  ar: [],
  es: [
    "role.editor",
    "users.col.roles",
    "users.rolesTitle",
    "syndication.tabs.webhooks",
    "programmes.kind.radio",
  ],
  fr: [
    "wire.col.versions",
    "wire.versions.number",
    "wire.versions.option",
    "wire.quarantine.code",
    "login.minutes",
    "pager.label",
    "header.syndication",
    "syndication.tabs.label",
    "syndication.tabs.webhooks",
    "syndication.keys.active",
    "notifications.button",
    "notifications.heading",
    "programmes.field.description",
    "programmes.kind.radio",
    "programmes.kind.podcast",
    "programmes.actions",
    "schedule.date",
  ],
  ru: [],
  uk: [],
  "zh-Hans": [],
};

/** The script each language's messages must contain (outside placeholders). */
const scripts: Readonly<Record<UiLanguage, RegExp | null>> = {
  en: null,
  fa: /[\u0600-\u06FF]/,
  ar: /\p{Script=Arabic}/u,
  ru: /\p{Script=Cyrillic}/u,
  uk: /\p{Script=Cyrillic}/u,
  "zh-Hans": /\p{Script=Han}/u,
  // Latin: the check is that the message is not the English one (below).
  es: null,
  fr: null,
};

describe("newsroom interface catalogues", () => {
  it.each(translations)("%s has exactly the English keys", (lang) => {
    const keys = Object.keys(catalogues[lang]);
    const missing = englishKeys.filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !(englishKeys as string[]).includes(key));
    expect({ lang, missing, extra }).toEqual({ lang, missing: [], extra: [] });
  });

  it.each(translations)("%s uses the same placeholders as English", (lang) => {
    const catalogue: Readonly<Record<string, string | undefined>> = catalogues[lang];
    const mismatched = englishKeys.filter(
      (key) =>
        catalogue[key] !== undefined &&
        placeholdersOf(catalogue[key]).join() !== placeholdersOf(en[key]).join(),
    );
    expect({ lang, mismatched }).toEqual({ lang, mismatched: [] });
  });

  it.each(translations)("%s leaves no English copy (outside its allow-list)", (lang) => {
    const catalogue: Readonly<Record<string, string | undefined>> = catalogues[lang];
    const allowed = new Set<string>(sameAsEnglish[lang]);
    const untranslated = englishKeys.filter(
      (key) => hasLetters(en[key]) && catalogue[key] === en[key] && !allowed.has(key),
    );
    expect({ lang, untranslated }).toEqual({ lang, untranslated: [] });
    // An allow-list entry that is translated after all is stale: keep the list honest.
    const stale = [...allowed].filter((key) => catalogue[key] !== en[key as MessageKey]);
    expect({ lang, stale }).toEqual({ lang, stale: [] });
  });

  it.each(translations)("%s is written in its own script", (lang) => {
    const script = scripts[lang];
    if (!script) return;
    const catalogue: Readonly<Record<string, string | undefined>> = catalogues[lang];
    const wrongScript = englishKeys.filter((key) => {
      const message = catalogue[key];
      return message !== undefined && hasLetters(message) && !script.test(words(message));
    });
    expect({ lang, wrongScript }).toEqual({ lang, wrongScript: [] });
  });

  it("has Ukrainian that is not Russian", () => {
    const { ru, uk } = catalogues;
    const keys = englishKeys.filter((key) => hasLetters(en[key]));
    // Letters only one of the two alphabets has: і ї є ґ (Ukrainian), ы э ъ ё (Russian).
    const russianLetters = keys.filter((key) => /[ыэъё]/iu.test(uk[key]));
    const ukrainianLetters = keys.filter((key) => /[іїєґ]/iu.test(ru[key]));
    expect({ russianLetters, ukrainianLetters }).toEqual({
      russianLetters: [],
      ukrainianLetters: [],
    });
    const withUkrainianLetters = keys.filter((key) => /[іїєґ]/iu.test(uk[key]));
    expect(withUkrainianLetters.length / keys.length).toBeGreaterThan(0.5);
    // Short labels are often the same word in both ("Заголовок", "Статус"); sentences are not.
    const sameAsRussian = keys.filter((key) => uk[key] === ru[key]);
    expect(sameAsRussian.length / keys.length).toBeLessThan(0.1);
    const sameSentences = sameAsRussian.filter((key) => words(uk[key]).split(/\s+/u).length > 3);
    expect(sameSentences).toEqual([]);
  });

  it("has Spanish and French that are neither English nor each other", () => {
    const { es, fr } = catalogues;
    const keys = englishKeys.filter((key) => hasLetters(en[key]) && words(en[key]).length > 20);
    expect(keys.filter((key) => es[key] === fr[key])).toEqual([]);
    // Characters English never uses show up across each catalogue.
    expect(keys.filter((key) => /[ñáéíóú¿¡]/u.test(es[key])).length).toBeGreaterThan(100);
    expect(keys.filter((key) => /[éèêàçùœ«]/u.test(fr[key])).length).toBeGreaterThan(100);
  });

  it("names every language in itself", () => {
    expect(uiLanguageNames).toEqual({
      en: "English",
      ar: "العربية",
      es: "Español",
      fa: "فارسی",
      fr: "Français",
      ru: "Русский",
      uk: "Українська",
      "zh-Hans": "简体中文",
    });
  });

  it("fills placeholders, with each language's digits for numbers", () => {
    expect(translate("en", "wire.badge.urgency", { urgency: 2 })).toBe("Urgency 2");
    expect(translate("fa", "wire.badge.urgency", { urgency: 2 })).toBe("فوریت ۲");
    // Arabic follows the reader's Arabic edition: Western digits (locale registry).
    expect(translate("ar", "pager.position", { page: 3, pages: 12 })).toMatch(/3.*12/u);
    expect(translate("ar", "pager.position", { page: 3, pages: 12 })).toMatch(/\p{Script=Arabic}/u);
    expect(translate("ru", "dashboard.count", { count: 12345 })).toContain("12345");
    expect(translate("en", "wire.queue.arrived", { agency: "AFP", headline: "Quake" })).toBe(
      "New from AFP: Quake",
    );
  });
});
