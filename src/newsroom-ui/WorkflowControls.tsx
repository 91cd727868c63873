import { useId, useState } from "preact/hooks";
import { errorMessage } from "./api-client.js";
import type { Correction, StoryHead } from "./api-schemas.js";
import { useApp } from "./app-context.js";
import { Dialog } from "./Dialog.js";
import { contentDirection, formatDateTime } from "./format.js";
import { ErrorMessage, StatusMessage } from "./Notice.js";
import { type Capabilities, roleLabels } from "./permissions.js";
import { localInputToIso } from "./story-draft.js";
import {
  actionsFor,
  confirmationText,
  statusLabels,
  type WorkflowAction,
  type WorkflowActionId,
} from "./workflow-actions.js";

const doneText: Record<WorkflowActionId, string> = {
  submit: "Submitted for review.",
  "publish-first": "Published.",
  "publish-update": "Published as an update.",
  "publish-silent": "Published as a silent fix.",
  schedule: "Scheduled.",
  "cancel-schedule": "The schedule was cancelled.",
  embargo: "Embargo set.",
  "lift-embargo": "Embargo lifted.",
  correct: "Correction added.",
  kill: "The story was killed.",
  unpublish: "The story was unpublished.",
};

/**
 * Submit, publish, update, silent fix, schedule, embargo, correct, kill and unpublish, each
 * behind a native <dialog> that says exactly what readers will see before anything happens.
 */
export function WorkflowControls(props: {
  readonly story: StoryHead;
  readonly serviceName: string;
  readonly serviceLocale: string;
  readonly capabilities: Capabilities;
  readonly corrections: readonly Correction[];
  readonly readerUrl: string | null;
  readonly dirty: boolean;
  /** Saves unsaved changes first; false when that failed (the editor shows why). */
  readonly saveFirst: () => Promise<boolean>;
  readonly onChanged: () => void;
}) {
  const { api } = useApp();
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

  const chosenIso = pending?.input === "datetime" ? localInputToIso(input) : null;
  const sentence = pending
    ? confirmationText(pending.id, {
        serviceName: props.serviceName,
        nowText: formatDateTime(new Date().toISOString()),
        chosenTimeText: chosenIso ? formatDateTime(chosenIso) : null,
        embargoUntilText:
          story.embargoUntil && Date.parse(story.embargoUntil) > Date.now()
            ? formatDateTime(story.embargoUntil)
            : null,
      })
    : "";

  const run = async (event: Event) => {
    event.preventDefault();
    if (!pending) return;
    const value = input.normalize("NFC").trim();
    if (pending.inputRequired && pending.input === "datetime" && !chosenIso) {
      setError("Choose a date and time.");
      return;
    }
    if (pending.inputRequired && value === "") {
      setError(
        pending.input === "reason" ? "Give a reason for readers." : "Write the correction text.",
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (props.dirty && !(await props.saveFirst())) {
        setError(
          "Your changes could not be saved, so nothing else was done. See the message above the editor.",
        );
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
      setStatus(doneText[pending.id]);
      setPending(null);
      props.onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const role = capabilities.role ? roleLabels[capabilities.role] : null;
  return (
    <section class="nr-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Workflow</h2>
      <p>
        Status: <strong>{statusLabels[story.status]}</strong>
        {story.firstPublishedAt
          ? `, first published ${formatDateTime(story.firstPublishedAt)}`
          : ""}
        {story.updatedAt ? `, updated ${formatDateTime(story.updatedAt)}` : ""}
        {story.scheduledAt ? `, scheduled for ${formatDateTime(story.scheduledAt)}` : ""}
        {story.embargoUntil ? `, embargoed until ${formatDateTime(story.embargoUntil)}` : ""}.
      </p>
      {props.readerUrl && story.status === "published" ? (
        <p>
          <a href={props.readerUrl} target="_blank" rel="noopener">
            Open the published story (new tab)
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
              {action.label}
            </button>
          ))}
        </div>
      ) : null}
      {needsEditor.length > 0 ? (
        <p class="nr-note" id={`${id}-role-note`}>
          {needsEditor.map((action) => action.label).join(", ")}: these need the editor role in{" "}
          {props.serviceName}.{" "}
          {role ? `Your role there is ${role}.` : `You have no role in ${props.serviceName}.`}
        </p>
      ) : null}
      {props.corrections.length > 0 ? (
        <>
          <h3>Corrections shown to readers</h3>
          <ul>
            {props.corrections.map((correction) => (
              <li key={correction.id}>
                {formatDateTime(correction.createdAt)}:{" "}
                <span lang={text.lang} dir="auto">
                  {correction.text}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Dialog
        title={pending ? `${pending.label}?` : ""}
        open={pending !== null}
        onClose={() => setPending(null)}
      >
        {pending ? (
          <form class="nr-form" onSubmit={run}>
            <p class="nr-consequence" id={`${id}-consequence`}>
              {sentence}
            </p>
            {props.dirty ? <p>Your unsaved changes are saved first.</p> : null}
            {pending.input === "datetime" ? (
              <div class="nr-field">
                <label for={`${id}-when`}>Date and time (your time zone)</label>
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
                  {pending.input === "note"
                    ? "Update note for readers (optional)"
                    : pending.input === "text"
                      ? "Correction text for readers"
                      : "Reason, shown to readers at the story's address"}
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
                Confirm: {pending.label}
              </button>
              <button type="button" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </form>
        ) : null}
      </Dialog>
    </section>
  );
}
