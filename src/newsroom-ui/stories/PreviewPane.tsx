import { useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";

/**
 * The draft exactly as readers will see it: the server's own reader page for the current
 * revision. Sandboxed without scripts, so nothing in the story can run in the newsroom (the
 * server sends the preview without any script, so the sandbox has nothing to refuse). Loaded
 * at once, not lazily: it shows the story on opening and after each save without a refresh,
 * wherever the editor has scrolled.
 */
export function PreviewPane(props: {
  readonly src: string;
  readonly headline: string;
  readonly revisionId: string;
  readonly dirty: boolean;
}) {
  const { t } = useUiText();
  const [reloads, setReloads] = useState(0);
  // `revision` picks the revision to render; `v` only defeats caching on "Refresh".
  const src = `${props.src}?revision=${encodeURIComponent(props.revisionId)}&v=${reloads}`;
  return (
    <section class="nr-preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t("preview.heading")}</h2>
      <p class="nr-help">
        {t("preview.help")}
        {props.dirty ? ` ${t("preview.unsaved")}` : ""}
      </p>
      <button type="button" onClick={() => setReloads((n) => n + 1)}>
        {t("preview.refresh")}
      </button>
      <iframe
        key={src}
        src={src}
        sandbox=""
        title={t("preview.frameTitle", { headline: props.headline })}
      />
    </section>
  );
}
