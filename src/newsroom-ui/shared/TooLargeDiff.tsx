import { useUiText } from "../i18n/ui-language.js";

/** The body past the line diff's limits (see src/domain/stories/line-diff.ts). */
export interface TooLargeBody {
  readonly reason: string;
  readonly before: string;
  readonly after: string;
}

const reasonKeys = {
  lines: "diff.tooLarge.lines",
  characters: "diff.tooLarge.characters",
  edits: "diff.tooLarge.edits",
  time: "diff.tooLarge.time",
} as const;

/**
 * "Too large to compare line by line": says why, then both versions side by side (stacked
 * on narrow screens), so the editor can still read what changed. Figure/figcaption pairs
 * give each text its name for assistive technology (WCAG 2.2 SC 1.3.1).
 */
export function TooLargeDiff(props: {
  readonly body: TooLargeBody;
  readonly lang?: string | undefined;
}) {
  const { t } = useUiText();
  const { body } = props;
  const key = reasonKeys[body.reason as keyof typeof reasonKeys] ?? reasonKeys.edits;
  return (
    <div class="nr-diff-too-large">
      <p role="status">
        <strong>{t("diff.tooLarge.title")}</strong> {t(key)}
      </p>
      <div class="nr-side-by-side">
        <figure>
          <figcaption>{t("diff.tooLarge.before")}</figcaption>
          <pre lang={props.lang} dir="auto">
            {body.before}
          </pre>
        </figure>
        <figure>
          <figcaption>{t("diff.tooLarge.after")}</figcaption>
          <pre lang={props.lang} dir="auto">
            {body.after}
          </pre>
        </figure>
      </div>
    </div>
  );
}
