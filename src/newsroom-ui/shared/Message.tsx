import type { ComponentChildren } from "preact";
import { Fragment } from "preact";

/**
 * A translated sentence with some `{placeholders}` filled by markup rather than text: a
 * service name in its own language (`lang`, `dir`), an email isolated in `<bdi>`. The
 * sentence's word order stays the translator's; only the marked parts are elements.
 * Placeholders without a part are left as they are (the catalogue test keeps them in step).
 */
export function Message(props: {
  readonly text: string;
  readonly parts: Readonly<Record<string, ComponentChildren>>;
}) {
  const pieces = props.text.split(/(\{\w+\})/);
  return (
    <>
      {pieces.map((piece, index) => {
        const name = /^\{(\w+)\}$/.exec(piece)?.[1];
        const part = name === undefined ? undefined : props.parts[name];
        // The pieces of one sentence never move, so their index is a stable key.
        return <Fragment key={index}>{part === undefined ? piece : part}</Fragment>;
      })}
    </>
  );
}

/** A service's name in its own language, for use inside a sentence of the interface. */
export function ServiceName(props: {
  readonly service: { readonly name: string; readonly locale: string; readonly dir: "ltr" | "rtl" };
}) {
  return (
    <bdi lang={props.service.locale} dir={props.service.dir}>
      {props.service.name}
    </bdi>
  );
}
