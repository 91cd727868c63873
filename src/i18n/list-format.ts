/**
 * The two catalogue patterns a list is built from where ICU has no list data for a
 * language: `pair` joins the last two items ("{first} and {last}"), `more` puts one item
 * before the rest ("{first}, {next}"), each with the language's own punctuation.
 */
export interface ListPatterns {
  pair(first: string, last: string): string;
  more(first: string, next: string): string;
}

/**
 * Joins items as a conjunction list in the language of `tag` (a BCP 47 tag): Persian
 * "الف، ب و پ", Chinese "甲、乙和丙", Amharic "ሀ፣ ለ እና ሐ". ICU's CLDR list patterns
 * (UTS #35 part 2, "List Patterns") are used whenever ICU has data for the language; ICU
 * otherwise answers in English ("A, B, and C"), so the catalogue's patterns build the list
 * instead. Every place that joins names, agencies or topics for readers goes through this,
 * never through a hard-coded ", ".
 */
export function conjunctionList(
  tag: string,
  intlTag: string,
  fallback: ListPatterns,
): (items: readonly string[]) => string {
  const hasListData = Intl.ListFormat.supportedLocalesOf(tag).length > 0;
  const listFormat = new Intl.ListFormat(intlTag, { type: "conjunction", style: "long" });
  return (items) => {
    if (hasListData) return listFormat.format(items);
    const last = items.at(-1);
    if (last === undefined) return "";
    const beforeLast = items.at(-2);
    if (beforeLast === undefined) return last;
    let joined = fallback.pair(beforeLast, last);
    for (let i = items.length - 3; i >= 0; i -= 1) joined = fallback.more(items[i] ?? "", joined);
    return joined;
  };
}
