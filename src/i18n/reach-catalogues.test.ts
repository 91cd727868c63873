import { describe, expect, it } from "vitest";
import { localeTags } from "./locale-registry.js";
import { reachCatalogues, reachTranslatorFor } from "./reach-catalogues.js";
import { type ReachMessageKey, reachEn } from "./reach-messages.js";

const keys = Object.keys(reachEn) as ReachMessageKey[];
const placeholders = (message: string) =>
  [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("reach catalogues", () => {
  it.each(localeTags)("%s has every key, the English placeholders, and no English left", (tag) => {
    const catalogue = reachCatalogues[tag];
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect({ key, placeholders: placeholders(catalogue[key]) }).toEqual({
        key,
        placeholders: placeholders(reachEn[key].message),
      });
    }
    if (tag === "en") return;
    const english = keys.filter((key) => catalogue[key] === reachEn[key].message);
    expect({ tag, english }).toEqual({ tag, english: [] });
  });

  it("formats in the reader's language, values in place", () => {
    expect(reachTranslatorFor("fa")("reach.viaMirror", { host: "news.example.net" })).toBe(
      "شما این صفحه را از راه نشانی آینهٔ news.example.net می‌خوانید.",
    );
    expect(reachTranslatorFor("en")("reach.intro", { service: "Meridian News" })).toBe(
      "If Meridian News is blocked where you are, you can also read it at these addresses. They carry the same stories.",
    );
  });
});
