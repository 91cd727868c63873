import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { useNewsroomEvents } from "../shared/live-events.js";
import { ErrorMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { acknowledgeFlag, type StoryWire, storyWire } from "./wire-api.js";

/**
 * In the editor: the agency copy a story was built from and, when an agency has since
 * withheld or canceled it, a banner saying which item, when, and the agency's note, with
 * "Acknowledge" for editors. Updated live when a flag is raised on this story.
 */
export function WireFlagBanner(props: {
  readonly storyId: string;
  readonly canAcknowledge: boolean;
}) {
  const { api } = useApp();
  const { t, dateTime, lang, dir } = useUiText();
  const id = useId();
  const [wire, setWire] = useState<StoryWire | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const load = useCallback(async () => {
    try {
      setWire(await storyWire(api, props.storyId));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [api, props.storyId]);

  useEffect(() => {
    void load();
  }, [load]);

  useNewsroomEvents((event) => {
    if (event.type === "flag" && event.data.storyId === props.storyId) void load();
    if (event.type === "poll") void load();
  });

  const acknowledge = async (flagId: string) => {
    setError(null);
    try {
      await acknowledgeFlag(api, flagId);
      setStatus(t("flags.acknowledged"));
      await load();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  if (!wire || (wire.links.length === 0 && wire.flags.length === 0)) {
    return error ? <ErrorMessage message={error} /> : null;
  }
  const open = wire.flags.filter((flag) => flag.acknowledgedAt === null);
  const agencies = [...new Set(wire.links.map((link) => link.agencyCode))];
  return (
    <div lang={lang} dir={dir}>
      {open.length > 0 ? (
        <section class="nr-flag" aria-labelledby={`${id}-flag`} role="alert">
          <h2 id={`${id}-flag`}>{t("flags.bannerHeading")}</h2>
          <ul>
            {open.map((flag) => (
              <li key={flag.id}>
                <p>
                  {t(flag.pubStatus === "withheld" ? "flags.withheld" : "flags.canceled", {
                    agency: flag.agencyCode,
                    time: dateTime(flag.flaggedAt),
                  })}{" "}
                  <AppLink href={routeHref({ screen: "wire-item", itemId: flag.itemId })}>
                    <bdi dir="ltr">{flag.guid}</bdi>
                  </AppLink>
                </p>
                {flag.reason ? (
                  <p>
                    {t("flags.agencyNote")} <span dir="auto">{flag.reason}</span>
                  </p>
                ) : null}
                {props.canAcknowledge ? (
                  <button type="button" onClick={() => void acknowledge(flag.id)}>
                    {t("flags.acknowledge")}
                  </button>
                ) : (
                  <p class="nr-help">{t("flags.editorsOnly")}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p role="status" class="nr-status">
        {status}
      </p>
      <ErrorMessage message={error} />
      {agencies.length > 0 ? (
        <p class="nr-meta">
          {t("flags.builtFrom", { agencies: agencies.join(", ") })}
          {wire.flags.length > open.length
            ? ` ${t("flags.acknowledgedCount", { count: wire.flags.length - open.length })}`
            : ""}
        </p>
      ) : null}
    </div>
  );
}
