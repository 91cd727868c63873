import { locales, type SearchStrategy } from "../../i18n/locale-registry.js";
import { serbianToLatin } from "../../i18n/serbian-script.js";
import { isServiceId, type ServiceId, services } from "../services/service-registry.js";
import { foldForSearch } from "../stories/search-text.js";

/**
 * Text folding for the search index and for queries, shared by both SQL dialects so they
 * match the same things: foldForSearch (NFKD, lowercase, Latin/Cyrillic diacritics and
 * Arabic harakat removed, ي/ی and ك/ک unified, tatweel dropped, Arabic-Indic and Persian
 * digits to ASCII), plus the zero-width non-joiner Persian writes inside words, which
 * readers type or omit at will.
 */
export function foldText(text: string): string {
  return foldForSearch(text).replace(/\u200c/gu, "");
}

/** How a service's stories are matched: by words or by character trigrams. */
export function strategyFor(serviceId: ServiceId): SearchStrategy {
  return locales[services[serviceId].sourceLocale].search;
}

/**
 * The folded text indexed for a story. Serbian is indexed in both scripts, so readers of
 * either edition find it whichever script they type in (ADR 0005).
 */
export function indexTextFor(serviceId: string, text: string): string {
  const folded = foldText(text);
  if (isServiceId(serviceId) && services[serviceId].sourceLocale === "sr-Cyrl") {
    const latin = foldText(serbianToLatin(text));
    return latin === folded ? folded : `${folded} ${latin}`;
  }
  return folded;
}

/**
 * A reader's query as search terms: folded, split on spaces, at most 8, each at most
 * 64 characters. FTS and LIKE syntax characters are dropped here so no dialect sees them.
 */
export function queryTerms(query: string): string[] {
  return foldText(query)
    .replace(/["*^():{}\\%_]/gu, " ")
    .split(" ")
    .map((term) => term.trim())
    .filter((term) => term.length > 0)
    .map((term) => [...term].slice(0, 64).join(""))
    .slice(0, 8);
}
