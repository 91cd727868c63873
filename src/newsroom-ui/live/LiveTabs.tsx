import { useUiText } from "../i18n/ui-language.js";
import { routeHref } from "../shared/router.js";
import { Tabs } from "../shared/Tabs.js";

/** A live page's two screens: the story itself (workflow unchanged) and its live stream. */
export function LiveTabs(props: { readonly storyId: string; readonly current: "story" | "live" }) {
  const { t } = useUiText();
  return (
    <Tabs
      label={t("live.tabs.label")}
      tabs={[
        {
          href: routeHref({ screen: "story", storyId: props.storyId }),
          label: t("live.tabs.story"),
          current: props.current === "story",
        },
        {
          href: routeHref({ screen: "live", storyId: props.storyId }),
          label: t("live.tabs.live"),
          current: props.current === "live",
        },
      ]}
    />
  );
}
