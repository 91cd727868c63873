import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { CodeField } from "../shared/CodeField.js";
import { ErrorMessage } from "../shared/Notice.js";
import { reauthenticate, secondFactorStatus } from "./account-api.js";

/**
 * Asks for the password again (and the two-factor code, if the account uses one) before an
 * action the server wants re-confirmed (ASVS 4.0.3 V3.7.1), then lets the caller retry it.
 */
export function ReauthenticateForm(props: {
  /** Whether to ask for a code too; looked up from the server when not given. */
  readonly secondFactorOn?: boolean;
  readonly onDone: () => Promise<void>;
  readonly onCancel: () => void;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [secondFactorOn, setSecondFactorOn] = useState(props.secondFactorOn ?? false);
  useEffect(() => {
    document.getElementById(`${id}-heading`)?.focus();
  }, [id]);
  useEffect(() => {
    if (props.secondFactorOn !== undefined) return;
    secondFactorStatus(api).then(
      (status) => setSecondFactorOn(status.enabled),
      () => setSecondFactorOn(false),
    );
  }, [api, props.secondFactorOn]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await reauthenticate(api, { password, code });
    } catch (failure) {
      setError(errorMessage(failure));
      return;
    }
    await props.onDone();
  };

  return (
    <section aria-labelledby={`${id}-heading`} class="nr-panel">
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {t("account.reauth.heading")}
      </h2>
      <p>{t("account.reauth.intro")}</p>
      <form class="nr-form" onSubmit={submit}>
        <div class="nr-field">
          <label for={`${id}-password`}>{t("login.password")}</label>
          <input
            id={`${id}-password`}
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        {secondFactorOn ? (
          <CodeField id={`${id}-code`} value={code} onInput={setCode} required />
        ) : null}
        <ErrorMessage message={error} />
        <button type="submit" class="nr-primary">
          {t("account.reauth.submit")}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("common.cancel")}
        </button>
      </form>
    </section>
  );
}
