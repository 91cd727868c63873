import { describe, expect, it } from "vitest";
import { localeTags } from "./locale-registry.js";
import { serbianHtmlToLatin, serbianToLatin, transliteration } from "./serbian-script.js";

describe("serbianHtmlToLatin", () => {
  it("transliterates Serbian text and attribute values", () => {
    expect(serbianHtmlToLatin('<p title="Вести">Љубиша из Ниша</p>')).toBe(
      '<p title="Vesti">Ljubiša iz Niša</p>',
    );
  });

  it("leaves every element marked as another language in its own script", () => {
    const html =
      '<ul><li><a lang="ru" dir="ltr">Русский</a></li><li><a lang="mk">Македонски</a></li>' +
      '<li><a lang="sr-Cyrl">Српски <b>(ћирилица)</b></a></li><li><a lang="sr-Latn">Српски</a></li></ul>';
    expect(serbianHtmlToLatin(html)).toBe(
      '<ul><li><a lang="ru" dir="ltr">Русский</a></li><li><a lang="mk">Македонски</a></li>' +
        '<li><a lang="sr-Cyrl">Српски <b>(ћирилица)</b></a></li><li><a lang="sr-Latn">Srpski</a></li></ul>',
    );
  });

  it("transliterates after a protected element closes, nested same-name elements included", () => {
    expect(serbianHtmlToLatin('<span lang="uk">Мови <span>Київ</span></span> Београд')).toBe(
      '<span lang="uk">Мови <span>Київ</span></span> Beograd',
    );
  });
});

describe("transliteration", () => {
  it("converts Serbian Cyrillic to Latin and leaves a script alone when it is the source", () => {
    expect(transliteration("sr-Cyrl", "sr-Latn")("Ђорђе")).toBe(serbianToLatin("Ђорђе"));
    expect(transliteration("sr-Cyrl", "sr-Latn")("Ђорђе")).toBe("Đorđe");
    expect(transliteration("sr-Cyrl", "sr-Cyrl")("Ђорђе")).toBe("Ђорђе");
    expect(transliteration("ru", "ru")("Русский")).toBe("Русский");
  });

  it("refuses a pair it cannot convert, rather than serving the wrong script", () => {
    for (const tag of localeTags.filter((t) => t !== "sr-Latn" && t !== "sr-Cyrl")) {
      expect(() => transliteration("sr-Cyrl", tag)).toThrow();
    }
    expect(() => transliteration("sr-Latn", "sr-Cyrl")).toThrow();
  });
});
