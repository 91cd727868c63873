import type { LanguageVersion } from "../../domain/translations/translation-service.js";
import { hreflangFor, locales } from "../../i18n/locale-registry.js";
import type { MessagePart } from "../../i18n/message-parts.js";
import { homeUrl, storyUrl } from "../reader-urls.js";
import type { RenderContext } from "./render-context.js";

/** A page's language versions: where each lives, in which edition (service + script). */
export interface PageVersion {
  readonly edition: LanguageVersion["edition"];
  readonly path: string;
  /** The version readers land on when none matches their language (hreflang x-default). */
  readonly isDefault: boolean;
}

/** Story versions of one family, the family's source story being the x-default. */
export function storyVersions(
  versions: readonly LanguageVersion[],
  familyId: string,
): PageVersion[] {
  // editionsOf lists a service's default edition first, so this is the source's default.
  const defaultIndex = Math.max(
    0,
    versions.findIndex((v) => v.storyId === familyId),
  );
  return versions.map((v, index) => ({
    edition: v.edition,
    path: storyUrl(v.edition, { id: v.storyId, slug: v.slug, section: v.section }),
    isDefault: index === defaultIndex,
  }));
}

/** Home pages of a service's script editions (Serbian Latin and Cyrillic). */
export function editionHomes(editions: readonly LanguageVersion["edition"][]): PageVersion[] {
  return editions.map((edition, index) => ({
    edition,
    path: homeUrl(edition),
    isDefault: index === 0,
  }));
}

const switcherStyles =
  ".languages{border-block-end:1px solid #ddd}.languages .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding-block:.5rem;font-size:.95rem}.languages ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}.languages a{display:inline-block;min-block-size:24px;padding-block:.15rem}";

/**
 * `<link rel="alternate" hreflang>` for every version, this page included, plus x-default
 * (Google Search Central, "Tell Google about localized versions of your page"): each
 * version lists all the others, so the annotations are reciprocal. Goes in Layout's head.
 */
export function LanguageAlternates(props: {
  ctx: RenderContext;
  versions: readonly PageVersion[];
}) {
  if (props.versions.length < 2) return null;
  const fallback = props.versions.find((v) => v.isDefault) ?? props.versions[0];
  return (
    <>
      {props.versions.map((v) => (
        <link
          key={v.path}
          rel="alternate"
          hrefLang={hreflangFor(v.edition.locale)}
          href={`${props.ctx.publicUrl}${v.path}`}
        />
      ))}
      {fallback ? (
        <link
          rel="alternate"
          hrefLang="x-default"
          href={`${props.ctx.publicUrl}${fallback.path}`}
        />
      ) : null}
      <style
        // Our own constant stylesheet for the switcher: no user input reaches it.
        dangerouslySetInnerHTML={{ __html: switcherStyles }}
      />
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
                  hrefLang={hreflangFor(v.edition.locale)}
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

/** Message parts as markup: isolated values in `<bdi>` (W3C i18n, inline bidi markup). */
export function Isolated({ parts }: { parts: readonly MessagePart[] }) {
  return <>{parts.map((p, i) => (p.isolate ? <bdi key={i}>{p.text}</bdi> : p.text))}</>;
}
