import { describe, expect, it } from "vitest";
import { foldForSearch, searchTerms } from "./search-text.js";
import { slugify } from "./story-slug.js";

describe("slugify", () => {
  it("makes readable slugs in any script", () => {
    expect(slugify("Aid Convoys Stall at Border as Port Talks Break Down")).toBe(
      "aid-convoys-stall-at-border-as-port-talks-break-down",
    );
    expect(slugify("Syria's “cease-fire”: 70%?")).toBe("syrias-cease-fire-70");
    expect(slugify("کاروان‌های کمک در مرز")).toBe("کاروان-های-کمک-در-مرز");
    expect(slugify("Гуманитарные конвои")).toBe("гуманитарные-конвои");
    expect(slugify("!!!")).toBe("story");
  });

  it("cuts at a word boundary", () => {
    const slug = slugify("word ".repeat(40), 20);
    expect(slug).toBe("word-word-word-word");
  });
});

describe("search folding", () => {
  it("folds Latin and Cyrillic diacritics and case", () => {
    expect(foldForSearch("Hélène DUPRÉ")).toBe("helene dupre");
    expect(foldForSearch("Ёлка")).toBe("елка");
  });

  it("unifies Arabic-script letter variants, tatweel, harakat and digits", () => {
    expect(foldForSearch("كتاب")).toBe(foldForSearch("کتاب"));
    expect(foldForSearch("علي")).toBe(foldForSearch("علی"));
    expect(foldForSearch("كـتـاب")).toBe(foldForSearch("کتاب"));
    expect(foldForSearch("مُحَمَّد")).toBe(foldForSearch("محمد"));
    expect(foldForSearch("۱۴۰۵ ١٤٠٥ 1405")).toBe("1405 1405 1405");
  });

  it("keeps Indic vowel signs and Hangul syllables intact", () => {
    expect(foldForSearch("केन्द्र")).toBe("केन्द्र");
    expect(foldForSearch("한국어")).toBe("한국어");
  });

  it("splits queries into at most eight terms", () => {
    expect(searchTerms("  a  b c d e f g h i j ")).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
      "f",
      "g",
      "h",
    ]);
  });
});
