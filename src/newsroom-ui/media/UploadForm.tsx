import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import type { MediaAsset } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { TextField } from "../shared/TextField.js";
import { FocalPointPicker } from "./FocalPointPicker.js";
import type { FocalPoint } from "./focal-point.js";
import { acceptedImageTypes, mediaErrorText, uploadProblem } from "./media-files.js";

/** Upload one image with its metadata; 413 and 415 answers are explained in plain words. */
export function UploadForm(props: {
  readonly onUploaded: (asset: MediaAsset) => void;
  readonly headingLevel?: 2 | 3;
}) {
  const { api } = useApp();
  const { t, lang } = useUiText();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [caption, setCaption] = useState("");
  const [credit, setCredit] = useState("");
  const [alt, setAlt] = useState("");
  const [rightsSource, setRightsSource] = useState("");
  const [rightsUsage, setRightsUsage] = useState("");
  const [focal, setFocal] = useState<FocalPoint>({ x: 0.5, y: 0.5 });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  useEffect(() => {
    if (!file) {
      setPreview(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    if (!file) {
      setError(t("media.upload.chooseFirst"));
      return;
    }
    const problem = uploadProblem(file, lang);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    setStatus(t("media.upload.uploading"));
    try {
      const asset = await api.uploadMedia({
        file,
        fileName: file.name,
        caption: caption.normalize("NFC"),
        credit: credit.normalize("NFC"),
        alt: alt.normalize("NFC"),
        focalX: focal.x,
        focalY: focal.y,
        rightsSource: rightsSource.normalize("NFC"),
        rightsUsage: rightsUsage.normalize("NFC"),
      });
      setStatus(t("media.upload.uploaded", { name: asset.caption || file.name }));
      form.reset();
      setFile(null);
      setCaption("");
      setCredit("");
      setAlt("");
      setRightsSource("");
      setRightsUsage("");
      setFocal({ x: 0.5, y: 0.5 });
      props.onUploaded(asset);
    } catch (failure) {
      setStatus("");
      setError(
        isApiError(failure)
          ? mediaErrorText(failure.code, errorMessage(failure), lang)
          : errorMessage(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <form class="nr-form nr-upload" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{t("media.upload.heading")}</Heading>
      <div class="nr-field">
        <label for={`${id}-file`}>{t("media.upload.file")}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={acceptedImageTypes.join(",")}
          required
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0] ?? null;
            setFile(chosen);
            setError(chosen ? uploadProblem(chosen, lang) : null);
          }}
        />
      </div>
      <TextField
        id={`${id}-caption`}
        label={t("media.caption")}
        value={caption}
        onInput={setCaption}
        multiline
      />
      <TextField id={`${id}-credit`} label={t("media.credit")} value={credit} onInput={setCredit} />
      <TextField
        id={`${id}-alt`}
        label={t("media.upload.alt")}
        value={alt}
        onInput={setAlt}
        multiline
      />
      <TextField
        id={`${id}-rights-source`}
        label={t("media.rightsSource")}
        value={rightsSource}
        onInput={setRightsSource}
      />
      <TextField
        id={`${id}-rights-usage`}
        label={t("media.rightsUsage")}
        value={rightsUsage}
        onInput={setRightsUsage}
      />
      {preview ? <FocalPointPicker src={preview} value={focal} onChange={setFocal} /> : null}
      <ErrorMessage message={error} />
      <StatusMessage>{status}</StatusMessage>
      <button type="submit" class="nr-primary" disabled={busy}>
        {t("media.upload.submit")}
      </button>
    </form>
  );
}
