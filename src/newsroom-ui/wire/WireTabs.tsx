import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { type Route, routeHref } from "../shared/router.js";

/** The wire desk's sub-screens: the queue, the quarantine list and the sources. */
export function WireTabs(props: { readonly current: Route["screen"] }) {
  const { t } = useUiText();
  const tabs = [
    { screen: "wire", label: t("wire.tabs.queue") },
    { screen: "wire-quarantine", label: t("wire.tabs.quarantine") },
    { screen: "wire-sources", label: t("wire.tabs.sources") },
  ] as const;
  return (
    <nav aria-label={t("wire.tabs.label")} class="nr-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.screen}>
            <AppLink
              href={routeHref({ screen: tab.screen })}
              current={tab.screen === props.current}
            >
              {tab.label}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
