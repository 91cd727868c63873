import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { blocksToPmDoc, pmDocToBlocks } from "../../domain/stories/prosemirror-mapping.js";
import { toEditorJson } from "../editor/pm-json.js";
import { useUiText } from "../i18n/ui-language.js";
import { conflictOf, errorMessage } from "../shared/api-client.js";
import type { Catalog, Conflict, Content, Revision, StoryDetail } from "../shared/api-schemas.js";
import { useApp } from "../shared/app-context.js";
import { Autosave } from "./autosave.js";
import { contentKey, normalizeContent, UnsavedChanges } from "./story-draft.js";

/** Autosave period: a changed draft is saved at most this long after the change. */
const autosaveMs = 15_000;

interface SaveOptions {
  readonly autosave: boolean;
  readonly note?: string;
  /** Saves this instead of what the form holds (the conflict view's merged version). */
  readonly content?: Content;
}

/**
 * One story's draft as the editor holds it: loading the story and its service's catalogue,
 * saving (by hand and every 15 s while changed), and the revision conflict (ADR 0002). Every
 * save names the revision it was based on; a stale base comes back as a conflict and stops
 * autosave until the editor has chosen which version wins.
 */
export function useStoryDraft(storyId: string) {
  const { api } = useApp();
  const { t, dateTime } = useUiText();
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

  const editorRef = useRef<Editor | null>(null);
  const formRef = useRef<Content | null>(null);
  formRef.current = form;
  const baseRevisionId = useRef<string>("");
  /** What was last loaded or saved: "changed" compares content with it (story-draft.ts). */
  const unsaved = useRef(new UnsavedChanges());
  const autosave = useRef<Autosave | null>(null);

  const update = useCallback((patch: Partial<Content>) => {
    setForm((current) => (current ? { ...current, ...patch } : current));
  }, []);

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

  /** The form and body if they are valid, else null. */
  const collectIfValid = useCallback((): Content | null => {
    try {
      return collect();
    } catch {
      return null;
    }
  }, [collect]);

  /** Saves; the saved revision, or null (the error or the conflict is on screen). */
  const saveRevision = useCallback(
    async (options: SaveOptions): Promise<Revision | null> => {
      let content: Content;
      try {
        content = options.content ?? collect();
      } catch (failure) {
        setSaveError(t("editor.notSaved", { error: errorMessage(failure) }));
        return null;
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
        return result.revision;
      } catch (failure) {
        const found = conflictOf(failure);
        if (found) {
          autosave.current?.pause(true);
          // Typed while the refused save was on its way: send it too, on the same stale
          // base, so the server keeps that as well and the merge starts from it. Once only:
          // the editor is locked while the conflict view is open.
          const typedSince = options.content ? null : collectIfValid();
          if (typedSince && contentKey(typedSince) !== contentKey(content)) {
            return saveRevision({ ...options, content: typedSince });
          }
          setConflict(found);
          requestAnimationFrame(() => document.getElementById("conflict-heading")?.focus());
          return null;
        }
        setSaveError(t("editor.notSaved", { error: errorMessage(failure) }));
        return null;
      }
    },
    [api, storyId, collect, collectIfValid, hasUnsavedChanges, t, dateTime],
  );

  const save = useCallback(
    async (options: SaveOptions): Promise<boolean> => (await saveRevision(options)) !== null,
    [saveRevision],
  );

  // Autosave every 15 s when changed; leaving with unsaved changes asks first.
  const loaded = detail !== null;
  useEffect(() => {
    if (!loaded) return;
    const saver = new Autosave({
      intervalMs: autosaveMs,
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
    const leaving = (event: BeforeUnloadEvent) => {
      if (hasUnsavedChanges()) event.preventDefault();
    };
    addEventListener("beforeunload", leaving);
    return () => {
      saver.stop();
      removeEventListener("beforeunload", leaving);
    };
  }, [loaded, save, hasUnsavedChanges]);

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

  /**
   * The rich-text editor is ready: the baseline becomes the story as the editor holds it,
   * so Tiptap's own normalization of the loaded document does not count as a change.
   */
  const attachEditor = useCallback(
    (editor: Editor) => {
      editorRef.current = editor;
      try {
        unsaved.current.markSaved(collect());
      } catch {
        const current = formRef.current;
        if (current) unsaved.current.markSaved(normalizeContent(current));
      }
      setDirty(false);
    },
    [collect],
  );

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

  /** Saves this editor's version over the newer revision (a new revision; nothing is lost). */
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

  /**
   * Saves the conflict view's merged version on top of the current revision and loads it
   * into the editor. If someone saved again meanwhile, the server keeps this attempt as not
   * merged too, and the conflict view opens on the new conflict.
   */
  const saveMerged = async (merged: Content) => {
    if (!conflict) return;
    setResolving(true);
    baseRevisionId.current = conflict.currentRevision.id;
    const saved = await saveRevision({
      autosave: false,
      content: merged,
      note: `Merged with revision ${conflict.currentRevision.number} after a conflict`,
    });
    setResolving(false);
    if (!saved) return;
    loadContent(merged);
    setConflict(null);
    autosave.current?.pause(false);
    setSaveMessage(
      t("merge.saved", { revision: saved.number, number: conflict.currentRevision.number }),
    );
  };

  /** Loads the newer revision; this editor's version stays on screen as "discarded". */
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

  return {
    detail,
    loadError,
    catalog,
    form,
    dirty,
    saveMessage,
    autosaveMessage,
    saveError,
    conflict,
    discarded,
    resolving,
    /** The rich-text editor once it is ready (figures are inserted through it). */
    editor: editorRef,
    /** The content as it stands now, the body taken from the editor. */
    collect,
    update,
    save,
    reload,
    keepMine,
    takeTheirs,
    saveMerged,
    attachEditor,
    refreshDirty,
    showError: setSaveError,
    dismissDiscarded: () => setDiscarded(null),
  };
}
