import { h } from "preact";
import { describe, expect, it } from "vitest";
import { type LocaleTag, locales, localeTags } from "../../i18n/locale-registry.js";
import { scriptTypography } from "../../i18n/script-families.js";
import { renderHtml } from "../render-html.js";
import { fillStyleSlot, livePostClasses, readerStylesFor, styleSlot } from "./reader-styles.js";

/** A page's stylesheet once its rules are in: the slot filled for the given markup. */
function sheetFor(tag: LocaleTag, body: string): string {
  const page = fillStyleSlot(`<style>${readerStylesFor(locales[tag])}</style>${body}`);
  return page.slice("<style>".length, page.indexOf("</style>"));
}

/** Every class a story page can carry, chrome included. */
const storyPageClasses =
  "skip site-head wrap bar brand search ts ts-label ts-options nav breaking story kicker " +
  "standfirst meta tag-updated live-badge is-live byline role update-note story-body " +
  "story-embed dateline contributors credit desk-card desk-mark agency-note corrections " +
  "topics cards card languages site-foot picker reach-links mirror vh";
const css = (tag: LocaleTag) => sheetFor(tag, `<p class="${storyPageClasses}"></p>`);

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
      // The story page's 50 KB budget leaves its stylesheet well under 8 KB.
      expect(new TextEncoder().encode(sheet).length, tag).toBeLessThan(8 * 1024);
    }
  });
});

describe("each page's rules", () => {
  const home = '<main class="wrap"><div class="top-story"><h2 class="x"></h2></div></main>';

  it("carries only rules whose classes are on the page", () => {
    const sheet = sheetFor("en", home);
    expect(sheet).toContain(".top-story{display:grid");
    expect(sheet).toContain("@media (min-width:48rem){.top-story{grid-template-columns:3fr 2fr");
    expect(sheet).toContain("body{margin:0;");
    for (const unused of [".corrections", ".desk-card", ".schedule", ".post{", ".languages"])
      expect(sheet).not.toContain(unused);
    // A media block whose rules are all unused goes with them.
    expect(sheetFor("en", '<p class="wrap"></p>')).not.toContain("@media");
    // A compound selector needs all its classes: .top-story.text-only is not in `home`.
    expect(sheet).not.toContain(".top-story.text-only");
    expect(sheetFor("en", '<p class="top-story text-only"></p>')).toContain(
      ".top-story.text-only{grid-template-columns:1fr",
    );
  });

  it("keeps what scripts add after load: the breaking bar, text sizes and live posts", () => {
    const sheet = sheetFor("en", home);
    expect(sheet).toContain(".breaking{background:#b00020");
    expect(sheet).toContain("html.ts-lg{--ts:1.1875}");
    // A live page's stream (class "posts") receives posts of any shape over SSE.
    const live = sheetFor("en", '<section class="posts"></section>');
    for (const name of livePostClasses) expect(live, name).toContain(`.${name}`);
  });

  it("fills the head's slot only, whatever the page's text says", () => {
    // A headline that spells the slot comes before the stylesheet, in <title>; Preact escapes it.
    const page = renderHtml(
      h("html", null, [
        h("head", null, [
          h("title", null, styleSlot),
          h("style", { dangerouslySetInnerHTML: { __html: readerStylesFor(locales.en) } }),
        ]),
        h("body", null, h("p", { class: "card", title: styleSlot }, styleSlot)),
      ]),
    );
    expect(page).not.toContain(styleSlot);
    expect(page.match(/&lt;!--nd:rules-->/g)).toHaveLength(3);
    expect(page).toMatch(/<style>:root\{[^<]*\.card h2\{/);
  });
});
