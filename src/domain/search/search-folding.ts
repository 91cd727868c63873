import { locales, type SearchStrategy } from "../../i18n/locale-registry.js";
import { type ServiceId, services } from "../services/service-registry.js";
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

/** At most this many terms per search: each is one more index lookup and condition. */
export const maxSearchTerms = 8;
/** At most this many characters (code points) per term. */
export const maxSearchTermLength = 64;
/** Enough for `maxSearchTerms` terms of the longest length with generous separators. */
const maxQueryLength = 4 * maxSearchTerms * maxSearchTermLength;

/**
 * Text with nothing a query engine could trip on that no reader can see or type: line
 * breaks and tabs become spaces; other control characters (NUL included: PostgreSQL
 * refuses it in text, FTS5 reads a string only up to it), bidirectional marks and
 * isolates, the byte-order mark, noncharacters and lone UTF-16 surrogates are removed.
 * Joiners stay: ZWJ and ZWNJ are part of how Indic and Persian words are spelled.
 */
export function searchableText(text: string): string {
  return text
    .replace(/[\s\u0085]/gu, " ")
    .replace(/[\p{Cc}\p{Cs}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/gu, "");
}

/**
 * A reader's query as search terms: cleaned (searchableText), split on spaces, at most
 * `maxSearchTerms`, each at most `maxSearchTermLength` characters. FTS and LIKE syntax
 * characters are dropped here so no dialect sees them; storage quotes what is left. Terms
 * keep their case and diacritics: stemming needs the word as written (search-stemming.ts),
 * and folding follows it.
 */
export function queryTerms(query: string): string[] {
  return searchableText(query.slice(0, maxQueryLength))
    .normalize("NFC")
    .replace(/["*^():{}\\%_]/gu, " ")
    .split(" ")
    .map((term) => term.trim())
    .filter((term) => term.length > 0)
    .map((term) => [...term].slice(0, maxSearchTermLength).join(""))
    .slice(0, maxSearchTerms);
}
