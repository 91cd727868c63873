/**
 * `text` cut to at most `max` characters, the last one an ellipsis when anything was cut.
 * Characters are code points, so a cut never splits a surrogate pair (an emoji, a CJK
 * extension ideograph). Walks the string in place: headlines and labels are cut on every
 * cache-miss render, and spreading the text into an array of one-character strings made
 * these the largest allocation of a live page's render after Preact itself.
 */
export function truncateText(text: string, max: number): string {
  // Text of at most `max` UTF-16 units has at most `max` code points.
  if (text.length <= max) return text;
  let codePoints = 0;
  let cut = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A low surrogate after a high one belongs to the same code point.
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    if (codePoints === max - 1) cut = i;
    codePoints++;
    if (codePoints > max) return `${text.slice(0, cut)}…`;
  }
  return text;
}
