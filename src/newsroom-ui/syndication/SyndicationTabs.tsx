import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { type Route, routeHref } from "../shared/router.js";

/** The Syndication screens: partner webhooks (with their delivery logs) and API keys. */
export function SyndicationTabs(props: { readonly current: Route["screen"] }) {
  const { t } = useUiText();
  const onWebhooks = props.current === "syndication" || props.current === "syndication-deliveries";
  return (
    <nav aria-label={t("syndication.tabs.label")} class="nr-tabs">
      <ul>
        <li>
          <AppLink href={routeHref({ screen: "syndication" })} current={onWebhooks}>
            {t("syndication.tabs.webhooks")}
          </AppLink>
        </li>
        <li>
          <AppLink
            href={routeHref({ screen: "syndication-keys" })}
            current={props.current === "syndication-keys"}
          >
            {t("syndication.tabs.keys")}
          </AppLink>
        </li>
      </ul>
    </nav>
  );
}
