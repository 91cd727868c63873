import { countCharacters } from "../../domain/writing/text-counts.js";
import { lengthVerdict } from "../../domain/writing/writing-settings.js";
import type { useUiText } from "../i18n/ui-language.js";

type Translate = ReturnType<typeof useUiText>["t"];

/** The sentence under a headline or standfirst field: its length against the guidance. */
export function lengthHelp(
  t: Translate,
  text: string,
  limits: { readonly ideal: number; readonly max: number },
): string {
  const length = countCharacters(text);
  const params = { length, ideal: limits.ideal, max: limits.max };
  switch (lengthVerdict(length, limits)) {
    case "ok":
      return t("writing.length.ok", params);
    case "long":
      return t("writing.length.long", params);
    case "over":
      return t("writing.length.over", params);
  }
}
