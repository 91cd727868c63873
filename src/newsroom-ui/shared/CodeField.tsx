import { useUiText } from "../i18n/ui-language.js";

/** An app code or a recovery code, in one field (account-api.ts tells them apart). */
export function CodeField(props: {
  readonly id: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly required?: boolean;
}) {
  const { t } = useUiText();
  return (
    <div class="nr-field">
      <label for={props.id}>{t("account.code")}</label>
      <input
        id={props.id}
        autocomplete="one-time-code"
        required={props.required === true}
        maxLength={64}
        dir="ltr"
        spellcheck={false}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}
