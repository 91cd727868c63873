import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef, useState } from "preact/hooks";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import type { Correction, StoryHead } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { Dialog } from "../shared/Dialog.js";
import { contentDirection, formatDateTimeIn } from "../shared/format.js";
import { Message } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import type { Capabilities } from "../shared/permissions.js";
import { localInputToIso } from "./story-draft.js";
import {
  actionKeys,
  actionsFor,
  confirmationText,
  doneKeys,
  statusKeys,
  type WorkflowAction,
} from "./workflow-actions.js";

/** The steps after which readers, or an editor, see the text: the check list shows there. */
const checkedActions: readonly WorkflowAction["id"][] = [
  "submit",
  "publish-first",
  "publish-update",
  "publish-silent",
  "schedule",
];

const roleKeys: Record<NonNullable<Capabilities["role"]>, MessageKey> = {
  reporter: "role.reporter",
  editor: "role.editor",
  translator: "role.translator",
  service_admin: "role.service_admin",
  administrator: "role.administrator",
};

/**
 * Submit, publish, update, silent fix, schedule, embargo, correct, kill and unpublish, each
 * behind a native <dialog> that says exactly what readers will see before anything happens.
 */
export function WorkflowControls(props: {
  readonly story: StoryHead;
  readonly serviceName: string;
  readonly serviceLocale: string;
  /** The service readers' IANA zone: scheduled times are stated in it too. */
  readonly serviceTimeZone: string | null;
  readonly capabilities: Capabilities;
  readonly corrections: readonly Correction[];
  readonly readerUrl: string | null;
  readonly dirty: boolean;
  /** Saves unsaved changes first; false when that failed (the editor shows why). */
  readonly saveFirst: () => Promise<boolean>;
  readonly onChanged: () => void;
  /** The house-style and length check list shown before publishing or sending for review. */
  readonly checks?: () => ComponentChildren;
  /** Incremented by the editor's Ctrl/Cmd+Shift+Enter: open the main next step's dialog. */
  readonly openRequest?: number;
}) {
  const { api } = useApp();
  const { t, dateTime, lang } = useUiText();
  const id = useId();
  const { story, capabilities } = props;
  const [pending, setPending] = useState<WorkflowAction | null>(null);
  const [input, setInput] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const { allowed, needsEditor } = actionsFor(story, capabilities);
  const text = contentDirection({ locale: props.serviceLocale });

  const open = (action: WorkflowAction) => {
    setPending(action);
    setInput("");
    setError(null);
  };

  const openRef = useRef(open);
  openRef.current = open;
  const nextStep =
    allowed.find((a) => a.id === "publish-first" || a.id === "publish-update") ??
    allowed.find((a) => a.id === "submit");
  const nextStepRef = useRef(nextStep);
  nextStepRef.current = nextStep;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!props.openRequest) return;
    const step = nextStepRef.current;
    if (step) openRef.current(step);
    else headingRef.current?.focus();
  }, [props.openRequest]);

  const chosenIso = pending?.input === "datetime" ? localInputToIso(input) : null;
  /** The time in the service's zone, or null when the editor's own zone is the same. */
  const serviceTime = (iso: string): string | null => {
    const zone = props.serviceTimeZone;
    if (!zone) return null;
    const there = formatDateTimeIn(iso, lang, zone);
    return there === dateTime(iso) ? null : there;
  };
  const sentence = pending
    ? confirmationText(
        pending.id,
        {
          serviceName: props.serviceName,
          nowText: dateTime(new Date().toISOString()),
          chosenTimeText: chosenIso ? dateTime(chosenIso) : null,
          chosenServiceTimeText: chosenIso ? serviceTime(chosenIso) : null,
          embargoUntilText:
            story.embargoUntil && Date.parse(story.embargoUntil) > Date.now()
              ? dateTime(story.embargoUntil)
              : null,
        },
        lang,
      )
    : "";

  const run = async (event: Event) => {
    event.preventDefault();
    if (!pending) return;
    const value = input.normalize("NFC").trim();
    if (pending.inputRequired && pending.input === "datetime" && !chosenIso) {
      setError(t("workflow.chooseTime"));
      return;
    }
    if (pending.inputRequired && value === "") {
      setError(t(pending.input === "reason" ? "workflow.needReason" : "workflow.needCorrection"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (props.dirty && !(await props.saveFirst())) {
        setError(t("workflow.saveFailed"));
        return;
      }
      switch (pending.id) {
        case "submit":
          await api.submit(story.id);
          break;
        case "publish-first":
          await api.publish(story.id, "first");
          break;
        case "publish-update":
          await api.publish(story.id, "update", value || undefined);
          break;
        case "publish-silent":
          await api.publish(story.id, "silent");
          break;
        case "schedule":
          await api.schedule(story.id, chosenIso);
          break;
        case "cancel-schedule":
          await api.schedule(story.id, null);
          break;
        case "embargo":
          await api.embargo(story.id, chosenIso);
          break;
        case "lift-embargo":
          await api.embargo(story.id, null);
          break;
        case "correct":
          await api.correct(story.id, value);
          break;
        case "kill":
          await api.kill(story.id, value);
          break;
        case "unpublish":
          await api.unpublish(story.id);
          break;
      }
      setStatus(t(doneKeys[pending.id]));
      setPending(null);
      props.onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const role = capabilities.role ? t(roleKeys[capabilities.role]) : null;
  const label = (action: WorkflowAction) => t(actionKeys[action.id]);
  const details = [
    story.firstPublishedAt
      ? t("workflow.firstPublished", { time: dateTime(story.firstPublishedAt) })
      : "",
    story.updatedAt ? t("workflow.updated", { time: dateTime(story.updatedAt) }) : "",
    story.scheduledAt ? t("workflow.scheduledFor", { time: dateTime(story.scheduledAt) }) : "",
    story.embargoUntil ? t("workflow.embargoedUntil", { time: dateTime(story.embargoUntil) }) : "",
  ].filter((detail) => detail !== "");
  const separator = t("common.listSeparator");
  return (
    <section class="nr-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {t("workflow.heading")}
      </h2>
      <p>
        <Message
          text={t("workflow.status")}
          parts={{ status: <strong>{t(statusKeys[story.status])}</strong> }}
        />
        {details.map((detail) => `${separator}${detail}`).join("")}.
      </p>
      {props.readerUrl && story.status === "published" ? (
        <p>
          <a href={props.readerUrl} target="_blank" rel="noopener">
            {t("workflow.open")}
          </a>
        </p>
      ) : null}
      <StatusMessage>{status}</StatusMessage>
      {allowed.length > 0 ? (
        <div class="nr-button-row">
          {allowed.map((action) => (
            <button
              key={action.id}
              type="button"
              class={action.danger ? "nr-danger" : undefined}
              onClick={() => open(action)}
            >
              {label(action)}
            </button>
          ))}
        </div>
      ) : null}
      {needsEditor.length > 0 ? (
        <p class="nr-note" id={`${id}-role-note`}>
          {t("workflow.needsEditor", {
            actions: needsEditor.map(label).join(separator),
            service: props.serviceName,
          })}{" "}
          {role
            ? t("workflow.yourRole", { role })
            : t("workflow.noRole", { service: props.serviceName })}
        </p>
      ) : null}
      {props.corrections.length > 0 ? (
        <>
          <h3>{t("workflow.corrections")}</h3>
          <ul>
            {props.corrections.map((correction) => (
              <li key={correction.id}>
                {dateTime(correction.createdAt)}:{" "}
                <span lang={text.lang} dir="auto">
                  {correction.text}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Dialog
        title={pending ? t("workflow.dialogTitle", { action: label(pending) }) : ""}
        open={pending !== null}
        onClose={() => setPending(null)}
      >
        {pending ? (
          <form class="nr-form" onSubmit={run}>
            <p class="nr-consequence" id={`${id}-consequence`}>
              {sentence}
            </p>
            {props.dirty ? <p>{t("workflow.savedFirst")}</p> : null}
            {props.checks && checkedActions.includes(pending.id) ? props.checks() : null}
            {pending.input === "datetime" ? (
              <div class="nr-field">
                <label for={`${id}-when`}>{t("workflow.when")}</label>
                <input
                  id={`${id}-when`}
                  type="datetime-local"
                  required
                  value={input}
                  onInput={(event) => setInput(event.currentTarget.value)}
                />
              </div>
            ) : null}
            {pending.input === "note" || pending.input === "text" || pending.input === "reason" ? (
              <div class="nr-field">
                <label for={`${id}-text`}>
                  {t(
                    pending.input === "note"
                      ? "workflow.noteLabel"
                      : pending.input === "text"
                        ? "workflow.correctionLabel"
                        : "workflow.reasonLabel",
                  )}
                </label>
                <textarea
                  id={`${id}-text`}
                  rows={3}
                  required={pending.inputRequired}
                  lang={text.lang}
                  dir={text.dir}
                  maxLength={pending.input === "note" ? 500 : 2000}
                  value={input}
                  onInput={(event) => setInput(event.currentTarget.value)}
                />
              </div>
            ) : null}
            <ErrorMessage message={error} />
            <div class="nr-dialog-actions">
              <button
                type="submit"
                class={pending.danger ? "nr-danger" : "nr-primary"}
                disabled={busy}
                aria-describedby={`${id}-consequence`}
              >
                {t("workflow.confirm", { action: label(pending) })}
              </button>
              <button type="button" onClick={() => setPending(null)}>
                {t("common.cancel")}
              </button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </section>
  );
}
