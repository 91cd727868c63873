import { describe, expect, it } from "vitest";
import { captionInLanguage } from "./caption-language.js";

describe("captionInLanguage", () => {
  const captions = [{ lang: "en-GB" }, { lang: "fa" }, { lang: "sr-Latn" }, { lang: "EN" }];

  it("prefers the same tag, compared without case", () => {
    expect(captionInLanguage(captions, "en")).toEqual({ lang: "EN" });
    expect(captionInLanguage(captions, "sr-latn")).toEqual({ lang: "sr-Latn" });
  });

  it("falls back to the same primary language", () => {
    expect(captionInLanguage(captions, "fa-IR")).toEqual({ lang: "fa" });
    expect(captionInLanguage(captions, "sr-Cyrl")).toEqual({ lang: "sr-Latn" });
    expect(captionInLanguage([{ lang: "en-GB" }], "en")).toEqual({ lang: "en-GB" });
  });

  it("never takes another language", () => {
    expect(captionInLanguage(captions, "ar")).toBeUndefined();
    expect(captionInLanguage([], "en")).toBeUndefined();
  });
});
