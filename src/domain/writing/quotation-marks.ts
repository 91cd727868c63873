import type { LocaleTag } from "../../i18n/locale-registry.js";

/**
 * Each edition's quotation marks, after Unicode CLDR's delimiters (quotationStart/End and
 * alternateQuotationStart/End) for the language, so typed straight quotes become the marks
 * its readers expect. French sets its guillemets off with a narrow no-break space (U+202F),
 * as the Imprimerie nationale's Lexique prescribes.
 */
export interface QuotationMarks {
  readonly open: string;
  readonly close: string;
  readonly innerOpen: string;
  readonly innerClose: string;
}

const english: QuotationMarks = { open: "“", close: "”", innerOpen: "‘", innerClose: "’" };
const guillemets: QuotationMarks = { open: "«", close: "»", innerOpen: "“", innerClose: "”" };
const guillemetsLow: QuotationMarks = { open: "«", close: "»", innerOpen: "„", innerClose: "“" };
const lowHigh: QuotationMarks = { open: "„", close: "“", innerOpen: "‘", innerClose: "’" };
const arabic: QuotationMarks = { open: "”", close: "“", innerOpen: "’", innerClose: "‘" };
const corner: QuotationMarks = { open: "「", close: "」", innerOpen: "『", innerClose: "』" };

export const quotationMarks: Readonly<Record<LocaleTag, QuotationMarks>> = {
  en: english,
  fr: { open: "«\u202f", close: "\u202f»", innerOpen: "“", innerClose: "”" },
  es: guillemets,
  pt: english,
  sq: guillemets,
  bs: { open: "„", close: "“", innerOpen: "‘", innerClose: "’" },
  tr: english,
  az: guillemetsLow,
  "uz-Latn": english,
  ku: english,
  id: english,
  vi: english,
  ha: english,
  sw: english,
  so: english,
  om: english,
  rw: guillemets,
  rn: english,
  sn: english,
  nd: english,
  bm: guillemets,
  ln: english,
  ht: guillemets,
  ru: guillemetsLow,
  uk: guillemetsLow,
  mk: lowHigh,
  "sr-Latn": lowHigh,
  "sr-Cyrl": lowHigh,
  hy: guillemets,
  ka: lowHigh,
  fa: guillemets,
  "fa-AF": guillemets,
  ps: guillemets,
  ur: arabic,
  ar: arabic,
  ckb: guillemets,
  am: guillemets,
  ti: guillemets,
  hi: english,
  bn: english,
  ne: english,
  th: english,
  lo: english,
  km: english,
  my: english,
  bo: english,
  "zh-Hans": english,
  "zh-Hant": corner,
  yue: corner,
  ko: english,
};

/** Letters, marks and digits of any script: after one, a quote closes (or is an apostrophe). */
const wordCharacter = /[\p{L}\p{M}\p{N}]/u;
/** After one of these a quote closes too: end punctuation that a quotation can follow. */
const closingContext = /[.,;:!?؟،…)\]}»”’」』%]/u;

/**
 * The mark that replaces a straight quote typed after `before`: an opening mark at the start
 * of a text, after a space or after an opening bracket or dash; otherwise a closing one. A
 * straight apostrophe after a letter becomes U+2019, the apostrophe Unicode recommends.
 */
export function smartQuote(before: string, typed: '"' | "'", locale: LocaleTag): string {
  const marks = quotationMarks[locale];
  const previous = Array.from(before.slice(-2)).at(-1) ?? "";
  const closes = wordCharacter.test(previous) || closingContext.test(previous);
  if (typed === "'") {
    if (wordCharacter.test(previous)) return "’";
    return closes ? marks.innerClose : marks.innerOpen;
  }
  return closes ? marks.close : marks.open;
}
