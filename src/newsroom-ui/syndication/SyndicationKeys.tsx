import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { SecretOnce } from "../shared/SecretOnce.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { SyndicationTabs } from "./SyndicationTabs.js";
import { type ApiKey, issueApiKey, listApiKeys, revokeApiKey } from "./syndication-api.js";

/**
 * Content-API keys for partners, for administrators: issue one with a per-minute limit
 * (the key is shown once, with a copy button), see them all, revoke.
 */
export function SyndicationKeys() {
  const { api } = useApp();
  const { t, dateTime, lang } = useUiText();
  const id = useId();
  useScreenTitle(t("syndication.keys.title"));
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [name, setName] = useState("");
  const [rate, setRate] = useState("60");
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const numbers = new Intl.NumberFormat(lang);

  const reload = useCallback(async () => {
    try {
      setKeys(await listApiKeys(api));
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

  const issue = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    try {
      const result = await issueApiKey(api, {
        name: name.trim(),
        rateLimitPerMinute: Number(rate),
      });
      setCreated({ name: result.apiKey.name, key: result.key });
      setName("");
      await reload();
    } catch (failure) {
      setFormError(errorMessage(failure));
    }
  };

  const revoke = async () => {
    if (!revoking) return;
    const key = revoking;
    try {
      await revokeApiKey(api, key.id);
      setRevoking(null);
      setStatus(t("syndication.keys.revoked", { name: key.name }));
      await reload();
    } catch (failure) {
      setRevoking(null);
      setError(errorMessage(failure));
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("syndication.keys.title")}</h1>
      <SyndicationTabs current="syndication-keys" />
      <p>{t("syndication.keys.intro")}</p>
      {created ? (
        <SecretOnce
          id={`${id}-secret`}
          heading={t("syndication.keys.createdHeading", { name: created.name })}
          secret={created.key}
          note={t("syndication.keys.usage")}
        />
      ) : null}

      <section aria-labelledby={`${id}-create`} class="nr-panel">
        <h2 id={`${id}-create`}>{t("syndication.keys.createHeading")}</h2>
        <form class="nr-form" onSubmit={issue}>
          <div class="nr-field">
            <label for={`${id}-name`}>{t("syndication.keys.name")}</label>
            <input
              id={`${id}-name`}
              required
              maxLength={100}
              dir="auto"
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </div>
          <div class="nr-field">
            <label for={`${id}-rate`}>{t("syndication.keys.rate")}</label>
            <input
              id={`${id}-rate`}
              type="number"
              required
              min={1}
              max={100000}
              step={1}
              inputMode="numeric"
              dir="ltr"
              aria-describedby={`${id}-rate-help`}
              value={rate}
              onInput={(event) => setRate(event.currentTarget.value)}
            />
            <p id={`${id}-rate-help`} class="nr-help">
              {t("syndication.keys.rateHelp")}
            </p>
          </div>
          <ErrorMessage message={formError} />
          <button type="submit" class="nr-primary">
            {t("syndication.keys.create")}
          </button>
        </form>
      </section>

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t("syndication.keys.listHeading")}</h2>
        <StatusMessage>{status}</StatusMessage>
        <ErrorMessage message={error} />
        {keys === null && !error ? <p>{t("syndication.keys.loading")}</p> : null}
        {keys !== null && keys.length === 0 ? <p>{t("syndication.keys.empty")}</p> : null}
        {keys !== null && keys.length > 0 ? (
          <table class="nr-table">
            <caption class="nr-visually-hidden">{t("syndication.keys.listHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("syndication.keys.name")}</th>
                <th scope="col">{t("syndication.keys.rate")}</th>
                <th scope="col">{t("syndication.keys.issued")}</th>
                <th scope="col">{t("syndication.keys.state")}</th>
                <th scope="col">{t("syndication.keys.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.id}>
                  <th scope="row" id={`${id}-row-${key.id}`}>
                    <bdi>{key.name}</bdi>
                  </th>
                  <td>
                    {t("syndication.keys.perMinute", {
                      rate: numbers.format(key.rateLimitPerMinute),
                    })}
                  </td>
                  <td>{dateTime(key.createdAt)}</td>
                  <td>
                    {key.revokedAt
                      ? t("syndication.keys.revokedAt", { time: dateTime(key.revokedAt) })
                      : t("syndication.keys.active")}
                  </td>
                  <td>
                    {key.revokedAt ? null : (
                      <button
                        type="button"
                        class="nr-danger"
                        aria-describedby={`${id}-row-${key.id}`}
                        onClick={() => setRevoking(key)}
                      >
                        {t("syndication.keys.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <ConfirmDialog
        title={t("syndication.keys.revokeTitle")}
        open={revoking !== null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => void revoke()}
        confirmLabel={t("syndication.keys.revokeConfirm")}
        cancelLabel={t("common.cancel")}
        danger
      >
        <p>{t("syndication.keys.revokeBody", { name: revoking?.name ?? "" })}</p>
      </ConfirmDialog>
    </>
  );
}
