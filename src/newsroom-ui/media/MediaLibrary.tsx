import { useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { ClipLibrary } from "./ClipLibrary.js";
import { MediaBrowser, type MediaItem } from "./MediaBrowser.js";
import { MediaEditor } from "./MediaEditor.js";
import { UploadForm } from "./UploadForm.js";

/** The media library screen: upload, browse and search, edit metadata. */
export function MediaLibrary() {
  const { t } = useUiText();
  useScreenTitle(t("media.title"));
  const [refreshKey, setRefreshKey] = useState(0);
  const [editing, setEditing] = useState<MediaItem | null>(null);
  return (
    <>
      <h1 tabIndex={-1}>{t("media.title")}</h1>
      <div class="nr-columns">
        <div>
          <UploadForm onUploaded={() => setRefreshKey((key) => key + 1)} />
          {editing ? (
            <MediaEditor
              key={editing.asset.id}
              asset={editing.asset}
              onSaved={(asset) => {
                setEditing({ asset, thumbnailUrl: editing.thumbnailUrl });
                setRefreshKey((key) => key + 1);
              }}
            />
          ) : null}
        </div>
        <MediaBrowser
          actionLabel={t("media.editDetails")}
          refreshKey={refreshKey}
          onAction={(item) => {
            setEditing(item);
            // The form appears in the other column: take the keyboard there.
            requestAnimationFrame(() =>
              document.querySelector<HTMLElement>(".nr-focal-image")?.focus(),
            );
          }}
        />
      </div>
      <ClipLibrary />
    </>
  );
}
