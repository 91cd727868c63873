import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { useNewsroomEvents } from "../shared/live-events.js";
import { ErrorMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { listFlags, type StoryFlag } from "../wire/wire-api.js";

/** Headlines for a few story ids; a story the user cannot open keeps its id. */
async function headlines(
  load: (id: string) => Promise<string>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].slice(0, 30);
  const entries = await Promise.all(
    unique.map(async (id) => [id, await load(id).catch(() => id)] as const),
  );
  return new Map(entries);
}

/**
 * The dashboard's list of stories built on agency copy that was withheld or canceled and
 * not yet acknowledged. Refreshed live when a flag is raised.
 */
export function FlaggedStories() {
  const { api } = useApp();
  const { t, dateTime, lang, dir } = useUiText();
  const id = useId();
  const [flags, setFlags] = useState<StoryFlag[] | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const open = await listFlags(api);
      setFlags(open);
      setNames(
        await headlines(
          async (storyId) => (await api.getStory(storyId)).revision.content.headline,
          open.map((flag) => flag.storyId),
        ),
      );
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
        {flags.map((flag) => (
          <li key={flag.id}>
            <AppLink href={routeHref({ screen: "story", storyId: flag.storyId })} dir="auto">
              {names.get(flag.storyId) ?? flag.storyId}
            </AppLink>
            {": "}
            {t(flag.pubStatus === "withheld" ? "flags.withheld" : "flags.canceled", {
              agency: flag.agencyCode,
              time: dateTime(flag.flaggedAt),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
