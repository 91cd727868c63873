import { useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import type { MediaAsset } from "../shared/api-schemas.js";
import { Dialog } from "../shared/Dialog.js";
import { MediaBrowser } from "./MediaBrowser.js";
import { UploadForm } from "./UploadForm.js";

/** Choose an image for a figure: from the library, or upload a new one. */
export function MediaPicker(props: {
  readonly open: boolean;
  readonly title: string;
  readonly onClose: () => void;
  readonly onPick: (asset: MediaAsset, thumbnailUrl: string | null) => void;
}) {
  const { t } = useUiText();
  const [refreshKey, setRefreshKey] = useState(0);
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onClose} wide>
      <UploadForm
        headingLevel={3}
        onUploaded={(asset) => {
          setRefreshKey((key) => key + 1);
          props.onPick(asset, null);
        }}
      />
      <MediaBrowser
        headingLevel={3}
        actionLabel={t("picker.useImage")}
        refreshKey={refreshKey}
        onAction={(item) => props.onPick(item.asset, item.thumbnailUrl)}
      />
      <div class="nr-dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t("common.cancel")}
        </button>
      </div>
    </Dialog>
  );
}
