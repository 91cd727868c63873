import { describe, expect, it } from "vitest";
import { type LocaleTag, locales, localeTags } from "../../i18n/locale-registry.js";
import { scriptTypography } from "../../i18n/script-families.js";
import { readerStylesFor } from "./reader-styles.js";

const css = (tag: LocaleTag) => readerStylesFor(locales[tag]);

/** The declarations of the first rule whose selector is exactly `selector`. */
function rule(stylesheet: string, selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  return new RegExp(`(?:^|[}\\n])${escaped}\\{([^}]*)\\}`, "u").exec(stylesheet)?.[1] ?? "";
}

describe("the generated reader stylesheet", () => {
  it("sets the family's font stack, line heights and size scale as custom properties", () => {
    for (const tag of localeTags) {
      const type = scriptTypography[locales[tag].scriptFamily];
      const root = rule(css(tag), ":root");
      expect(root, tag).toContain(`--font:${type.fontStack};`);
      expect(root, tag).toContain(`--lh:${type.bodyLineHeight};`);
      expect(root, tag).toContain(`--lh-h:${type.headingLineHeight};`);
      expect(root, tag).toContain(`--scale:${type.sizeScale};`);
    }
    expect(rule(css("ur"), ":root")).toMatch(
      /^--font:"Noto Nastaliq Urdu", .*;--lh:2\.2;--lh-h:1\.8;/u,
    );
  });

  it("uses the properties for text, headings and the root size at every text size", () => {
    const en = css("en");
    expect(rule(en, "body")).toContain("line-height:var(--lh)");
    expect(rule(en, "body")).toContain("font-family:var(--font)");
    expect(rule(en, "h1,h2,h3")).toBe("line-height:var(--lh-h)");
    expect(rule(en, "html")).toContain("font-size:calc(100%*var(--ts)*var(--scale))");
    expect(en).toContain("html.ts-lg{--ts:1.1875}");
    // No fixed line height left anywhere that would override the family's.
    expect(en).not.toMatch(/line-height:[0-9]/u);
  });

  it("counts ordered lists in the locale's digits", () => {
    const listStyle = (tag: LocaleTag) => /--ol:([a-z-]+)/u.exec(css(tag))?.[1];
    expect(listStyle("fa")).toBe("persian");
    expect(listStyle("fa-AF")).toBe("persian");
    expect(listStyle("ckb")).toBe("arabic-indic");
    expect(listStyle("bn")).toBe("bengali");
    expect(listStyle("ne")).toBe("devanagari");
    expect(listStyle("my")).toBe("myanmar");
    expect(listStyle("km")).toBe("khmer");
    expect(listStyle("bo")).toBe("tibetan");
    // Western digits where the service prints them: Urdu, Arabic, Hindi, Thai.
    for (const tag of ["en", "ur", "ar", "hi", "th"] as const)
      expect(listStyle(tag), tag).toBe("decimal");
    expect(rule(css("en"), "ol")).toBe("list-style-type:var(--ol)");
  });

  it("never slants or letter-spaces a script that has no italic or no case", () => {
    for (const tag of localeTags) {
      const type = scriptTypography[locales[tag].scriptFamily];
      const sheet = css(tag);
      if (!type.italic) {
        expect(sheet, tag).not.toContain("italic");
        expect(rule(sheet, "em,i,cite,dfn,var,address"), tag).toBe("font-style:normal");
        expect(rule(sheet, "em,i"), tag).toBe("font-weight:700");
      }
      if (!type.caps) {
        expect(sheet, tag).not.toContain("letter-spacing");
        expect(sheet, tag).not.toContain("uppercase");
      }
    }
    expect(rule(css("en"), ".agency-note")).toContain("color:#4a4a4a");
    expect(css("en")).toContain(".agency-note{font-style:italic}");
    expect(css("ru")).toContain(".breaking strong{letter-spacing:.04em}");
  });

  it("lets the header wrap and the search field shrink", () => {
    const en = css("en");
    expect(rule(en, ".bar")).toContain("flex-wrap:wrap");
    expect(rule(en, ".bar search")).toContain("min-inline-size:0");
    expect(rule(en, ".search input")).toContain("min-inline-size:0");
    expect(rule(en, ".ts")).toContain("flex-wrap:wrap");
    expect(rule(en, "body")).toContain("overflow-wrap:anywhere");
  });

  it("is a well-formed, light stylesheet with nothing to download", () => {
    for (const tag of localeTags) {
      const sheet = css(tag);
      expect(sheet.split("{").length, tag).toBe(sheet.split("}").length);
      expect(sheet, tag).not.toMatch(/undefined|NaN|url\(|@import|@font-face/u);
      // The story page's 50 KB budget leaves the stylesheet well under 8 KB.
      expect(new TextEncoder().encode(sheet).length, tag).toBeLessThan(8 * 1024);
    }
  });
});
