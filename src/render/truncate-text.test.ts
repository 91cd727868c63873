import { describe, expect, it } from "vitest";
import { truncateText } from "./truncate-text.js";

/** The plain definition: code points spread into an array. */
const byArray = (text: string, max: number) => {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
};

describe("truncateText", () => {
  it("keeps text at or under the limit as it is", () => {
    expect(truncateText("", 5)).toBe("");
    expect(truncateText("abcde", 5)).toBe("abcde");
    expect(truncateText("😀😀😀😀😀", 5)).toBe("😀😀😀😀😀");
  });

  it("cuts to max characters, the last an ellipsis", () => {
    expect(truncateText("abcdef", 5)).toBe("abcd…");
    expect(truncateText("خبرهای امروز", 6)).toBe("خبرها…");
  });

  it("counts astral characters as one and never splits a pair", () => {
    expect(truncateText("😀😀😀😀😀😀", 5)).toBe("😀😀😀😀…");
    expect(truncateText("a𠀀b𠀀c𠀀d", 4)).toBe("a𠀀b…");
  });

  it("treats lone surrogates as characters of their own", () => {
    expect(truncateText("\udc00\udc00\udc00abc", 4)).toBe(byArray("\udc00\udc00\udc00abc", 4));
    expect(truncateText("\ud800\ud800\ud800abc", 4)).toBe(byArray("\ud800\ud800\ud800abc", 4));
  });

  it("agrees with the array definition on mixed text at every limit", () => {
    const samples = [
      "Kessara 😀 convoy 𠀀 port",
      "ab\ud83dcd\ude00ef😀",
      "a".repeat(30),
      "😀".repeat(12),
    ];
    for (const text of samples) {
      for (let max = 1; max <= 32; max++) expect(truncateText(text, max)).toBe(byArray(text, max));
    }
  });
});
