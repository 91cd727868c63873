import { serbianToLatin } from "../../i18n/serbian-script.js";
import { foldText } from "./search-folding.js";

/** Text split into plain and highlighted parts; the renderer decides the markup (<mark>). */
export type HighlightedText = readonly { readonly text: string; readonly match: boolean }[];

/**
 * Folded form of one code point, memoized: folding runs the whole foldText pipeline (NFKD,
 * lowercasing, several replacements), and snippets fold every character of 20 bodies per
 * search page, which cost more than the search itself. Bounded; a text has few distinct
 * characters.
 */
const foldedChars = new Map<string, string>();
const maxFoldedChars = 20_000;

function foldChar(ch: string, transliterate: boolean): string {
  // A single code point never starts with "\u0000t", so the two key spaces do not overlap.
  const key = transliterate ? `\u0000t${ch}` : ch;
  let folded = foldedChars.get(key);
  if (folded === undefined) {
    folded = /\s/u.test(ch) ? " " : foldText(transliterate ? serbianToLatin(ch) : ch);
    if (foldedChars.size < maxFoldedChars) foldedChars.set(key, folded);
  }
  return folded;
}

/**
 * Folds text one code point at a time, remembering where each folded character came from,
 * so matches found in folded text ("helene") map back to the original ("Hélène").
 */
function foldWithOffsets(text: string, transliterate: boolean) {
  let folded = "";
  // For each folded UTF-16 unit: where its source character starts and ends.
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch, transliterate);
    for (let i = 0; i < f.length; i += 1) {
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    folded += f;
    offset += ch.length;
  }
  return { folded, starts, ends };
}

/** Ranges [start, end) of the original text that match any term, merged and sorted. */
export function matchRanges(
  text: string,
  terms: readonly string[],
  options: { transliterate?: boolean } = {},
): [number, number][] {
  const transliterate = options.transliterate ?? false;
  const { folded, starts, ends } = foldWithOffsets(text, transliterate);
  const needles = [
    ...new Set(terms.flatMap((t) => (transliterate ? [t, foldText(serbianToLatin(t))] : [t]))),
  ].filter((t) => t.length > 0);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    let from = folded.indexOf(needle);
    while (from !== -1) {
      // From the first matched character's start to the last one's end: characters that
      // fold to nothing (ZWNJ, tatweel) around a match stay outside the highlight.
      const start = starts[from] ?? 0;
      const end = ends[from + needle.length - 1] ?? text.length;
      ranges.push([start, end]);
      from = folded.indexOf(needle, from + needle.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export function highlight(
  text: string,
  ranges: readonly (readonly [number, number])[],
): HighlightedText {
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

/**
 * A window of about `length` characters of the body around the first match, with every
 * match in it highlighted; the start of the body when only the headline matched.
 */
export function snippet(
  body: string,
  terms: readonly string[],
  options: { transliterate?: boolean; length?: number } = {},
): HighlightedText {
  const length = options.length ?? 200;
  const ranges = matchRanges(body, terms, options);
  const first = ranges[0];
  let start = 0;
  if (first && first[0] > length / 3) {
    start = first[0] - Math.floor(length / 3);
    // Start at a word boundary when the script has spaces.
    const space = body.lastIndexOf(" ", first[0]);
    if (space > start - 20 && space < first[0]) start = space + 1;
  }
  // Never split a surrogate pair.
  if (start > 0 && /[\udc00-\udfff]/u.test(body.charAt(start))) start -= 1;
  let end = Math.min(body.length, start + length);
  if (end < body.length && /[\udc00-\udfff]/u.test(body.charAt(end))) end += 1;
  const window = body.slice(start, end).replace(/\s+/gu, " ");
  const inWindow = matchRanges(window, terms, options);
  const parts = [...highlight(window, inWindow)];
  if (start > 0) parts.unshift({ text: "… ", match: false });
  if (end < body.length) parts.push({ text: " …", match: false });
  return parts;
}
