import { useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ConfirmDialog } from "../shared/Dialog.js";
import { ErrorMessage } from "../shared/Notice.js";
import { deletePost, type LivePost } from "./live-api.js";

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
