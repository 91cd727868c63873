import type { Catalog, Conflict, Content } from "./api-schemas.js";
import { ContentView } from "./ContentView.js";
import { formatDateTime } from "./format.js";

/**
 * Shown on 409 REVISION_CONFLICT: someone saved since this editor loaded. Both versions
 * side by side; the editor chooses, and nothing is overwritten silently (issue 3, item 4).
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
  const theirs: Content = conflict.currentRevision.content;
  const mine: Content = conflict.yourContent;
  return (
    <section class="nr-conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" tabIndex={-1}>
        Someone else saved this story while you were editing
      </h2>
      <p>
        Revision {conflict.currentRevision.number} was saved on{" "}
        {formatDateTime(conflict.currentRevision.createdAt)}. Your changes were not saved. Compare
        the two versions and choose which one continues; the other stays in the revision history.
      </p>
      <div class="nr-side-by-side">
        <section aria-labelledby="conflict-mine">
          <h3 id="conflict-mine">Your version (not saved)</h3>
          <ContentView
            content={mine}
            other={theirs}
            catalog={props.catalog}
            lang={props.lang}
            dir={props.dir}
          />
        </section>
        <section aria-labelledby="conflict-theirs">
          <h3 id="conflict-theirs">Their version (revision {conflict.currentRevision.number})</h3>
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
          Keep mine (save on top of theirs)
        </button>
        <button type="button" disabled={props.busy} onClick={props.onTakeTheirs}>
          Take theirs
        </button>
      </div>
      <p class="nr-help">
        “Keep mine” saves your version as a new revision after theirs, so theirs stays in the
        history. “Take theirs” loads their version into the editor; your version is kept below the
        editor until you leave the page.
      </p>
    </section>
  );
}
