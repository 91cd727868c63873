import type { Mirror, MirrorKind } from "../../domain/mirrors/mirror-schema.js";
import type { PageChrome } from "../../domain/reader/reader-models.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { intlLocaleFor } from "../../i18n/locale-registry.js";
import { reachTranslatorFor } from "../../i18n/reach-catalogues.js";
import type { ReachMessageKey } from "../../i18n/reach-messages.js";
import { homeUrl, liteToggleUrl, reachUrl } from "../reader-urls.js";
import { Layout } from "./Layout.js";
import type { RenderContext } from "./render-context.js";

/** An offline package of the edition (EPUB, ZIM), as the package builder publishes it. */
export interface OfflinePackage {
  readonly format: string;
  readonly url: string;
  readonly bytes: number;
}

export interface ReachPageProps {
  readonly ctx: RenderContext;
  readonly chrome: PageChrome;
  /** The service's mirrors, oldest first. */
  readonly mirrors: readonly Mirror[];
  /**
   * The service's minisign public key (the line after "untrusted comment:"), when the
   * mirror list is signed: the page then says how to check `/mirrors.json` with it.
   */
  readonly publicKey?: string;
  /** The latest offline packages; the section is left out when there are none. */
  readonly packages?: readonly OfflinePackage[];
}

const kindLabels: Record<MirrorKind, ReachMessageKey> = {
  https: "reach.kind.https",
  onion: "reach.kind.onion",
  static: "reach.kind.static",
};

/**
 * Where a mirror shows this edition: a static export is the edition itself (its index.html
 * is the edition's home); an https or onion mirror serves the whole site, so the edition's
 * home page under it.
 */
export function mirrorHomeUrl(mirror: Mirror, edition: ServiceConfig): string {
  return mirror.kind === "static" ? `${mirror.url}/` : `${mirror.url}${homeUrl(edition)}`;
}

/**
 * "Can't reach us?": the edition's other addresses, in its language, for readers where the
 * site is blocked (issue 16), with a way to check the signed list and the offline packages
 * when those exist. Addresses are shown as text too, so they can be copied or passed on.
 */
export function ReachPage(props: ReachPageProps) {
  const { ctx } = props;
  const t = reachTranslatorFor(ctx.service.locale);
  const size = new Intl.NumberFormat(intlLocaleFor(ctx.service.locale), {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 1,
  });
  const hasOnion = props.mirrors.some((m) => m.kind === "onion");
  return (
    <Layout
      ctx={ctx}
      title={t("reach.title")}
      canonicalPath={reachUrl(ctx.service)}
      sections={props.chrome.sections}
      banner={props.chrome.banner}
    >
      <h1>{t("reach.title")}</h1>
      <p class="standfirst">{t("reach.intro", { service: ctx.service.name })}</p>
      {props.mirrors.length > 0 ? (
        <ul class="mirror-list">
          {props.mirrors.map((mirror) => (
            <li key={mirror.id}>
              <strong>{t(kindLabels[mirror.kind])}</strong>{" "}
              <a href={mirrorHomeUrl(mirror, ctx.service)} dir="ltr">
                {mirror.url}
              </a>
              {mirror.note ? (
                <>
                  {" "}
                  <span dir="auto">({mirror.note})</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="notice">{t("reach.none")}</p>
      )}
      {hasOnion ? <p>{t("reach.onionHelp")}</p> : null}
      <p>
        {t("reach.liteHelp")} <a href={liteToggleUrl(ctx.path, true)}>{t("lite.on")}</a>
      </p>
      {props.publicKey ? (
        <section aria-labelledby="reach-verify">
          <h2 id="reach-verify">{t("reach.verifyHeading")}</h2>
          <p>{t("reach.verifyBody")}</p>
          <pre dir="ltr">
            <code>{props.publicKey}</code>
          </pre>
        </section>
      ) : null}
      {props.packages && props.packages.length > 0 ? (
        <section aria-labelledby="reach-offline">
          <h2 id="reach-offline">{t("reach.packagesHeading")}</h2>
          <p>{t("reach.packagesBody")}</p>
          <ul>
            {props.packages.map((p) => (
              <li key={p.url}>
                <a href={p.url}>
                  {t("reach.package", {
                    format: p.format.toUpperCase(),
                    size: size.format(Math.max(0.1, p.bytes / 1_000_000)),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}
