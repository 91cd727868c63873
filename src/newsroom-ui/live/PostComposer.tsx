import { useEffect, useId, useLayoutEffect, useRef, useState } from "preact/hooks";
import { maxStoryEmbeds } from "../../domain/stories/story-body-schema.js";
import { useUiText } from "../i18n/ui-language.js";
import { mediaErrorText, originalRendition, uploadProblem } from "../media/media-files.js";
import { errorMessage, isApiError } from "../shared/api-client.js";
import type { Catalog } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { rememberHeadline } from "../shared/embedded-headlines.js";
import { ErrorMessage } from "../shared/Notice.js";
import { StoryEmbedDialog } from "../shared/StoryEmbedDialog.js";
import { createPost, type LivePost } from "./live-api.js";
import {
  browserStorage,
  draftProblem,
  emptyDraft,
  type PostDraft,
  postFromDraft,
  readDraft,
  writeDraft,
} from "./live-draft.js";

/** Grows a text area with what is typed, so a phone shows the whole post without scrolling it. */
function fitHeight(area: HTMLTextAreaElement | null): void {
  if (!area) return;
  area.style.blockSize = "auto";
  area.style.blockSize = `${area.scrollHeight + 2}px`;
}

/**
 * The posting box, built for a reporter on a phone: one growing text area, an optional
 * title, a photo (uploaded at once through the media API, so it is ready by the time the
 * caption is typed), the byline, and Post (also Ctrl/Cmd+Enter). The draft is kept in
 * localStorage until it is posted; a failed post keeps it and says why.
 */
export function PostComposer(props: {
  readonly storyId: string;
  /** The live page's service: the embed search offers its stories first. */
  readonly serviceId: string;
  readonly catalog: Catalog | null;
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onPosted: (post: LivePost) => void;
  /** After a refusal the page's settings may have changed (ended, reporters closed). */
  readonly onRefused: () => void;
}) {
  const { api, session } = useApp();
  const { t, lang: uiLang } = useUiText();
  const id = useId();
  const myPersonId = session.user.personId ?? null;
  const [draft, setDraft] = useState<PostDraft>(
    () => readDraft(browserStorage(), props.storyId) ?? emptyDraft(myPersonId),
  );
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const photoButtonRef = useRef<HTMLButtonElement>(null);
  const embedButtonRef = useRef<HTMLButtonElement>(null);
  const [embedOpen, setEmbedOpen] = useState(false);

  useEffect(() => writeDraft(browserStorage(), props.storyId, draft), [props.storyId, draft]);
  useLayoutEffect(() => fitHeight(textRef.current), [draft.text]);

  const change = (patch: Partial<PostDraft>) => setDraft((current) => ({ ...current, ...patch }));

  const choosePhoto = async (file: File) => {
    const problem = uploadProblem(file, uiLang);
    if (problem) {
      setError(problem);
      return;
    }
    setUploading(true);
    setError(null);
    try {
      const asset = await api.uploadMedia({
        file,
        fileName: file.name,
        caption: "",
        credit: "",
        alt: "",
        focalX: 0.5,
        focalY: 0.5,
        rightsSource: "",
        rightsUsage: "",
      });
      // A photo already in the library keeps its saved caption and alt text as a start.
      change({ photo: { mediaId: asset.id, caption: asset.caption, alt: asset.alt } });
    } catch (failure) {
      setError(
        t("live.composer.photoFailed", {
          error: isApiError(failure)
            ? mediaErrorText(failure.code, errorMessage(failure), uiLang)
            : errorMessage(failure),
        }),
      );
    } finally {
      setUploading(false);
      if (fileRef.current) fileRef.current.value = "";
    }
  };

  const post = async () => {
    if (busy || uploading) return;
    const problem = draftProblem(draft);
    if (problem) {
      setError(t(problem === "empty" ? "live.composer.empty" : "live.composer.altMissing"));
      (problem === "empty" ? textRef.current : document.getElementById(`${id}-alt`))?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createPost(api, props.storyId, postFromDraft(draft));
      setDraft({ ...emptyDraft(myPersonId), personId: draft.personId });
      props.onPosted(created);
      textRef.current?.focus();
    } catch (failure) {
      // The text stays in the box (and in storage): nothing typed in the field is lost.
      const code = isApiError(failure) ? failure.code : null;
      setError(
        code === "NETWORK_ERROR"
          ? t("live.composer.offline")
          : code === "LIVE_POSTING_CLOSED"
            ? t("live.composer.closed")
            : t("live.composer.failed", { error: errorMessage(failure) }),
      );
      if (isApiError(failure) && (failure.status === 403 || failure.status === 409)) {
        props.onRefused();
      }
    } finally {
      setBusy(false);
    }
  };

  const people = props.catalog?.people ?? [];
  // The linked person, named from the catalogue, else by the account's own name.
  const me = myPersonId
    ? (people.find((person) => person.id === myPersonId) ?? {
        id: myPersonId,
        name: session.user.displayName,
      })
    : undefined;

  return (
    <section class="nr-live-composer" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t("live.composer.heading")}</h2>
      <form
        class="nr-form"
        onSubmit={(event) => {
          event.preventDefault();
          void post();
        }}
      >
        <div class="nr-field">
          <label for={`${id}-text`}>{t("live.composer.text")}</label>
          <textarea
            id={`${id}-text`}
            ref={textRef}
            rows={3}
            maxLength={20_000}
            lang={props.lang}
            dir={props.dir}
            value={draft.text}
            aria-describedby={`${id}-keys`}
            onInput={(event) => {
              change({ text: event.currentTarget.value });
              fitHeight(event.currentTarget);
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void post();
              }
            }}
          />
          <p id={`${id}-keys`} class="nr-help">
            {t("live.composer.keys")}
          </p>
        </div>
        <div class="nr-field">
          <label for={`${id}-title`}>{t("live.composer.title")}</label>
          <input
            id={`${id}-title`}
            maxLength={300}
            lang={props.lang}
            dir={props.dir}
            value={draft.title}
            onInput={(event) => change({ title: event.currentTarget.value })}
          />
        </div>

        {draft.photo ? (
          <fieldset class="nr-live-photo">
            <legend>{t("live.composer.photo")}</legend>
            <img
              src={originalRendition(draft.photo.mediaId)}
              alt=""
              class="nr-live-photo-preview"
              loading="lazy"
            />
            <div class="nr-field">
              <label for={`${id}-caption`}>{t("live.composer.caption")}</label>
              <input
                id={`${id}-caption`}
                maxLength={2000}
                lang={props.lang}
                dir={props.dir}
                value={draft.photo.caption}
                onInput={(event) => {
                  const caption = event.currentTarget.value;
                  setDraft((d) => (d.photo ? { ...d, photo: { ...d.photo, caption } } : d));
                }}
              />
            </div>
            <div class="nr-field">
              <label for={`${id}-alt`}>{t("live.composer.alt")}</label>
              <input
                id={`${id}-alt`}
                required
                maxLength={1000}
                lang={props.lang}
                dir={props.dir}
                value={draft.photo.alt}
                aria-describedby={`${id}-alt-help`}
                onInput={(event) => {
                  const alt = event.currentTarget.value;
                  setDraft((d) => (d.photo ? { ...d, photo: { ...d.photo, alt } } : d));
                }}
              />
              <p id={`${id}-alt-help`} class="nr-help">
                {t("live.composer.altHelp")}
              </p>
            </div>
            <button
              type="button"
              onClick={() => {
                change({ photo: null });
                // The removed photo's controls are gone: focus goes to "Add photo" again.
                requestAnimationFrame(() => photoButtonRef.current?.focus());
              }}
            >
              {t("live.composer.removePhoto")}
            </button>
          </fieldset>
        ) : (
          <div class="nr-button-row">
            <button
              type="button"
              ref={photoButtonRef}
              disabled={uploading}
              onClick={() => fileRef.current?.click()}
            >
              {uploading ? t("live.composer.uploading") : t("live.composer.addPhoto")}
            </button>
            <input
              ref={fileRef}
              type="file"
              accept="image/jpeg,image/png,image/webp,image/avif"
              hidden
              aria-label={t("live.composer.addPhoto")}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                if (file) void choosePhoto(file);
              }}
            />
          </div>
        )}

        {draft.embeds.length > 0 ? (
          <ul class="nr-live-embeds" aria-label={t("live.embed.results")}>
            {draft.embeds.map((embed) => (
              <li key={embed.storyId} class="nr-story-embed" data-story-embed={embed.storyId}>
                <span lang={props.lang} dir={props.dir}>
                  {t("live.embed.card", { headline: embed.headline })}
                </span>{" "}
                <button
                  type="button"
                  onClick={() => {
                    setDraft((d) => ({
                      ...d,
                      embeds: d.embeds.filter((e) => e.storyId !== embed.storyId),
                    }));
                    requestAnimationFrame(() => embedButtonRef.current?.focus());
                  }}
                >
                  {t("live.embed.remove", { headline: embed.headline })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div class="nr-button-row">
          <button
            type="button"
            ref={embedButtonRef}
            disabled={draft.embeds.length >= maxStoryEmbeds}
            onClick={() => setEmbedOpen(true)}
          >
            {t("live.embed.add")}
          </button>
        </div>
        <StoryEmbedDialog
          open={embedOpen}
          serviceId={props.serviceId}
          onClose={() => setEmbedOpen(false)}
          onPick={(item) => {
            rememberHeadline(api, item.id, item.headline);
            setDraft((d) =>
              d.embeds.some((e) => e.storyId === item.id)
                ? d
                : { ...d, embeds: [...d.embeds, { storyId: item.id, headline: item.headline }] },
            );
            setEmbedOpen(false);
          }}
        />

        <div class="nr-field">
          <label for={`${id}-byline`}>{t("live.composer.byline")}</label>
          <select
            id={`${id}-byline`}
            value={draft.personId}
            onChange={(event) => change({ personId: event.currentTarget.value })}
          >
            <option value="">{t("live.composer.noByline")}</option>
            {me ? (
              <option value={me.id} lang={props.lang} dir={props.dir}>
                {t("live.composer.me", { name: me.name })}
              </option>
            ) : null}
            {people
              .filter((person) => person.id !== myPersonId)
              .map((person) => (
                <option key={person.id} value={person.id} lang={props.lang} dir={props.dir}>
                  {person.name}
                </option>
              ))}
          </select>
        </div>

        <div class="nr-button-row">
          <button type="submit" class="nr-primary nr-live-post-button" disabled={busy || uploading}>
            {busy ? t("live.composer.posting") : t("live.composer.post")}
          </button>
        </div>
        <ErrorMessage message={error} />
      </form>
    </section>
  );
}
