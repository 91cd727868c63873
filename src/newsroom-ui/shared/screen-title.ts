import { useEffect } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";

/** Every screen has its own document title (WCAG 2.2 SC 2.4.2), in the interface language. */
export function useScreenTitle(title: string): void {
  const { t } = useUiText();
  useEffect(() => {
    document.title = t("app.documentTitle", { title });
  }, [title, t]);
}
