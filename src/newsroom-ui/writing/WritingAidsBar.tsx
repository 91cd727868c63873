import { useEffect, useState } from "preact/hooks";
import { countText, type TextCounts } from "../../domain/writing/text-counts.js";
import type { LocaleTag } from "../../i18n/locale-registry.js";
import { useUiText } from "../i18n/ui-language.js";

/** Counting a 5,000-word story takes a few milliseconds; do it when typing pauses. */
const countDelayMs = 250;

/**
 * Under the body: its word and character counts in the interface's digits (words as the
 * story's language divides them), and the way to the keyboard-shortcut list.
 */
export function WritingAidsBar(props: {
  readonly text: string;
  readonly locale: LocaleTag;
  readonly onHelp: () => void;
}) {
  const { t } = useUiText();
  const [counts, setCounts] = useState<TextCounts>(() => countText(props.text, props.locale));
  useEffect(() => {
    const timer = setTimeout(() => setCounts(countText(props.text, props.locale)), countDelayMs);
    return () => clearTimeout(timer);
  }, [props.text, props.locale]);
  return (
    <div class="nr-writing-bar">
      <p class="nr-counts" data-testid="body-counts">
        {t("writing.counts", { words: counts.words, characters: counts.characters })}
      </p>
      <button type="button" onClick={props.onHelp}>
        {t("writing.shortcuts.button")}
      </button>
    </div>
  );
}
