import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import type { ServiceInfo } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { LineDiff } from "../shared/LineDiff.js";
import { ErrorMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import {
  type FamilyMember,
  markUpToDate,
  type StaleReport,
  staleReport,
  storyFamily,
  translateStory,
  waiveTranslation,
} from "./translations-api.js";

/** Services the user may translate into: translator, editor or service admin there. */
function translationTargets(
  services: readonly ServiceInfo[],
  isAdmin: boolean,
  exclude: ReadonlySet<string>,
): ServiceInfo[] {
  return services.filter(
    (s) =>
      !exclude.has(s.id) &&
      (isAdmin ||
        s.roles.some(
          (role) => role === "translator" || role === "editor" || role === "service_admin",
        )),
  );
}

/**
 * Linked translations in the editor: "Translate into…", the story's language
 * versions, and for a stale translation what changed in the source since, with "Mark up to
 * date" and "Waive with reason".
 */
export function TranslationPanel(props: {
  readonly storyId: string;
  readonly serviceId: string;
  /** A killed story is not translated (the server refuses); the panel says so instead. */
  readonly killed: boolean;
  readonly onChanged: () => void;
}) {
  const { api, services, session, navigate } = useApp();
  const { t, dateTime, lang, dir } = useUiText();
  const id = useId();
  const [family, setFamily] = useState<FamilyMember[] | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [target, setTarget] = useState("");
  const [report, setReport] = useState<StaleReport | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const members = await storyFamily(api, props.storyId);
      setFamily(members);
      const self = members.find((m) => m.storyId === props.storyId);
      if (self?.role === "translation" && self.stale) {
        setReport(await staleReport(api, props.storyId));
      } else {
        setReport(null);
      }
    } catch (failure) {
      // A server without the translation routes yet: the panel says so and stays quiet.
      if (isApiError(failure) && failure.status === 404 && failure.code === "NOT_FOUND") {
        setUnavailable(true);
      } else {
        setError(errorMessage(failure));
      }
    }
  }, [api, props.storyId]);

  useEffect(() => {
    void load();
  }, [load]);

  const inFamily = new Set([props.serviceId, ...(family ?? []).map((m) => m.serviceId)]);
  const targets = translationTargets(services, session.user.isAdmin, inFamily);
  const chosen = targets.some((s) => s.id === target) ? target : (targets[0]?.id ?? "");

  const translate = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const created = await translateStory(api, props.storyId, chosen);
      navigate(routeHref({ screen: "story", storyId: created.story.id }));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const upToDate = async () => {
    if (!report) return;
    setBusy(true);
    setError(null);
    try {
      await markUpToDate(api, props.storyId, report.toRevisionId);
      setStatus(t("translations.markedUpToDate"));
      await load();
      props.onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const waive = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await waiveTranslation(api, props.storyId, reason.trim());
      setReason("");
      setStatus(t("translations.waived"));
      await load();
      props.onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const serviceOf = (serviceId: string) => services.find((s) => s.id === serviceId);

  return (
    <section class="nr-panel" aria-labelledby={`${id}-heading`} lang={lang} dir={dir}>
      <h2 id={`${id}-heading`}>{t("translations.heading")}</h2>
      {unavailable ? <p>{t("translations.unavailable")}</p> : null}
      {family?.some((m) => m.storyId === props.storyId && m.role === "translation") ? (
        <p>
          <AppLink href={routeHref({ screen: "translate", storyId: props.storyId })}>
            {t("translatorView.open")}
          </AppLink>
        </p>
      ) : null}
      {report ? (
        <section class="nr-flag" aria-labelledby={`${id}-stale`}>
          <h3 id={`${id}-stale`}>{t("translations.staleHeading")}</h3>
          <ul>
            {report.events.map((event, index) => (
              <li key={index}>
                {t(
                  event.kind === "corrected"
                    ? "translations.eventCorrected"
                    : "translations.eventUpdated",
                  {
                    time: dateTime(event.at),
                  },
                )}
                {event.note ? (
                  <>
                    {" "}
                    <span dir="auto">{event.note}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <h4>{t("translations.diffHeading")}</h4>
          {report.diff.length === 0 && !report.diffTooLarge ? (
            <p>{t("translations.noTextChange")}</p>
          ) : null}
          <LineDiff lines={report.diff} tooLarge={report.diffTooLarge} />
          {report.corrections.length > 0 ? (
            <>
              <h4>{t("translations.corrections")}</h4>
              <ul>
                {report.corrections.map((correction) => (
                  <li key={correction.id}>
                    {dateTime(correction.createdAt)}: <span dir="auto">{correction.text}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <div class="nr-button-row">
            <button
              type="button"
              class="nr-primary"
              disabled={busy}
              onClick={() => void upToDate()}
            >
              {t("translations.markUpToDate")}
            </button>
          </div>
          <form class="nr-form" onSubmit={waive}>
            <div class="nr-field">
              <label for={`${id}-reason`}>{t("translations.waiveReason")}</label>
              <textarea
                id={`${id}-reason`}
                required
                minLength={3}
                maxLength={1000}
                rows={2}
                dir="auto"
                value={reason}
                onInput={(event) => setReason(event.currentTarget.value)}
              />
            </div>
            <button type="submit" disabled={busy}>
              {t("translations.waive")}
            </button>
          </form>
        </section>
      ) : null}
      <p role="status" class="nr-status">
        {status}
      </p>
      <ErrorMessage message={error} />
      {family && family.length > 1 ? (
        <>
          <h3>{t("translations.versions")}</h3>
          <ul>
            {family.map((member) => {
              const service = serviceOf(member.serviceId);
              return (
                <li key={member.storyId}>
                  <span lang={service?.locale} dir={service?.dir}>
                    {service?.name ?? member.serviceId}
                  </span>
                  {": "}
                  {member.storyId === props.storyId ? (
                    <span lang={service?.locale} dir={service?.dir}>
                      {member.headline}
                    </span>
                  ) : (
                    <AppLink
                      href={routeHref({ screen: "story", storyId: member.storyId })}
                      lang={service?.locale}
                      dir={service?.dir}
                    >
                      {member.headline}
                    </AppLink>
                  )}{" "}
                  (
                  {[
                    t(
                      member.role === "source" ? "translations.source" : "translations.translation",
                    ),
                    t(`translations.status.${member.status}`),
                    member.stale ? t("translations.stale") : "",
                  ]
                    .filter((s) => s !== "")
                    .join(", ")}
                  )
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {props.killed ? <p>{t("translations.killed")}</p> : null}
      {!unavailable && !props.killed && targets.length > 0 ? (
        <form class="nr-inline-form" onSubmit={translate}>
          <label for={`${id}-target`}>{t("translations.translateInto")}</label>
          <select
            id={`${id}-target`}
            value={chosen}
            onChange={(event) => setTarget(event.currentTarget.value)}
          >
            {targets.map((s) => (
              <option key={s.id} value={s.id} lang={s.locale}>
                {s.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {t("translations.create")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
