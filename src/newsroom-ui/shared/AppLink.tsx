import type { ComponentChildren } from "preact";
import { useApp } from "./app-context.js";

/** An ordinary link that navigates inside the app without reloading it. */
export function AppLink(props: {
  readonly href: string;
  readonly children: ComponentChildren;
  readonly current?: boolean;
  readonly class?: string;
  readonly lang?: string | undefined;
  readonly dir?: "ltr" | "rtl" | "auto" | undefined;
}) {
  const { navigate } = useApp();
  return (
    <a
      href={props.href}
      class={props.class}
      lang={props.lang}
      dir={props.dir}
      aria-current={props.current ? "page" : undefined}
      onClick={(event) => {
        if (
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        ) {
          return;
        }
        event.preventDefault();
        navigate(props.href);
      }}
    >
      {props.children}
    </a>
  );
}
