import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useId, useRef, useState } from "preact/hooks";
import { blocksToPmDoc, pmDocToBlocks } from "../../domain/stories/prosemirror-mapping.js";
import type { FigureBlock } from "../../domain/stories/story-body-schema.js";
import type { FigureAttrs } from "../editor/figure-node.js";
import { toEditorJson } from "../editor/pm-json.js";
import { useUiText } from "../i18n/ui-language.js";
import { MediaPicker } from "../media/MediaPicker.js";
import { originalRendition } from "../media/media-files.js";
import { AppLink } from "../shared/AppLink.js";
import { conflictOf, errorMessage } from "../shared/api-client.js";
import type { Catalog, Conflict, Content, MediaAsset, StoryDetail } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { contentDirection } from "../shared/format.js";
import { Message, ServiceName } from "../shared/Message.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { capabilitiesFor } from "../shared/permissions.js";
import { routeHref } from "../shared/router.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { serviceFor } from "../shared/service-info.js";
import { TextField } from "../shared/TextField.js";
import { WireFlagBanner } from "../wire/WireFlagBanner.js";
import { Autosave } from "./autosave.js";
import { BylinesEditor } from "./BylinesEditor.js";
import { ConflictView } from "./ConflictView.js";
import { ContentView } from "./ContentView.js";
import { FigureDialog } from "./FigureDialog.js";
import { PreviewPane } from "./PreviewPane.js";
import { RichTextEditor } from "./RichTextEditor.js";
import { normalizeContent, toggle, UnsavedChanges } from "./story-draft.js";
import { TranslationPanel } from "./TranslationPanel.js";
import { WorkflowControls } from "./WorkflowControls.js";

/** Autosave and presence heartbeat period. */
const heartbeatMs = 15_000;

type FigureTarget = { readonly kind: "lead" } | { readonly kind: "body"; readonly pos: number };

interface KnownAsset {
  readonly asset: MediaAsset | null;
  readonly thumbnailUrl: string;
}

function defaultThumbnail(mediaId: string): string {
  return originalRendition(mediaId);
}

/**
 * The story editor: every content field, the rich-text body, lead figure, autosave,
 * presence, the conflict view, preview and workflow controls. Text fields, the body and the
 * preview carry the service's `lang` and `dir`, so Persian and Arabic are edited RTL.
 */
export function StoryEditor(props: { readonly storyId: string }) {
  const { api, session, services } = useApp();
  const { t, dateTime } = useUiText();
  const { storyId } = props;
  const id = useId();
  const [detail, setDetail] = useState<StoryDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  const [form, setForm] = useState<Content | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saveMessage, setSaveMessage] = useState("");
  const [autosaveMessage, setAutosaveMessage] = useState("");
  const [saveError, setSaveError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [discarded, setDiscarded] = useState<Content | null>(null);
  const [resolving, setResolving] = useState(false);
  const [others, setOthers] = useState<string[]>([]);
  const [picker, setPicker] = useState<"lead" | "body" | null>(null);
  const [figureEdit, setFigureEdit] = useState<{ target: FigureTarget; attrs: FigureAttrs } | null>(
    null,
  );
  const [saveNote, setSaveNote] = useState("");

  const editorRef = useRef<Editor | null>(null);
  const formRef = useRef<Content | null>(null);
  formRef.current = form;
  const baseRevisionId = useRef<string>("");
  /** What was last loaded or saved: "changed" compares content with it (story-draft.ts). */
  const unsaved = useRef(new UnsavedChanges());
  const assets = useRef(new Map<string, KnownAsset>());
  const autosave = useRef<Autosave | null>(null);

  useScreenTitle(form ? t("editor.title", { headline: form.headline }) : t("editor.loadingTitle"));

  const update = (patch: Partial<Content>) => {
    setForm((current) => (current ? { ...current, ...patch } : current));
  };

  // Load the story, then its service's catalogue.
  useEffect(() => {
    let live = true;
    api
      .getStory(storyId)
      .then(async (loaded) => {
        if (!live) return;
        baseRevisionId.current = loaded.revision.id;
        setDetail(loaded);
        setForm(loaded.revision.content);
        const lead = loaded.revision.content.leadFigure;
        if (lead)
          assets.current.set(lead.mediaId, {
            asset: null,
            thumbnailUrl: defaultThumbnail(lead.mediaId),
          });
        const loadedCatalog = await api.catalog(loaded.story.serviceId);
        if (live) setCatalog(loadedCatalog);
      })
      .catch((failure: unknown) => live && setLoadError(errorMessage(failure)));
    return () => {
      live = false;
    };
  }, [api, storyId]);

  /** The form plus the editor's body, as the API wants it; throws if the body is invalid. */
  const collect = useCallback((): Content => {
    const current = formRef.current;
    const editor = editorRef.current;
    if (!current) throw new Error("The story has not loaded yet.");
    const body = editor ? pmDocToBlocks(editor.getJSON()) : current.body;
    return normalizeContent({ ...current, body });
  }, []);

  /** Whether the form and body differ from what was last loaded or saved. */
  const hasUnsavedChanges = useCallback((): boolean => {
    let current: Content | null;
    try {
      current = collect();
    } catch {
      current = null;
    }
    return unsaved.current.isChanged(current);
  }, [collect]);

  const refreshDirty = useCallback(() => setDirty(hasUnsavedChanges()), [hasUnsavedChanges]);

  // Field edits land in `form` on the next render; compare once they have.
  useEffect(() => {
    if (form) refreshDirty();
  }, [form, refreshDirty]);

  const save = useCallback(
    async (options: { autosave: boolean; note?: string }): Promise<boolean> => {
      let content: Content;
      try {
        content = collect();
      } catch (failure) {
        setSaveError(t("editor.notSaved", { error: errorMessage(failure) }));
        return false;
      }
      try {
        const result = await api.saveDraft(storyId, {
          baseRevisionId: baseRevisionId.current,
          content,
          autosave: options.autosave,
          ...(options.note ? { note: options.note } : {}),
        });
        baseRevisionId.current = result.revision.id;
        // What was typed while the save was on its way stays unsaved.
        unsaved.current.markSaved(content);
        setDirty(hasUnsavedChanges());
        setDetail((current) =>
          current ? { ...current, story: result.story, revision: result.revision } : current,
        );
        setSaveError(null);
        const when = { time: dateTime(result.revision.createdAt), number: result.revision.number };
        if (options.autosave) setAutosaveMessage(t("editor.autosaved", when));
        else setSaveMessage(t("editor.saved", when));
        return true;
      } catch (failure) {
        const found = conflictOf(failure);
        if (found) {
          autosave.current?.pause(true);
          setConflict(found);
          requestAnimationFrame(() => document.getElementById("conflict-heading")?.focus());
          return false;
        }
        setSaveError(t("editor.notSaved", { error: errorMessage(failure) }));
        return false;
      }
    },
    [api, storyId, collect, hasUnsavedChanges, t, dateTime],
  );

  // Autosave every 15 s when changed; presence heartbeat every 15 s.
  const loaded = detail !== null;
  useEffect(() => {
    if (!loaded) return;
    const saver = new Autosave({
      intervalMs: heartbeatMs,
      isDirty: hasUnsavedChanges,
      save: async () => {
        await save({ autosave: true });
      },
      onError: (failure) => setSaveError(errorMessage(failure)),
      setInterval: (run, ms) => window.setInterval(run, ms),
      clearInterval: (handle) => window.clearInterval(handle as number),
    });
    autosave.current = saver;
    saver.start();
    let lastNames = "";
    const beat = () => {
      api
        .presence(storyId)
        .then((result) => {
          const names = result.others
            .filter((other) => other.userId !== session.user.id)
            .map((other) => other.displayName);
          const key = names.join("\u0000");
          // Only a change is written, so the live region does not repeat itself.
          if (key !== lastNames) {
            lastNames = key;
            setOthers(names);
          }
        })
        .catch(() => undefined);
    };
    beat();
    const presence = window.setInterval(beat, heartbeatMs);
    const leaving = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges()) event.preventDefault();
    };
    addEventListener("beforeunload", leaving);
    return () => {
      saver.stop();
      window.clearInterval(presence);
      removeEventListener("beforeunload", leaving);
    };
  }, [loaded, api, storyId, save, hasUnsavedChanges, session.user.id]);

  const reload = useCallback(async () => {
    try {
      const fresh = await api.getStory(storyId);
      setDetail(fresh);
      // A workflow action may have saved first; the base moves with the server.
      baseRevisionId.current = fresh.revision.id;
    } catch (failure) {
      setSaveError(errorMessage(failure));
    }
  }, [api, storyId]);

  const loadContent = (content: Content) => {
    setForm(content);
    const editor = editorRef.current;
    editor?.commands.setContent(toEditorJson(blocksToPmDoc(content.body)), { emitUpdate: false });
    unsaved.current.markSaved(
      normalizeContent({
        ...content,
        body: editor ? pmDocToBlocks(editor.getJSON()) : content.body,
      }),
    );
    setDirty(false);
  };

  const keepMine = async () => {
    if (!conflict) return;
    setResolving(true);
    baseRevisionId.current = conflict.currentRevision.id;
    const saved = await save({
      autosave: false,
      note: `Kept over revision ${conflict.currentRevision.number} after a conflict`,
    });
    setResolving(false);
    if (saved) {
      setConflict(null);
      autosave.current?.pause(false);
      setSaveMessage(t("editor.keptMine", { number: conflict.currentRevision.number }));
    }
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setDiscarded(conflict.yourContent);
    baseRevisionId.current = conflict.currentRevision.id;
    loadContent(conflict.currentRevision.content);
    setConflict(null);
    autosave.current?.pause(false);
    setSaveMessage(t("editor.tookTheirs", { number: conflict.currentRevision.number }));
    void reload();
  };

  const rememberAsset = (asset: MediaAsset, thumbnailUrl: string | null) => {
    assets.current.set(asset.id, {
      asset,
      thumbnailUrl: thumbnailUrl ?? defaultThumbnail(asset.id),
    });
  };
  const thumbnailFor = useCallback(
    (mediaId: string) => assets.current.get(mediaId)?.thumbnailUrl ?? defaultThumbnail(mediaId),
    [],
  );

  if (loadError) {
    return (
      <>
        <h1 tabIndex={-1}>{t("editor.loadingTitle")}</h1>
        <ErrorMessage message={t("editor.loadFailed", { error: loadError })} />
      </>
    );
  }
  if (!detail || !form) {
    return (
      <>
        <h1 tabIndex={-1}>{t("editor.loadingTitle")}</h1>
        <StatusMessage>{t("editor.loading")}</StatusMessage>
      </>
    );
  }

  const service = serviceFor(detail.story.serviceId, services);
  const text = contentDirection(service);
  const can = capabilitiesFor(session, service.id);
  const readOnly = !can.canWrite;
  const lead = form.leadFigure;

  const onPicked = (asset: MediaAsset, thumbnailUrl: string | null) => {
    rememberAsset(asset, thumbnailUrl);
    const figure: FigureBlock = {
      type: "figure",
      mediaId: asset.id,
      caption: asset.caption,
      credit: asset.credit,
      alt: asset.alt,
    };
    if (picker === "lead") update({ leadFigure: figure });
    else {
      const { type: _block, ...attrs } = figure;
      editorRef.current?.chain().focus().insertFigure(attrs).run();
    }
    setPicker(null);
  };

  return (
    <>
      <h1 tabIndex={-1}>
        <Message
          text={t("editor.title")}
          parts={{
            headline: (
              <span lang={text.lang} dir={text.dir}>
                {form.headline}
              </span>
            ),
          }}
        />
      </h1>
      <p class="nr-meta">
        <ServiceName service={service} />
        {` · ${t("editor.revision", { number: detail.revision.number })} · `}
        <AppLink href={routeHref({ screen: "history", storyId })}>{t("editor.history")}</AppLink>
      </p>
      <p class="nr-presence" aria-live="polite">
        {others.length > 0 ? (
          <Message
            text={t("editor.alsoEditing")}
            parts={{ names: <bdi>{others.join(t("common.listSeparator"))}</bdi> }}
          />
        ) : null}
      </p>
      {readOnly ? (
        <p class="nr-note">
          <Message
            text={t("editor.readOnly")}
            parts={{ service: <ServiceName service={service} /> }}
          />
        </p>
      ) : null}
      <WireFlagBanner storyId={storyId} canAcknowledge={can.canPublish} />

      {conflict ? (
        <ConflictView
          conflict={conflict}
          catalog={catalog}
          lang={text.lang}
          dir={text.dir}
          busy={resolving}
          onKeepMine={() => void keepMine()}
          onTakeTheirs={takeTheirs}
        />
      ) : null}

      <div class="nr-editor-layout">
        <form
          class="nr-form nr-story-form"
          aria-label={t("editor.form")}
          onSubmit={(event) => {
            event.preventDefault();
            void save({ autosave: false, note: saveNote.trim() }).then(
              (ok) => ok && setSaveNote(""),
            );
          }}
        >
          <fieldset disabled={readOnly} class="nr-plain-fieldset">
            <legend class="nr-visually-hidden">{t("editor.fields")}</legend>
            <TextField
              id={`${id}-headline`}
              label={t("editor.headline")}
              required
              maxLength={300}
              lang={text.lang}
              dir={text.dir}
              value={form.headline}
              onInput={(headline) => update({ headline })}
            />
            <TextField
              id={`${id}-standfirst`}
              label={t("editor.standfirst")}
              multiline
              maxLength={1000}
              lang={text.lang}
              dir={text.dir}
              value={form.standfirst}
              onInput={(standfirst) => update({ standfirst })}
            />
            <div class="nr-field-row">
              <TextField
                id={`${id}-dateline`}
                label={t("editor.dateline")}
                maxLength={200}
                lang={text.lang}
                dir={text.dir}
                value={form.dateline}
                onInput={(dateline) => update({ dateline })}
              />
              <TextField
                id={`${id}-slug`}
                label={t("editor.slug")}
                help={t("editor.slugHelp")}
                required
                maxLength={120}
                lang={text.lang}
                dir={text.dir}
                value={form.slug}
                onInput={(slug) => update({ slug })}
              />
              <div class="nr-field">
                <label for={`${id}-section`}>{t("editor.section")}</label>
                <select
                  id={`${id}-section`}
                  value={form.section}
                  onChange={(event) => update({ section: event.currentTarget.value })}
                >
                  {catalog && !catalog.sections.some((s) => s.slug === form.section) ? (
                    <option value={form.section}>{form.section}</option>
                  ) : null}
                  {catalog?.sections.map((section) => (
                    <option key={section.slug} value={section.slug} lang={text.lang}>
                      {section.name}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {catalog ? (
              <>
                <CheckboxGroup
                  legend={t("editor.topics")}
                  options={catalog.topics.map((t) => ({ value: t.slug, label: t.name }))}
                  selected={form.topics}
                  lang={text.lang}
                  dir={text.dir}
                  onToggle={(value, on) => update({ topics: toggle(form.topics, value, on) })}
                />
                <BylinesEditor
                  bylines={form.bylines}
                  catalog={catalog}
                  lang={text.lang}
                  dir={text.dir}
                  onChange={(bylines) => update({ bylines })}
                />
                <CheckboxGroup
                  legend={t("editor.agencies")}
                  options={catalog.agencies.map((a) => ({ value: a.code, label: a.name }))}
                  selected={form.agencies}
                  lang="en"
                  dir="ltr"
                  onToggle={(value, on) => update({ agencies: toggle(form.agencies, value, on) })}
                />
              </>
            ) : (
              <StatusMessage>{t("editor.loadingCatalog")}</StatusMessage>
            )}

            <fieldset class="nr-lead">
              <legend>{t("editor.leadImage")}</legend>
              {lead ? (
                <figure class="nr-figure">
                  <img src={thumbnailFor(lead.mediaId)} alt={lead.alt} />
                  <figcaption lang={text.lang} dir={text.dir}>
                    {lead.caption || t("editor.noCaption")}{" "}
                    {lead.credit ? (
                      <span class="nr-figure-credit">
                        {t("editor.credit", { credit: lead.credit })}
                      </span>
                    ) : null}
                  </figcaption>
                  <p class="nr-figure-alt" lang={text.lang} dir={text.dir}>
                    {lead.alt ? t("editor.alt", { alt: lead.alt }) : t("editor.altMissing")}
                  </p>
                </figure>
              ) : (
                <p>{t("editor.noLead")}</p>
              )}
              <div class="nr-button-row">
                {lead ? (
                  <>
                    <button
                      type="button"
                      onClick={() => setFigureEdit({ target: { kind: "lead" }, attrs: lead })}
                    >
                      {t("editor.editLead")}
                    </button>
                    <button type="button" onClick={() => update({ leadFigure: null })}>
                      {t("editor.removeLead")}
                    </button>
                  </>
                ) : null}
                <button type="button" onClick={() => setPicker("lead")}>
                  {lead ? t("editor.changeLead") : t("editor.chooseLead")}
                </button>
              </div>
            </fieldset>
          </fieldset>

          <div class="nr-field">
            <span class="nr-label" aria-hidden="true">
              {t("editor.bodyLabel")}
            </span>
            <RichTextEditor
              initialDoc={blocksToPmDoc(form.body)}
              label={t("editor.body")}
              lang={text.lang}
              dir={text.dir}
              onReady={(editor) => {
                editorRef.current = editor;
                // Without `false`, Tiptap emits an "update" for this, which is no edit.
                editor.setEditable(!readOnly, false);
                // The baseline is the story as the editor holds it, so Tiptap's own
                // normalization of the loaded document does not count as a change.
                try {
                  unsaved.current.markSaved(collect());
                } catch {
                  unsaved.current.markSaved(normalizeContent(form));
                }
                setDirty(false);
              }}
              onChange={refreshDirty}
              sanitize={async (html) => (await api.paste(html)).content ?? []}
              onError={(failure) =>
                setSaveError(t("editor.pasteFailed", { error: errorMessage(failure) }))
              }
              thumbnailFor={thumbnailFor}
              onEditFigure={(pos, attrs) => setFigureEdit({ target: { kind: "body", pos }, attrs })}
              onInsertFigure={() => setPicker("body")}
            />
          </div>

          <ErrorMessage message={saveError} />
          <StatusMessage>{saveMessage}</StatusMessage>
          <p class="nr-help" aria-live="off">
            {t(dirty ? "editor.unsaved" : "editor.allSaved")}
            {autosaveMessage}
          </p>
          {readOnly ? null : (
            <div class="nr-inline-form">
              <label for={`${id}-note`}>{t("editor.note")}</label>
              <input
                id={`${id}-note`}
                dir="auto"
                maxLength={500}
                value={saveNote}
                onInput={(event) => setSaveNote(event.currentTarget.value)}
              />
              <button type="submit" class="nr-primary" disabled={conflict !== null}>
                {t("editor.save")}
              </button>
            </div>
          )}
          {discarded ? (
            <details class="nr-discarded">
              <summary>{t("editor.discarded")}</summary>
              <ContentView
                content={discarded}
                other={form}
                catalog={catalog}
                lang={text.lang}
                dir={text.dir}
              />
              <button type="button" onClick={() => setDiscarded(null)}>
                {t("editor.dismissDiscarded")}
              </button>
            </details>
          ) : null}
        </form>

        <div class="nr-side">
          <WorkflowControls
            story={detail.story}
            serviceName={service.name}
            serviceLocale={service.locale}
            capabilities={can}
            corrections={detail.corrections}
            readerUrl={detail.readerUrl}
            dirty={dirty}
            saveFirst={() => save({ autosave: false })}
            onChanged={() => void reload()}
          />
          <TranslationPanel
            storyId={storyId}
            serviceId={service.id}
            onChanged={() => void reload()}
          />
        </div>
      </div>

      <PreviewPane
        src={api.previewUrl(storyId)}
        headline={form.headline}
        revisionId={detail.revision.id}
        dirty={dirty}
      />

      <MediaPicker
        open={picker !== null}
        title={picker === "lead" ? t("picker.leadTitle") : t("picker.figureTitle")}
        onClose={() => setPicker(null)}
        onPick={onPicked}
      />
      <FigureDialog
        open={figureEdit !== null}
        attrs={figureEdit?.attrs ?? null}
        asset={figureEdit ? (assets.current.get(figureEdit.attrs.mediaId)?.asset ?? null) : null}
        lang={text.lang}
        dir={text.dir}
        onClose={() => setFigureEdit(null)}
        onSave={(attrs, asset) => {
          if (asset) rememberAsset(asset, assets.current.get(asset.id)?.thumbnailUrl ?? null);
          if (figureEdit?.target.kind === "lead") {
            update({ leadFigure: { type: "figure", ...attrs } });
          } else if (figureEdit?.target.kind === "body") {
            editorRef.current?.chain().focus().updateFigureAt(figureEdit.target.pos, attrs).run();
          }
          setFigureEdit(null);
        }}
      />
    </>
  );
}

function CheckboxGroup(props: {
  readonly legend: string;
  readonly options: readonly { value: string; label: string }[];
  readonly selected: readonly string[];
  readonly lang: string;
  readonly dir: "ltr" | "rtl";
  readonly onToggle: (value: string, on: boolean) => void;
}) {
  const id = useId();
  const { t } = useUiText();
  return (
    <fieldset class="nr-checkboxes">
      <legend>{props.legend}</legend>
      {props.options.length === 0 ? <p>{t("editor.noOptions")}</p> : null}
      {props.options.map((option, index) => (
        <span key={option.value} class="nr-check">
          <input
            id={`${id}-${index}`}
            type="checkbox"
            checked={props.selected.includes(option.value)}
            onChange={(event) => props.onToggle(option.value, event.currentTarget.checked)}
          />
          <label for={`${id}-${index}`} lang={props.lang} dir={props.dir}>
            {option.label}
          </label>
        </span>
      ))}
    </fieldset>
  );
}
