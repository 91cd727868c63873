import { useUiText } from "../i18n/ui-language.js";
import type { Catalog, Conflict, Content } from "../shared/api-schemas.js";
import { ContentView } from "./ContentView.js";

/**
 * Shown on 409 REVISION_CONFLICT: someone saved since this editor loaded. Both versions
 * side by side; the editor chooses, and nothing is overwritten silently.
 */
export function ConflictView(props: {
  readonly conflict: Conflict;
  readonly catalog: Catalog | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly busy: boolean;
  readonly onKeepMine: () => void;
  readonly onTakeTheirs: () => void;
}) {
  const { conflict } = props;
  const { t, dateTime } = useUiText();
  const number = conflict.currentRevision.number;
  const theirs: Content = conflict.currentRevision.content;
  const mine: Content = conflict.yourContent;
  return (
    <section class="nr-conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" tabIndex={-1}>
        {t("conflict.heading")}
      </h2>
      <p>{t("conflict.body", { number, time: dateTime(conflict.currentRevision.createdAt) })}</p>
      <div class="nr-side-by-side">
        <section aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">{t("conflict.mine")}</h3>
          <ContentView
            content={mine}
            other={theirs}
            catalog={props.catalog}
            lang={props.lang}
            dir={props.dir}
          />
        </section>
        <section aria-labelledby="conflict-theirs">
          <h3 id="conflict-theirs">{t("conflict.theirs", { number })}</h3>
          <ContentView
            content={theirs}
            other={mine}
            catalog={props.catalog}
            lang={props.lang}
            dir={props.dir}
          />
        </section>
      </div>
      <div class="nr-button-row">
        <button type="button" class="nr-primary" disabled={props.busy} onClick={props.onKeepMine}>
          {t("conflict.keepMine")}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onTakeTheirs}>
          {t("conflict.takeTheirs")}
        </button>
      </div>
      <p class="nr-help">{t("conflict.help")}</p>
    </section>
  );
}

/**
 * After "take theirs": the version this editor gave up, kept on screen to copy from until
 * dismissed, compared with what the form holds now.
 */
export function DiscardedVersion(props: {
  readonly discarded: Content;
  readonly current: Content;
  readonly catalog: Catalog | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onDismiss: () => void;
}) {
  const { t } = useUiText();
  return (
    <details class="nr-discarded">
      <summary>{t("editor.discarded")}</summary>
      <ContentView
        content={props.discarded}
        other={props.current}
        catalog={props.catalog}
        lang={props.lang}
        dir={props.dir}
      />
      <button type="button" onClick={props.onDismiss}>
        {t("editor.dismissDiscarded")}
      </button>
    </details>
  );
}
