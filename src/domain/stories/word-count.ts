import { bodyPlainText, type StoryBody } from "./story-body-schema.js";

// One segmenter for every language: ICU's word rules find words in scripts written without
// spaces (Chinese, Thai) as well as in Latin, Arabic or Cyrillic text.
const words = new Intl.Segmenter(undefined, { granularity: "word" });

/** Words in a text as ICU segments them (punctuation and spaces are not words). */
function countWords(text: string): number {
  let count = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike) count++;
  return count;
}

/** The words of a story's body (paragraphs, headings, quotes, lists and captions). */
export function bodyWordCount(body: StoryBody): number {
  return countWords(bodyPlainText(body));
}
