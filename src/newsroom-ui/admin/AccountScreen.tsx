import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { CodeField } from "../shared/CodeField.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { useScreenTitle } from "../shared/screen-title.js";
import {
  changePassword,
  confirmSecondFactor,
  disableSecondFactor,
  type Enrolment,
  enrolSecondFactor,
  isReauthenticationRequired,
  qrImageSource,
  regenerateRecoveryCodes,
  type SecondFactorStatus,
  secondFactorStatus,
} from "./account-api.js";
import { passwordErrorText } from "./password-errors.js";
import { ReauthenticateForm } from "./ReauthenticateForm.js";

type Action = () => Promise<void>;

/**
 * The signed-in person's own account: change the password, and set up, use or turn off
 * two-factor authentication (TOTP with a QR code, recovery codes shown once). Changes the
 * server wants re-confirmed (ASVS 4.0.3 V3.7.1) ask for the password and code, then run.
 * With `mustEnrolSecondFactor` (REQUIRE_2FA) only the two-factor set-up is offered.
 */
export function AccountScreen(props: { readonly onEnrolled: () => void }) {
  const { api, session, signedOut } = useApp();
  const { t } = useUiText();
  useScreenTitle(t("account.title"));
  const required = session.mustEnrolSecondFactor === true;
  const [status, setStatus] = useState<SecondFactorStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Action | null>(null);

  const reload = async () => {
    try {
      setStatus(await secondFactorStatus(api));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  useEffect(() => {
    void reload();
  }, [api]);

  /** Runs an action; if the server asks for re-authentication, asks and runs it again. */
  const run = async (action: Action, onError: (message: string) => void) => {
    try {
      await action();
    } catch (failure) {
      if (isReauthenticationRequired(failure)) setPending(() => action);
      else onError(errorMessage(failure));
    }
  };

  return (
    <>
      <h1 tabIndex={-1}>{t("account.title")}</h1>
      <ErrorMessage message={error} />
      {required ? <p class="nr-note">{t("account.2fa.required")}</p> : null}
      {pending ? (
        <ReauthenticateForm
          secondFactorOn={status?.enabled === true}
          onDone={async () => {
            const action = pending;
            setPending(null);
            await run(action, setError);
          }}
          onCancel={() => setPending(null)}
        />
      ) : null}
      {required ? null : <PasswordSection secondFactorOn={status?.enabled === true} />}
      <TwoFactorSection
        status={status}
        run={run}
        reload={reload}
        onEnrolled={required ? props.onEnrolled : null}
      />
      {required ? (
        <p>
          <button
            type="button"
            onClick={() =>
              void api
                .logout()
                .then(signedOut, (failure: unknown) => setError(errorMessage(failure)))
            }
          >
            {t("header.logOut")}
          </button>
        </p>
      ) : null}
    </>
  );
}

function PasswordSection(props: { readonly secondFactorOn: boolean }) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setDone("");
    if (next !== repeat) {
      setError(t("account.password.mismatch"));
      return;
    }
    setBusy(true);
    try {
      const count = await changePassword(api, {
        currentPassword: current,
        newPassword: next,
        code,
      });
      setCurrent("");
      setNext("");
      setRepeat("");
      setCode("");
      setDone(t("account.password.changed", { count }));
    } catch (failure) {
      setError(passwordErrorText(failure, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} class="nr-panel">
      <h2 id={`${id}-heading`}>{t("account.password.heading")}</h2>
      <p>{t("account.password.intro")}</p>
      <form class="nr-form" onSubmit={submit}>
        <div class="nr-field">
          <label for={`${id}-current`}>{t("account.password.current")}</label>
          <input
            id={`${id}-current`}
            type="password"
            autocomplete="current-password"
            required
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </div>
        {props.secondFactorOn ? (
          <CodeField id={`${id}-code`} value={code} onInput={setCode} required />
        ) : null}
        <div class="nr-field">
          <label for={`${id}-new`}>{t("account.password.new")}</label>
          <input
            id={`${id}-new`}
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
            maxLength={256}
            aria-describedby={`${id}-new-help`}
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
          <p id={`${id}-new-help`} class="nr-help">
            {t("account.password.newHint")}
          </p>
        </div>
        <div class="nr-field">
          <label for={`${id}-repeat`}>{t("account.password.repeat")}</label>
          <input
            id={`${id}-repeat`}
            type="password"
            autocomplete="new-password"
            required
            value={repeat}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </div>
        <ErrorMessage message={error} />
        <StatusMessage>{done}</StatusMessage>
        <button type="submit" class="nr-primary" disabled={busy}>
          {t("account.password.submit")}
        </button>
      </form>
    </section>
  );
}

function TwoFactorSection(props: {
  readonly status: SecondFactorStatus | null;
  readonly run: (action: Action, onError: (message: string) => void) => Promise<void>;
  readonly reload: () => Promise<void>;
  /** Set while enrolment is required: called once the recovery codes are saved. */
  readonly onEnrolled: (() => void) | null;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState("");
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState("");
  const [confirmingOff, setConfirmingOff] = useState(false);
  const { status } = props;

  useEffect(() => {
    if (recoveryCodes) document.getElementById(`${id}-codes-heading`)?.focus();
  }, [recoveryCodes, id]);

  const act = (action: Action) => {
    setError(null);
    setDone("");
    void props.run(action, setError);
  };

  const start = () =>
    act(async () => {
      setEnrolment(await enrolSecondFactor(api));
    });

  const confirm = (event: Event) => {
    event.preventDefault();
    act(async () => {
      const codes = await confirmSecondFactor(api, code);
      setEnrolment(null);
      setCode("");
      setRecoveryCodes(codes);
      setDone(t("account.2fa.enabled"));
      await props.reload();
    });
  };

  const regenerate = () =>
    act(async () => {
      setRecoveryCodes(await regenerateRecoveryCodes(api));
      await props.reload();
    });

  const disable = () => {
    setConfirmingOff(false);
    act(async () => {
      await disableSecondFactor(api);
      setRecoveryCodes(null);
      setDone(t("account.2fa.disabled"));
      await props.reload();
    });
  };

  return (
    <section aria-labelledby={`${id}-heading`} class="nr-panel">
      <h2 id={`${id}-heading`}>{t("account.2fa.heading")}</h2>
      <p>{t("account.2fa.intro")}</p>
      {status === null ? <p>{t("account.2fa.loading")}</p> : null}
      {status !== null ? (
        <p>
          {status.enabled
            ? t("account.2fa.on", { count: status.recoveryCodesLeft })
            : t("account.2fa.off")}
        </p>
      ) : null}
      <ErrorMessage message={error} />
      <StatusMessage>{done}</StatusMessage>

      {recoveryCodes ? (
        <section class="nr-secret" aria-labelledby={`${id}-codes-heading`}>
          <h3 id={`${id}-codes-heading`} tabIndex={-1}>
            {t("account.2fa.recoveryHeading")}
          </h3>
          <p>{t("account.2fa.recoveryIntro")}</p>
          <ol class="nr-recovery-codes" dir="ltr" lang="en">
            {recoveryCodes.map((recoveryCode) => (
              <li key={recoveryCode}>
                <code>{recoveryCode}</code>
              </li>
            ))}
          </ol>
          <button
            type="button"
            onClick={() => {
              setRecoveryCodes(null);
              props.onEnrolled?.();
            }}
          >
            {t("account.2fa.recoveryDone")}
          </button>
        </section>
      ) : null}

      {status !== null && !status.enabled && !enrolment && !recoveryCodes ? (
        <button type="button" class="nr-primary" onClick={start}>
          {t("account.2fa.start")}
        </button>
      ) : null}

      {enrolment ? (
        <form class="nr-form" onSubmit={confirm}>
          <p>{t("account.2fa.scan")}</p>
          <img
            class="nr-qr"
            src={qrImageSource(enrolment.qrSvg)}
            alt={t("account.2fa.qrAlt")}
            width={200}
            height={200}
          />
          <p>
            {t("account.2fa.manual")}{" "}
            <code class="nr-secret-value" dir="ltr" lang="en">
              {enrolment.secret.match(/.{1,4}/g)?.join(" ") ?? enrolment.secret}
            </code>
          </p>
          <div class="nr-field">
            <label for={`${id}-confirm-code`}>{t("account.2fa.code")}</label>
            <input
              id={`${id}-confirm-code`}
              autocomplete="one-time-code"
              inputMode="numeric"
              required
              maxLength={16}
              dir="ltr"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="nr-primary">
            {t("account.2fa.confirm")}
          </button>
        </form>
      ) : null}

      {status?.enabled && !recoveryCodes ? (
        <div class="nr-button-row">
          <p id={`${id}-regenerate-note`} class="nr-help">
            {t("account.2fa.regenerateNote")}
          </p>
          <button type="button" onClick={regenerate} aria-describedby={`${id}-regenerate-note`}>
            {t("account.2fa.regenerate")}
          </button>
          <button type="button" class="nr-danger" onClick={() => setConfirmingOff(true)}>
            {t("account.2fa.disable")}
          </button>
        </div>
      ) : null}

      <ConfirmDialog
        title={t("account.2fa.disableTitle")}
        open={confirmingOff}
        onCancel={() => setConfirmingOff(false)}
        onConfirm={disable}
        confirmLabel={t("account.2fa.disable")}
        cancelLabel={t("common.cancel")}
        tone="danger"
      >
        <p>{t("account.2fa.disableBody")}</p>
      </ConfirmDialog>
    </section>
  );
}
