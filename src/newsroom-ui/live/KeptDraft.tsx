import { useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { browserStorage, readDraft } from "./live-draft.js";

/**
 * When posting closes while a reporter has text in the box (the page ended, or reporters
 * were stopped), the posting box goes but the text does not: it stays on this device and
 * is shown here, read-only, to copy elsewhere or post when the page reopens.
 */
export function KeptDraft(props: {
  readonly storyId: string;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
}) {
  const { t } = useUiText();
  const id = useId();
  const [draft] = useState(() => readDraft(browserStorage(), props.storyId));
  const text = [draft?.title ?? "", draft?.text ?? ""].filter((part) => part.trim() !== "");
  if (text.length === 0) return null;
  return (
    <div class="nr-field">
      <label for={`${id}-kept`}>{t("live.blocked.draftKept")}</label>
      <textarea
        id={`${id}-kept`}
        readOnly
        rows={4}
        lang={props.lang}
        dir={props.dir}
        value={text.join("\n\n")}
      />
    </div>
  );
}
