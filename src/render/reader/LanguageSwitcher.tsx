import { hreflang } from "../../domain/distribution/language-tags.js";
import { serviceEditions } from "../../domain/services/service-registry.js";
import { locales } from "../../i18n/locale-registry.js";
import type { MessagePart } from "../../i18n/message-parts.js";
import { hreflangAlternates, type PageVersion } from "../page-versions.js";
import { editionChoiceUrl } from "../reader-urls.js";
import type { RenderContext } from "./render-context.js";

/**
 * `<link rel="alternate" hreflang>` for every version, this page included, plus x-default:
 * the same annotations the sitemaps carry (see page-versions.ts). Goes in Layout's head.
 */
export function LanguageAlternates(props: {
  ctx: RenderContext;
  versions: readonly PageVersion[];
}) {
  const alternates = hreflangAlternates(props.versions, props.ctx.publicUrl);
  if (alternates.length === 0) return null;
  return (
    <>
      {alternates.map((a) => (
        <link key={a.hreflang} rel="alternate" hrefLang={a.hreflang} href={a.href} />
      ))}
    </>
  );
}

/**
 * The language switcher: every other published version, each named in its own language
 * and script with `lang` and `dir` on the link (WCAG 2.2 SC 3.1.2 Language of Parts).
 * Placed in Layout's `beforeMain` slot.
 */
export function LanguageSwitcher(props: { ctx: RenderContext; versions: readonly PageVersion[] }) {
  const { ctx } = props;
  const others = props.versions.filter((v) => v.edition.urlPrefix !== ctx.service.urlPrefix);
  if (others.length === 0) return null;
  return (
    <nav class="languages" aria-labelledby="languages-label">
      <div class="wrap">
        <span id="languages-label">{ctx.t.t("languages.label")}</span>
        <ul>
          {others.map((v) => {
            const locale = locales[v.edition.locale];
            return (
              <li key={v.path}>
                <a
                  href={v.path}
                  lang={v.edition.locale}
                  dir={locale.dir}
                  hrefLang={hreflang(v.edition.locale)}
                >
                  {locale.autonym}
                </a>
              </li>
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

/**
 * The language picker, in every page's footer: every edition, each named in its own
 * language and script with `lang` and `dir` (WCAG 2.2 SC 3.1.2), whatever the page's
 * language. Plain links, no JavaScript: each goes through an address that remembers the
 * choice in a cookie (for the site's front door, `/`) and then opens that edition.
 *
 * It is on every page, 50 links long, so it carries only what a reader or a screen reader
 * uses: `dir` only where the name's direction differs from the page's (it inherits
 * otherwise, HTML §3.2.6.4), and no `hreflang`, which on a link only repeats `lang` here
 * (the link opens the edition in the language it is named in). Together that is about
 * 1 KB less on every page of a left-to-right edition.
 */
export function LanguagePicker({ ctx }: { ctx: RenderContext }) {
  return (
    <nav class="picker" aria-labelledby="picker-label">
      <h2 id="picker-label">{ctx.t.t("languages.all")}</h2>
      <ul>
        {serviceEditions.map((edition) => (
          <li key={edition.urlPrefix}>
            <a
              href={editionChoiceUrl(edition)}
              lang={edition.locale}
              dir={
                locales[edition.locale].dir === ctx.locale.dir
                  ? undefined
                  : locales[edition.locale].dir
              }
              aria-current={edition.urlPrefix === ctx.service.urlPrefix ? "true" : undefined}
            >
              {locales[edition.locale].autonym}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Message parts as markup: isolated values in `<bdi>` (W3C i18n, inline bidi markup). */
export function Isolated({ parts }: { parts: readonly MessagePart[] }) {
  return <>{parts.map((p, i) => (p.isolate ? <bdi key={i}>{p.text}</bdi> : p.text))}</>;
}
