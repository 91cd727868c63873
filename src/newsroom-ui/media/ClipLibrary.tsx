import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { canDeleteClips } from "../shared/permissions.js";
import { TextField } from "../shared/TextField.js";
import { CaptionsEditor } from "./CaptionsEditor.js";
import { type ClipItem, deleteClip, listClips, uploadClip } from "./clips-api.js";

/** How often the list is refreshed while a clip is still being processed. */
const pollMs = 5000;

/**
 * Audio and video in the media library: upload (the file goes up as it is and the server
 * probes it), processing status, and captions and transcripts per language.
 */
export function ClipLibrary() {
  const { api, session } = useApp();
  const { t, number } = useUiText();
  const id = useId();
  const [deleting, setDeleting] = useState<ClipItem | null>(null);
  const [clips, setClips] = useState<readonly ClipItem[]>([]);
  const [refreshKey, setRefreshKey] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [open, setOpen] = useState<string | null>(null);

  // refreshKey asks for a reload.
  useEffect(() => {
    let cancelled = false;
    void refreshKey;
    listClips(api, {})
      .then((list) => {
        if (!cancelled) setClips(list.items);
      })
      .catch((failure: unknown) => {
        if (!cancelled) setError(errorMessage(failure));
      });
    return () => {
      cancelled = true;
    };
  }, [api, refreshKey]);

  const processing = clips.some((c) => c.status === "queued" || c.status === "running");
  useEffect(() => {
    if (!processing) return;
    const timer = setTimeout(() => setRefreshKey((key) => key + 1), pollMs);
    return () => clearTimeout(timer);
  }, [processing, clips]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!file) {
      setError(t("av.upload.chooseFirst"));
      return;
    }
    setBusy(true);
    setError(null);
    setStatus(t("av.upload.uploading", { name: file.name }));
    try {
      const clip = await uploadClip(api, file, title.normalize("NFC"));
      setStatus(t("av.upload.uploaded", { name: clip.title || file.name }));
      (event.currentTarget as HTMLFormElement | null)?.reset();
      setFile(null);
      setTitle("");
      setRefreshKey((key) => key + 1);
    } catch (failure) {
      setStatus("");
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!deleting) return;
    const title = deleting.title || deleting.id;
    setBusy(true);
    setError(null);
    try {
      await deleteClip(api, deleting.id);
      setStatus(t("av.delete.done", { title }));
      if (open === deleting.id) setOpen(null);
      setRefreshKey((key) => key + 1);
    } catch (failure) {
      setStatus("");
      setError(
        isApiError(failure) && failure.code === "CLIP_IN_USE"
          ? t("av.delete.inUse", { title })
          : errorMessage(failure),
      );
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  const duration = (ms: number | null) => {
    if (ms === null) return "";
    const seconds = Math.round(ms / 1000);
    return t("av.duration", {
      minutes: number(Math.floor(seconds / 60)),
      seconds: number(seconds % 60),
    });
  };

  return (
    <section class="nr-clips" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("av.heading")}</h2>
      <form class="nr-form" onSubmit={submit}>
        <div class="nr-field">
          <label for={`${id}-file`}>{t("av.upload.file")}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept="audio/*,video/*"
            required
            aria-describedby={`${id}-file-help`}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
          <p id={`${id}-file-help`} class="nr-help">
            {t("av.upload.help")}
          </p>
        </div>
        <TextField
          id={`${id}-title`}
          label={t("av.upload.title")}
          value={title}
          onInput={setTitle}
          maxLength={300}
        />
        <button type="submit" disabled={busy}>
          {t("av.upload.submit")}
        </button>
        <ErrorMessage message={error} />
        <StatusMessage>{status}</StatusMessage>
      </form>
      <button type="button" onClick={() => setRefreshKey((key) => key + 1)}>
        {t("av.list.refresh")}
      </button>
      {clips.length === 0 ? (
        <p>{t("av.list.empty")}</p>
      ) : (
        <ul class="nr-clip-list">
          {clips.map((clip) => (
            <li key={clip.id}>
              <p>
                <strong>
                  <bdi>{clip.title || clip.id}</bdi>
                </strong>{" "}
                <span>{t(clip.kind === "audio" ? "av.kind.audio" : "av.kind.video")}</span>{" "}
                <span>{duration(clip.durationMs)}</span>
              </p>
              <p role="status">
                {clip.status === "failed"
                  ? t("av.status.failed", { error: clip.error ?? "" })
                  : t(`av.status.${clip.status}`)}{" "}
                {clip.status === "running" && clip.progress !== null ? (
                  <progress value={clip.progress} max={1} aria-label={t("av.status.running")}>
                    {number(Math.round(clip.progress * 100))}%
                  </progress>
                ) : null}
              </p>
              <button
                type="button"
                aria-expanded={open === clip.id}
                onClick={() => setOpen(open === clip.id ? null : clip.id)}
              >
                {withTitle(t("av.captions.open", { title: slot }), clip.title || clip.id)}
              </button>
              {canDeleteClips(session) ? (
                <button type="button" class="nr-danger" onClick={() => setDeleting(clip)}>
                  {withTitle(t("av.delete.open", { title: slot }), clip.title || clip.id)}
                </button>
              ) : null}
              {open === clip.id ? (
                <CaptionsEditor clip={clip} onChanged={() => setRefreshKey((key) => key + 1)} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        title={t("av.delete.title")}
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void remove()}
        confirmLabel={t("av.delete.confirm")}
        cancelLabel={t("common.cancel")}
        tone="danger"
        busy={busy}
      >
        <p>{t("av.delete.body", { title: deleting ? deleting.title || deleting.id : "" })}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Where a clip's title goes in an interface sentence (an invisible separator, U+2063). */
const slot = "\u2063";

/**
 * An interface sentence with the clip's title isolated in `<bdi>`: a title is content, of a
 * language and direction the library does not know (clips belong to no service), so it is
 * kept apart from the interface's words (W3C, "Inline markup and bidirectional text").
 */
function withTitle(sentence: string, title: string) {
  const [before = "", after = ""] = sentence.split(slot);
  return (
    <>
      {before}
      <bdi>{title}</bdi>
      {after}
    </>
  );
}
