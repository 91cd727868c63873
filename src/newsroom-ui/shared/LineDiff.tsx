import { useUiText } from "../i18n/ui-language.js";

/** One body line of a diff; `op` is "same", "added" or "removed" (src/domain/stories/line-diff.ts). */
interface DiffLine {
  readonly op: string;
  readonly text: string;
}

/** The body past the line diff's limits (see src/domain/stories/line-diff.ts). */
interface TooLargeBody {
  readonly reason: string;
  readonly before: string;
  readonly after: string;
}

/**
 * A body compared line by line, for revisions, wire versions and stale translations alike.
 * Added and removed lines are marked in words as well as by colour and <ins>/<del>
 * (WCAG 2.2 SC 1.4.1). Past the diff's limits, both texts are shown instead.
 */
export function LineDiff(props: {
  readonly lines: readonly DiffLine[];
  readonly tooLarge: TooLargeBody | null;
  readonly lang?: string | undefined;
}) {
  const { t } = useUiText();
  return (
    <>
      {props.tooLarge ? <TooLargeDiff body={props.tooLarge} lang={props.lang} /> : null}
      <ol class="nr-diff-body" lang={props.lang}>
        {props.lines.map((line, index) => (
          <li key={index} class={`nr-diff-${line.op}`} dir="auto">
            {line.op === "added" ? (
              <ins>
                <span class="nr-visually-hidden">{`${t("diff.added")} `}</span>
                {line.text}
              </ins>
            ) : line.op === "removed" ? (
              <del>
                <span class="nr-visually-hidden">{`${t("diff.removed")} `}</span>
                {line.text}
              </del>
            ) : (
              line.text
            )}
          </li>
        ))}
      </ol>
    </>
  );
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
function TooLargeDiff(props: { readonly body: TooLargeBody; readonly lang?: string | undefined }) {
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
