import { renderToString } from "preact-render-to-string";
import type { Mirror } from "../../domain/mirrors/mirror-schema.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { locales } from "../../i18n/locale-registry.js";
import { reachTranslatorFor } from "../../i18n/reach-catalogues.js";
import { reachUrl } from "../reader-urls.js";
import { mirrorHomeUrl } from "./ReachPage.js";

/** First strong isolate … pop directional isolate (UAX #9): a host name inside RTL text. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * The footer line of a page read through one of our mirrors (issue 16): which mirror, and
 * the edition's other addresses, so a reader whose mirror is blocked next knows where to
 * go. Inserted into the cached, host-independent page on the way out (src/http/reach.ts).
 */
function MirrorLine(props: { edition: ServiceConfig; mirror: Mirror; others: readonly Mirror[] }) {
  const t = reachTranslatorFor(props.edition.locale);
  const host = new URL(props.mirror.url).host;
  return (
    <div
      class="wrap via-mirror"
      lang={props.edition.locale}
      dir={locales[props.edition.locale].dir}
    >
      <p>
        {t("reach.viaMirror", { host: isolate(host) })}{" "}
        <a href={reachUrl(props.edition)}>{t("reach.link")}</a>
      </p>
      {props.others.length > 0 ? (
        <p>
          {t("reach.otherMirrors")}{" "}
          {props.others.map((other, index) => (
            <span key={other.id}>
              {index > 0 ? " · " : null}
              <a href={mirrorHomeUrl(other, props.edition)} dir="ltr">
                {new URL(other.url).host}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

export function renderMirrorLine(
  edition: ServiceConfig,
  mirror: Mirror,
  others: readonly Mirror[],
): string {
  return renderToString(<MirrorLine edition={edition} mirror={mirror} others={others} />);
}
