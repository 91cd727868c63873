import { IntlMessageFormat } from "intl-messageformat";
import type { Catalogue } from "./catalogue-types.js";
import { conjunctionList } from "./list-format.js";
import { intlLocaleFor, type LocaleTag } from "./locale-registry.js";
import { am } from "./messages/am.js";
import { ar } from "./messages/ar.js";
import { az } from "./messages/az.js";
import { bm } from "./messages/bm.js";
import { bn } from "./messages/bn.js";
import { bo } from "./messages/bo.js";
import { bs } from "./messages/bs.js";
import { ckb } from "./messages/ckb.js";
import { en, type MessageKey } from "./messages/en.js";
import { es } from "./messages/es.js";
import { fa } from "./messages/fa.js";
import { faAf } from "./messages/fa-af.js";
import { fr } from "./messages/fr.js";
import { ha } from "./messages/ha.js";
import { hi } from "./messages/hi.js";
import { ht } from "./messages/ht.js";
import { hy } from "./messages/hy.js";
import { id } from "./messages/id.js";
import { ka } from "./messages/ka.js";
import { km } from "./messages/km.js";
import { ko } from "./messages/ko.js";
import { ku } from "./messages/ku.js";
import { ln } from "./messages/ln.js";
import { lo } from "./messages/lo.js";
import { mk } from "./messages/mk.js";
import { my } from "./messages/my.js";
import { nd } from "./messages/nd.js";
import { ne } from "./messages/ne.js";
import { om } from "./messages/om.js";
import { ps } from "./messages/ps.js";
import { pt } from "./messages/pt.js";
import { rn } from "./messages/rn.js";
import { ru } from "./messages/ru.js";
import { rw } from "./messages/rw.js";
import { sn } from "./messages/sn.js";
import { so } from "./messages/so.js";
import { sq } from "./messages/sq.js";
import { srCyrl } from "./messages/sr-cyrl.js";
import { srLatn } from "./messages/sr-latn.js";
import { sw } from "./messages/sw.js";
import { th } from "./messages/th.js";
import { ti } from "./messages/ti.js";
import { tr } from "./messages/tr.js";
import { uk } from "./messages/uk.js";
import { ur } from "./messages/ur.js";
import { uzLatn } from "./messages/uz-latn.js";
import { vi } from "./messages/vi.js";
import { yue } from "./messages/yue.js";
import { zhHans } from "./messages/zh-hans.js";
import { zhHant } from "./messages/zh-hant.js";

const englishCatalogue = Object.fromEntries(
  Object.entries(en).map(([key, entry]) => [key, entry.message]),
) as Catalogue;

/** One catalogue per locale; the closed `Record` makes a missing catalogue a compile error. */
export const catalogues: Record<LocaleTag, Catalogue> = {
  en: englishCatalogue,
  fr,
  es,
  pt,
  sq,
  bs,
  tr,
  az,
  "uz-Latn": uzLatn,
  ku,
  id,
  vi,
  ha,
  sw,
  so,
  om,
  rw,
  rn,
  sn,
  nd,
  bm,
  ln,
  ht,
  ru,
  uk,
  mk,
  "sr-Latn": srLatn,
  "sr-Cyrl": srCyrl,
  hy,
  ka,
  fa,
  "fa-AF": faAf,
  ps,
  ur,
  ar,
  ckb,
  am,
  ti,
  hi,
  bn,
  ne,
  th,
  lo,
  km,
  my,
  bo,
  "zh-Hans": zhHans,
  "zh-Hant": zhHant,
  yue,
  ko,
};

/** Patterns that are only punctuation: languages writing the Latin comma and colon share them. */
const commaPatterns: readonly MessageKey[] = ["list.more", "story.contributor", "story.correction"];

/**
 * English strings that are deliberately identical in a translation (brand names,
 * symbols). The catalogue test fails on any other value equal to the English.
 */
export const allowedIdenticalToEnglish: Partial<Record<LocaleTag, readonly MessageKey[]>> = {
  fa: ["story.correction"],
  "fa-AF": ["story.correction"],
  ps: ["story.correction"],
  ur: ["story.correction"],
  ar: ["story.correction"],
  ckb: ["story.correction"],
  my: ["story.correction"],
  bo: ["story.correction"],
  th: ["story.correction"],
  az: commaPatterns,
  bm: commaPatterns,
  bn: commaPatterns,
  bs: commaPatterns,
  es: commaPatterns,
  fr: commaPatterns,
  ha: commaPatterns,
  hi: commaPatterns,
  ht: commaPatterns,
  hy: commaPatterns,
  id: commaPatterns,
  ka: commaPatterns,
  km: commaPatterns,
  ko: commaPatterns,
  ku: commaPatterns,
  ln: commaPatterns,
  lo: commaPatterns,
  mk: commaPatterns,
  nd: commaPatterns,
  ne: commaPatterns,
  om: commaPatterns,
  pt: commaPatterns,
  rn: commaPatterns,
  ru: commaPatterns,
  rw: commaPatterns,
  sn: commaPatterns,
  so: commaPatterns,
  sq: commaPatterns,
  "sr-Cyrl": commaPatterns,
  "sr-Latn": commaPatterns,
  sw: commaPatterns,
  tr: commaPatterns,
  uk: commaPatterns,
  "uz-Latn": commaPatterns,
  vi: commaPatterns,
};

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
  const numberFormat = new Intl.NumberFormat(intlTag);
  const yearFormat = new Intl.NumberFormat(intlTag, { useGrouping: false });
  const t = (key: MessageKey, params?: MessageParams): string => {
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalogue[key], intlTag);
      compiled.set(key, format);
    }
    const result = format.format(params ?? {});
    // Placeholders only ever receive strings and numbers, so the result is a string.
    return typeof result === "string" ? result : String(result);
  };
  // ICU ships list patterns for most of our languages; for the rest (e.g. Oromo, Shona,
  // Sorani, Tibetan) the catalogue's own patterns carry the language's punctuation.
  const list = conjunctionList(locale, intlTag, {
    pair: (first, last) => t("list.pair", { first, last }),
    more: (first, next) => t("list.more", { first, next }),
  });
  return {
    locale,
    t,
    list,
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
