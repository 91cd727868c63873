import { useCallback, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { CredentialScreen, useCredentialList } from "../shared/CredentialScreen.js";
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
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<TokenScope[]>(["stories:read"]);
  const [lifetime, setLifetime] = useState<TokenLifetime>(defaultTokenLifetime);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{
    name: string;
    token: string;
    expiresAt: string;
  } | null>(null);
  /** When the list was loaded: a token past its expiry then is shown as expired. */
  const [now, setNow] = useState(() => new Date());
  /** The server wants the password again before it mints a token. */
  const [confirming, setConfirming] = useState(false);
  const tokens = useCredentialList<ApiToken>({
    list: useCallback(async () => {
      const listed = await listTokens(api);
      setNow(new Date());
      return listed;
    }, [api]),
    revoke: (token) => revokeToken(api, token.id),
    revokedStatus: (token) => t("tokens.revoked", { name: token.name }),
  });

  const mint = async () => {
    try {
      const result = await createToken(api, {
        name: name.trim(),
        scopes,
        expiresInDays: lifetime,
      });
      setCreated({ name: name.trim(), token: result.token, expiresAt: result.expiresAt });
      setName("");
      await tokens.reload();
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

  return (
    <CredentialScreen
      title={t("tokens.title")}
      intro={t("tokens.intro")}
      secret={
        created
          ? {
              heading: t("tokens.createdHeading", { name: created.name }),
              value: created.token,
              note: `${t("tokens.worksUntil", { time: dateTime(created.expiresAt) })} ${t("tokens.usage")}`,
            }
          : null
      }
      beforeForm={
        confirming ? (
          <ReauthenticateForm
            onDone={async () => {
              setConfirming(false);
              await mint();
            }}
            onCancel={() => setConfirming(false)}
          />
        ) : null
      }
      createHeading={t("tokens.createHeading")}
      createLabel={t("tokens.create")}
      onCreate={create}
      formError={formError}
      fields={
        <>
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
        </>
      }
      listHeading={t("tokens.listHeading")}
      loadingText={t("tokens.loading")}
      emptyText={t("tokens.empty")}
      columns={[
        t("tokens.name"),
        t("tokens.scopes"),
        t("tokens.created"),
        t("tokens.expires"),
        t("tokens.state"),
        t("tokens.actions"),
      ]}
      row={(token) => {
        const state = tokenState(token, now);
        return (
          <tr>
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
                <button type="button" class="nr-danger" onClick={() => tokens.askRevoke(token)}>
                  {t("tokens.revoke", { name: token.name })}
                </button>
              ) : null}
            </td>
          </tr>
        );
      }}
      list={tokens}
      revokeTitle={t("tokens.revokeTitle")}
      revokeConfirm={t("tokens.revokeConfirm")}
      revokeBody={(token) => t("tokens.revokeBody", { name: token?.name ?? "" })}
    />
  );
}
