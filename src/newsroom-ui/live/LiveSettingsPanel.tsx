import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import {
  type LivePage,
  type LiveStatus,
  liveStatuses,
  maxKeyPoints,
  saveLiveSettings,
} from "./live-api.js";
import {
  keyPointsOf,
  keyPointsProblem,
  type SettingsForm,
  settingsChanged,
  settingsFormOf,
  statusKeys,
} from "./live-settings.js";

/**
 * Editors' settings for a live page: status (ending it asks first), key points (one per
 * line, at most 10) and whether reporters may post. Saved against the version loaded; a
 * colleague's newer save is refused (409 LIVE_SETTINGS_CONFLICT) and the form offers a reload.
 */
export function LiveSettingsPanel(props: {
  readonly page: LivePage;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onSaved: (page: LivePage) => void;
  /** Loads the page's current settings again (after a conflict). */
  readonly onReload: () => void;
}) {
  const { api } = useApp();
  const { t, number } = useUiText();
  const id = useId();
  const { page } = props;
  // The settings the form was loaded from: what it is compared with and saved against.
  const [base, setBase] = useState<LivePage>(page);
  const [form, setForm] = useState<SettingsForm>(() => settingsFormOf(page));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const dirty = settingsChanged(base, form);

  // A colleague's change arrives over the events: an untouched form follows it; one being
  // edited is kept, with the reload prompt, so nothing typed disappears under the user.
  useEffect(() => {
    if (page.version === base.version) return;
    if (dirty) {
      setStale(true);
      return;
    }
    setBase(page);
    setForm(settingsFormOf(page));
    setStale(false);
  }, [page]);

  const problem = keyPointsProblem(form.keyPointsText);
  const problemText = problem
    ? problem.kind === "tooMany"
      ? t("live.settings.tooMany", { count: problem.count, max: maxKeyPoints })
      : t("live.settings.tooLong", { line: problem.line })
    : null;

  const save = async (next: SettingsForm) => {
    if (keyPointsProblem(next.keyPointsText)) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const saved = await saveLiveSettings(api, page.storyId, {
        status: next.status,
        keyPoints: keyPointsOf(next.keyPointsText),
        reportersMayPost: next.reportersMayPost,
        version: base.version,
      });
      setBase(saved);
      setForm(settingsFormOf(saved));
      setStale(false);
      setMessage(
        next.status === "ended" && page.status !== "ended"
          ? t("live.settings.ended")
          : t("live.settings.saved"),
      );
      props.onSaved(saved);
    } catch (failure) {
      if (isApiError(failure) && failure.code === "LIVE_SETTINGS_CONFLICT") setStale(true);
      else setError(t("live.settings.failed", { error: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const reload = () => {
    setBase(page);
    setForm(settingsFormOf(page));
    setStale(false);
    setError(null);
    props.onReload();
  };

  return (
    <section class="nr-panel nr-live-settings" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("live.settings.heading")}</h2>
      {stale ? (
        <div class="nr-conflict" role="alert">
          <p>{t("live.settings.conflict")}</p>
          <button type="button" onClick={reload}>
            {t("live.settings.reload")}
          </button>
        </div>
      ) : null}
      <form
        class="nr-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (form.status === "ended" && page.status !== "ended") setConfirmEnd(true);
          else void save(form);
        }}
      >
        <div class="nr-field">
          <label for={`${id}-status`}>{t("live.settings.status")}</label>
          <select
            id={`${id}-status`}
            value={form.status}
            onChange={(event) =>
              setForm({ ...form, status: event.currentTarget.value as LiveStatus })
            }
          >
            {liveStatuses.map((status) => (
              <option key={status} value={status}>
                {t(statusKeys[status])}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for={`${id}-points`}>{t("live.settings.keyPoints")}</label>
          <textarea
            id={`${id}-points`}
            rows={5}
            lang={props.lang}
            dir={props.dir}
            value={form.keyPointsText}
            aria-describedby={`${id}-points-help`}
            aria-invalid={problem ? true : undefined}
            onInput={(event) => setForm({ ...form, keyPointsText: event.currentTarget.value })}
          />
          <p id={`${id}-points-help`} class="nr-help">
            {t("live.settings.keyPointsHelp", {
              count: number(keyPointsOf(form.keyPointsText).length),
              max: maxKeyPoints,
            })}
          </p>
          {problemText ? <p class="nr-error-text">{problemText}</p> : null}
        </div>
        <div class="nr-check">
          <input
            id={`${id}-reporters`}
            type="checkbox"
            role="switch"
            aria-checked={form.reportersMayPost}
            checked={form.reportersMayPost}
            onChange={(event) =>
              setForm({ ...form, reportersMayPost: event.currentTarget.checked })
            }
          />
          <label for={`${id}-reporters`}>{t("live.settings.reporters")}</label>
        </div>
        <div class="nr-button-row">
          <button type="submit" class="nr-primary" disabled={busy || !dirty || problem !== null}>
            {t("live.settings.save")}
          </button>
          {page.status !== "ended" ? (
            <button
              type="button"
              class="nr-danger"
              disabled={busy}
              onClick={() => setConfirmEnd(true)}
            >
              {t("live.settings.end")}
            </button>
          ) : null}
        </div>
        <StatusMessage>{message}</StatusMessage>
        <ErrorMessage message={error} />
      </form>
      <ConfirmDialog
        title={t("live.settings.endTitle")}
        open={confirmEnd}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={() => {
          setConfirmEnd(false);
          void save({ ...form, status: "ended" });
        }}
        confirmLabel={t("live.settings.endConfirm")}
        cancelLabel={t("common.cancel")}
        tone="danger"
        busy={busy}
      >
        <p class="nr-consequence">{t("live.settings.endBody")}</p>
      </ConfirmDialog>
    </section>
  );
}
