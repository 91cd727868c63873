import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { staleTranslations, type TranslationLink } from "./translations-api.js";

/** The translator's queue on the dashboard: translations whose source changed since. */
export function TranslationQueue(props: { readonly serviceId: string }) {
  const { api, services } = useApp();
  const { t, dateTime, lang, dir } = useUiText();
  const id = useId();
  const [links, setLinks] = useState<TranslationLink[] | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setLinks(null);
    staleTranslations(api, props.serviceId)
      .then(async (stale) => {
        if (!live) return;
        setLinks(stale);
        const entries = await Promise.all(
          stale.slice(0, 30).map(async (link) => {
            const headline = await api
              .getStory(link.storyId)
              .then((d) => d.revision.content.headline)
              .catch(() => link.storyId);
            return [link.storyId, headline] as const;
          }),
        );
        if (live) setNames(new Map(entries));
      })
      .catch((failure: unknown) => {
        // No translation routes on this server yet: nothing to show.
        if (live && !(isApiError(failure) && failure.status === 404)) {
          setError(errorMessage(failure));
        }
      });
    return () => {
      live = false;
    };
  }, [api, props.serviceId]);

  const service = services.find((s) => s.id === props.serviceId);
  if (error) return <ErrorMessage message={error} />;
  if (!links || links.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`} class="nr-panel" lang={lang} dir={dir}>
      <h2 id={`${id}-heading`}>{t("translations.queueHeading")}</h2>
      <ul>
        {links.map((link) => {
          const last = link.staleEvents?.at(-1);
          return (
            <li key={link.storyId}>
              <AppLink
                href={routeHref({ screen: "story", storyId: link.storyId })}
                lang={service?.locale}
                dir={service?.dir}
              >
                {names.get(link.storyId) ?? link.storyId}
              </AppLink>
              {last
                ? ` ${t(last.kind === "corrected" ? "translations.eventCorrected" : "translations.eventUpdated", { time: dateTime(last.at) })}`
                : ""}{" "}
              <AppLink href={routeHref({ screen: "translate", storyId: link.storyId })}>
                {t("translatorView.open")}
              </AppLink>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
