import type { HouseStyleRule } from "./writing-settings.js";

/** Which part of the story a finding is in, so the editor knows where to look. */
export type CheckedField = "headline" | "standfirst" | "body" | "seo";

export interface HouseStyleMatch {
  readonly rule: HouseStyleRule;
  readonly field: CheckedField;
  readonly count: number;
}

/**
 * Scripts written without spaces between words: a term is found anywhere in the text, since
 * there is no word boundary to anchor it to. Han, Hiragana/Katakana, Hangul is spaced and so
 * is not here; Thai, Lao, Khmer, Burmese and Tibetan (which separates syllables, not words).
 */
const unspaced =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A rule's pattern: in spaced scripts, whole words only (no letter, mark or digit of any
 * script on either side), so "rebel" finds "rebel's" but not "rebellion". Case-insensitive;
 * the term is NFC-normalized like stored text, and any run of spaces in it matches any other.
 */
function patternFor(term: string): RegExp {
  const escaped = escapeRegExp(term.normalize("NFC")).replace(/\s+/g, "\\s+");
  if (unspaced.test(term)) return new RegExp(escaped, "giu");
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, "giu");
}

/**
 * Finds every house-style term in the given texts. Bounded by the settings schema (at most
 * 300 rules of 100 characters) and the story schema, so it runs in a few milliseconds even
 * on a 10,000-word story.
 */
export function checkHouseStyle(
  fields: readonly { readonly field: CheckedField; readonly text: string }[],
  rules: readonly HouseStyleRule[],
): HouseStyleMatch[] {
  const matches: HouseStyleMatch[] = [];
  for (const rule of rules) {
    const pattern = patternFor(rule.avoid);
    for (const { field, text } of fields) {
      pattern.lastIndex = 0;
      const count = text.match(pattern)?.length ?? 0;
      if (count > 0) matches.push({ rule, field, count });
    }
  }
  return matches;
}
