import { useEffect, useState } from "preact/hooks";
import { secondFactorProof } from "../admin/account-api.js";
import { useUiText } from "../i18n/ui-language.js";
import { type ApiClient, isApiError } from "./api-client.js";
import type { Session } from "./api-schemas.js";
import { CodeField } from "./CodeField.js";
import { loginErrorText } from "./login-errors.js";
import { ErrorMessage } from "./Notice.js";
import { useScreenTitle } from "./screen-title.js";

/**
 * Email and password with the browser's password manager allowed (autocomplete, paste):
 * WCAG 2.2 SC 3.3.8 accessible authentication. When the server answers that the account
 * uses two-factor authentication, a code field appears and the next attempt sends it with
 * the password (the server never keeps a half-signed-in session).
 */
export function LoginScreen(props: {
  readonly api: ApiClient;
  readonly notice: string | null;
  readonly onSignedIn: (session: Session) => void;
}) {
  const { t, lang } = useUiText();
  useScreenTitle(t("login.documentTitle"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(props.notice);

  useEffect(() => {
    if (askCode) document.getElementById("login-code")?.focus();
  }, [askCode]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await props.api.login(
        email.trim(),
        password,
        askCode ? secondFactorProof(code) : {},
      );
      props.onSignedIn(session);
    } catch (failure) {
      if (isApiError(failure) && failure.code === "AUTH_SECOND_FACTOR_REQUIRED") setAskCode(true);
      if (isApiError(failure) && failure.code === "AUTH_SECOND_FACTOR_FAILED") setCode("");
      setError(loginErrorText(failure, lang));
      setBusy(false);
    }
  };

  return (
    <main id="main" class="nr-main nr-login">
      <h1 tabIndex={-1}>{t("login.title")}</h1>
      <form onSubmit={submit} class="nr-form" aria-describedby={error ? "login-error" : undefined}>
        <div class="nr-field">
          <label for="login-email">{t("login.email")}</label>
          <input
            id="login-email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="nr-field">
          <label for="login-password">{t("login.password")}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        {askCode ? <CodeField id="login-code" value={code} onInput={setCode} required /> : null}
        <div id="login-error">
          <ErrorMessage message={error} />
        </div>
        <button type="submit" class="nr-primary" disabled={busy}>
          {busy ? t("login.busy") : t("login.submit")}
        </button>
      </form>
    </main>
  );
}
