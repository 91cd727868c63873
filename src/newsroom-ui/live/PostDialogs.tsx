import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog, Dialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { deletePost, type LivePost, type PostRevision, postRevisions } from "./live-api.js";
import { PostBody } from "./PostItem.js";

/** Deleting a post: says readers' copies go, takes an optional reason for the audit log. */
export function DeletePostDialog(props: {
  readonly post: LivePost | null;
  readonly onClose: () => void;
  readonly onDeleted: (post: LivePost) => void;
}) {
  const { api } = useApp();
  const { t, dateTime } = useUiText();
  const id = useId();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { post } = props;

  useEffect(() => {
    setReason("");
    setError(null);
  }, [post]);

  const confirm = async () => {
    if (!post) return;
    setBusy(true);
    setError(null);
    try {
      await deletePost(api, post.id, reason.trim().normalize("NFC"));
      props.onDeleted(post);
      props.onClose();
    } catch (failure) {
      setError(t("live.delete.failed", { error: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={t("live.delete.title")}
      open={post !== null}
      onCancel={props.onClose}
      onConfirm={() => void confirm()}
      confirmLabel={t("live.delete.confirm")}
      cancelLabel={t("common.cancel")}
      tone="danger"
      busy={busy}
    >
      <p class="nr-consequence">
        {t("live.delete.body", { time: post ? dateTime(post.postedAt) : "" })}
      </p>
      <div class="nr-field">
        <label for={`${id}-reason`}>{t("live.delete.reason")}</label>
        <input
          id={`${id}-reason`}
          maxLength={500}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
      </div>
      <ErrorMessage message={error} />
    </ConfirmDialog>
  );
}

/** Every revision of one post, newest first, with who made it and when. */
export function PostHistoryDialog(props: {
  readonly post: LivePost | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onClose: () => void;
}) {
  const { api } = useApp();
  const { t, dateTime } = useUiText();
  const [items, setItems] = useState<PostRevision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { post } = props;

  useEffect(() => {
    if (!post) return;
    let live = true;
    setItems(null);
    setError(null);
    postRevisions(api, post.id)
      .then((loaded) => live && setItems([...loaded].sort((a, b) => b.revision - a.revision)))
      .catch((failure: unknown) => live && setError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, post]);

  return (
    <Dialog title={t("live.history.title")} open={post !== null} onClose={props.onClose} wide>
      <ErrorMessage message={error ? t("live.history.failed", { error }) : null} />
      <StatusMessage>{items === null && !error ? t("live.history.loading") : null}</StatusMessage>
      {items ? (
        <ol class="nr-live-history">
          {items.map((item) => (
            <li key={item.revision}>
              <p class="nr-live-meta">
                {t("live.history.revision", {
                  number: item.revision,
                  time: dateTime(item.createdAt),
                  name: item.createdByName ?? t("live.history.unknown"),
                })}
              </p>
              {item.content.title ? (
                <p lang={props.lang} dir={props.dir}>
                  <strong>{item.content.title}</strong>
                </p>
              ) : null}
              <PostBody body={item.content.body} lang={props.lang} dir={props.dir} />
            </li>
          ))}
        </ol>
      ) : null}
      <div class="nr-dialog-actions">
        <button type="button" onClick={props.onClose}>
          {t("live.history.close")}
        </button>
      </div>
    </Dialog>
  );
}
