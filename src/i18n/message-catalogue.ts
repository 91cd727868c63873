import { IntlMessageFormat } from "intl-messageformat";
import type { Catalogue } from "./catalogue-types.js";
import { intlLocaleFor, type LocaleTag } from "./locale-registry.js";
import { en, type MessageKey } from "./messages/en.js";
import { fa } from "./messages/fa.js";
import { ru } from "./messages/ru.js";
import { zhHans } from "./messages/zh-hans.js";

const englishCatalogue = Object.fromEntries(
  Object.entries(en).map(([key, entry]) => [key, entry.message]),
) as Catalogue;

export const catalogues: Record<LocaleTag, Catalogue> = {
  en: englishCatalogue,
  fa,
  ru,
  "zh-Hans": zhHans,
};

/**
 * English strings that are deliberately identical in a translation (brand names,
 * symbols). The catalogue test fails on any other value equal to the English.
 */
export const allowedIdenticalToEnglish: Partial<Record<LocaleTag, readonly MessageKey[]>> = {};

export type MessageParams = Record<string, string | number>;

/** A translator bound to one locale, with compiled messages cached per key. */
export interface Translator {
  readonly locale: LocaleTag;
  t(key: MessageKey, params?: MessageParams): string;
  /** A localized conjunction list ("AFP and Reuters", "AFP و Reuters"). */
  list(items: readonly string[]): string;
  number(value: number): string;
  /** A calendar year: native digits, no grouping separator ("2026", "۲۰۲۶"). */
  year(value: number): string;
}

export function createTranslator(locale: LocaleTag): Translator {
  const intlTag = intlLocaleFor(locale);
  const catalogue = catalogues[locale];
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const listFormat = new Intl.ListFormat(intlTag, { type: "conjunction", style: "long" });
  const numberFormat = new Intl.NumberFormat(intlTag);
  const yearFormat = new Intl.NumberFormat(intlTag, { useGrouping: false });
  return {
    locale,
    t(key, params) {
      let format = compiled.get(key);
      if (!format) {
        format = new IntlMessageFormat(catalogue[key], intlTag);
        compiled.set(key, format);
      }
      const result = format.format(params ?? {});
      // Placeholders only ever receive strings and numbers, so the result is a string.
      return typeof result === "string" ? result : String(result);
    },
    list: (items) => listFormat.format(items),
    number: (value) => numberFormat.format(value),
    year: (value) => yearFormat.format(value),
  };
}

const translators = new Map<LocaleTag, Translator>();

/** Translators are immutable and cheap to share; this memoizes one per locale. */
export function translatorFor(locale: LocaleTag): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = createTranslator(locale);
    translators.set(locale, translator);
  }
  return translator;
}
