import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { ErrorMessage } from "../shared/Notice.js";
import { SecretOnce } from "../shared/SecretOnce.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { isReauthenticationRequired } from "./account-api.js";
import { ReauthenticateForm } from "./ReauthenticateForm.js";
import {
  type ApiToken,
  createToken,
  defaultTokenLifetime,
  listTokens,
  revokeToken,
  type TokenLifetime,
  type TokenScope,
  tokenLifetimes,
  tokenScopes,
  tokenState,
} from "./tokens-api.js";

/**
 * The signed-in person's API tokens for automation: create one with scopes and a lifetime
 * (shown once, with a copy button), see them all with their expiry, revoke. The server
 * stores only each token's hash.
 */
export function ApiTokens() {
  const { api } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  useScreenTitle(t("tokens.title"));
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["stories:read"]);
  const [lifetime, setLifetime] = useState<TokenLifetime>(defaultTokenLifetime);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{
    name: string;
    token: string;
    expiresAt: string;
  } | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [status, setStatus] = useState("");
  /** When the list was loaded: a token past its expiry then is shown as expired. */
  const [now, setNow] = useState(() => new Date());
  /** The server wants the password again before it mints a token. */
  const [confirming, setConfirming] = useState(false);

  const reload = async () => {
    try {
      setTokens(await listTokens(api));
      setNow(new Date());
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  useEffect(() => {
    void reload();
  }, [api]);
  useEffect(() => {
    if (created) document.getElementById(`${id}-secret-heading`)?.focus();
  }, [created, id]);

  const mint = async () => {
    try {
      const result = await createToken(api, {
        name: name.trim(),
        scopes,
        expiresInDays: lifetime,
      });
      setCreated({ name: name.trim(), token: result.token, expiresAt: result.expiresAt });
      setName("");
      await reload();
    } catch (failure) {
      if (isReauthenticationRequired(failure)) setConfirming(true);
      else setFormError(errorMessage(failure));
    }
  };

  const create = async (event: Event) => {
    event.preventDefault();
    setFormError(null);
    if (scopes.length === 0) {
      setFormError(t("tokens.noScopes"));
      return;
    }
    await mint();
  };

  const revoke = async () => {
    if (!revoking) return;
    const token = revoking;
    try {
      await revokeToken(api, token.id);
      setRevoking(null);
      setStatus(t("tokens.revoked", { name: token.name }));
      await reload();
    } catch (failure) {
      setRevoking(null);
      setError(errorMessage(failure));
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("tokens.title")}</h1>
      <p>{t("tokens.intro")}</p>
      {created ? (
        <SecretOnce
          id={`${id}-secret`}
          heading={t("tokens.createdHeading", { name: created.name })}
          secret={created.token}
          note={`${t("tokens.worksUntil", { time: dateTime(created.expiresAt) })} ${t("tokens.usage")}`}
        />
      ) : null}

      {confirming ? (
        <ReauthenticateForm
          onDone={async () => {
            setConfirming(false);
            await mint();
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}

      <section aria-labelledby={`${id}-create`} class="nr-panel">
        <h2 id={`${id}-create`}>{t("tokens.createHeading")}</h2>
        <form class="nr-form" onSubmit={create}>
          <div class="nr-field">
            <label for={`${id}-name`}>{t("tokens.name")}</label>
            <input
              id={`${id}-name`}
              required
              maxLength={100}
              dir="auto"
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </div>
          <fieldset class="nr-checkboxes">
            <legend>{t("tokens.scopes")}</legend>
            {tokenScopes.map((scope) => (
              <span class="nr-check" key={scope}>
                <input
                  id={`${id}-scope-${scope}`}
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  onChange={(event) => {
                    const on = event.currentTarget.checked;
                    setScopes((current) =>
                      on ? [...current, scope] : current.filter((s) => s !== scope),
                    );
                  }}
                />
                <label for={`${id}-scope-${scope}`}>
                  {t(`tokens.scope.${scope}`)} (<code dir="ltr">{scope}</code>)
                </label>
              </span>
            ))}
          </fieldset>
          <fieldset class="nr-checkboxes" aria-describedby={`${id}-lifetime-help`}>
            <legend>{t("tokens.lifetime")}</legend>
            {tokenLifetimes.map((days) => (
              <span class="nr-check" key={days}>
                <input
                  id={`${id}-lifetime-${days}`}
                  type="radio"
                  name={`${id}-lifetime`}
                  value={days}
                  checked={lifetime === days}
                  onChange={() => setLifetime(days)}
                />
                <label for={`${id}-lifetime-${days}`}>{t("tokens.lifetimeDays", { days })}</label>
              </span>
            ))}
          </fieldset>
          <p id={`${id}-lifetime-help`} class="nr-help">
            {t("tokens.lifetimeHelp")}
          </p>
          <ErrorMessage message={formError} />
          <button type="submit" class="nr-primary">
            {t("tokens.create")}
          </button>
        </form>
      </section>

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t("tokens.listHeading")}</h2>
        <p role="status" class="nr-status">
          {status}
        </p>
        <ErrorMessage message={error} />
        {tokens === null && !error ? <p>{t("tokens.loading")}</p> : null}
        {tokens !== null && tokens.length === 0 ? <p>{t("tokens.empty")}</p> : null}
        {tokens !== null && tokens.length > 0 ? (
          <table class="nr-table">
            <caption class="nr-visually-hidden">{t("tokens.listHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("tokens.scopes")}</th>
                <th scope="col">{t("tokens.created")}</th>
                <th scope="col">{t("tokens.expires")}</th>
                <th scope="col">{t("tokens.state")}</th>
                <th scope="col">{t("tokens.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const state = tokenState(token, now);
                return (
                  <tr key={token.id}>
                    <th scope="row">
                      <bdi>{token.name}</bdi>
                    </th>
                    <td>
                      <code dir="ltr">{token.scopes.join(", ")}</code>
                    </td>
                    <td>
                      <time dateTime={token.createdAt}>{dateTime(token.createdAt)}</time>
                    </td>
                    <td>
                      {token.expiresAt ? (
                        <time dateTime={token.expiresAt}>{dateTime(token.expiresAt)}</time>
                      ) : (
                        t("tokens.noExpiry")
                      )}
                    </td>
                    <td>
                      {/* The state is written out, never shown by colour alone (SC 1.4.1). */}
                      <span class="nr-badges">
                        {state === "revoked" ? (
                          <span class="nr-tag nr-tag-muted">
                            {t("tokens.revokedAt", { time: dateTime(token.revokedAt) })}
                          </span>
                        ) : state === "expired" ? (
                          <span class="nr-tag nr-tag-danger">{t("tokens.expired")}</span>
                        ) : (
                          <span class="nr-tag nr-tag-ok">{t("tokens.active")}</span>
                        )}
                      </span>
                    </td>
                    <td>
                      {/* An expired or revoked token no longer works: nothing left to revoke. */}
                      {state === "active" ? (
                        <button type="button" class="nr-danger" onClick={() => setRevoking(token)}>
                          {t("tokens.revoke", { name: token.name })}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </section>

      <ConfirmDialog
        title={t("tokens.revokeTitle")}
        open={revoking !== null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => void revoke()}
        confirmLabel={t("tokens.revokeConfirm")}
        cancelLabel={t("common.cancel")}
        danger
      >
        <p>{t("tokens.revokeBody", { name: revoking?.name ?? "" })}</p>
      </ConfirmDialog>
    </>
  );
}
