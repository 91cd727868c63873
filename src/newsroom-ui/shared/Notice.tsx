import type { ComponentChildren } from "preact";

/**
 * Messages that screen readers announce (WCAG 2.2 SC 4.1.3): errors as alerts, progress and
 * success as status. The live region stays in the DOM so changes are announced.
 */
export function StatusMessage(props: { readonly children?: ComponentChildren }) {
  return (
    <p class="nr-status" role="status">
      {props.children}
    </p>
  );
}

export function ErrorMessage(props: { readonly message: string | null }) {
  return (
    <div class="nr-error-region" role="alert">
      {props.message ? <p class="nr-error">{props.message}</p> : null}
    </div>
  );
}
