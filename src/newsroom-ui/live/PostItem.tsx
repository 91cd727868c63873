import { useId, useRef, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { ErrorMessage } from "../shared/Notice.js";
import {
  type LivePost,
  type LivePostContent,
  newerVersionOf,
  type PostPatch,
  publishOfferedPost,
  updatePost,
} from "./live-api.js";
import { applyTextEdit, editableText } from "./live-draft.js";
import { PostBody } from "./PostBody.js";

type Conflict = { readonly revision: number; readonly content: LivePostContent };

/**
 * One post in the editor's stream: time, markers (key event, pinned, edited, deleted),
 * title, body and bylines; for those who may, Pin, Key event, Edit (inline, against the
 * revision it was opened at), Delete and History.
 */
export function PostItem(props: {
  readonly post: LivePost;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly canModerate: boolean;
  /** Whether the user may post here, and so publish a draft offered from another service. */
  readonly canPost: boolean;
  readonly onChanged: (post: LivePost) => void;
  readonly onDelete: (post: LivePost) => void;
  readonly onHistory: (post: LivePost) => void;
  /** Offering to other services' live pages; absent when there is nowhere to offer. */
  readonly onOffer?: ((post: LivePost) => void) | undefined;
  readonly onAnnounce: (message: string) => void;
}) {
  const { api, session } = useApp();
  const { t, dateTime } = useUiText();
  const { post } = props;
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [baseRevision, setBaseRevision] = useState(post.revision);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const own = post.createdBy === session.user.id;
  const mayEdit = props.canModerate || own;
  const deleted = post.deletedAt !== null;
  const draft = post.draft === true;

  const publish = async () => {
    setBusy(true);
    setError(null);
    try {
      props.onChanged(await publishOfferedPost(api, post.id));
      props.onAnnounce(t("live.post.publishedDone"));
    } catch (failure) {
      setError(t("live.post.changeFailed", { error: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  const openEdit = () => {
    setTitle(post.content.title ?? "");
    setText(editableText(post.content.body));
    setBaseRevision(post.revision);
    setConflict(null);
    setError(null);
    setEditing(true);
  };

  const closeEdit = () => {
    setEditing(false);
    setConflict(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  const patch = async (change: Omit<PostPatch, "revision">, revision: number) => {
    setBusy(true);
    setError(null);
    try {
      const updated = await updatePost(api, post.id, { revision, ...change });
      props.onChanged(updated);
      return true;
    } catch (failure) {
      if (isApiError(failure) && failure.code === "LIVE_POST_CONFLICT") {
        try {
          setConflict(await newerVersionOf(api, post.id, failure.problem));
        } catch (lookup) {
          setError(t("live.post.conflictUnknown", { error: errorMessage(lookup) }));
        }
        return false;
      }
      setError(t("live.post.changeFailed", { error: errorMessage(failure) }));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveEdit = async (event: Event) => {
    event.preventDefault();
    const body = applyTextEdit(post.content.body, text);
    if (body.length === 0) {
      setError(t("live.composer.empty"));
      return;
    }
    const trimmed = title.trim().normalize("NFC");
    // After a conflict, the user's text is saved over the newer version they were shown.
    const ok = await patch(
      { title: trimmed === "" ? null : trimmed, body },
      conflict ? conflict.revision : baseRevision,
    );
    if (ok) {
      props.onAnnounce(t("live.post.saved"));
      closeEdit();
    }
  };

  const toggle = async (change: { pinned: boolean } | { keyEvent: boolean }, message: string) => {
    if (await patch(change, post.revision)) props.onAnnounce(message);
  };

  const classes = ["nr-live-post"];
  if (post.pinned) classes.push("nr-live-pinned");
  if (post.keyEvent) classes.push("nr-live-key");
  if (deleted) classes.push("nr-live-deleted");

  return (
    <li class={classes.join(" ")} data-post-id={post.id}>
      {/* Focusable from script only: after a deletion, focus lands on the post (or its place). */}
      <article aria-labelledby={`${id}-time`} tabIndex={-1}>
        <p class="nr-live-meta">
          <time id={`${id}-time`} dateTime={post.postedAt}>
            {dateTime(post.postedAt)}
          </time>
          {post.pinned ? (
            <span class="nr-tag nr-live-tag-pinned">{t("live.post.pinned")}</span>
          ) : null}
          {post.keyEvent ? (
            <span class="nr-tag nr-live-tag-key">{t("live.post.keyEvent")}</span>
          ) : null}
          {post.revision > 1 && post.editedAt ? (
            <span class="nr-tag" title={dateTime(post.editedAt)}>
              {t("live.post.edited")}
            </span>
          ) : null}
          {draft ? <span class="nr-tag">{t("live.post.draft")}</span> : null}
          {post.stale ? <span class="nr-tag">{t("live.post.stale")}</span> : null}
          {deleted ? (
            <span class="nr-tag nr-live-tag-deleted">
              {t("live.post.deleted", { time: dateTime(post.deletedAt) })}
            </span>
          ) : null}
        </p>

        {editing ? (
          <form class="nr-form nr-live-edit" onSubmit={(event) => void saveEdit(event)}>
            {conflict ? (
              <div class="nr-conflict" role="alert">
                <p>{t("live.post.conflict")}</p>
                <p class="nr-label">{t("live.post.theirVersion")}</p>
                {conflict.content.title ? (
                  <p lang={props.lang} dir={props.dir}>
                    <strong>{conflict.content.title}</strong>
                  </p>
                ) : null}
                <PostBody body={conflict.content.body} lang={props.lang} dir={props.dir} />
                <p>{t("live.post.yoursKept")}</p>
              </div>
            ) : null}
            <div class="nr-field">
              <label for={`${id}-title`}>{t("live.composer.title")}</label>
              <input
                id={`${id}-title`}
                maxLength={300}
                lang={props.lang}
                dir={props.dir}
                value={title}
                onInput={(event) => setTitle(event.currentTarget.value)}
              />
            </div>
            <div class="nr-field">
              <label for={`${id}-text`}>{t("live.post.editText")}</label>
              <textarea
                id={`${id}-text`}
                rows={4}
                maxLength={20_000}
                lang={props.lang}
                dir={props.dir}
                value={text}
                // biome-ignore lint/a11y/noAutofocus: the edit box replaces the post the user chose to edit
                autoFocus
                onInput={(event) => setText(event.currentTarget.value)}
              />
            </div>
            <div class="nr-button-row">
              <button type="submit" class="nr-primary" disabled={busy}>
                {conflict ? t("live.post.saveMine") : t("live.post.save")}
              </button>
              <button type="button" onClick={closeEdit}>
                {conflict ? t("live.post.discardMine") : t("common.cancel")}
              </button>
            </div>
          </form>
        ) : (
          <>
            {post.content.title ? (
              <h3 class="nr-live-title" lang={props.lang} dir={props.dir}>
                {post.content.title}
              </h3>
            ) : null}
            <PostBody body={post.content.body} lang={props.lang} dir={props.dir} />
          </>
        )}

        <p class="nr-live-byline">
          {post.bylineNames.length > 0 ? (
            <bdi lang={props.lang} dir={props.dir}>
              {post.bylineNames.join(t("common.listSeparator"))}
            </bdi>
          ) : null}
          {post.createdByName ? (
            <span class="nr-meta"> {t("live.post.by", { name: post.createdByName })}</span>
          ) : null}
        </p>

        {!editing ? (
          // Each post has the same buttons; the post's time tells them apart for screen readers.
          <div class="nr-live-actions">
            {draft && props.canPost && !deleted ? (
              <button
                type="button"
                class="nr-primary"
                aria-describedby={`${id}-time`}
                disabled={busy}
                onClick={() => void publish()}
              >
                {t("live.post.publish")}
              </button>
            ) : null}
            {props.canModerate && !deleted && !draft ? (
              <>
                <button
                  type="button"
                  aria-describedby={`${id}-time`}
                  disabled={busy}
                  onClick={() =>
                    void toggle(
                      { pinned: !post.pinned },
                      t(post.pinned ? "live.post.unpinnedDone" : "live.post.pinnedDone"),
                    )
                  }
                >
                  {post.pinned ? t("live.post.unpin") : t("live.post.pin")}
                </button>
                <button
                  type="button"
                  aria-describedby={`${id}-time`}
                  aria-pressed={post.keyEvent}
                  disabled={busy}
                  onClick={() =>
                    void toggle(
                      { keyEvent: !post.keyEvent },
                      t(post.keyEvent ? "live.post.keyRemoved" : "live.post.keyMarked"),
                    )
                  }
                >
                  {t("live.post.markKey")}
                </button>
              </>
            ) : null}
            {mayEdit && !deleted ? (
              <>
                <button
                  type="button"
                  aria-describedby={`${id}-time`}
                  ref={editButton}
                  disabled={busy}
                  onClick={openEdit}
                >
                  {t("live.post.edit")}
                </button>
                <button
                  type="button"
                  aria-describedby={`${id}-time`}
                  class="nr-link-button"
                  onClick={() => props.onDelete(post)}
                >
                  {t("live.post.delete")}
                </button>
              </>
            ) : null}
            {props.onOffer && !deleted && !draft ? (
              <button
                type="button"
                aria-describedby={`${id}-time`}
                class="nr-link-button"
                onClick={() => props.onOffer?.(post)}
              >
                {t("live.offer.button")}
              </button>
            ) : null}
            {post.revision > 1 || deleted || props.canModerate ? (
              <button
                type="button"
                aria-describedby={`${id}-time`}
                class="nr-link-button"
                onClick={() => props.onHistory(post)}
              >
                {t("live.post.history")}
              </button>
            ) : null}
          </div>
        ) : null}
        <ErrorMessage message={error} />
      </article>
    </li>
  );
}
