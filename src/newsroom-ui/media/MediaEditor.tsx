import { useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import type { MediaAsset } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { TextField } from "../shared/TextField.js";
import { FocalPointPicker } from "./FocalPointPicker.js";
import { originalRendition } from "./media-files.js";

/** Edit an asset's metadata: caption, credit, alt text, focal point and rights. */
export function MediaEditor(props: {
  readonly asset: MediaAsset;
  readonly onSaved: (asset: MediaAsset) => void;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const { asset } = props;
  const [caption, setCaption] = useState(asset.caption);
  const [credit, setCredit] = useState(asset.credit);
  const [alt, setAlt] = useState(asset.alt);
  const [rightsSource, setRightsSource] = useState(asset.rightsSource);
  const [rightsUsage, setRightsUsage] = useState(asset.rightsUsage);
  const [focal, setFocal] = useState({ x: asset.focalX, y: asset.focalY });
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setStatus(t("media.edit.saving"));
    try {
      const saved = await api.updateMedia(asset.id, {
        caption: caption.normalize("NFC"),
        credit: credit.normalize("NFC"),
        alt: alt.normalize("NFC"),
        rightsSource: rightsSource.normalize("NFC"),
        rightsUsage: rightsUsage.normalize("NFC"),
        focalX: focal.x,
        focalY: focal.y,
      });
      setStatus(t("media.edit.saved"));
      props.onSaved(saved);
    } catch (failure) {
      setStatus("");
      setError(errorMessage(failure));
    }
  };

  return (
    <form class="nr-form" onSubmit={save} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t("media.edit.heading")}</h3>
      <p class="nr-help">
        {t("media.edit.facts", { width: asset.width, height: asset.height, mime: asset.mime })}
      </p>
      <FocalPointPicker src={originalRendition(asset.id)} value={focal} onChange={setFocal} />
      <TextField
        id={`${id}-caption`}
        label={t("media.caption")}
        value={caption}
        onInput={setCaption}
        multiline
      />
      <TextField id={`${id}-credit`} label={t("media.credit")} value={credit} onInput={setCredit} />
      <TextField id={`${id}-alt`} label={t("media.alt")} value={alt} onInput={setAlt} multiline />
      <TextField
        id={`${id}-rs`}
        label={t("media.rightsSource")}
        value={rightsSource}
        onInput={setRightsSource}
      />
      <TextField
        id={`${id}-ru`}
        label={t("media.rightsUsage")}
        value={rightsUsage}
        onInput={setRightsUsage}
      />
      <ErrorMessage message={error} />
      <StatusMessage>{status}</StatusMessage>
      <button type="submit" class="nr-primary">
        {t("media.edit.save")}
      </button>
    </form>
  );
}
