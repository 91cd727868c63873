import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { SecretOnce } from "../shared/SecretOnce.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { SyndicationTabs } from "./SyndicationTabs.js";
import {
  listWebhooks,
  removeWebhook,
  subscribeWebhook,
  type Webhook,
  type WebhookEvent,
  webhookEvents,
} from "./syndication-api.js";

/**
 * Partner webhooks for administrators: subscribe a URL for some events and one or all
 * services (the signing secret is shown once, with a copy button), open a subscription's
 * delivery log, remove a subscription.
 */
export function SyndicationWebhooks() {
  const { api, services } = useApp();
  const { t, dateTime, lang } = useUiText();
  const id = useId();
  useScreenTitle(t("syndication.webhooks.title"));
  const [webhooks, setWebhooks] = useState<Webhook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([...webhookEvents]);
  const [serviceId, setServiceId] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [removing, setRemoving] = useState<Webhook | null>(null);

  const reload = useCallback(async () => {
    try {
      setWebhooks(await listWebhooks(api));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }, [api]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (created) document.getElementById(`${id}-secret-heading`)?.focus();
  }, [created, id]);

  const serviceName = (value: string | null) =>
    value === null
      ? t("syndication.webhooks.allServices")
      : (services.find((s) => s.id === value)?.name ?? value);

  const subscribe = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    if (events.length === 0) {
      setFormError(t("syndication.webhooks.noEvents"));
      return;
    }
    try {
      const result = await subscribeWebhook(api, {
        url: url.trim(),
        events,
        serviceId: serviceId === "" ? null : serviceId,
      });
      setCreated({ url: result.webhook.url, secret: result.secret });
      setUrl("");
      await reload();
    } catch (failure) {
      setFormError(errorMessage(failure));
    }
  };

  const remove = async () => {
    if (!removing) return;
    const webhook = removing;
    try {
      await removeWebhook(api, webhook.id);
      setRemoving(null);
      setCreated(null);
      setStatus(t("syndication.webhooks.removed", { url: webhook.url }));
      await reload();
    } catch (failure) {
      setRemoving(null);
      setError(errorMessage(failure));
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("syndication.webhooks.title")}</h1>
      <SyndicationTabs current="syndication" />
      <p>{t("syndication.webhooks.intro")}</p>
      {created ? (
        <SecretOnce
          id={`${id}-secret`}
          heading={t("syndication.webhooks.createdHeading", { url: created.url })}
          secret={created.secret}
          note={t("syndication.webhooks.usage")}
        />
      ) : null}

      <section aria-labelledby={`${id}-create`} class="nr-panel">
        <h2 id={`${id}-create`}>{t("syndication.webhooks.createHeading")}</h2>
        <form class="nr-form" onSubmit={subscribe}>
          <div class="nr-field">
            <label for={`${id}-url`}>{t("syndication.webhooks.url")}</label>
            <input
              id={`${id}-url`}
              type="url"
              required
              maxLength={2000}
              dir="ltr"
              autoComplete="url"
              aria-describedby={`${id}-url-help`}
              value={url}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
            <p id={`${id}-url-help`} class="nr-help">
              {t("syndication.webhooks.urlHelp")}
            </p>
          </div>
          <fieldset class="nr-checkboxes">
            <legend>{t("syndication.webhooks.events")}</legend>
            {webhookEvents.map((name) => (
              <span class="nr-check" key={name}>
                <input
                  id={`${id}-event-${name}`}
                  type="checkbox"
                  checked={events.includes(name)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setEvents((current) =>
                      on
                        ? webhookEvents.filter((e) => e === name || current.includes(e))
                        : current.filter((e) => e !== name),
                    );
                  }}
                />
                <label for={`${id}-event-${name}`}>{t(`syndication.event.${name}`)}</label>
              </span>
            ))}
          </fieldset>
          <div class="nr-field">
            <label for={`${id}-service`}>{t("syndication.webhooks.service")}</label>
            <select
              id={`${id}-service`}
              value={serviceId}
              onChange={(event) => setServiceId(event.currentTarget.value)}
            >
              <option value="">{t("syndication.webhooks.allServices")}</option>
              {services.map((service) => (
                <option key={service.id} value={service.id}>
                  {service.name}
                </option>
              ))}
            </select>
          </div>
          <ErrorMessage message={formError} />
          <button type="submit" class="nr-primary">
            {t("syndication.webhooks.create")}
          </button>
        </form>
      </section>

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t("syndication.webhooks.listHeading")}</h2>
        <StatusMessage>{status}</StatusMessage>
        <ErrorMessage message={error} />
        {webhooks === null && !error ? <p>{t("syndication.webhooks.loading")}</p> : null}
        {webhooks !== null && webhooks.length === 0 ? (
          <p>{t("syndication.webhooks.empty")}</p>
        ) : null}
        {webhooks !== null && webhooks.length > 0 ? (
          <table class="nr-table">
            <caption class="nr-visually-hidden">{t("syndication.webhooks.listHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("syndication.webhooks.url")}</th>
                <th scope="col">{t("syndication.webhooks.events")}</th>
                <th scope="col">{t("syndication.webhooks.service")}</th>
                <th scope="col">{t("syndication.webhooks.created")}</th>
                <th scope="col">{t("syndication.webhooks.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {webhooks.map((webhook) => (
                <tr key={webhook.id}>
                  <th scope="row" id={`${id}-row-${webhook.id}`}>
                    <code dir="ltr">{webhook.url}</code>
                  </th>
                  <td>
                    {webhook.events
                      .map((e) => t(`syndication.event.${e}`))
                      .join(lang === "fa" ? "، " : ", ")}
                  </td>
                  <td>{serviceName(webhook.serviceId)}</td>
                  <td>{dateTime(webhook.createdAt)}</td>
                  <td>
                    <AppLink
                      href={routeHref({ screen: "syndication-deliveries", webhookId: webhook.id })}
                    >
                      {t("syndication.webhooks.log")}
                      <span class="nr-visually-hidden">
                        {" "}
                        <bdi>{webhook.url}</bdi>
                      </span>
                    </AppLink>{" "}
                    <button
                      type="button"
                      class="nr-danger"
                      aria-describedby={`${id}-row-${webhook.id}`}
                      onClick={() => setRemoving(webhook)}
                    >
                      {t("syndication.webhooks.remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <ConfirmDialog
        title={t("syndication.webhooks.removeTitle")}
        open={removing !== null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => void remove()}
        confirmLabel={t("syndication.webhooks.removeConfirm")}
        cancelLabel={t("common.cancel")}
        danger
      >
        <p>{t("syndication.webhooks.removeBody", { url: removing?.url ?? "" })}</p>
      </ConfirmDialog>
    </>
  );
}
