import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { AppLink } from "../shared/AppLink.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { SyndicationTabs } from "./SyndicationTabs.js";
import {
  type Delivery,
  listDeliveries,
  listWebhooks,
  retryDelivery,
  type Webhook,
} from "./syndication-api.js";

/**
 * One partner's delivery log: every delivery with its state, attempts, last HTTP status,
 * next retry and last error; failed or waiting deliveries can be retried now. The log is
 * refreshed on request (a button), so a screen reader is not interrupted by a live table.
 */
export function SyndicationDeliveries(props: { readonly webhookId: string }) {
  const { api } = useApp();
  const { t, dateTime, number } = useUiText();
  const id = useId();
  useScreenTitle(t("syndication.deliveries.title"));
  const [webhook, setWebhook] = useState<Webhook | null>(null);
  const [deliveries, setDeliveries] = useState<Delivery[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const load = useCallback(
    async (announce: boolean) => {
      setError(null);
      try {
        const [all, log] = await Promise.all([
          listWebhooks(api),
          listDeliveries(api, props.webhookId),
        ]);
        setWebhook(all.find((w) => w.id === props.webhookId) ?? null);
        setDeliveries(log);
        if (announce) setStatus(t("syndication.deliveries.refreshed", { count: log.length }));
      } catch (failure) {
        setError(
          isApiError(failure) && failure.code === "WEBHOOK_NOT_FOUND"
            ? t("syndication.deliveries.unknown")
            : errorMessage(failure),
        );
      }
    },
    [api, props.webhookId, t],
  );
  useEffect(() => {
    void load(false);
  }, [load]);

  const retry = async (delivery: Delivery) => {
    setError(null);
    try {
      await retryDelivery(api, props.webhookId, delivery.id);
      setStatus(t("syndication.deliveries.retried"));
      setDeliveries(await listDeliveries(api, props.webhookId));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const none = t("syndication.deliveries.none");
  return (
    <>
      <h1 tabIndex={-1}>{t("syndication.deliveries.title")}</h1>
      <SyndicationTabs current="syndication-deliveries" />
      <p>
        <AppLink href={routeHref({ screen: "syndication" })}>
          {t("syndication.deliveries.back")}
        </AppLink>
      </p>
      {webhook ? (
        <p>
          <IntroWithUrl text={t("syndication.deliveries.intro")} url={webhook.url} />
        </p>
      ) : null}
      <p>
        <button type="button" onClick={() => void load(true)}>
          {t("syndication.deliveries.refresh")}
        </button>
      </p>
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage message={error} />
      {deliveries === null && !error ? <p>{t("syndication.deliveries.loading")}</p> : null}
      {deliveries !== null && deliveries.length === 0 ? (
        <p>{t("syndication.deliveries.empty")}</p>
      ) : null}
      {deliveries !== null && deliveries.length > 0 ? (
        <table class="nr-table">
          <caption class="nr-visually-hidden">{t("syndication.deliveries.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("syndication.deliveries.queued")}</th>
              <th scope="col">{t("syndication.deliveries.event")}</th>
              <th scope="col">{t("syndication.deliveries.story")}</th>
              <th scope="col">{t("syndication.deliveries.status")}</th>
              <th scope="col">{t("syndication.deliveries.attempts")}</th>
              <th scope="col">{t("syndication.deliveries.statusCode")}</th>
              <th scope="col">{t("syndication.deliveries.nextRetry")}</th>
              <th scope="col">{t("syndication.deliveries.lastError")}</th>
              <th scope="col">{t("syndication.deliveries.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => {
              const rowId = `${id}-row-${delivery.id}`;
              const retryable = delivery.status === "failed" || delivery.status === "pending";
              return (
                <tr key={delivery.id} data-delivery={delivery.id}>
                  <th scope="row" id={rowId}>
                    {dateTime(delivery.createdAt)}
                  </th>
                  <td>{t(`syndication.event.${delivery.event}`)}</td>
                  <td>
                    <AppLink href={routeHref({ screen: "story", storyId: delivery.storyId })}>
                      <code dir="ltr">{delivery.storyId}</code>
                    </AppLink>
                  </td>
                  <td>{t(`syndication.status.${delivery.status}`)}</td>
                  <td>{number(delivery.attempts)}</td>
                  <td>
                    {delivery.lastStatusCode === null ? (
                      none
                    ) : (
                      <code dir="ltr">{delivery.lastStatusCode}</code>
                    )}
                  </td>
                  <td>{delivery.nextAttemptAt ? dateTime(delivery.nextAttemptAt) : none}</td>
                  <td>
                    {delivery.lastError ? (
                      <code dir="ltr" lang="en">
                        {delivery.lastError}
                      </code>
                    ) : (
                      none
                    )}
                  </td>
                  <td>
                    {retryable ? (
                      <button
                        type="button"
                        aria-describedby={rowId}
                        onClick={() => void retry(delivery)}
                      >
                        {t("syndication.deliveries.retry")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </>
  );
}

/** The sentence with the partner's URL isolated, so an RTL sentence keeps it intact. */
function IntroWithUrl(props: { readonly text: string; readonly url: string }) {
  const [before = "", after = ""] = props.text.split("{url}");
  return (
    <>
      {before}
      <bdi>
        <code dir="ltr">{props.url}</code>
      </bdi>
      {after}
    </>
  );
}
