import type { ComponentChildren } from "preact";
import type { BreakingBanner } from "../../domain/breaking/breaking-news-schema.js";
import type { Section } from "../../domain/people/people-schema.js";
import { reachTranslatorFor } from "../../i18n/reach-catalogues.js";
import { brandImageUrl, webAppManifestUrl } from "../brand-assets.js";
import {
  editionPath,
  homeUrl,
  liteToggleUrl,
  reachUrl,
  searchUrl,
  sectionUrl,
  textSizeUrl,
} from "../reader-urls.js";
import { LanguagePicker } from "./LanguageSwitcher.js";
import { liveScript } from "./live-script.js";
import { liteStylesFor, readerStylesFor } from "./reader-styles.js";
import type { RenderContext } from "./render-context.js";
import { textSizes } from "./render-context.js";

export interface LayoutProps {
  readonly ctx: RenderContext;
  readonly title: string;
  readonly description?: string;
  readonly canonicalPath?: string;
  readonly sections: readonly Section[];
  readonly banner: BreakingBanner | undefined;
  readonly currentSection?: string;
  readonly searchQuery?: string;
  /** Extra <head> elements: alternates, feeds, structured data, social tags. */
  readonly head?: ComponentChildren;
  /** Page-specific content placed after the header, e.g. a language switcher. */
  readonly beforeMain?: ComponentChildren;
  readonly children: ComponentChildren;
}

/**
 * The page shell: skip links, header with navigation, search and the text-size control,
 * the breaking-news bar, then main and footer landmarks (WCAG 2.2 SC 2.4.1, 1.3.1).
 */
export function Layout(props: LayoutProps) {
  const { ctx } = props;
  const { t, service, locale } = ctx;
  const htmlClass = ctx.textSize === "md" ? undefined : `ts-${ctx.textSize}`;
  const reach = reachTranslatorFor(service.locale);
  return (
    <html lang={service.locale} dir={locale.dir} class={htmlClass} data-service={service.id}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} - ${service.name}`}</title>
        {props.description && !ctx.lite ? (
          <meta name="description" content={props.description} />
        ) : null}
        {props.canonicalPath ? (
          <link rel="canonical" href={`${ctx.publicUrl}${props.canonicalPath}`} />
        ) : null}
        {ctx.lite ? null : (
          <>
            <link rel="icon" type="image/png" sizes="32x32" href={brandImageUrl("icon-32.png")} />
            <link rel="apple-touch-icon" href={brandImageUrl("icon-180.png")} />
            <link rel="manifest" href={webAppManifestUrl(service)} />
          </>
        )}
        {/* Text-only pages keep to what reading needs: no feeds, social or structured data
            (the canonical, full page carries them), and a stylesheet of ≈1 KB. */}
        {ctx.lite ? null : props.head}
        <style
          // Our own constant stylesheet: no user input reaches it.
          dangerouslySetInnerHTML={{
            __html: ctx.lite ? liteStylesFor(locale) : readerStylesFor(locale),
          }}
        />
      </head>
      <body>
        <nav aria-label={t.t("a11y.links")}>
          <ul class="skip">
            <li>
              <a href="#main">{t.t("skip.main")}</a>
            </li>
            {/* A text-only page's header is a few lines: one bypass link is enough. */}
            {ctx.lite ? null : (
              <>
                <li>
                  <a href="#nav">{t.t("skip.nav")}</a>
                </li>
                <li>
                  <a href="#search-q">{t.t("skip.search")}</a>
                </li>
              </>
            )}
          </ul>
        </nav>
        <header class="site-head">
          <div class="wrap bar">
            <a class="brand" href={homeUrl(service)}>
              {service.name}
            </a>
            <search>
              <form class="search" method="get" action={searchUrl(service)}>
                <label class="vh" for="search-q">
                  {t.t("search.field")}
                </label>
                <input id="search-q" type="search" name="q" value={props.searchQuery ?? ""} />
                <button type="submit">{t.t("search.label")}</button>
              </form>
            </search>
            {ctx.lite ? null : <TextSizeControl ctx={ctx} />}
          </div>
          <nav id="nav" class="wrap nav" aria-label={t.t("nav.sections")} tabIndex={-1}>
            <ul>
              <li>
                <a href={homeUrl(service)}>{t.t("nav.home")}</a>
              </li>
              {props.sections.map((section) => (
                <li key={section.slug}>
                  <a
                    href={sectionUrl(service, section.slug)}
                    aria-current={props.currentSection === section.slug ? "page" : undefined}
                  >
                    {section.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {props.banner ? <BreakingNewsBar ctx={ctx} banner={props.banner} /> : null}
        </header>
        {props.beforeMain}
        <main id="main" class="wrap" tabIndex={-1}>
          {props.children}
        </main>
        {ctx.scriptless || ctx.lite ? null : (
          <script
            // Our own constant script (live breaking news), allowed by its CSP hash.
            dangerouslySetInnerHTML={{ __html: liveScript }}
          />
        )}
        <footer class="site-foot">
          <div class="wrap">
            {/* Every page, whatever host it arrived on: the way out when this one is blocked. */}
            <ul class="reach-links">
              <li>
                <a href={reachUrl(service)}>{reach("reach.link")}</a>
              </li>
              <li>
                <a href={liteToggleUrl(ctx.path, !ctx.lite)}>
                  {reach(ctx.lite ? "lite.off" : "lite.on")}
                </a>
              </li>
            </ul>
            {ctx.lite ? null : <LanguagePicker ctx={ctx} />}
            <p>
              {t.t("footer.rights", {
                year: ctx.t.year(ctx.year),
                publisher: t.t("publisher.name"),
              })}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/**
 * Works without JavaScript: each button submits a GET form that sets a cookie and
 * redirects back; the server then applies the size as a class on <html>. aria-pressed
 * tells screen-reader users which size is on (WAI-ARIA 1.2, toggle buttons); the
 * accessible name starts with the visible label (WCAG 2.2 SC 2.5.3 Label in Name).
 */
function TextSizeControl({ ctx }: { ctx: RenderContext }) {
  const { t } = ctx;
  return (
    <form class="ts" method="get" action={textSizeUrl} aria-labelledby="ts-label">
      <span id="ts-label" class="ts-label">
        {t.t("textSize.label")}
      </span>
      <input type="hidden" name="return" value={ctx.path} />
      {/* The buttons wrap as a group, so on a narrow screen the label stands above them. */}
      <span class="ts-options">
        {textSizes.map((size) => (
          <button
            key={size}
            type="submit"
            name="size"
            value={size}
            aria-pressed={ctx.textSize === size ? "true" : "false"}
          >
            {t.t(`textSize.${size}Short`)}
            <span class="vh">{` (${t.t(`textSize.${size}`)})`}</span>
          </button>
        ))}
      </span>
    </form>
  );
}

function BreakingNewsBar({ ctx, banner }: { ctx: RenderContext; banner: BreakingBanner }) {
  return (
    <section class="breaking" id="breaking" aria-labelledby="breaking-label">
      <div class="wrap">
        <strong id="breaking-label">{ctx.t.t("breaking.label")}</strong>
        {banner.url ? (
          <a href={editionPath(ctx.service, banner.url)}>{banner.text}</a>
        ) : (
          <span>{banner.text}</span>
        )}
      </div>
    </section>
  );
}
