import type { ComponentChildren } from "preact";
import { useUiText } from "./i18n/ui-language.js";

/**
 * Parts whose labels are not in the message catalogue yet stay English: in another
 * interface language they are marked `lang="en"` and laid out left to right, so screen
 * readers pronounce them correctly (WCAG 2.2 SC 3.1.2, language of parts).
 */
export function EnglishOnly(props: { readonly children: ComponentChildren }) {
  const { lang } = useUiText();
  if (lang === "en") return <>{props.children}</>;
  return (
    <div lang="en" dir="ltr">
      {props.children}
    </div>
  );
}
