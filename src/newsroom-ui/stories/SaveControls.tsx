import { useId } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";

/**
 * Below the story form: what the last save said, whether anything is unsaved, and (for
 * those who may write) a revision note and the Save button. The button is the form's submit.
 */
export function SaveControls(props: {
  readonly error: string | null;
  readonly message: string;
  readonly autosaveMessage: string;
  readonly dirty: boolean;
  readonly readOnly: boolean;
  readonly note: string;
  readonly onNote: (note: string) => void;
  /** While a conflict is open, saving waits for the editor's choice. */
  readonly blocked: boolean;
}) {
  const { t } = useUiText();
  const id = useId();
  return (
    <>
      <ErrorMessage message={props.error} />
      <StatusMessage>{props.message}</StatusMessage>
      <p class="nr-help" aria-live="off">
        {/* Two sentences: the space between them is the catalogue's separator, so they
            never run together ("All changes saved.Autosaved…"). */}
        {[t(props.dirty ? "editor.unsaved" : "editor.allSaved"), props.autosaveMessage]
          .filter((sentence) => sentence !== "")
          .join(t("common.sentenceSeparator"))}
      </p>
      {props.readOnly ? null : (
        <div class="nr-inline-form">
          <label for={`${id}-note`}>{t("editor.note")}</label>
          <input
            id={`${id}-note`}
            dir="auto"
            maxLength={500}
            value={props.note}
            onInput={(event) => props.onNote(event.currentTarget.value)}
          />
          <button type="submit" class="nr-primary" disabled={props.blocked}>
            {t("editor.save")}
          </button>
        </div>
      )}
    </>
  );
}
