import { describe, expect, it } from "vitest";
import { foldText } from "./search-folding.js";
import {
  indexTextFor,
  maxStemmedWordsPerText,
  queryForms,
  stemmedIndexText,
  wordForms,
} from "./search-stemming.js";

describe("wordForms", () => {
  it.each([
    ["en", "rivers", "river"],
    ["ru", "реки", "рек"],
    ["es", "inundaciones", "inund"],
    ["fr", "rivières", "rivi"],
    ["tr", "nehirler", "nehir"],
    ["ar", "الانتخابات", "انتخاب"],
    ["fa", "کتاب‌ها", "کتاب"],
  ] as const)("%s: %s → %s", (language, word, stem) => {
    expect(wordForms(word, language)).toContain(stem);
  });

  it("lowercases Turkish dotted and dotless i as two letters", () => {
    expect(wordForms("IRMAKLAR", "tr")).toContain("ırmak");
    expect(wordForms("İSTANBUL", "tr")).toContain("istanbul");
  });

  it("keeps the stem of the written word and of its folded spelling when they differ", () => {
    // "новый" folds to "новыи", which is not an adjective ending the stemmer knows.
    expect(wordForms("новый", "ru")).toContain("нов");
    expect(wordForms("новые", "ru")).toEqual(["нов"]);
  });

  it("folds but does not stem words longer than a word can be", () => {
    const long = "Ab".repeat(100);
    expect(wordForms(long, "en")).toEqual([foldText(long)]);
  });
});

describe("stemmedIndexText", () => {
  it("splits at apostrophes and hyphens as the full-text tokenizers do", () => {
    expect(stemmedIndexText("l'élection", "fr")).toBe("l elect");
  });

  it("stems a bounded number of distinct words per text and folds the rest", () => {
    const words = Array.from({ length: maxStemmedWordsPerText + 3 }, (_, i) => `floods${i}x`);
    words.push("flooding");
    const indexed = stemmedIndexText(words.join(" "), "en").split(" ");
    // Past the bound, a new word is indexed as written (folded), not stemmed.
    expect(indexed.at(-1)).toBe("flooding");
    expect(stemmedIndexText("flooding", "en")).toBe("flood");
  });
});

describe("indexTextFor and queryForms", () => {
  it("indexes Serbian Cyrillic so either script finds it", () => {
    const indexed = indexTextFor("sr", "Београд");
    for (const query of ["Београд", "beograd"]) {
      const [forms] = queryForms([query], "sr");
      expect(forms?.some((f) => indexed.split(" ").some((w) => w.startsWith(f)))).toBe(true);
    }
  });

  it("leaves languages without a stemmer as folding alone left them", () => {
    expect(indexTextFor("uk", "Річки Київщини")).toBe(foldText("Річки Київщини"));
    expect(queryForms(["Річки"], "uk")).toEqual([[foldText("Річки")]]);
    expect(indexTextFor("th", "กรุงเทพมหานคร")).toBe(foldText("กรุงเทพมหานคร"));
  });

  it("bounds the number of word lists a query becomes", () => {
    expect(queryForms(["a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s"], "en")).toHaveLength(16);
  });
});
