import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { isAllowedHref } from "../editor/link-rules.js";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import type { ServiceInfo } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { serviceFor } from "../shared/service-info.js";
import { isoToLocalInput, localInputToIso } from "../stories/story-draft.js";
import {
  type AlertStatus,
  type AlertView,
  alertServices,
  approveAlert,
  isLiveIn,
  listAlerts,
  raiseAlert,
  translateAlert,
} from "./alerts-api.js";

const statusKeys: Record<AlertStatus, MessageKey> = {
  "awaiting-translation": "alerts.status.awaiting-translation",
  "awaiting-approval": "alerts.status.awaiting-approval",
  live: "alerts.status.live",
  expired: "alerts.status.expired",
};

const statusClasses: Record<AlertStatus, string> = {
  "awaiting-translation": "nr-tag nr-tag-warn",
  "awaiting-approval": "nr-tag nr-tag-warn",
  live: "nr-tag nr-tag-ok",
  expired: "nr-tag nr-tag-muted",
};

/**
 * Breaking news for several services at once: an editor raises one alert with
 * text per service, each typed in that service's language and direction; services left
 * empty wait for a translator, who adds their text here. Text goes live only by an editor of
 * that service: an editor's own text at once, a translator's once an editor
 * approves it. The controls shown follow the role; the server enforces the same rules.
 */
export function BreakingAlerts() {
  const { api, services, session } = useApp();
  const { t } = useUiText();
  const id = useId();
  useScreenTitle(t("alerts.title"));
  const [alerts, setAlerts] = useState<AlertView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const reload = useCallback(async () => {
    try {
      setAlerts(await listAlerts(api));
      setListError(null);
    } catch (failure) {
      setListError(errorMessage(failure));
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const manageable = services.filter((s) => capabilitiesFor(session, s.id).canSetBanner);

  return (
    <>
      <h1 tabIndex={-1}>{t("alerts.title")}</h1>
      <p>{t("alerts.intro")}</p>
      <p>
        <AppLink href={routeHref({ screen: "banners", serviceId: null })}>
          {t("alerts.bannersLink")}
        </AppLink>
      </p>
      <StatusMessage>{status}</StatusMessage>
      {manageable.length > 0 ? (
        <RaiseAlert
          services={manageable}
          onRaised={() => {
            setStatus(t("alerts.raised"));
            void reload();
          }}
        />
      ) : (
        <p class="nr-note">{t("alerts.editorsOnly")}</p>
      )}
      <section aria-labelledby={`${id}-recent`}>
        <h2 id={`${id}-recent`}>{t("alerts.listHeading")}</h2>
        <ErrorMessage message={listError} />
        {alerts === null && !listError ? <p>{t("alerts.loading")}</p> : null}
        {alerts !== null && alerts.length === 0 ? <p>{t("alerts.empty")}</p> : null}
        {alerts?.map((alert) => (
          <AlertItem
            key={alert.id}
            alert={alert}
            onTranslated={(service, live) => {
              // What the server did, not what the role suggests: its answer says whether the
              // text has a banner now.
              setStatus(
                t(live ? "alerts.translated" : "alerts.submitted", { service: service.name }),
              );
              void reload();
            }}
            onApproved={(service) => {
              setStatus(t("alerts.approved", { service: service.name }));
              void reload();
            }}
          />
        ))}
      </section>
    </>
  );
}

/** The form: services, text per service in its own language, link, expiry; then confirm. */
function RaiseAlert(props: {
  readonly services: readonly ServiceInfo[];
  readonly onRaised: () => void;
}) {
  const { api } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [url, setUrl] = useState("");
  const [expires, setExpires] = useState(() =>
    isoToLocalInput(new Date(Date.now() + 2 * 3600_000).toISOString()),
  );
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  // Services in the order of the list, whatever order they were ticked in.
  const picked = props.services.filter((s) => chosen.includes(s.id));
  const body = alertServices(
    picked.map((s) => s.id),
    texts,
  );
  const expiresIso = localInputToIso(expires);
  const link = url.trim();

  const check = (event: Event) => {
    event.preventDefault();
    if (picked.length === 0) return setError(t("alerts.chooseService"));
    if (link !== "" && !isAllowedHref(link)) return setError(t("alerts.badLink"));
    if (!expiresIso || Date.parse(expiresIso) <= Date.now()) {
      return setError(t("alerts.badExpiry"));
    }
    setError(null);
    setConfirming(true);
  };

  const raise = async () => {
    if (!expiresIso) return;
    setBusy(true);
    try {
      await raiseAlert(api, {
        expiresAt: expiresIso,
        url: link === "" ? null : link,
        services: body,
      });
      setConfirming(false);
      setChosen([]);
      setTexts({});
      setUrl("");
      props.onRaised();
    } catch (failure) {
      setError(errorMessage(failure));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const until = expiresIso ? dateTime(expiresIso) : "";
  return (
    <section aria-labelledby={`${id}-raise`}>
      <h2 id={`${id}-raise`}>{t("alerts.raiseHeading")}</h2>
      <form class="nr-form" onSubmit={check} noValidate>
        <fieldset class="nr-checkboxes">
          <legend>{t("alerts.services")}</legend>
          {props.services.map((service) => (
            <span key={service.id} class="nr-check">
              <input
                id={`${id}-svc-${service.id}`}
                type="checkbox"
                checked={chosen.includes(service.id)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  setChosen((current) =>
                    on ? [...current, service.id] : current.filter((c) => c !== service.id),
                  );
                }}
              />
              <label for={`${id}-svc-${service.id}`} lang={service.locale} dir={service.dir}>
                {service.name}
              </label>
            </span>
          ))}
        </fieldset>
        {picked.map((service) => (
          <div class="nr-field" key={service.id}>
            <label for={`${id}-text-${service.id}`}>
              <Message
                text={t("alerts.textFor")}
                parts={{ service: <ServiceName service={service} /> }}
              />
            </label>
            <textarea
              id={`${id}-text-${service.id}`}
              rows={2}
              maxLength={300}
              lang={service.locale}
              dir={service.dir}
              aria-describedby={`${id}-text-help`}
              value={texts[service.id] ?? ""}
              onInput={(event) => {
                const value = event.currentTarget.value;
                setTexts((current) => ({ ...current, [service.id]: value }));
              }}
            />
          </div>
        ))}
        {picked.length > 0 ? (
          <p id={`${id}-text-help`} class="nr-help">
            {t("alerts.textHelp")}
          </p>
        ) : null}
        <div class="nr-field">
          <label for={`${id}-url`}>{t("alerts.link")}</label>
          <input
            id={`${id}-url`}
            dir="ltr"
            inputMode="url"
            maxLength={2048}
            aria-describedby={`${id}-url-help`}
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
          <p id={`${id}-url-help`} class="nr-help">
            {t("alerts.linkHelp")}
          </p>
        </div>
        <div class="nr-field">
          <label for={`${id}-expires`}>{t("alerts.expires")}</label>
          <input
            id={`${id}-expires`}
            type="datetime-local"
            required
            value={expires}
            onInput={(event) => setExpires(event.currentTarget.value)}
          />
        </div>
        <ErrorMessage message={error} />
        <div>
          <button type="submit" class="nr-primary">
            {t("alerts.raise")}
          </button>
        </div>
      </form>
      <ConfirmDialog
        title={t("alerts.confirmTitle")}
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void raise()}
        confirmLabel={t("alerts.confirm")}
        cancelLabel={t("common.cancel")}
        tone="primary"
        busy={busy}
      >
        <ul class="nr-consequence">
          {picked.map((service) => {
            const text = body[service.id];
            return (
              <li key={service.id}>
                {text ? (
                  <Message
                    text={t("alerts.confirmLive")}
                    parts={{
                      service: <ServiceName service={service} />,
                      text: (
                        <strong lang={service.locale} dir={service.dir}>
                          {text}
                        </strong>
                      ),
                      until,
                    }}
                  />
                ) : (
                  <Message
                    text={t("alerts.confirmWaiting")}
                    parts={{ service: <ServiceName service={service} />, until }}
                  />
                )}
              </li>
            );
          })}
        </ul>
        {link !== "" ? (
          <p>
            <Message text={t("alerts.confirmLink")} parts={{ url: <bdi dir="ltr">{link}</bdi> }} />
          </p>
        ) : null}
        <p>{t("alerts.confirmReplaces")}</p>
      </ConfirmDialog>
    </section>
  );
}

/**
 * One alert: when, until when, and each service's status and text, with the controls the
 * user's role in that service allows: the text form while it awaits translation; approval
 * (or a replacement) for editors while a translator's text awaits approval. Live text has no
 * controls here; editors replace it on the service's banner screen.
 */
function AlertItem(props: {
  readonly alert: AlertView;
  readonly onTranslated: (service: ServiceInfo, live: boolean) => void;
  readonly onApproved: (service: ServiceInfo) => void;
}) {
  const { services, session } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  const { alert } = props;
  return (
    <article class="nr-panel nr-alert" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("alerts.alertHeading", { time: dateTime(alert.createdAt) })}</h3>
      <p class="nr-meta">
        {t("alerts.expiresAt", { time: dateTime(alert.expiresAt) })}
        {alert.url ? (
          <>
            {" "}
            <Message text={t("alerts.linksTo")} parts={{ url: <bdi dir="ltr">{alert.url}</bdi> }} />
          </>
        ) : null}
      </p>
      <ul class="nr-alert-services">
        {alert.entries.map((entry) => {
          const service = serviceFor(entry.serviceId, services);
          const state: AlertStatus = alert.status[entry.serviceId] ?? "expired";
          const can = capabilitiesFor(session, service.id);
          const mode: TextMode = can.canSetBanner ? "publish" : "propose";
          const onDone = (live: boolean) => props.onTranslated(service, live);
          return (
            <li key={entry.serviceId}>
              <ServiceName service={service} />{" "}
              <span class="nr-badges">
                <span class={statusClasses[state]}>{t(statusKeys[state])}</span>
              </span>
              {entry.text && state === "awaiting-approval" ? (
                <p class="nr-help">{t("alerts.proposed")}</p>
              ) : null}
              {entry.text ? (
                <p lang={service.locale} dir={service.dir}>
                  {entry.text}
                </p>
              ) : null}
              {state === "awaiting-translation" && can.canTranslate ? (
                <TranslateAlert
                  alertId={alert.id}
                  service={service}
                  mode={mode}
                  label={t("alerts.addText")}
                  initial=""
                  onDone={onDone}
                />
              ) : null}
              {state === "awaiting-approval" && entry.text && can.canTranslate ? (
                <>
                  {can.canSetBanner ? (
                    <ApproveAlert
                      alert={alert}
                      service={service}
                      text={entry.text}
                      onDone={() => props.onApproved(service)}
                    />
                  ) : (
                    <p>
                      <Message
                        text={t("alerts.awaitsEditor")}
                        parts={{ service: <ServiceName service={service} /> }}
                      />
                    </p>
                  )}
                  <details class="nr-alert-change">
                    <summary>{t("alerts.changeText")}</summary>
                    <TranslateAlert
                      alertId={alert.id}
                      service={service}
                      mode={mode}
                      label={t("alerts.newText")}
                      initial={entry.text}
                      onDone={onDone}
                    />
                  </details>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </article>
  );
}

/** An editor's text goes live at once; a translator's is proposed for an editor's approval. */
type TextMode = "publish" | "propose";

/** An editor's approval of a translator's waiting text, after a look at what readers will see. */
function ApproveAlert(props: {
  readonly alert: AlertView;
  readonly service: ServiceInfo;
  readonly text: string;
  readonly onDone: () => void;
}) {
  const { api } = useApp();
  const { t, dateTime } = useUiText();
  const { service } = props;
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const approve = async () => {
    setBusy(true);
    setError(null);
    try {
      await approveAlert(api, props.alert.id, service.id);
      setConfirming(false);
      props.onDone();
    } catch (failure) {
      setError(errorMessage(failure));
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div>
        <button type="button" class="nr-primary" onClick={() => setConfirming(true)}>
          <Message
            text={t("alerts.approve")}
            parts={{ service: <ServiceName service={service} /> }}
          />
        </button>
      </div>
      <ErrorMessage message={error} />
      <ConfirmDialog
        title={t("alerts.approveTitle")}
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void approve()}
        confirmLabel={t("alerts.approveConfirm")}
        cancelLabel={t("common.cancel")}
        tone="primary"
        busy={busy}
      >
        <p>
          <Message
            text={t("alerts.confirmLive")}
            parts={{
              service: <ServiceName service={service} />,
              text: (
                <strong lang={service.locale} dir={service.dir}>
                  {props.text}
                </strong>
              ),
              until: dateTime(props.alert.expiresAt),
            }}
          />
        </p>
        <p>
          <Message
            text={t("alerts.approveReplaces")}
            parts={{ service: <ServiceName service={service} /> }}
          />
        </p>
      </ConfirmDialog>
    </>
  );
}

/**
 * The inline form for one service's text: an editor's goes live at once, a translator's is
 * sent for approval (the button and help say which). `onDone` learns from the server's answer
 * whether the text is live.
 */
function TranslateAlert(props: {
  readonly alertId: string;
  readonly service: ServiceInfo;
  readonly mode: TextMode;
  /** The field's label, with a `{service}` placeholder. */
  readonly label: string;
  readonly initial: string;
  readonly onDone: (live: boolean) => void;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const { service } = props;
  const [text, setText] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = text.normalize("NFC").trim();
    if (value === "") return setError(t("alerts.needTranslation"));
    setBusy(true);
    setError(null);
    try {
      const alert = await translateAlert(api, props.alertId, service.id, value);
      props.onDone(isLiveIn(alert, service.id));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      // A translator's revised text keeps this form on screen, so it must work again.
      setBusy(false);
    }
  };

  const publish = props.mode === "publish";
  return (
    <form class="nr-form nr-alert-translate" onSubmit={submit} noValidate>
      <div class="nr-field">
        <label for={`${id}-text`}>
          <Message text={props.label} parts={{ service: <ServiceName service={service} /> }} />
        </label>
        <textarea
          id={`${id}-text`}
          rows={2}
          maxLength={300}
          lang={service.locale}
          dir={service.dir}
          aria-describedby={`${id}-help`}
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <p id={`${id}-help`} class="nr-help">
          <Message
            text={t(publish ? "alerts.addTextHelp" : "alerts.proposeTextHelp")}
            parts={{ service: <ServiceName service={service} /> }}
          />
        </p>
      </div>
      <ErrorMessage message={error} />
      <div>
        <button type="submit" class="nr-primary" disabled={busy}>
          <Message
            text={t(publish ? "alerts.addTextButton" : "alerts.proposeTextButton")}
            parts={{ service: <ServiceName service={service} /> }}
          />
        </button>
      </div>
    </form>
  );
}
