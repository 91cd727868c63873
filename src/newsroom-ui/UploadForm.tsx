import { useEffect, useId, useState } from "preact/hooks";
import { errorMessage, isApiError } from "./api-client.js";
import type { MediaAsset } from "./api-schemas.js";
import { useApp } from "./app-context.js";
import { FocalPointPicker } from "./FocalPointPicker.js";
import type { FocalPoint } from "./focal-point.js";
import { acceptedImageTypes, mediaErrorText, uploadProblem } from "./media-files.js";
import { ErrorMessage, StatusMessage } from "./Notice.js";
import { TextField } from "./TextField.js";

/** Upload one image with its metadata; 413 and 415 answers are explained in plain words. */
export function UploadForm(props: {
  readonly onUploaded: (asset: MediaAsset) => void;
  readonly headingLevel?: 2 | 3;
}) {
  const { api } = useApp();
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
      setError("Choose an image file first.");
      return;
    }
    const problem = uploadProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    setStatus("Uploading and processing the image…");
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
      setStatus(`Uploaded “${asset.caption || file.name}”.`);
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
          ? mediaErrorText(failure.code, errorMessage(failure))
          : errorMessage(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <form class="nr-form nr-upload" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>Upload an image</Heading>
      <div class="nr-field">
        <label for={`${id}-file`}>Image file (JPEG, PNG, WebP or AVIF, up to 25 MB)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={acceptedImageTypes.join(",")}
          required
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0] ?? null;
            setFile(chosen);
            setError(chosen ? uploadProblem(chosen) : null);
          }}
        />
      </div>
      <TextField
        id={`${id}-caption`}
        label="Caption"
        value={caption}
        onInput={setCaption}
        multiline
      />
      <TextField id={`${id}-credit`} label="Credit" value={credit} onInput={setCredit} />
      <TextField
        id={`${id}-alt`}
        label="Alt text (describe what the image shows for people who cannot see it)"
        value={alt}
        onInput={setAlt}
        multiline
      />
      <TextField
        id={`${id}-rights-source`}
        label="Rights: source"
        value={rightsSource}
        onInput={setRightsSource}
      />
      <TextField
        id={`${id}-rights-usage`}
        label="Rights: usage terms"
        value={rightsUsage}
        onInput={setRightsUsage}
      />
      {preview ? <FocalPointPicker src={preview} value={focal} onChange={setFocal} /> : null}
      <ErrorMessage message={error} />
      <StatusMessage>{status}</StatusMessage>
      <button type="submit" class="nr-primary" disabled={busy}>
        Upload image
      </button>
    </form>
  );
}
