import { useEffect, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { Dialog } from "../shared/Dialog.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { type LivePost, type PostRevision, postRevisions } from "./live-api.js";
import { PostBody } from "./PostBody.js";
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
