import { type ComponentChildren, Fragment } from "preact";
import type { Translator } from "../../i18n/message-catalogue.js";
import type { MessageKey } from "../../i18n/messages/en.js";

const firstMarker = 0xe000;

/**
 * A catalogue message whose placeholders are markup (a link, a `<time>`), so the words
 * and punctuation around them ("Name, title", "date: text") come from the language,
 * never from code. The message is formatted with private-use markers, then split on them.
 */
export function MessageSlots(props: {
  t: Translator;
  id: MessageKey;
  slots: Readonly<Record<string, ComponentChildren>>;
}) {
  const names = Object.keys(props.slots);
  const markers = Object.fromEntries(
    names.map((name, index) => [name, String.fromCharCode(firstMarker + index)]),
  );
  const text = props.t.t(props.id, markers);
  const pieces = text.split(/([\uE000-\uE0FF])/u);
  return (
    <>
      {pieces.map((piece, index) => {
        const code = piece.length === 1 ? piece.charCodeAt(0) - firstMarker : -1;
        const name = names[code];
        return name === undefined ? piece : <Fragment key={index}>{props.slots[name]}</Fragment>;
      })}
    </>
  );
}
