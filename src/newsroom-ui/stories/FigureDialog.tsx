import { useEffect, useId, useState } from "preact/hooks";
import type { FigureAttrs } from "../editor/figure-node.js";
import { useUiText } from "../i18n/ui-language.js";
import { FocalPointPicker } from "../media/FocalPointPicker.js";
import { originalRendition } from "../media/media-files.js";
import { errorMessage } from "../shared/api-client.js";
import type { MediaAsset } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { Dialog } from "../shared/Dialog.js";
import { ErrorMessage } from "../shared/Notice.js";
import { TextField } from "../shared/TextField.js";

/**
 * Edits one figure: its caption, credit and alt text belong to this story (in the story's
 * language); the focal point belongs to the image and applies wherever it is used.
 */
export function FigureDialog(props: {
  readonly open: boolean;
  readonly attrs: FigureAttrs | null;
  readonly asset: MediaAsset | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onClose: () => void;
  readonly onSave: (attrs: FigureAttrs, asset: MediaAsset | null) => void;
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const [caption, setCaption] = useState("");
  const [credit, setCredit] = useState("");
  const [alt, setAlt] = useState("");
  const [focal, setFocal] = useState({ x: 0.5, y: 0.5 });
  const [error, setError] = useState<string | null>(null);
  // The saved asset: given when the editor picked it in this session, else loaded, so the
  // dialog shows (and keeps) the saved focal point instead of the centre.
  const [saved, setSaved] = useState<MediaAsset | null>(props.asset);

  useEffect(() => {
    if (!props.open || !props.attrs) return;
    setCaption(props.attrs.caption);
    setCredit(props.attrs.credit);
    setAlt(props.attrs.alt);
    setError(null);
    setSaved(props.asset);
    if (props.asset) {
      setFocal({ x: props.asset.focalX, y: props.asset.focalY });
      return;
    }
    let live = true;
    api
      .getMedia(props.attrs.mediaId)
      .then(({ asset }) => {
        if (!live) return;
        setSaved(asset);
        setFocal({ x: asset.focalX, y: asset.focalY });
      })
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, props.open, props.attrs, props.asset]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!props.attrs) return;
    let asset = saved;
    // Until the saved details have loaded, the focal point shown is not the saved one:
    // never write it back.
    const focalChanged = asset !== null && (asset.focalX !== focal.x || asset.focalY !== focal.y);
    if (focalChanged) {
      try {
        asset = await api.updateMedia(props.attrs.mediaId, { focalX: focal.x, focalY: focal.y });
      } catch (failure) {
        setError(t("figure.focalNotSaved", { error: errorMessage(failure) }));
        return;
      }
    }
    props.onSave(
      {
        mediaId: props.attrs.mediaId,
        caption: caption.normalize("NFC").trim(),
        credit: credit.normalize("NFC").trim(),
        alt: alt.normalize("NFC").trim(),
      },
      asset,
    );
  };

  return (
    <Dialog title={t("figure.title")} open={props.open} onClose={props.onClose} wide>
      <form class="nr-form" onSubmit={save}>
        <TextField
          id={`${id}-caption`}
          label={t("media.caption")}
          value={caption}
          onInput={setCaption}
          lang={props.lang}
          dir={props.dir}
          multiline
          maxLength={2000}
        />
        <TextField
          id={`${id}-credit`}
          label={t("media.credit")}
          value={credit}
          onInput={setCredit}
          lang={props.lang}
          dir={props.dir}
          maxLength={300}
        />
        <TextField
          id={`${id}-alt`}
          label={t("media.alt")}
          help={t("figure.altHelp")}
          value={alt}
          onInput={setAlt}
          lang={props.lang}
          dir={props.dir}
          multiline
          maxLength={1000}
        />
        {saved ? (
          <FocalPointPicker
            src={originalRendition(props.attrs?.mediaId ?? "")}
            value={focal}
            onChange={setFocal}
          />
        ) : null}
        <ErrorMessage message={error} />
        <div class="nr-dialog-actions">
          <button type="submit" class="nr-primary">
            {t("figure.save")}
          </button>
          <button type="button" onClick={props.onClose}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
