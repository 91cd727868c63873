import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "./AppLink.js";
import { useApp } from "./app-context.js";

interface Tab {
  readonly href: string;
  readonly label: string;
  /** Shown after the label in its own element, e.g. "(12)". */
  readonly count?: string | undefined;
  readonly current: boolean;
  readonly lang?: string | undefined;
  readonly dir?: "ltr" | "rtl" | undefined;
}

/**
 * Links between sibling screens, the current one marked with aria-current="page" rather than
 * by style alone (WCAG 2.2 SC 1.4.1). Navigation links, not an ARIA tablist: each is a page.
 */
export function Tabs(props: { readonly label: string; readonly tabs: readonly Tab[] }) {
  return (
    <nav aria-label={props.label} class="nr-tabs">
      <ul>
        {props.tabs.map((tab) => (
          <li key={tab.href}>
            <AppLink href={tab.href} current={tab.current} lang={tab.lang} dir={tab.dir}>
              {tab.count ? (
                <>
                  <span>{tab.label}</span>
                  <span class="nr-tab-count"> {tab.count}</span>
                </>
              ) : (
                tab.label
              )}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * One tab per news service, each named in its own language and direction; nothing when
 * there is only one service to choose.
 */
export function ServiceTabs(props: {
  readonly currentId: string;
  readonly hrefFor: (serviceId: string) => string;
}) {
  const { services } = useApp();
  const { t } = useUiText();
  if (services.length <= 1) return null;
  return (
    <Tabs
      label={t("dashboard.services")}
      tabs={services.map((s) => ({
        href: props.hrefFor(s.id),
        label: s.name,
        current: s.id === props.currentId,
        lang: s.locale,
        dir: s.dir,
      }))}
    />
  );
}
