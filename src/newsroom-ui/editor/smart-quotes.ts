import { Extension, InputRule } from "@tiptap/core";
import { smartQuote } from "../../domain/writing/quotation-marks.js";
import type { LocaleTag } from "../../i18n/locale-registry.js";

/**
 * Straight quotes typed in the body become the service's own quotation marks (CLDR's, see
 * src/domain/writing/quotation-marks.ts). An input rule, so Backspace right after it gives
 * the straight quote back (Tiptap's undoInputRule), as in word processors.
 */
export const SmartQuotes = Extension.create<{ locale: LocaleTag }>({
  name: "smartQuotes",
  addOptions() {
    return { locale: "en" };
  },
  addInputRules() {
    const rule = (typed: '"' | "'") =>
      new InputRule({
        find: typed === '"' ? /"$/ : /'$/,
        handler: ({ state, range }) => {
          const $from = state.doc.resolve(range.from);
          const before = $from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc");
          state.tr.insertText(smartQuote(before, typed, this.options.locale), range.from, range.to);
        },
      });
    return [rule('"'), rule("'")];
  },
});

/**
 * The same for plain text fields (headline, standfirst, search and social text): replaces a
 * typed straight quote at the caret and tells the field its value changed.
 */
export function smartQuotesInField(locale: LocaleTag) {
  return (event: InputEvent) => {
    const typed = event.data;
    if (event.inputType !== "insertText" || (typed !== '"' && typed !== "'")) return;
    const field = event.currentTarget;
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    event.preventDefault();
    field.setRangeText(smartQuote(field.value.slice(0, start), typed, locale), start, end, "end");
    field.dispatchEvent(new Event("input", { bubbles: true }));
  };
}
