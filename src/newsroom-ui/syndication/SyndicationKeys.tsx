import { useCallback, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { CredentialScreen, useCredentialList } from "../shared/CredentialScreen.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { SyndicationTabs } from "./SyndicationTabs.js";
import { type ApiKey, issueApiKey, listApiKeys, revokeApiKey } from "./syndication-api.js";

/**
 * Content-API keys for partners, for administrators: issue one with a per-minute limit
 * (the key is shown once, with a copy button), see them all, revoke.
 */
export function SyndicationKeys() {
  const { api } = useApp();
  const { t, dateTime, number } = useUiText();
  const id = useId();
  useScreenTitle(t("syndication.keys.title"));
  const [name, setName] = useState("");
  const [rate, setRate] = useState("60");
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const keys = useCredentialList<ApiKey>({
    list: useCallback(() => listApiKeys(api), [api]),
    revoke: (key) => revokeApiKey(api, key.id),
    revokedStatus: (key) => t("syndication.keys.revoked", { name: key.name }),
  });

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
      await keys.reload();
    } catch (failure) {
      setFormError(errorMessage(failure));
    }
  };

  return (
    <CredentialScreen
      title={t("syndication.keys.title")}
      tabs={<SyndicationTabs current="syndication-keys" />}
      intro={t("syndication.keys.intro")}
      secret={
        created
          ? {
              heading: t("syndication.keys.createdHeading", { name: created.name }),
              value: created.key,
              note: t("syndication.keys.usage"),
            }
          : null
      }
      createHeading={t("syndication.keys.createHeading")}
      createLabel={t("syndication.keys.create")}
      onCreate={issue}
      formError={formError}
      fields={
        <>
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
        </>
      }
      listHeading={t("syndication.keys.listHeading")}
      loadingText={t("syndication.keys.loading")}
      emptyText={t("syndication.keys.empty")}
      columns={[
        t("syndication.keys.name"),
        t("syndication.keys.rate"),
        t("syndication.keys.issued"),
        t("syndication.keys.state"),
        t("syndication.keys.actions"),
      ]}
      row={(key) => (
        <tr>
          <th scope="row" id={`${id}-row-${key.id}`}>
            <bdi>{key.name}</bdi>
          </th>
          <td>
            {t("syndication.keys.perMinute", {
              rate: number(key.rateLimitPerMinute, true),
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
                onClick={() => keys.askRevoke(key)}
              >
                {t("syndication.keys.revoke")}
              </button>
            )}
          </td>
        </tr>
      )}
      list={keys}
      revokeTitle={t("syndication.keys.revokeTitle")}
      revokeConfirm={t("syndication.keys.revokeConfirm")}
      revokeBody={(key) => t("syndication.keys.revokeBody", { name: key?.name ?? "" })}
    />
  );
}
