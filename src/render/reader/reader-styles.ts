import type { LocaleConfig, NumberingSystem } from "../../i18n/locale-registry.js";
import { type ScriptTypography, scriptTypography } from "../../i18n/script-families.js";

/**
 * The reader stylesheet, inlined in every page: one request less on slow networks. Each page
 * carries only the rules its markup uses (see `fillStyleSlot`), so a home page does not pay
 * for the story page's rules, nor an episode page for the schedule's. Only logical properties
 * (margin-inline-start, inset-inline-start…) so right-to-left layouts mirror by themselves.
 * Text size is set on <html> by class, so the XS–LG control works without JavaScript.
 *
 * Reflow (WCAG 2.2 SC 1.4.10): nothing may need horizontal scrolling at 320 CSS px. Flex
 * and grid children get `min-inline-size:0` so they may shrink below their content's
 * width, long words and addresses break anywhere (`overflow-wrap:anywhere` also lowers the
 * min-content size that flex and grid lay out with), the header bar wraps and its search
 * field shrinks, and embedded media never exceed their container.
 *
 * Script-specific settings come from the locale's script family as custom properties
 * (--font, --lh, --lh-h, --scale, --ol) and a few family rules appended at the end.
 */
const baseStyles = `
*,*::before,*::after{box-sizing:border-box}
html{--ts:1;font-size:calc(100%*var(--ts)*var(--scale));-webkit-text-size-adjust:100%;text-size-adjust:100%}
html.ts-xs{--ts:.875}html.ts-sm{--ts:.9375}html.ts-lg{--ts:1.1875}
body{margin:0;font-family:var(--font);line-height:var(--lh);color:#1a1a1a;background:#fff;overflow-wrap:anywhere}
h1,h2,h3{line-height:var(--lh-h)}
ol{list-style-type:var(--ol)}
a{color:#0b4f9c;text-underline-offset:.15em}
a:hover{color:#062d5a}
:focus-visible{outline:3px solid #f0a400;outline-offset:2px}
img{max-width:100%;height:auto;display:block}
video,iframe,embed,object,svg,canvas,table{max-width:100%}
pre{white-space:pre-wrap}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.skip{position:absolute;inset-inline-start:0;inset-block-start:0;z-index:10;margin:0;padding:0;list-style:none}
.skip a{position:absolute;inset-inline-start:-999em;padding:.75rem 1rem;background:#111;color:#fff;font-weight:700;white-space:nowrap}
.skip a:focus{inset-inline-start:0}
.wrap{max-width:64rem;margin-inline:auto;padding-inline:1rem}
.site-head{border-block-end:4px solid #0b4f9c}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 1.5rem;padding-block:.75rem}
.brand{font-weight:800;font-size:1.5rem;line-height:var(--lh-h);text-decoration:none;color:#0b2f5c;margin-inline-end:auto;min-inline-size:0}
.bar search{flex:1 1 14rem;min-inline-size:0;max-inline-size:24rem}
.search{display:flex;gap:.25rem}
.search input{font:inherit;padding:.35rem .5rem;border:1px solid #767676;border-radius:3px;flex:1 1 auto;inline-size:100%;min-inline-size:0}
button{font:inherit;cursor:pointer}
.search input,.bar button{line-height:var(--lh-h)}
.search button{flex:none;white-space:nowrap;padding:.35rem .75rem;border:1px solid #0b4f9c;background:#0b4f9c;color:#fff;border-radius:3px}
.ts{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem;margin:0;border:0;padding:0;min-inline-size:0}
.ts-label{font-size:.875rem;margin-inline-end:.25rem}
.ts-options{display:flex;flex-wrap:wrap;gap:.25rem;min-inline-size:0}
.ts button{white-space:nowrap;min-inline-size:2.75rem;min-block-size:2.75rem;border:1px solid #767676;background:#fff;color:#1a1a1a;border-radius:3px;font-weight:700}
.ts button[aria-pressed=true]{background:#1a1a1a;color:#fff;border-color:#1a1a1a}
.nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0 0 .5rem}
.nav a{text-decoration:none;font-weight:600;color:#1a1a1a;display:inline-block;padding-block:.25rem}
.nav a[aria-current]{border-block-end:3px solid #0b4f9c}
.breaking{background:#b00020;color:#fff}
.breaking .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;padding-block:.6rem}
.breaking strong{font-size:.875rem;background:#fff;color:#b00020;padding:.1rem .5rem;border-radius:2px}
.breaking a,.breaking span{color:#fff;font-weight:700}
main{display:block;padding-block:1.5rem 3rem}
main:focus{outline:none}
h1{font-size:clamp(1.75rem,4vw,2.5rem);margin:.25rem 0 .75rem}
h2{font-size:1.25rem}
.kicker{margin:0;font-weight:700;font-size:.875rem}
.kicker a{text-decoration:none}
.standfirst{font-size:1.2rem;color:#333;margin-block:0 1rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem;color:#4a4a4a;margin-block:.5rem}
.tag-updated{display:inline-block;background:#0b4f9c;color:#fff;font-weight:700;font-size:.8rem;padding:.1rem .5rem;border-radius:2px;margin-inline-end:.5rem}
.live-badge{display:inline-block;background:#4a4a4a;color:#fff;font-weight:700;font-size:.8rem;padding:.1rem .5rem;border-radius:2px;margin-inline-end:.5rem}.live-badge.is-live{background:#b3001b}
.byline{font-weight:600;margin-block:.25rem}
.byline .role{font-weight:400;color:#4a4a4a}
.update-note{border-inline-start:4px solid #0b4f9c;padding-inline-start:.75rem;color:#333}
.story{max-width:44rem}
.story-body{font-size:1.125rem}
.story-body p,.story-body ul,.story-body ol{margin-block:0 1.1rem}
.story-body .story-embed{border-inline-start:4px solid #0b4f9c;background:#f7f7f7;padding:.75rem 1rem;font-weight:700}
.dateline{font-weight:700}
blockquote{margin:1.5rem 0;padding-inline-start:1rem;border-inline-start:4px solid #ccc;font-size:1.2rem}
blockquote p{margin:0}
blockquote footer{font-size:1rem;color:#4a4a4a;margin-block-start:.25rem}
figure{margin:1.5rem 0}
figure img{inline-size:100%}
.contributors{list-style:none;padding:0;margin-block:1.5rem 0;font-size:.95rem}
figcaption{font-size:.9rem;color:#4a4a4a;padding-block-start:.4rem;border-block-end:1px solid #ddd;padding-block-end:.4rem}
.credit{display:block;font-size:.8rem;color:#595959;margin-block-start:.15rem}
.desk-card{display:flex;gap:1rem;align-items:flex-start;border:1px solid #ddd;border-radius:4px;padding:1rem;margin-block:2rem 1rem;background:#f7f7f7}
.desk-card h2{margin:0 0 .25rem;font-size:1.1rem}
.desk-card p{margin:0;font-size:.95rem}
.desk-card>div{min-inline-size:0}
.desk-mark{flex:none;inline-size:3rem;block-size:3rem;border-radius:50%;background:#0b2f5c;color:#fff;display:grid;place-items:center;font-weight:800}
.agency-note{color:#4a4a4a;border-block-start:1px solid #ddd;padding-block-start:.75rem}
.corrections{border:1px solid #e0c97f;background:#fff8e1;padding:.75rem 1rem;border-radius:4px;margin-block:1.5rem}
.corrections h2{margin-block:0 .5rem;font-size:1rem}
.corrections ol{margin:0;padding-inline-start:1.25rem}
.topics ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}
.topics a{display:inline-block;border:1px solid #0b4f9c;border-radius:1rem;padding:.1rem .75rem;text-decoration:none;font-size:.9rem}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fill,minmax(min(14rem,100%),1fr))}
.card h3{font-size:1.05rem;margin:.4rem 0 .25rem}
.card h3 a{text-decoration:none;color:#1a1a1a}
.card p{margin:0;font-size:.9rem;color:#4a4a4a}
.top-story{display:grid;gap:1rem;margin-block-end:2rem}
.top-story>*,.cards>*{min-inline-size:0}
@media (min-width:48rem){.top-story{grid-template-columns:3fr 2fr;align-items:start}}
.top-story h2{font-size:1.75rem;margin:0 0 .5rem}
.top-story h2 a{color:#1a1a1a;text-decoration:none}
.pager ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:space-between;list-style:none;padding:0;margin-block:2rem 0}
.site-foot{border-block-start:1px solid #ddd;padding-block:1.5rem;font-size:.875rem;color:#4a4a4a}
.notice{font-size:1.1rem;max-width:40rem}
[dir=rtl] .mirror{transform:scaleX(-1)}
/* Teasers titled h2 right under a list page's h1; a top story without a picture */
.card h2{font-size:1.05rem;margin:.4rem 0 .25rem}
.card h2 a{text-decoration:none;color:#1a1a1a}
@media (min-width:48rem){.top-story.text-only{grid-template-columns:1fr;max-width:44rem}}
/* Language picker (footer): every edition by its own name; wraps, never scrolls sideways. */
.picker h2{font-size:1rem;margin-block:0 .5rem}
.picker ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0 0 1rem;padding:0}
.picker a{display:inline-block;min-block-size:24px;padding-block:.15rem;overflow-wrap:anywhere}
/* "Can't reach us?" and "Text-only" in the footer: 24 px targets (WCAG 2.2 SC 2.5.8). */
.reach-links{list-style:none;padding:0;margin:0 0 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.reach-links a{display:inline-block;min-block-size:24px;padding-block:.15rem}
.picker a[aria-current]{font-weight:700;text-decoration:none}
/* Live pages (issue 15). */
.key-points,.key-events,.pinned{border-block-start:1px solid #d6d6d6;margin-block:1.5rem}
.posts>ol{list-style:none;padding:0;margin:0}.post{border-block-start:1px solid #d6d6d6;padding-block:1rem}
.post-meta{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem;color:#4a4a4a;margin:0}.post h3{margin-block:.25rem}
.post-share{font-size:.9rem;margin:0}.live-notice button{font:inherit;font-weight:700;padding:.5rem 1rem;margin-block:.5rem;border:0;border-radius:2px;background:#0b4f9c;color:#fff;cursor:pointer}
/* The bar of a story's other language versions, above main. */
.languages{border-block-end:1px solid #ddd}.languages .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding-block:.5rem;font-size:.95rem}.languages ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}.languages a{display:inline-block;min-block-size:24px;padding-block:.15rem}
/* Broadcast schedule and "on now": times never break inside, titles wrap. */
.on-air{border:1px solid #ddd;border-radius:4px;padding:.75rem 1rem;margin-block:0 2rem;background:#f7f7f7}.on-air h2{font-size:1rem;margin:0 0 .25rem}.on-air ul,.schedule{list-style:none;padding:0;margin:0}.on-air li,.schedule li{padding-block:.3rem;overflow-wrap:anywhere}.schedule li{border-block-end:1px solid #eee}.schedule li.now{background:#eef4fb}.airtime{white-space:nowrap;font-variant-numeric:tabular-nums;margin-inline-end:.5rem}.tag-live{display:inline-block;background:#b00020;color:#fff;font-size:.8rem;padding:.05rem .4rem;border-radius:2px}.platforms{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}
`;

/**
 * CSS Counter Styles Level 3 predefined styles (§7) that write the numbering system's
 * digits, so ordered lists count ۱ ۲ ۳ in Persian and ၁ ၂ ၃ in Burmese, as the dates do.
 */
const counterStyles: { readonly [N in NumberingSystem]: string } = {
  latn: "decimal",
  arabext: "persian",
  arab: "arabic-indic",
  beng: "bengali",
  mymr: "myanmar",
  deva: "devanagari",
  tibt: "tibetan",
  khmr: "khmer",
};

/** The custom properties a script family and the locale's digits set for the page. */
function rootProperties(type: ScriptTypography, numbering: NumberingSystem): string {
  return (
    `:root{--font:${type.fontStack};--lh:${type.bodyLineHeight};--lh-h:${type.headingLineHeight};` +
    `--scale:${type.sizeScale};--ol:${counterStyles[numbering]}}`
  );
}

/**
 * Rules that differ by family. Cased scripts set short labels in capitals, spaced a little;
 * scripts with no italic show emphasis by weight, and elements that browsers italicise by
 * default (cite, em, i, dfn, var, address) stay upright rather than being slanted.
 */
function familyRules(type: ScriptTypography): string {
  const caps = type.caps
    ? ".kicker,.tag-updated,.breaking strong{text-transform:uppercase}.breaking strong{letter-spacing:.04em}"
    : "";
  const emphasis = type.italic
    ? ".agency-note{font-style:italic}"
    : "em,i,cite,dfn,var,address{font-style:normal}em,i{font-weight:700}";
  return `${caps}${emphasis}`;
}

/**
 * Where a page's rules go: `Layout` writes this in its `<style>` and `renderHtml` replaces
 * it once the whole page is rendered and its classes are known. It holds `<`, which Preact
 * escapes in every text and attribute and our JSON-LD writes as `\u003c`, so nothing a
 * newsroom writes can stand in for it before the head's own.
 */
export const styleSlot = "<!--nd:rules-->";

/** The stylesheet for a page in the given locale, with the slot for the page's rules. */
export function readerStylesFor(locale: LocaleConfig): string {
  const type = scriptTypography[locale.scriptFamily];
  return `${rootProperties(type, locale.numberingSystem)}${styleSlot}${familyRules(type)}`;
}

/**
 * One rule of the sheet, with the classes each of its selectors needs. A rule is kept when
 * one of its selectors can match: every class it names is on the page (PurgeCSS's content
 * matching, done once per page at render time). Rules that name no class (`body`, `figure`,
 * `h1`) always stay.
 */
interface SheetRule {
  readonly text: string;
  readonly selectors: readonly (readonly string[])[];
  readonly inner?: readonly SheetRule[];
}

function selectorClasses(prelude: string): (readonly string[])[] {
  return prelude
    .split(",")
    .map((selector) => [...selector.matchAll(/\.([A-Za-z][\w-]*)/g)].map((m) => m[1] ?? ""));
}

/** Splits our own constant stylesheet into rules; `@media` blocks hold rules of their own. */
function parseSheet(css: string): SheetRule[] {
  const rules: SheetRule[] = [];
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf("{", at);
    if (open === -1) break;
    const prelude = css.slice(at, open).trim();
    if (prelude.startsWith("@")) {
      let depth = 1;
      let end = open + 1;
      while (depth > 0 && end < css.length) {
        if (css[end] === "{") depth++;
        else if (css[end] === "}") depth--;
        end++;
      }
      rules.push({ text: prelude, selectors: [], inner: parseSheet(css.slice(open + 1, end - 1)) });
      at = end;
    } else {
      const close = css.indexOf("}", open);
      rules.push({ text: css.slice(at, close + 1).trim(), selectors: selectorClasses(prelude) });
      at = close + 1;
    }
  }
  return rules;
}

const sheet = parseSheet(baseStyles.replace(/\/\*[\s\S]*?\*\//g, ""));

/**
 * Classes that scripts add after load, so their rules must come with the page: the breaking
 * bar (live-script.ts) and the text sizes on `<html>` always; on a live page, whatever a post
 * sent over SSE may hold (live-post-frames.tsx: the post, its body blocks, the pinned box).
 */
const scriptClasses = ["breaking", "ts-xs", "ts-sm", "ts-lg"];
export const livePostClasses = [
  "pinned",
  "post",
  "post-meta",
  "post-share",
  "tag-updated",
  "byline",
  "story-body",
  "story-embed",
  "dateline",
  "credit",
];

function keep(rule: SheetRule, present: ReadonlySet<string>): string {
  if (rule.inner) {
    const inner = rule.inner.map((r) => keep(r, present)).join("");
    return inner ? `${rule.text}{${inner}}` : "";
  }
  const used =
    rule.selectors.length === 0 ||
    rule.selectors.some((classes) => classes.every((c) => present.has(c)));
  return used ? rule.text : "";
}

const classAttribute = / class="([^"]+)"/g;
const rulesBySignature = new Map<string, string>();
const maxSignatures = 1024;

/** The page's rules: those its classes (and its scripts' classes) can match. */
function rulesFor(html: string): string {
  const present = new Set(scriptClasses);
  for (const m of html.matchAll(classAttribute))
    for (const name of (m[1] ?? "").split(" ")) if (name) present.add(name);
  if (present.has("posts")) for (const name of livePostClasses) present.add(name);
  const signature = [...present].sort().join(" ");
  let rules = rulesBySignature.get(signature);
  if (rules === undefined) {
    rules = sheet.map((rule) => keep(rule, present)).join("");
    // Pages have few shapes; the bound only guards against a flood of odd class sets.
    if (rulesBySignature.size >= maxSignatures) rulesBySignature.clear();
    rulesBySignature.set(signature, rules);
  }
  return rules;
}

/** Writes the page's rules into its stylesheet's slot (pages without one pass through). */
export function fillStyleSlot(html: string): string {
  const at = html.indexOf(styleSlot);
  if (at === -1) return html;
  return `${html.slice(0, at)}${rulesFor(html)}${html.slice(at + styleSlot.length)}`;
}

/**
 * Text-only mode's stylesheet (issue 16): the same script settings, the bare minimum of
 * layout (≈0.7 KB), no pictures to place. Focus stays visible and skip links still work.
 */
const liteBaseStyles =
  "html{font-size:calc(100%*var(--scale))}" +
  "body{margin:0;font-family:var(--font);line-height:var(--lh);overflow-wrap:anywhere}" +
  "h1,h2,h3{line-height:var(--lh-h)}ol{list-style-type:var(--ol)}" +
  ":focus-visible{outline:3px solid #f0a400}" +
  ".vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}" +
  ".skip a{position:absolute;inset-inline-start:-999em}.skip a:focus{inset-inline-start:0}" +
  ".wrap{max-width:44rem;margin-inline:auto;padding-inline:1rem}" +
  ".nav ul,.reach-links{padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem}" +
  ".reach-links a{display:inline-block;min-block-size:24px}";

export function liteStylesFor(locale: LocaleConfig): string {
  const type = scriptTypography[locale.scriptFamily];
  return `${rootProperties(type, locale.numberingSystem)}${liteBaseStyles}${familyRules(type)}`;
}
