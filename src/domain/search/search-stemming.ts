import { createStemmer, type IsoCode } from "multilingual-stemmer";
import type { LocaleTag } from "../../i18n/locale-registry.js";
import { serbianToLatin } from "../../i18n/serbian-script.js";
import { isServiceId, type ServiceId, services } from "../services/service-registry.js";
import { foldText } from "./search-folding.js";

/**
 * The Snowball stemmer (https://snowballstem.org/algorithms/) for each locale, or null where
 * Snowball has none: then words are matched as written (folded), as before stemming.
 * Keyed by the closed locale union, so a new locale does not compile until it is decided
 * here (ADR 0011). Close relatives are not borrowed: Bosnian and Macedonian are not
 * Serbian, and Ukrainian is not Russian; a wrong stemmer conflates words that differ.
 * Dari (fa-AF) is Persian written in Afghanistan, with the same suffixes.
 */
const localeStemmers: Readonly<Record<LocaleTag, IsoCode | null>> = {
  en: "en",
  fr: "fr",
  es: "es",
  pt: "pt",
  sq: null,
  bs: null,
  tr: "tr",
  az: null,
  "uz-Latn": null,
  ku: null,
  id: "id",
  vi: null,
  ha: null,
  sw: null,
  so: null,
  om: null,
  rw: null,
  rn: null,
  sn: null,
  nd: null,
  bm: null,
  ln: null,
  ht: null,
  ru: "ru",
  uk: null,
  mk: null,
  "sr-Latn": "sr",
  "sr-Cyrl": "sr",
  hy: "hy",
  ka: null,
  fa: "fa",
  "fa-AF": "fa",
  ps: null,
  ur: null,
  ar: "ar",
  ckb: null,
  am: null,
  ti: null,
  hi: "hi",
  bn: null,
  ne: "ne",
  th: null,
  lo: null,
  km: null,
  my: null,
  bo: null,
  "zh-Hans": null,
  "zh-Hant": null,
  yue: null,
  ko: null,
};

/** A service's Snowball stemmer language, or null. */
export function stemmerOf(serviceId: ServiceId): IsoCode | null {
  return localeStemmers[services[serviceId].sourceLocale];
}

/**
 * Words as the index and the query see them: runs of letters, marks and digits, with the
 * joiners Persian and Indic scripts spell with. Apostrophes and hyphens split words, as
 * SQLite's unicode61 and PostgreSQL's default parser split them, so French elision
 * ("l'élection") leaves "élection" for the stemmer.
 */
const wordPattern = /[\p{L}\p{M}\p{N}\u200c\u200d]+/gu;

/** Longer "words" (URLs, hashes, runs without spaces) are folded but not stemmed. */
const maxStemmedWordLength = 64;

/**
 * At most this many distinct words are stemmed per call. Stemming costs about 10 µs a word
 * (WebAssembly); a memo makes repeats free, and this bound keeps one huge document under
 * a few tens of milliseconds of the event loop. Words past it are indexed folded, unstemmed: still found
 * by their exact form and prefix.
 */
export const maxStemmedWordsPerText = 2_000;

const stemmers = new Map<IsoCode, (word: string) => string>();

function stemmerFor(language: IsoCode): (word: string) => string {
  let stem = stemmers.get(language);
  if (!stem) {
    stem = createStemmer(language);
    stemmers.set(language, stem);
  }
  return stem;
}

/** Index forms of a word, memoized per language; bounded, cleared when full. */
const formsMemo = new Map<string, readonly string[]>();
const maxMemoEntries = 100_000;

/**
 * The forms a word is indexed and queried under: the stem of the word as written
 * (lowercased) and the stem of its folded spelling, each folded (search-folding.ts). Both,
 * because folding first can break a stemmer's endings (Russian "новый" folds to "новыи",
 * which the Russian stemmer does not recognise as an adjective), while stemming only the
 * written form misses readers who type without diacritics or with Arabic letter variants
 * ("كتابهاي" for Persian "کتاب‌های"). Usually the two agree and there is one form.
 */
export function wordForms(word: string, language: IsoCode): readonly string[] {
  const key = `${language}\u0000${word}`;
  const known = formsMemo.get(key);
  if (known) return known;
  const forms = computeForms(word, language);
  if (formsMemo.size >= maxMemoEntries) formsMemo.clear();
  formsMemo.set(key, forms);
  return forms;
}

function computeForms(word: string, language: IsoCode): readonly string[] {
  const folded = foldText(word);
  if (word.length > maxStemmedWordLength) return folded ? [folded] : [];
  const stem = stemmerFor(language);
  const lower = lowercase(word.normalize("NFC"), language);
  const written = foldText(stem(lower));
  // Most words fold to their lowercase spelling: one stemmer call then, not two.
  const plain = lower === folded ? written : foldText(stem(folded));
  return [...new Set([written, plain])].filter((form) => form.length > 0);
}

/**
 * Lowercase as the language does: Turkish dotted and dotless i are two letters ("I" is
 * "ı", "İ" is "i"), as in toLocaleLowerCase("tr"), which V8 makes about 30× slower per
 * call than this; every other stemmed language uses the root case mapping.
 */
function lowercase(word: string, language: IsoCode): string {
  if (language !== "tr") return word.toLowerCase();
  return word
    .replace(/I\u0307/gu, "i")
    .replace(/İ/gu, "i")
    .replace(/I/gu, "ı")
    .toLowerCase();
}

/**
 * The indexed text of a stemmed language: every word's forms, space-separated. A word seen
 * before in the same text costs a memo lookup; from the first new word past
 * `maxStemmedWordsPerText`, the rest of the text is folded only.
 */
export function stemmedIndexText(text: string, language: IsoCode): string {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    if (!seen.has(word) && seen.size >= maxStemmedWordsPerText) {
      // The rest of the text, folded in one pass (per-word folding costs far more).
      out.push(foldText(text.slice(match.index)));
      break;
    }
    seen.add(word);
    out.push(...wordForms(word, language));
  }
  return out.join(" ");
}

/** At most this many word lists per query (a term can hold several words: "covid-19"). */
const maxQueryWords = 16;

/**
 * A query for one service as AND-ed lists of alternatives: a story matches when, for every
 * list, one of its indexed words starts with one of the list's forms (prefix matching, as
 * readers type). Stemmed languages: one list per word of the terms, its forms (wordForms).
 * Others: one list per term, the folded term, exactly as before stemming.
 */
export function queryForms(terms: readonly string[], serviceId: ServiceId): string[][] {
  const language = stemmerOf(serviceId);
  const lists: string[][] = [];
  if (language === null) {
    for (const term of terms) {
      const folded = foldText(term);
      if (folded) lists.push([folded]);
    }
    return lists.slice(0, maxQueryWords);
  }
  for (const term of terms) {
    for (const match of term.matchAll(wordPattern)) {
      const forms = wordForms(match[0], language);
      if (forms.length > 0) lists.push([...forms]);
      if (lists.length === maxQueryWords) return lists;
    }
  }
  return lists;
}

/**
 * The text indexed for a story in a service: folded (search-folding.ts), and for languages
 * with a Snowball stemmer, each word's stemmed forms (stemmedIndexText). Serbian is indexed
 * in both scripts, so readers of either edition find it whichever script they type in
 * (ADR 0005).
 */
export function indexTextFor(serviceId: string, text: string): string {
  if (!isServiceId(serviceId)) return foldText(text);
  const locale = services[serviceId].sourceLocale;
  const both = locale === "sr-Cyrl" ? withLatin(text) : text;
  const language = stemmerOf(serviceId);
  return language === null ? foldText(both) : stemmedIndexText(both, language);
}

/** Serbian Cyrillic text followed by its Latin transliteration, when that differs. */
function withLatin(text: string): string {
  const latin = serbianToLatin(text);
  return latin === text ? text : `${text} ${latin}`;
}

/**
 * Word-level matching for highlights in a stemmed language: ranges [start, end) of the
 * words of `text` one of whose forms starts with one of `forms`, as the index matches them.
 * Serbian Cyrillic words are also tried in Latin, as they are indexed.
 */
export function stemmedMatchRanges(
  text: string,
  forms: readonly string[],
  serviceId: ServiceId,
): [number, number][] {
  const language = stemmerOf(serviceId);
  if (language === null || forms.length === 0) return [];
  const locale = services[serviceId].sourceLocale;
  const ranges: [number, number][] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(wordPattern)) {
    const word = match[0];
    if (!seen.has(word) && seen.size >= maxStemmedWordsPerText) continue;
    seen.add(word);
    const own = wordForms(word, language);
    const all = locale === "sr-Cyrl" ? [...own, ...wordForms(serbianToLatin(word), language)] : own;
    if (all.some((form) => forms.some((f) => form.startsWith(f)))) {
      ranges.push([match.index, match.index + word.length]);
    }
  }
  return ranges;
}
