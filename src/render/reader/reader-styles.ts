/**
 * The reader stylesheet, inlined in every page: one request less on slow networks, and
 * small enough (≈5 KB) to keep a story page under the 50 KB budget. Only logical properties
 * (margin-inline-start, inset-inline-start…) so right-to-left layouts mirror by themselves.
 * Text size is set on <html> by class, so the XS–LG control works without JavaScript.
 */
export const readerStyles = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%;text-size-adjust:100%}
html.ts-xs{font-size:87.5%}html.ts-sm{font-size:93.75%}html.ts-lg{font-size:118.75%}
body{margin:0;font-family:var(--font);line-height:1.6;color:#1a1a1a;background:#fff}
a{color:#0b4f9c;text-underline-offset:.15em}
a:hover{color:#062d5a}
:focus-visible{outline:3px solid #f0a400;outline-offset:2px}
img{max-width:100%;height:auto;display:block}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.skip{position:absolute;inset-inline-start:0;inset-block-start:0;z-index:10;margin:0;padding:0;list-style:none}
.skip a{position:absolute;inset-inline-start:-999em;padding:.75rem 1rem;background:#111;color:#fff;font-weight:700;white-space:nowrap}
.skip a:focus{inset-inline-start:0}
.wrap{max-width:64rem;margin-inline:auto;padding-inline:1rem}
.site-head{border-block-end:4px solid #0b4f9c}
.bar{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 1.5rem;padding-block:.75rem}
.brand{font-weight:800;font-size:1.5rem;text-decoration:none;color:#0b2f5c;margin-inline-end:auto}
.search{display:flex;gap:.25rem}
.search input{font:inherit;padding:.35rem .5rem;border:1px solid #767676;border-radius:3px;min-inline-size:10rem}
button{font:inherit;cursor:pointer}
.search button{padding:.35rem .75rem;border:1px solid #0b4f9c;background:#0b4f9c;color:#fff;border-radius:3px}
.ts{display:flex;align-items:center;gap:.25rem;margin:0;border:0;padding:0}
.ts-label{font-size:.875rem;margin-inline-end:.25rem}
.ts button{min-inline-size:2.75rem;min-block-size:2.75rem;border:1px solid #767676;background:#fff;color:#1a1a1a;border-radius:3px;font-weight:700}
.ts button[aria-pressed=true]{background:#1a1a1a;color:#fff;border-color:#1a1a1a}
.nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:0 0 .5rem}
.nav a{text-decoration:none;font-weight:600;color:#1a1a1a;display:inline-block;padding-block:.25rem}
.nav a[aria-current]{border-block-end:3px solid #0b4f9c}
.breaking{background:#b00020;color:#fff}
.breaking .wrap{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:baseline;padding-block:.6rem}
.breaking strong{text-transform:uppercase;letter-spacing:.04em;font-size:.875rem;background:#fff;color:#b00020;padding:.1rem .5rem;border-radius:2px}
.breaking a,.breaking span{color:#fff;font-weight:700}
main{display:block;padding-block:1.5rem 3rem}
main:focus{outline:none}
h1{font-size:clamp(1.75rem,4vw,2.5rem);line-height:1.2;margin:.25rem 0 .75rem}
h2{font-size:1.25rem;line-height:1.3}
.kicker{margin:0;font-weight:700;text-transform:uppercase;font-size:.875rem}
.kicker a{text-decoration:none}
.standfirst{font-size:1.2rem;color:#333;margin-block:0 1rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem;color:#4a4a4a;margin-block:.5rem}
.tag-updated{display:inline-block;background:#0b4f9c;color:#fff;font-weight:700;font-size:.8rem;text-transform:uppercase;padding:.1rem .5rem;border-radius:2px;margin-inline-end:.5rem}
.byline{font-weight:600;margin-block:.25rem}
.byline .role{font-weight:400;color:#4a4a4a}
.update-note{border-inline-start:4px solid #0b4f9c;padding-inline-start:.75rem;color:#333}
.story{max-width:44rem}
.story-body{font-size:1.125rem}
.story-body p,.story-body ul,.story-body ol{margin-block:0 1.1rem}
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
.desk-mark{flex:none;inline-size:3rem;block-size:3rem;border-radius:50%;background:#0b2f5c;color:#fff;display:grid;place-items:center;font-weight:800}
.agency-note{font-style:italic;color:#4a4a4a}
.corrections{border:1px solid #e0c97f;background:#fff8e1;padding:.75rem 1rem;border-radius:4px;margin-block:1.5rem}
.corrections h2{margin-block:0 .5rem;font-size:1rem}
.corrections ol{margin:0;padding-inline-start:1.25rem}
.topics ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}
.topics a{display:inline-block;border:1px solid #0b4f9c;border-radius:1rem;padding:.1rem .75rem;text-decoration:none;font-size:.9rem}
.cards{list-style:none;padding:0;margin:0;display:grid;gap:1.25rem;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr))}
.card h3{font-size:1.05rem;margin:.4rem 0 .25rem;line-height:1.3}
.card h3 a{text-decoration:none;color:#1a1a1a}
.card p{margin:0;font-size:.9rem;color:#4a4a4a}
.top-story{display:grid;gap:1rem;margin-block-end:2rem}
@media (min-width:48rem){.top-story{grid-template-columns:3fr 2fr;align-items:start}}
.top-story h2{font-size:1.75rem;margin:0 0 .5rem;line-height:1.2}
.top-story h2 a{color:#1a1a1a;text-decoration:none}
.pager ul{display:flex;justify-content:space-between;list-style:none;padding:0;margin-block:2rem 0}
.site-foot{border-block-start:1px solid #ddd;padding-block:1.5rem;font-size:.875rem;color:#4a4a4a}
.notice{font-size:1.1rem;max-width:40rem}
[dir=rtl] .mirror{transform:scaleX(-1)}
/* Teasers titled h2 right under a list page's h1; a top story without a picture */
.card h2{font-size:1.05rem;margin:.4rem 0 .25rem;line-height:1.3}
.card h2 a{text-decoration:none;color:#1a1a1a}
@media (min-width:48rem){.top-story.text-only{grid-template-columns:1fr;max-width:44rem}}
/* Language picker (footer): every edition by its own name; wraps, never scrolls sideways. */
.picker h2{font-size:1rem;margin-block:0 .5rem}
.picker ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0 0 1rem;padding:0}
.picker a{display:inline-block;min-block-size:24px;padding-block:.15rem;overflow-wrap:anywhere}
.picker a[aria-current]{font-weight:700;text-decoration:none}
`;
