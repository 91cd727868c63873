import { useEffect } from "preact/hooks";

/** Every screen has its own document title (WCAG 2.2 SC 2.4.2). */
export function useScreenTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Newsdesk newsroom`;
  }, [title]);
}
