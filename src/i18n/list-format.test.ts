import { describe, expect, it } from "vitest";
import { conjunctionList } from "./list-format.js";
import { catalogues, createTranslator } from "./message-catalogue.js";

describe("conjunction lists in the reader's language", () => {
  // Expected values are the languages' own conventions (CLDR list patterns), written out.
  it.each([
    [
      "en",
      ["Lena Okafor", "Tomás Reyes", "Meridian News"],
      "Lena Okafor, Tomás Reyes, and Meridian News",
    ],
    [
      "fa",
      ["نسرین احمدی", "کاوه راد", "مریدین فارسی"],
      "نسرین احمدی،\u200f کاوه راد، و مریدین فارسی",
    ],
    ["ar", ["سلمى ناصر", "كريم عادل", "ميريديان عربي"], "سلمى ناصر وكريم عادل وميريديان عربي"],
    ["zh-Hans", ["李文", "王芳", "子午线新闻"], "李文、王芳和子午线新闻"],
    ["am", ["ሰላም ተስፋዬ", "ዮሐንስ በቀለ", "ሜሪዲያን አማርኛ"], "ሰላም ተስፋዬ፣ ዮሐንስ በቀለ እና ሜሪዲያን አማርኛ"],
    ["ur", ["عائشہ ملک", "بلال احمد", "میریڈین اردو"], "عائشہ ملک، بلال احمد، اور میریڈین اردو"],
  ] as const)("joins three names in %s", (tag, items, expected) => {
    expect(createTranslator(tag).list(items)).toBe(expected);
  });

  it.each([
    ["en", "AFP and Reuters"],
    ["fa", "AFP و Reuters"],
    ["zh-Hans", "AFP和Reuters"],
    ["am", "AFP እና Reuters"],
    ["ur", "AFP اور Reuters"],
  ] as const)("joins two names in %s without a list comma", (tag, expected) => {
    expect(createTranslator(tag).list(["AFP", "Reuters"])).toBe(expected);
  });

  it("leaves one item alone and makes nothing of none", () => {
    expect(createTranslator("fa").list(["AFP"])).toBe("AFP");
    expect(createTranslator("fa").list([])).toBe("");
  });

  it("builds the list from the catalogue's patterns where ICU has no list data", () => {
    // Sorani Kurdish: ICU would answer "A, B, and C" in English.
    expect(Intl.ListFormat.supportedLocalesOf("ckb")).toEqual([]);
    expect(catalogues.ckb["list.more"]).toBe("{first}، {next}");
    expect(createTranslator("ckb").list(["ئەلف", "بێ", "پێ", "تێ"])).toBe("ئەلف، بێ، پێ و تێ");
    expect(createTranslator("bo").list(["ཀ", "ཁ", "ག"])).toBe("ཀ། ཁ དང་ ག");
    expect(createTranslator("om").list(["A", "B", "C"])).toBe("A, B fi C");
  });

  it("uses ICU whenever it has data, never the fallback patterns", () => {
    const join = conjunctionList("fa", "fa", {
      pair: () => "pair",
      more: () => "more",
    });
    expect(join(["الف", "ب", "پ"])).toBe(new Intl.ListFormat("fa").format(["الف", "ب", "پ"]));
  });

  it("nests the fallback patterns from the end of the list", () => {
    const join = conjunctionList("xx", "en", {
      pair: (first, last) => `(${first} & ${last})`,
      more: (first, next) => `[${first} ; ${next}]`,
    });
    expect(Intl.ListFormat.supportedLocalesOf("xx")).toEqual([]);
    expect(join(["a", "b", "c", "d"])).toBe("[a ; [b ; (c & d)]]");
    expect(join(["a", "b"])).toBe("(a & b)");
    expect(join(["a"])).toBe("a");
  });
});
