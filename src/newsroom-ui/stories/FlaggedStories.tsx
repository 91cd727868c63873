import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { useNewsroomEvents } from "../shared/live-events.js";
import { ErrorMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { serviceFor } from "../shared/service-info.js";
import { type ListedStoryFlag, listFlags } from "../wire/wire-api.js";

/**
 * The dashboard's list of stories built on agency copy that was withheld or canceled and
 * not yet acknowledged. Refreshed live when a flag is raised.
 */
export function FlaggedStories() {
  const { api, services } = useApp();
  const { t, dateTime, lang, dir } = useUiText();
  const id = useId();
  const [flags, setFlags] = useState<ListedStoryFlag[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      // The server lists only stories of services the user works in, each with its
      // headline and service, so nothing here loads a story the user could not open.
      setFlags(await listFlags(api));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);
  useNewsroomEvents((event) => {
    if (event.type === "flag" || event.type === "poll") void load();
  });

  if (error) return <ErrorMessage message={error} />;
  if (!flags || flags.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} class="nr-flag" lang={lang} dir={dir}>
      <h2 id={`${id}-heading`}>{t("flags.dashboardHeading")}</h2>
      <ul>
        {flags.map((flag) => {
          const service = serviceFor(flag.serviceId, services);
          return (
            <li key={flag.id}>
              <AppLink
                href={routeHref({ screen: "story", storyId: flag.storyId })}
                lang={service.locale}
                dir={service.dir}
              >
                {flag.headline}
              </AppLink>{" "}
              <span class="nr-meta">({t("flags.inService", { service: service.name })})</span>
              {": "}
              {t(flag.pubStatus === "withheld" ? "flags.withheld" : "flags.canceled", {
                agency: flag.agencyCode,
                time: dateTime(flag.flaggedAt),
              })}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
