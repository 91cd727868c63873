/**
 * Folding for search: NFKD, lowercase, combining marks removed (so "Hélène" matches
 * "helene"), and for Arabic script the letter and digit variants readers type
 * interchangeably unified. Applied identically to stored text and to queries.
 */
const arabicFolds: ReadonlyArray<[RegExp, string]> = [
  [/[يى]/gu, "ی"], // Arabic yeh and alef maksura → Persian yeh
  [/ك/gu, "ک"], // Arabic kaf → keheh
  [/ـ/gu, ""], // tatweel (kashida) is only stretching
  [/[أإآ]/gu, "ا"],
  [/ة/gu, "ه"],
];

export function foldForSearch(text: string): string {
  // toLowerCase() is the root-locale ("und") case mapping without the locale lookup, which
  // costs V8 about 30× more per call; search folds every indexed word.
  let folded = text.normalize("NFKD").toLowerCase();
  // Only diacritics readers omit: combining marks used by Latin, Greek and Cyrillic
  // (U+0300–U+036F) and Arabic harakat (U+064B–U+065F, U+0670). Indic vowel signs are
  // letters in all but name and must stay. NFC afterwards recomposes Hangul and the rest.
  folded = folded.replace(/[\u0300-\u036f\u064b-\u065f\u0670]/gu, "").normalize("NFC");
  for (const [pattern, replacement] of arabicFolds) folded = folded.replace(pattern, replacement);
  // Arabic-Indic (U+0660) and Extended Arabic-Indic (U+06F0) digits → ASCII digits.
  folded = folded.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) =>
    String((d.codePointAt(0) ?? 0) & 0xf),
  );
  return folded.replace(/\s+/gu, " ").trim();
}

/** Splits a reader's query into at most 8 terms. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(" ")
    .filter((term) => term.length > 0)
    .slice(0, 8);
}
