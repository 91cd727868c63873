import { type ServiceId, services } from "../services/service-registry.js";
import { foldText } from "./search-folding.js";
import { queryForms, stemmedMatchRanges, stemmerOf } from "./search-stemming.js";

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

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    folded = /\s/u.test(ch) ? " " : foldText(ch);
    if (foldedChars.size < maxFoldedChars) foldedChars.set(ch, folded);
  }
  return folded;
}

/**
 * Folds text one code point at a time, remembering where each folded character came from,
 * so matches found in folded text ("helene") map back to the original ("Hélène").
 */
function foldWithOffsets(text: string) {
  let folded = "";
  // For each folded UTF-16 unit: where its source character starts and ends.
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let i = 0; i < f.length; i += 1) {
      starts.push(offset);
      ends.push(offset + ch.length);
    }
    folded += f;
    offset += ch.length;
  }
  return { folded, starts, ends };
}

/**
 * Ranges [start, end) of the original text that match the query in a service, merged and
 * sorted, as search matched them: in languages with a stemmer, whole words one of whose
 * forms starts with a query form ("rivers" highlights "river" and "River's"); elsewhere,
 * the folded terms wherever they occur.
 */
export function matchRanges(
  text: string,
  terms: readonly string[],
  serviceId: ServiceId,
): [number, number][] {
  const forms = queryForms(terms, serviceId).flat();
  const ranges =
    stemmerOf(serviceId) === null
      ? substringRanges(text, forms)
      : stemmedMatchRanges(text, forms, serviceId);
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Where the folded needles occur in the text, mapped back to the original characters. */
function substringRanges(text: string, needles: readonly string[]): [number, number][] {
  const { folded, starts, ends } = foldWithOffsets(text);
  const ranges: [number, number][] = [];
  for (const needle of new Set(needles)) {
    if (needle.length === 0) continue;
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
  return ranges;
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

/** How far a cut may move to reach a word boundary before it falls back to a grapheme. */
const maxWordReach = 24;
/** Snippets look for the first match in this much of the body only (bounded work). */
const maxSnippetScan = 20_000;

/**
 * A cut point at or before `index` that splits no word: the start of the word containing
 * it (UAX #29 word boundaries through Intl.Segmenter, with the dictionaries ICU uses for
 * Thai, Lao, Khmer, Burmese and Chinese, which write no spaces), or, inside a "word" longer
 * than `maxWordReach`, the start of the grapheme cluster there, so no letter loses its
 * marks. Only a window around `index` is segmented: segmenting is not cheap.
 */
function cutBefore(text: string, index: number, locale: string): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  // The slice starts well before the reach, so segmentation is back in step (a cluster or
  // word cut by the slice's own start) by the time it reaches the words near `index`.
  const from = Math.max(0, index - 4 * maxWordReach);
  const around = text.slice(from, Math.min(text.length, index + maxWordReach + 1));
  const at = index - from;
  const word = new Intl.Segmenter(locale, { granularity: "word" }).segment(around).containing(at);
  if (word && at - word.index <= maxWordReach && (word.index > 0 || from === 0)) {
    return from + word.index;
  }
  const grapheme = new Intl.Segmenter(locale, { granularity: "grapheme" })
    .segment(around)
    .containing(at);
  return from + (grapheme?.index ?? at);
}

/**
 * A window of about `length` characters of the body around the first match, with every
 * match in it highlighted; the start of the body when only the headline matched. Both
 * ends are cut at word boundaries, or grapheme boundaries inside very long words, never
 * mid-word (cutBefore).
 */
export function snippet(
  body: string,
  terms: readonly string[],
  serviceId: ServiceId,
  options: { length?: number } = {},
): HighlightedText {
  const length = options.length ?? 200;
  const locale = services[serviceId].sourceLocale;
  const first = matchRanges(body.slice(0, maxSnippetScan), terms, serviceId)[0];
  let start = 0;
  if (first && first[0] > length / 3)
    start = cutBefore(body, first[0] - Math.floor(length / 3), locale);
  let end = cutBefore(body, start + length, locale);
  // A single word longer than the window: cut it at a grapheme rather than show nothing.
  if (end <= start) end = Math.min(body.length, start + length);
  const window = body.slice(start, end).replace(/\s+/gu, " ");
  const inWindow = matchRanges(window, terms, serviceId);
  const parts = [...highlight(window, inWindow)];
  if (start > 0) parts.unshift({ text: "… ", match: false });
  if (end < body.length) parts.push({ text: " …", match: false });
  return parts;
}
