/**
 * Word and character counts the way a reader of the language would count them. Words come
 * from Intl.Segmenter (UAX #29 plus ICU's dictionaries), so Chinese, Thai, Lao, Khmer and
 * Burmese, written without spaces, are counted in words too; characters are grapheme
 * clusters (a Devanagari conjunct or an emoji with a skin tone is one), spaces included, as
 * editors count headline length.
 */
export interface TextCounts {
  readonly words: number;
  readonly characters: number;
}

const wordSegmenters = new Map<string, Intl.Segmenter>();
const graphemeSegmenter = new Intl.Segmenter("und", { granularity: "grapheme" });

function wordSegmenter(locale: string): Intl.Segmenter {
  let segmenter = wordSegmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: "word" });
    wordSegmenters.set(locale, segmenter);
  }
  return segmenter;
}

export function countWords(text: string, locale: string): number {
  let words = 0;
  for (const segment of wordSegmenter(locale).segment(text)) if (segment.isWordLike) words++;
  return words;
}

export function countCharacters(text: string): number {
  // ASCII has one grapheme per code unit; skip the segmenter for it (headline counters
  // update on every keystroke).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
  if (/^[\x00-\x7f]*$/.test(text)) return text.replace(/\r\n/g, "\n").length;
  let characters = 0;
  for (const _ of graphemeSegmenter.segment(text)) characters++;
  return characters;
}

export function countText(text: string, locale: string): TextCounts {
  return { words: countWords(text, locale), characters: countCharacters(text) };
}
