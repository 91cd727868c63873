import { useEffect, useState } from "preact/hooks";
import { blocksToPmDoc } from "../../domain/stories/prosemirror-mapping.js";
import type { FigureBlock } from "../../domain/stories/story-body-schema.js";
import { writingReport } from "../../domain/writing/pre-publish-checks.js";
import { CommentsPanel } from "../comments/CommentsPanel.js";
import { RelatedStoriesPanel } from "../curation/RelatedStoriesPanel.js";
import type { FigureAttrs } from "../editor/figure-node.js";
import { useUiText } from "../i18n/ui-language.js";
import { MediaPicker } from "../media/MediaPicker.js";
import { errorMessage } from "../shared/api-client.js";
import type { MediaAsset } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { contentDirection } from "../shared/format.js";
import { ErrorMessage, StatusMessage } from "../shared/Notice.js";
import { canEditStory, capabilitiesFor } from "../shared/permissions.js";
import { useScreenTitle } from "../shared/screen-title.js";
import { serviceFor } from "../shared/service-info.js";
import { WireFlagBanner } from "../wire/WireFlagBanner.js";
import { PublishChecks } from "../writing/PublishChecks.js";
import { emptySeo, SeoPanel } from "../writing/SeoPanel.js";
import { ShortcutsHelp } from "../writing/ShortcutsHelp.js";
import { useEditorShortcuts } from "../writing/use-editor-shortcuts.js";
import { localeTagOf, useWritingSettings } from "../writing/use-writing-settings.js";
import { WritingAidsBar } from "../writing/WritingAidsBar.js";
import { ConflictView, DiscardedVersion } from "./ConflictView.js";
import { EpisodePanel } from "./EpisodePanel.js";
import { FigureDialog } from "./FigureDialog.js";
import { LeadFigureField } from "./LeadFigureField.js";
import { PreviewPane } from "./PreviewPane.js";
import { RichTextEditor } from "./RichTextEditor.js";
import { SaveControls } from "./SaveControls.js";
import { StoryFields } from "./StoryFields.js";
import { StoryHeader } from "./StoryHeader.js";
import { TranslationPanel } from "./TranslationPanel.js";
import { useFigureAssets } from "./use-figure-assets.js";
import { usePresence } from "./use-presence.js";
import { useStoryDraft } from "./use-story-draft.js";
import { WorkflowControls } from "./WorkflowControls.js";

type FigureTarget = { readonly kind: "lead" } | { readonly kind: "body"; readonly pos: number };

/**
 * The story editor: every content field, the rich-text body, lead figure, autosave,
 * presence, the conflict view, preview and workflow controls. Text fields, the body and the
 * preview carry the service's `lang` and `dir`, so Persian and Arabic are edited RTL.
 */
export function StoryEditor(props: { readonly storyId: string }) {
  const { api, session, services } = useApp();
  const { t } = useUiText();
  const { storyId } = props;
  const draft = useStoryDraft(storyId);
  const others = usePresence(storyId, draft.detail !== null);
  const assets = useFigureAssets();
  const [picker, setPicker] = useState<"lead" | "body" | "social" | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [publishRequest, setPublishRequest] = useState(0);
  const [bodyText, setBodyText] = useState("");
  const [figureEdit, setFigureEdit] = useState<{ target: FigureTarget; attrs: FigureAttrs } | null>(
    null,
  );
  const [saveNote, setSaveNote] = useState("");
  const { detail, form, catalog, update } = draft;
  const serviceId = detail?.story.serviceId ?? "en";
  const locale = localeTagOf(serviceFor(serviceId, services).locale);
  const guidance = useWritingSettings(serviceId, locale);
  useEditorShortcuts({
    save: () => {
      if (draft.detail && !draft.conflict) void draft.save({ autosave: false });
    },
    publish: () => setPublishRequest((n) => n + 1),
    help: () => setHelpOpen(true),
  });
  // While the conflict view is open the editor is locked: the merge starts from the version
  // that was refused, so nothing typed meanwhile could be left out of it.
  const locked = draft.conflict !== null;
  const writable = detail
    ? capabilitiesFor(session, serviceFor(detail.story.serviceId, services).id).canWrite
    : false;
  useEffect(() => {
    draft.editor.current?.setEditable(writable && !locked, false);
  }, [draft.editor, writable, locked]);

  useScreenTitle(form ? t("editor.title", { headline: form.headline }) : t("editor.loadingTitle"));

  if (draft.loadError) {
    return (
      <>
        <h1 tabIndex={-1}>{t("editor.loadingTitle")}</h1>
        <ErrorMessage message={t("editor.loadFailed", { error: draft.loadError })} />
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

  const onPicked = (asset: MediaAsset, thumbnailUrl: string | null) => {
    assets.remember(asset, thumbnailUrl);
    const figure: FigureBlock = {
      type: "figure",
      mediaId: asset.id,
      caption: asset.caption,
      credit: asset.credit,
      alt: asset.alt,
    };
    if (picker === "lead") update({ leadFigure: figure });
    else if (picker === "social") {
      update({ seo: { ...(form?.seo ?? emptySeo), socialImageId: asset.id } });
    } else {
      const { type: _block, ...attrs } = figure;
      draft.editor.current?.chain().focus().insertFigure(attrs).run();
    }
    setPicker(null);
  };

  return (
    <>
      <StoryHeader
        storyId={storyId}
        headline={form.headline}
        service={service}
        lang={text.lang}
        dir={text.dir}
        revisionNumber={detail.revision.number}
        others={others}
        readOnly={readOnly}
        live={detail.story.kind === "live"}
      />
      <WireFlagBanner storyId={storyId} canAcknowledge={can.canPublish} />

      {draft.conflict ? (
        <ConflictView
          key={draft.conflict.notMergedRevision.id}
          conflict={draft.conflict}
          catalog={catalog}
          lang={text.lang}
          dir={text.dir}
          busy={draft.resolving}
          onSaveMerged={(merged) => void draft.saveMerged(merged)}
          onKeepMine={() => void draft.keepMine()}
          onTakeTheirs={draft.takeTheirs}
        />
      ) : null}

      <div class="nr-editor-layout">
        <form
          class="nr-form nr-story-form"
          aria-label={t("editor.form")}
          onSubmit={(event) => {
            event.preventDefault();
            void draft
              .save({ autosave: false, note: saveNote.trim() })
              .then((ok) => ok && setSaveNote(""));
          }}
        >
          <fieldset disabled={readOnly || locked} class="nr-plain-fieldset">
            <legend class="nr-visually-hidden">{t("editor.fields")}</legend>
            <StoryFields
              form={form}
              catalog={catalog}
              lang={text.lang}
              dir={text.dir}
              locale={locale}
              guidance={guidance}
              update={update}
            />
            <LeadFigureField
              lead={form.leadFigure}
              thumbnailFor={assets.thumbnailFor}
              lang={text.lang}
              dir={text.dir}
              onEdit={(lead) => setFigureEdit({ target: { kind: "lead" }, attrs: lead })}
              onRemove={() => update({ leadFigure: null })}
              onChoose={() => setPicker("lead")}
            />
            <SeoPanel
              seo={form.seo}
              headline={form.headline}
              standfirst={form.standfirst}
              leadFigure={form.leadFigure}
              readerUrl={detail.readerUrl}
              serviceName={service.name}
              settings={guidance}
              lang={text.lang}
              dir={text.dir}
              locale={locale}
              thumbnailFor={assets.thumbnailFor}
              onChange={(seo) => update({ seo })}
              onChooseImage={() => setPicker("social")}
            />
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
              locale={locale}
              onReady={(editor) => {
                // Without `false`, Tiptap emits an "update" for this, which is no edit.
                editor.setEditable(!readOnly, false);
                draft.attachEditor(editor);
                setBodyText(editor.getText());
              }}
              onChange={() => {
                draft.refreshDirty();
                setBodyText(draft.editor.current?.getText() ?? "");
              }}
              sanitize={async (html) => (await api.paste(html)).content ?? []}
              onError={(failure) =>
                draft.showError(t("editor.pasteFailed", { error: errorMessage(failure) }))
              }
              thumbnailFor={assets.thumbnailFor}
              onEditFigure={(pos, attrs) => setFigureEdit({ target: { kind: "body", pos }, attrs })}
              onInsertFigure={() => setPicker("body")}
              serviceId={serviceId}
            />
            <WritingAidsBar text={bodyText} locale={locale} onHelp={() => setHelpOpen(true)} />
          </div>

          <SaveControls
            error={draft.saveError}
            message={draft.saveMessage}
            autosaveMessage={draft.autosaveMessage}
            dirty={draft.dirty}
            readOnly={readOnly}
            note={saveNote}
            onNote={setSaveNote}
            blocked={draft.conflict !== null}
          />
          {draft.discarded ? (
            <DiscardedVersion
              discarded={draft.discarded}
              current={form}
              catalog={catalog}
              lang={text.lang}
              dir={text.dir}
              onDismiss={draft.dismissDiscarded}
            />
          ) : null}
        </form>

        <div class="nr-side">
          {detail.story.kind === "episode" ? (
            <EpisodePanel
              storyId={storyId}
              serviceId={service.id}
              lang={text.lang}
              dir={text.dir}
              headline={form.headline}
              canEdit={canEditStory(session, detail.story)}
            />
          ) : null}
          <WorkflowControls
            story={detail.story}
            serviceName={service.name}
            serviceLocale={service.locale}
            serviceTimeZone={service.timeZone ?? null}
            capabilities={can}
            corrections={detail.corrections}
            readerUrl={detail.readerUrl}
            dirty={draft.dirty}
            saveFirst={() => draft.save({ autosave: false })}
            onChanged={() => void draft.reload()}
            openRequest={publishRequest}
            checks={() => (
              <PublishChecks
                report={writingReport(draft.collect(), guidance, locale)}
                lang={text.lang}
                dir={text.dir}
              />
            )}
          />
          <TranslationPanel
            storyId={storyId}
            serviceId={service.id}
            killed={detail.story.status === "killed"}
            onChanged={() => void draft.reload()}
          />
          <CommentsPanel storyId={storyId} editor={draft.editor} lang={text.lang} dir={text.dir} />
          <RelatedStoriesPanel storyId={storyId} serviceId={service.id} canEdit={can.canPublish} />
        </div>
      </div>

      <PreviewPane
        src={api.previewUrl(storyId)}
        headline={form.headline}
        revisionId={detail.revision.id}
        dirty={draft.dirty}
      />

      <MediaPicker
        open={picker !== null}
        title={
          picker === "lead"
            ? t("picker.leadTitle")
            : picker === "social"
              ? t("writing.seo.imagePicker")
              : t("picker.figureTitle")
        }
        onClose={() => setPicker(null)}
        onPick={onPicked}
      />
      <ShortcutsHelp open={helpOpen} locale={locale} onClose={() => setHelpOpen(false)} />
      <FigureDialog
        open={figureEdit !== null}
        attrs={figureEdit?.attrs ?? null}
        asset={figureEdit ? assets.assetFor(figureEdit.attrs.mediaId) : null}
        lang={text.lang}
        dir={text.dir}
        onClose={() => setFigureEdit(null)}
        onSave={(attrs, asset) => {
          if (asset) assets.remember(asset, assets.thumbnailFor(asset.id));
          if (figureEdit?.target.kind === "lead") {
            update({ leadFigure: { type: "figure", ...attrs } });
          } else if (figureEdit?.target.kind === "body") {
            draft.editor.current
              ?.chain()
              .focus()
              .updateFigureAt(figureEdit.target.pos, attrs)
              .run();
          }
          setFigureEdit(null);
        }}
      />
    </>
  );
}
