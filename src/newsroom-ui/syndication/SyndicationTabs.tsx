import { useUiText } from "../i18n/ui-language.js";
import { type Route, routeHref } from "../shared/router.js";
import { Tabs } from "../shared/Tabs.js";

/** The Syndication screens: partner webhooks (with their delivery logs) and API keys. */
export function SyndicationTabs(props: { readonly current: Route["screen"] }) {
  const { t } = useUiText();
  const onWebhooks = props.current === "syndication" || props.current === "syndication-deliveries";
  return (
    <Tabs
      label={t("syndication.tabs.label")}
      tabs={[
        {
          href: routeHref({ screen: "syndication" }),
          label: t("syndication.tabs.webhooks"),
          current: onWebhooks,
        },
        {
          href: routeHref({ screen: "syndication-keys" }),
          label: t("syndication.tabs.keys"),
          current: props.current === "syndication-keys",
        },
      ]}
    />
  );
}
