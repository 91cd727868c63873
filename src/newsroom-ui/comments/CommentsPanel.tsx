import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useId, useState } from "preact/hooks";
import { useUiText } from "../i18n/ui-language.js";
import { errorMessage } from "../shared/api-client.js";
import { useApp } from "../shared/app-context.js";
import { Dialog } from "../shared/Dialog.js";
import { ErrorMessage } from "../shared/Notice.js";
import {
  addComment,
  type CommentItem,
  type CommentThread,
  deleteComment,
  editComment,
  listComments,
  type MentionPerson,
  resolveComment,
} from "./comments-api.js";
import { blockAtCursor, type EditorBlock, editorBlocks, showBlock } from "./editor-blocks.js";
import { MentionField } from "./MentionField.js";
import { mentionsStillWritten, splitMentions } from "./mention-text.js";

/** Characters of a block shown in the "About" list and above a thread. */
const quoteLength = 80;

function shorten(text: string): string {
  return text.length > quoteLength ? `${text.slice(0, quoteLength)}…` : text;
}

/** The comment to open, from the address (`?comment=…`, as notifications link). */
function commentInAddress(): string | null {
  return new URLSearchParams(window.location.search).get("comment");
}

/**
 * Editor-to-editor notes beside the story editor, as in Google Docs: a comment on the whole
 * story or on one paragraph, replies, resolve/reopen, edit and delete one's own, and
 * "@" mentions. Readers never see them (the server keeps them out of every revision).
 */
export function CommentsPanel(props: {
  readonly storyId: string;
  /** The body editor, for the paragraphs to comment on and to show a comment's paragraph. */
  readonly editor: { readonly current: Editor | null };
  /** The story's language and direction, for quoted story text. */
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
}) {
  const { api } = useApp();
  const { t } = useUiText();
  const id = useId();
  const [threads, setThreads] = useState<CommentThread[] | null>(null);
  const [blocks, setBlocks] = useState<EditorBlock[]>([]);
  const [about, setAbout] = useState("story");
  const [text, setText] = useState("");
  const [picked, setPicked] = useState<MentionPerson[]>([]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<CommentItem | null>(null);
  const target = commentInAddress();

  const load = useCallback(async () => {
    try {
      setThreads(await listComments(api, props.storyId));
      setLoadError(null);
    } catch (failure) {
      setLoadError(errorMessage(failure));
    }
  }, [api, props.storyId]);

  // Read again when a notification opens another comment of this story.
  useEffect(() => {
    void load();
  }, [load, target]);

  const refreshBlocks = () => {
    const editor = props.editor.current;
    if (editor) setBlocks(editorBlocks(editor));
  };

  // Opened from a notification: bring the thread into view and move focus to it.
  useEffect(() => {
    if (!threads || !target) return;
    const element = document.getElementById(`comment-${target}`);
    element?.scrollIntoView({ block: "center" });
    element?.focus();
  }, [threads, target]);

  /** Runs a change, then reloads the threads; errors are shown, not thrown. */
  const act = async (change: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    setStatus("");
    try {
      await change();
      await load();
      setStatus(done);
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const block = blocks.find((b) => String(b.index) === about);
    const ok = await act(
      () =>
        addComment(api, props.storyId, {
          body: text,
          mentions: mentionsStillWritten(text, picked).map((p) => p.id),
          ...(block ? { block: { index: block.index, text: block.text } } : {}),
        }),
      t("comments.added"),
    );
    if (ok) {
      setText("");
      setPicked([]);
    }
  };

  const useCursor = () => {
    const editor = props.editor.current;
    if (!editor) return;
    const all = editorBlocks(editor);
    setBlocks(all);
    const block = blockAtCursor(editor, all);
    setAbout(block ? String(block.index) : "story");
  };

  const showParagraph = (index: number) => {
    const editor = props.editor.current;
    const block = editor ? editorBlocks(editor).find((b) => b.index === index) : undefined;
    if (editor && block) showBlock(editor, block);
  };

  const open = (threads ?? []).filter((thread) => thread.resolvedAt === null);
  const resolved = (threads ?? []).filter((thread) => thread.resolvedAt !== null);
  const threadProps = {
    storyId: props.storyId,
    lang: props.lang,
    dir: props.dir,
    busy,
    target,
    act,
    onDelete: setDeleting,
    onShowParagraph: showParagraph,
  };

  return (
    <section class="nr-panel nr-comments" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("comments.heading")}</h2>
      <p>{t("comments.intro")}</p>
      <form class="nr-form" aria-labelledby={`${id}-new`} onSubmit={(event) => void add(event)}>
        <h3 id={`${id}-new`}>{t("comments.new")}</h3>
        <div class="nr-field">
          <label for={`${id}-about`}>{t("comments.about")}</label>
          <select
            id={`${id}-about`}
            value={about}
            onFocus={refreshBlocks}
            onMouseDown={refreshBlocks}
            onChange={(event) => setAbout(event.currentTarget.value)}
          >
            <option value="story">{t("comments.aboutStory")}</option>
            {blocks.map((block) => (
              <option key={block.index} value={String(block.index)}>
                {t("comments.aboutBlock", { number: block.index + 1, text: shorten(block.text) })}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-button-row">
          <button type="button" onClick={useCursor}>
            {t("comments.useCursor")}
          </button>
        </div>
        <MentionField
          storyId={props.storyId}
          label={t("comments.text")}
          value={text}
          onInput={setText}
          onMention={(person) => setPicked((list) => [...list, person])}
        />
        <button type="submit" class="nr-primary" disabled={busy}>
          {t("comments.add")}
        </button>
      </form>
      <p role="status" class="nr-status">
        {status}
      </p>
      <ErrorMessage message={error} />
      <ErrorMessage
        message={loadError === null ? null : t("comments.loadFailed", { error: loadError })}
      />
      {threads === null && loadError === null ? <p>{t("comments.loading")}</p> : null}
      {threads !== null && threads.length === 0 ? <p>{t("comments.none")}</p> : null}
      {open.length > 0 ? (
        <ol class="nr-threads">
          {open.map((thread) => (
            <li key={thread.id}>
              <Thread thread={thread} {...threadProps} />
            </li>
          ))}
        </ol>
      ) : null}
      {resolved.length > 0 ? (
        <details open={resolved.some((thread) => thread.id === target)}>
          <summary>{t("comments.resolvedHeading", { count: resolved.length })}</summary>
          <ol class="nr-threads">
            {resolved.map((thread) => (
              <li key={thread.id}>
                <Thread thread={thread} {...threadProps} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <Dialog
        title={t("comments.deleteTitle")}
        open={deleting !== null}
        onClose={() => setDeleting(null)}
      >
        <p>
          {deleting?.parentId === null ? t("comments.deleteThread") : t("comments.deleteReply")}
        </p>
        <div class="nr-dialog-actions">
          <button
            type="button"
            class="nr-danger"
            onClick={() => {
              const doomed = deleting;
              setDeleting(null);
              if (doomed) {
                void act(() => deleteComment(api, doomed.id), t("comments.deleted"));
              }
            }}
          >
            {t("comments.delete")}
          </button>
          <button type="button" onClick={() => setDeleting(null)}>
            {t("common.cancel")}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

interface ThreadProps {
  readonly storyId: string;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly busy: boolean;
  /** The comment opened from a notification. */
  readonly target: string | null;
  readonly act: (change: () => Promise<unknown>, done: string) => Promise<boolean>;
  readonly onDelete: (comment: CommentItem) => void;
  readonly onShowParagraph: (index: number) => void;
}

function Thread(props: ThreadProps & { readonly thread: CommentThread }) {
  const { api } = useApp();
  const { t } = useUiText();
  const { thread } = props;
  const [replying, setReplying] = useState(false);
  const [reply, setReply] = useState("");
  const [picked, setPicked] = useState<MentionPerson[]>([]);
  const anchor = thread.anchor;

  const sendReply = async (event: Event) => {
    event.preventDefault();
    const ok = await props.act(
      () =>
        addComment(api, props.storyId, {
          body: reply,
          parentId: thread.id,
          mentions: mentionsStillWritten(reply, picked).map((p) => p.id),
        }),
      t("comments.replied"),
    );
    if (ok) {
      setReply("");
      setPicked([]);
      setReplying(false);
    }
  };

  return (
    <article
      class={`nr-thread${thread.resolvedAt ? " nr-thread-resolved" : ""}`}
      aria-label={t("comments.thread", { name: thread.authorName })}
    >
      {anchor.kind === "story" ? (
        <p class="nr-comment-anchor">{t("comments.onStory")}</p>
      ) : (
        <p class="nr-comment-anchor">
          {anchor.kind === "block"
            ? t("comments.onBlock", { number: anchor.index + 1 })
            : t("comments.orphaned")}{" "}
          <q lang={props.lang} dir={props.dir}>
            {shorten(anchor.text)}
          </q>
          {anchor.kind === "block" ? (
            <>
              {" "}
              <button
                type="button"
                class="nr-link-button"
                onClick={() => props.onShowParagraph(anchor.index)}
              >
                {t("comments.showBlock", { number: anchor.index + 1 })}
              </button>
            </>
          ) : null}
        </p>
      )}
      <Comment comment={thread} {...props} />
      {thread.replies.length > 0 ? (
        <ol class="nr-replies">
          {thread.replies.map((item) => (
            <li key={item.id}>
              <Comment comment={item} {...props} />
            </li>
          ))}
        </ol>
      ) : null}
      <div class="nr-button-row">
        <button type="button" disabled={props.busy} onClick={() => setReplying(!replying)}>
          {t("comments.reply")}
        </button>
        <button
          type="button"
          disabled={props.busy}
          onClick={() =>
            void props.act(
              () => resolveComment(api, thread.id, thread.resolvedAt === null),
              thread.resolvedAt === null ? t("comments.resolvedDone") : t("comments.reopenedDone"),
            )
          }
        >
          {thread.resolvedAt === null ? t("comments.resolve") : t("comments.reopen")}
        </button>
      </div>
      {replying ? (
        <form class="nr-form" onSubmit={(event) => void sendReply(event)}>
          <MentionField
            storyId={props.storyId}
            label={t("comments.replyText")}
            value={reply}
            onInput={setReply}
            onMention={(person) => setPicked((list) => [...list, person])}
            rows={2}
            autoFocus
          />
          <div class="nr-button-row">
            <button type="submit" class="nr-primary" disabled={props.busy}>
              {t("comments.sendReply")}
            </button>
            <button type="button" onClick={() => setReplying(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : null}
    </article>
  );
}

function Comment(props: ThreadProps & { readonly comment: CommentItem }) {
  const { api, session } = useApp();
  const { t, dateTime } = useUiText();
  const { comment } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.body);
  const [picked, setPicked] = useState<MentionPerson[]>(comment.mentioned);
  const own = comment.authorId === session.user.id;
  const focused = props.target === comment.id;

  const save = async (event: Event) => {
    event.preventDefault();
    const ok = await props.act(
      () =>
        editComment(api, comment.id, {
          body: text,
          mentions: mentionsStillWritten(text, picked).map((p) => p.id),
        }),
      t("comments.saved"),
    );
    if (ok) setEditing(false);
  };

  return (
    <div
      id={`comment-${comment.id}`}
      tabIndex={-1}
      class={`nr-comment${focused ? " nr-comment-focus" : ""}`}
    >
      <p class="nr-comment-meta">
        <strong>
          <bdi>{comment.authorName}</bdi>
        </strong>{" "}
        <time dateTime={comment.createdAt}>{dateTime(comment.createdAt)}</time>
        {comment.editedAt ? <> {t("comments.edited")}</> : null}
      </p>
      {editing ? (
        <form class="nr-form" onSubmit={(event) => void save(event)}>
          <MentionField
            storyId={props.storyId}
            label={t("comments.editText")}
            value={text}
            onInput={setText}
            onMention={(person) => setPicked((list) => [...list, person])}
            autoFocus
          />
          <div class="nr-button-row">
            <button type="submit" class="nr-primary" disabled={props.busy}>
              {t("comments.save")}
            </button>
            <button
              type="button"
              onClick={() => {
                setText(comment.body);
                setEditing(false);
              }}
            >
              {t("common.cancel")}
            </button>
          </div>
        </form>
      ) : (
        <p class="nr-comment-body" dir="auto">
          {splitMentions(
            comment.body,
            comment.mentioned.map((person) => person.displayName),
          ).map((part, index) =>
            part.mention ? (
              <strong key={index} class="nr-mention">
                {part.text}
              </strong>
            ) : (
              part.text
            ),
          )}
        </p>
      )}
      {own && !editing ? (
        <div class="nr-button-row">
          <button type="button" disabled={props.busy} onClick={() => setEditing(true)}>
            {t("comments.edit")}
          </button>
          <button type="button" disabled={props.busy} onClick={() => props.onDelete(comment)}>
            {t("comments.delete")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
