import { useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";

/**
 * A secret shown once (an API or push token): the text, a copy button and the warning that
 * it will not be shown again. The server keeps only its hash.
 */
export function SecretOnce(props: {
  readonly id: string;
  readonly heading: string;
  readonly secret: string;
  readonly note?: string;
}) {
  const { t } = useUiText();
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.secret);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <section class="nr-secret" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`} tabIndex={-1}>
        {props.heading}
      </h2>
      <p>{t("secret.once")}</p>
      <p>
        <code id={`${props.id}-value`} class="nr-secret-value" dir="ltr" lang="en">
          {props.secret}
        </code>
      </p>
      {props.note ? <p>{props.note}</p> : null}
      <button type="button" onClick={() => void copy()} aria-describedby={`${props.id}-value`}>
        {t("secret.copy")}
      </button>
      <p role="status" class="nr-status">
        {copied === "ok" ? t("secret.copied") : copied === "failed" ? t("secret.copyFailed") : ""}
      </p>
    </section>
  );
}
