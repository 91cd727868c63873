import { useUiText } from "../i18n/ui-language.js";
import type { WireQueueItem } from "./wire-api.js";

/**
 * Badges for what an editor must not miss: urgency, an embargo still running, and copy the
 * agency withheld or canceled. Each is text, not colour alone (WCAG 2.2 SC 1.4.1).
 */
export function WireBadges(props: {
  readonly item: Pick<WireQueueItem, "urgency" | "embargoed" | "embargoedUntil" | "pubStatus">;
}) {
  const { t, dateTime } = useUiText();
  const { item } = props;
  return (
    <span class="nr-badges">
      {item.urgency !== null ? (
        <span class={item.urgency <= 2 ? "nr-tag nr-tag-urgent" : "nr-tag"}>
          {t("wire.badge.urgency", { urgency: item.urgency })}
        </span>
      ) : null}
      {item.embargoed ? (
        <span class="nr-tag nr-tag-warn">
          {t("wire.badge.embargoed", { until: dateTime(item.embargoedUntil) })}
        </span>
      ) : null}
      {item.pubStatus === "withheld" ? (
        <span class="nr-tag nr-tag-danger">{t("wire.badge.withheld")}</span>
      ) : null}
      {item.pubStatus === "canceled" ? (
        <span class="nr-tag nr-tag-danger">{t("wire.badge.canceled")}</span>
      ) : null}
    </span>
  );
}
