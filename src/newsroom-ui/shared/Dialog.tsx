import type { ComponentChildren } from "preact";
import { useEffect, useId, useRef } from "preact/hooks";

/**
 * A modal built on the native <dialog> (showModal gives the focus trap, inert background
 * and Escape). Focus goes to the first field or button inside; on close it returns to the
 * control that opened the dialog (WCAG 2.2 SC 2.4.3 focus order).
 */
export function Dialog(props: {
  readonly title: string;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly children: ComponentChildren;
  readonly wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const { open, onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current =
        document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      const first = dialog.querySelector<HTMLElement>(
        "[autofocus], input:not([type=hidden]):not([disabled]), textarea, select, button:not([disabled])",
      );
      first?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const closed = () => {
      onClose();
      const back = opener.current;
      opener.current = null;
      if (back?.isConnected) back.focus();
    };
    dialog.addEventListener("close", closed);
    return () => dialog.removeEventListener("close", closed);
  }, [onClose]);

  return (
    <dialog
      ref={ref}
      class={props.wide ? "nr-dialog nr-dialog-wide" : "nr-dialog"}
      aria-labelledby={titleId}
    >
      <h2 id={titleId}>{props.title}</h2>
      {open ? props.children : null}
    </dialog>
  );
}

/**
 * A confirmation: the body says exactly what will happen, the first button does it, the
 * second backs out (focus lands on the first, as in every newsroom dialog). `tone` styles
 * the first button: "danger" for what cannot be undone, "primary" for publishing. While
 * `busy`, it is disabled so the action is not sent twice.
 */
export function ConfirmDialog(props: {
  readonly title: string;
  readonly open: boolean;
  readonly onCancel: () => void;
  readonly onConfirm: () => void;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly tone?: "danger" | "primary" | undefined;
  readonly busy?: boolean;
  readonly children: ComponentChildren;
}) {
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onCancel}>
      {props.children}
      <div class="nr-dialog-actions">
        <button
          type="button"
          class={props.tone ? `nr-${props.tone}` : undefined}
          disabled={props.busy}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </Dialog>
  );
}
