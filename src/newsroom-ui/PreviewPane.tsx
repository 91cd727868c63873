import { useState } from "preact/hooks";

/**
 * The draft exactly as readers will see it: the server's own reader page for the current
 * revision. Sandboxed without scripts, so nothing in the story can run in the newsroom.
 */
export function PreviewPane(props: {
  readonly src: string;
  readonly headline: string;
  readonly revisionId: string;
  readonly dirty: boolean;
}) {
  const [reloads, setReloads] = useState(0);
  // `revision` picks the revision to render; `v` only defeats caching on "Refresh".
  const src = `${props.src}?revision=${encodeURIComponent(props.revisionId)}&v=${reloads}`;
  return (
    <section class="nr-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <p class="nr-help">
        Shows the last saved revision as readers will see it.
        {props.dirty ? " You have unsaved changes; save to see them here." : ""}
      </p>
      <button type="button" onClick={() => setReloads((n) => n + 1)}>
        Refresh preview
      </button>
      <iframe
        key={src}
        src={src}
        sandbox=""
        title={`Preview of “${props.headline}” as readers will see it`}
        loading="lazy"
      />
    </section>
  );
}
