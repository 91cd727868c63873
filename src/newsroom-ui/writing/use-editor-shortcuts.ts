import { useEffect, useRef } from "preact/hooks";

/**
 * The story editor's page-wide shortcuts: Ctrl/Cmd+S saves (instead of the browser saving
 * the page), Ctrl/Cmd+Shift+Enter goes to the publishing controls, Ctrl/Cmd+/ lists the
 * shortcuts. Ctrl+K, B and I belong to the body editor and are bound there.
 */
export function useEditorShortcuts(handlers: {
  readonly save: () => void;
  readonly publish: () => void;
  readonly help: () => void;
}): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      // While a dialog is open, its own keys apply (Escape, Enter).
      if (document.querySelector("dialog[open]")) return;
      const key = event.key.toLowerCase();
      if (key === "s" && !event.shiftKey) {
        event.preventDefault();
        latest.current.save();
      } else if (key === "enter" && event.shiftKey) {
        event.preventDefault();
        latest.current.publish();
      } else if (key === "/" || event.code === "Slash") {
        event.preventDefault();
        latest.current.help();
      }
    };
    document.addEventListener("keydown", onKey, { capture: true });
    return () => document.removeEventListener("keydown", onKey, { capture: true });
  }, []);
}
