import { quotationMarks } from "../../domain/writing/quotation-marks.js";
import type { LocaleTag } from "../../i18n/locale-registry.js";
import type { MessageKey } from "../i18n/en.js";
import { useUiText } from "../i18n/ui-language.js";
import { Dialog } from "../shared/Dialog.js";

/** The story editor's keyboard shortcuts; use-editor-shortcuts.ts and the body bind them. */
const editorShortcuts: readonly { readonly keys: string; readonly action: MessageKey }[] = [
  { keys: "Ctrl+S", action: "writing.shortcuts.save" },
  { keys: "Ctrl+K", action: "writing.shortcuts.link" },
  { keys: "Ctrl+B", action: "writing.shortcuts.bold" },
  { keys: "Ctrl+I", action: "writing.shortcuts.italic" },
  { keys: "Ctrl+Shift+Enter", action: "writing.shortcuts.publish" },
  { keys: "Ctrl+/", action: "writing.shortcuts.help" },
];

export function ShortcutsHelp(props: {
  readonly open: boolean;
  readonly locale: LocaleTag;
  readonly onClose: () => void;
}) {
  const { t } = useUiText();
  const marks = quotationMarks[props.locale];
  return (
    <Dialog title={t("writing.shortcuts.title")} open={props.open} onClose={props.onClose}>
      <p>{t("writing.shortcuts.intro")}</p>
      <table class="nr-table">
        <thead>
          <tr>
            <th scope="col">{t("writing.shortcuts.keys")}</th>
            <th scope="col">{t("writing.shortcuts.action")}</th>
          </tr>
        </thead>
        <tbody>
          {editorShortcuts.map((shortcut) => (
            <tr key={shortcut.keys}>
              <td>
                <kbd dir="ltr">{shortcut.keys}</kbd>
              </td>
              <td>{t(shortcut.action)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("writing.shortcuts.quotes", { open: marks.open.trim(), close: marks.close.trim() })}</p>
      <div class="nr-dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t("writing.shortcuts.close")}
        </button>
      </div>
    </Dialog>
  );
}
