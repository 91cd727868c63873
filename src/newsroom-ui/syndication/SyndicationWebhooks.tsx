import { useCallback, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { CredentialScreen, useCredentialList } from "../shared/CredentialScreen.js";
import { routeHref } from "../shared/router.js";
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
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([...webhookEvents]);
  const [serviceId, setServiceId] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const webhooks = useCredentialList<Webhook>({
    list: useCallback(() => listWebhooks(api), [api]),
    revoke: (webhook) => removeWebhook(api, webhook.id),
    revokedStatus: (webhook) => t("syndication.webhooks.removed", { url: webhook.url }),
    // The secret shown may be the removed subscription's.
    onRevoked: () => setCreated(null),
  });

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
      await webhooks.reload();
    } catch (failure) {
      setFormError(errorMessage(failure));
    }
  };

  return (
    <CredentialScreen
      title={t("syndication.webhooks.title")}
      tabs={<SyndicationTabs current="syndication" />}
      intro={t("syndication.webhooks.intro")}
      secret={
        created
          ? {
              heading: t("syndication.webhooks.createdHeading", { url: created.url }),
              value: created.secret,
              note: t("syndication.webhooks.usage"),
            }
          : null
      }
      createHeading={t("syndication.webhooks.createHeading")}
      createLabel={t("syndication.webhooks.create")}
      onCreate={subscribe}
      formError={formError}
      fields={
        <>
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
        </>
      }
      listHeading={t("syndication.webhooks.listHeading")}
      loadingText={t("syndication.webhooks.loading")}
      emptyText={t("syndication.webhooks.empty")}
      columns={[
        t("syndication.webhooks.url"),
        t("syndication.webhooks.events"),
        t("syndication.webhooks.service"),
        t("syndication.webhooks.created"),
        t("syndication.webhooks.actions"),
      ]}
      row={(webhook) => (
        <tr>
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
            <AppLink href={routeHref({ screen: "syndication-deliveries", webhookId: webhook.id })}>
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
              onClick={() => webhooks.askRevoke(webhook)}
            >
              {t("syndication.webhooks.remove")}
            </button>
          </td>
        </tr>
      )}
      list={webhooks}
      revokeTitle={t("syndication.webhooks.removeTitle")}
      revokeConfirm={t("syndication.webhooks.removeConfirm")}
      revokeBody={(webhook) => t("syndication.webhooks.removeBody", { url: webhook?.url ?? "" })}
    />
  );
}
