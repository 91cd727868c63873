import { useUiText } from "../i18n/ui-language.js";
import { type Route, routeHref } from "../shared/router.js";
import { Tabs } from "../shared/Tabs.js";

/** The wire desk's sub-screens: the queue, the quarantine list and the sources. */
export function WireTabs(props: { readonly current: Route["screen"] }) {
  const { t } = useUiText();
  const tabs = [
    { screen: "wire", label: t("wire.tabs.queue") },
    { screen: "wire-quarantine", label: t("wire.tabs.quarantine") },
    { screen: "wire-sources", label: t("wire.tabs.sources") },
  ] as const;
  return (
    <Tabs
      label={t("wire.tabs.label")}
      tabs={tabs.map((tab) => ({
        href: routeHref({ screen: tab.screen }),
        label: tab.label,
        current: tab.screen === props.current,
      }))}
    />
  );
}
