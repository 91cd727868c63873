import { describe, expect, it } from "vitest";
import { type LocaleTag, locales, localeTags, type ScriptCode } from "./locale-registry.js";
import { type ScriptFamily, scriptFamilies, scriptTypography } from "./script-families.js";

/**
 * Which families may set each ISO 15924 script: an oracle written from the scripts
 * themselves, independent of the registry's choices.
 */
const familiesForScript: Record<ScriptCode, readonly ScriptFamily[]> = {
  Latn: ["latin"],
  Cyrl: ["cyrillic"],
  Armn: ["armenian"],
  Geor: ["georgian"],
  Arab: ["arabic-naskh", "urdu-nastaliq", "persian"],
  Ethi: ["ethiopic"],
  Deva: ["devanagari"],
  Beng: ["bengali"],
  Thai: ["thai-lao"],
  Laoo: ["thai-lao"],
  Khmr: ["khmer"],
  Mymr: ["burmese"],
  Tibt: ["tibetan"],
  Hans: ["cjk-simplified"],
  Hant: ["cjk-traditional", "cjk-hong-kong"],
  Kore: ["cjk-korean"],
};

describe("script families in the locale registry", () => {
  it("maps each locale to a family that writes its script", () => {
    for (const tag of localeTags) {
      const { script, scriptFamily } = locales[tag];
      expect(familiesForScript[script], tag).toContain(scriptFamily);
    }
  });

  it("sets Urdu in Nastaliq, Persian, Dari and Pashto as Persian, Arabic and Sorani in Naskh", () => {
    const family = (tag: LocaleTag) => locales[tag].scriptFamily;
    expect(family("ur")).toBe("urdu-nastaliq");
    expect(["fa", "fa-AF", "ps"].map((t) => family(t as LocaleTag))).toEqual([
      "persian",
      "persian",
      "persian",
    ]);
    expect([family("ar"), family("ckb")]).toEqual(["arabic-naskh", "arabic-naskh"]);
    // Hong Kong letterforms for Cantonese, Taiwan's for Traditional Chinese.
    expect([family("yue"), family("zh-Hant")]).toEqual(["cjk-hong-kong", "cjk-traditional"]);
    // Serbian's two scripts get two families.
    expect([family("sr-Latn"), family("sr-Cyrl")]).toEqual(["latin", "cyrillic"]);
  });

  it("has a table entry for every family, and none for an unknown one", () => {
    expect(Object.keys(scriptTypography).sort()).toEqual([...scriptFamilies].sort());
  });

  it("gives Nastaliq and Burmese generous leading: at least 1.8 for text and 1.5 for headings", () => {
    for (const family of ["urdu-nastaliq", "burmese"] as const) {
      expect(scriptTypography[family].bodyLineHeight, family).toBeGreaterThanOrEqual(1.8);
      expect(scriptTypography[family].headingLineHeight, family).toBeGreaterThanOrEqual(1.5);
    }
  });

  it("keeps every family's settings in a readable range", () => {
    for (const family of scriptFamilies) {
      const type = scriptTypography[family];
      expect(type.bodyLineHeight, family).toBeGreaterThanOrEqual(1.5);
      expect(type.bodyLineHeight, family).toBeLessThanOrEqual(2.4);
      expect(type.headingLineHeight, family).toBeGreaterThanOrEqual(1.2);
      // Headlines are set larger, so they need less leading than running text.
      expect(type.headingLineHeight, family).toBeLessThan(type.bodyLineHeight);
      expect(type.sizeScale, family).toBeGreaterThanOrEqual(1);
      expect(type.sizeScale, family).toBeLessThanOrEqual(1.25);
    }
  });

  it("allows italic only where the script has one, and capitals only where it has case", () => {
    const italic = scriptFamilies.filter((f) => scriptTypography[f].italic);
    expect(italic).toEqual(["latin", "cyrillic"]);
    const caps = scriptFamilies.filter((f) => scriptTypography[f].caps);
    expect(caps).toEqual(["latin", "cyrillic", "armenian"]);
  });

  it("names system fonts only, ending with a generic family", () => {
    for (const family of scriptFamilies) {
      const { fontStack } = scriptTypography[family];
      expect(fontStack, family).toMatch(/, (sans-serif|serif)$/u);
      expect(fontStack, family).not.toMatch(/url\(|https?:|[;{}<]/u);
    }
  });
});
