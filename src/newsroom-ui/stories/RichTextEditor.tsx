import { Editor, Extension } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { useEffect, useId, useReducer, useRef, useState } from "preact/hooks";
import type { PmNode } from "../../domain/stories/prosemirror-mapping.js";
import type { LocaleTag } from "../../i18n/locale-registry.js";
import { type FigureAttrs, FigureNode } from "../editor/figure-node.js";
import { isAllowedHref } from "../editor/link-rules.js";
import { PasteGuard } from "../editor/paste-guard.js";
import { toEditorJson } from "../editor/pm-json.js";
import { QuoteSpeaker } from "../editor/quote-speaker.js";
import { SmartQuotes } from "../editor/smart-quotes.js";
import { StoryEmbedNode } from "../editor/story-embed-node.js";
import { useUiText } from "../i18n/ui-language.js";
import { useApp } from "../shared/app-context.js";
import { Dialog } from "../shared/Dialog.js";
import { embeddedHeadline, rememberHeadline } from "../shared/embedded-headlines.js";
import { StoryEmbedDialog } from "../shared/StoryEmbedDialog.js";

interface RichTextEditorProps {
  readonly initialDoc: PmNode;
  readonly label: string;
  readonly lang: string;
  /** The service's locale: typed quotes become its quotation marks. */
  readonly locale: LocaleTag;
  readonly dir: "ltr" | "rtl";
  readonly onReady: (editor: Editor) => void;
  readonly onChange: () => void;
  readonly sanitize: (html: string) => Promise<unknown[]>;
  readonly onError: (error: unknown) => void;
  readonly thumbnailFor: (mediaId: string) => string;
  readonly onEditFigure: (pos: number, attrs: FigureAttrs) => void;
  readonly onInsertFigure: () => void;
  /** The story's service: the embed search offers its stories first. */
  readonly serviceId: string;
}

/**
 * The story body: Tiptap with only what the block model can hold (h2/h3, lists, links,
 * bold and italic, quotes with a speaker, figures). Tiptap's CSS injection is off: the
 * newsroom's CSP allows no inline <style>, and newsroom.css carries the few rules needed.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const [, repaint] = useReducer((n: number) => n + 1, 0);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkHref, setLinkHref] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);
  const latest = useRef(props);
  const openLinkRef = useRef<() => void>(() => undefined);
  latest.current = props;
  const id = useId();
  const { t } = useUiText();
  const { api } = useApp();
  const [embedOpen, setEmbedOpen] = useState(false);
  // The node view is built once; it reads the interface language as it is when painting.
  const text = useRef(t);
  text.current = t;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const editor = new Editor({
      element,
      injectCSS: false,
      content: toEditorJson(props.initialDoc),
      extensions: [
        StarterKit.configure({
          heading: { levels: [2, 3] },
          code: false,
          codeBlock: false,
          horizontalRule: false,
          strike: false,
          underline: false,
          link: {
            openOnClick: false,
            autolink: true,
            protocols: ["http", "https"],
            isAllowedUri: (url) => isAllowedHref(url),
            HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
          },
        }),
        QuoteSpeaker,
        SmartQuotes.configure({ locale: props.locale }),
        // Ctrl/Cmd+K opens the link dialog, as in word processors and other CMSs.
        Extension.create({
          name: "linkShortcut",
          addKeyboardShortcuts: () => ({
            "Mod-k": () => {
              openLinkRef.current();
              return true;
            },
          }),
        }),
        FigureNode.configure({
          thumbnailFor: (mediaId) => latest.current.thumbnailFor(mediaId),
          onEdit: (pos, attrs) => latest.current.onEditFigure(pos, attrs),
        }),
        StoryEmbedNode.configure({
          headlineFor: (storyId) => embeddedHeadline(api, storyId),
          cardLabel: (headline) => text.current("live.embed.card", { headline }),
          unavailableLabel: (storyId) => text.current("live.embed.unavailable", { id: storyId }),
          removeLabel: (headline) => text.current("live.embed.remove", { headline }),
        }),
        PasteGuard.configure({
          sanitize: (html) => latest.current.sanitize(html),
          onError: (error) => latest.current.onError(error),
        }),
      ],
      editorProps: {
        attributes: {
          id: `${id}-body`,
          class: "nr-prose",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": props.label,
          lang: props.lang,
          dir: props.dir,
          spellcheck: "true",
        },
      },
      onUpdate: () => latest.current.onChange(),
      onTransaction: () => repaint(undefined),
    });
    editorRef.current = editor;
    props.onReady(editor);
    return () => {
      editor.destroy();
      editorRef.current = null;
    };
    // The editor is created once per story; content changes go through its commands.
  }, []);

  const editor = editorRef.current;
  const active = (name: string, attrs?: Record<string, unknown>) =>
    editor ? editor.isActive(name, attrs) : false;
  const run = (command: (e: Editor) => boolean) => {
    if (editor) command(editor);
  };
  const inQuote = active("blockquote");
  const speakerValue =
    editor && inQuote ? String(editor.getAttributes("blockquote").speaker ?? "") : "";

  const openLink = () => {
    const current = editorRef.current;
    setLinkHref(current ? String(current.getAttributes("link").href ?? "") : "");
    setLinkError(null);
    setLinkOpen(true);
  };
  openLinkRef.current = openLink;
  const applyLink = (event: Event) => {
    event.preventDefault();
    const href = linkHref.trim();
    if (!isAllowedHref(href)) {
      setLinkError(t("toolbar.badHref"));
      return;
    }
    setLinkOpen(false);
    run((e) => e.chain().focus().extendMarkRange("link").setLink({ href }).run());
  };

  const buttons: readonly ToolbarButton[] = [
    {
      label: t("toolbar.bold"),
      pressed: active("bold"),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      label: t("toolbar.italic"),
      pressed: active("italic"),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      label: t("toolbar.heading"),
      pressed: active("heading", { level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      label: t("toolbar.subheading"),
      pressed: active("heading", { level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      label: t("toolbar.bulletList"),
      pressed: active("bulletList"),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      label: t("toolbar.orderedList"),
      pressed: active("orderedList"),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      label: t("toolbar.quote"),
      pressed: inQuote,
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
    {
      label: t("toolbar.link"),
      pressed: active("link"),
      run: () => {
        openLink();
        return true;
      },
    },
    {
      label: t("toolbar.removeLink"),
      pressed: null,
      run: (e) => e.chain().focus().extendMarkRange("link").unsetLink().run(),
    },
    {
      label: t("toolbar.figure"),
      pressed: null,
      run: () => {
        latest.current.onInsertFigure();
        return true;
      },
    },
    {
      label: t("live.embed.add"),
      pressed: null,
      run: () => {
        setEmbedOpen(true);
        return true;
      },
    },
    { label: t("toolbar.undo"), pressed: null, run: (e) => e.chain().focus().undo().run() },
    { label: t("toolbar.redo"), pressed: null, run: (e) => e.chain().focus().redo().run() },
  ];

  return (
    <div class="nr-rich-text">
      <Toolbar label={t("toolbar.label")} controls={`${id}-body`} buttons={buttons} onRun={run} />
      {inQuote ? (
        <div class="nr-field nr-speaker">
          <label for={`${id}-speaker`}>{t("toolbar.speaker")}</label>
          <input
            id={`${id}-speaker`}
            lang={props.lang}
            dir={props.dir}
            maxLength={200}
            value={speakerValue}
            onInput={(event) => {
              const value = event.currentTarget.value;
              run((e) => e.commands.setQuoteSpeaker(value));
            }}
          />
        </div>
      ) : null}
      <div ref={host} class="nr-prose-host" />
      <Dialog title={t("toolbar.link")} open={linkOpen} onClose={() => setLinkOpen(false)}>
        <form onSubmit={applyLink} class="nr-form">
          <div class="nr-field">
            <label for={`${id}-href`}>{t("toolbar.href")}</label>
            <input
              id={`${id}-href`}
              type="text"
              inputMode="url"
              dir="ltr"
              required
              value={linkHref}
              onInput={(event) => setLinkHref(event.currentTarget.value)}
              aria-describedby={`${id}-href-help`}
            />
            <p id={`${id}-href-help`} class="nr-help">
              {t("toolbar.hrefHelp")}
            </p>
          </div>
          <p role="alert" class="nr-error-region">
            {linkError}
          </p>
          <div class="nr-dialog-actions">
            <button type="submit" class="nr-primary">
              {t("toolbar.applyLink")}
            </button>
            <button type="button" onClick={() => setLinkOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </Dialog>
      <StoryEmbedDialog
        open={embedOpen}
        serviceId={props.serviceId}
        onClose={() => setEmbedOpen(false)}
        onPick={(item) => {
          rememberHeadline(api, item.id, item.headline);
          setEmbedOpen(false);
          run((e) => e.chain().focus().insertStoryEmbed(item.id).run());
        }}
      />
    </div>
  );
}

interface ToolbarButton {
  readonly label: string;
  /** null for actions, true/false for formatting that can be on or off. */
  readonly pressed: boolean | null;
  readonly run: (editor: Editor) => boolean;
}

/**
 * A toolbar with one tab stop; arrow keys move between its buttons (the WAI-ARIA APG
 * toolbar pattern), in the visual order, which flips in right-to-left layouts.
 */
function Toolbar(props: {
  readonly label: string;
  readonly controls: string;
  readonly buttons: readonly ToolbarButton[];
  readonly onRun: (command: (e: Editor) => boolean) => void;
}) {
  const [focusIndex, setFocusIndex] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent) => {
    const count = props.buttons.length;
    const rtl = ref.current ? getComputedStyle(ref.current).direction === "rtl" : false;
    let next: number | null = null;
    if (event.key === "ArrowRight") next = focusIndex + (rtl ? -1 : 1);
    else if (event.key === "ArrowLeft") next = focusIndex + (rtl ? 1 : -1);
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = count - 1;
    if (next === null) return;
    event.preventDefault();
    const wrapped = (next + count) % count;
    setFocusIndex(wrapped);
    ref.current?.querySelectorAll<HTMLButtonElement>("button")[wrapped]?.focus();
  };
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label={props.label}
      aria-controls={props.controls}
      class="nr-toolbar"
      onKeyDown={move}
    >
      {props.buttons.map((button, index) => (
        <button
          key={button.label}
          type="button"
          tabIndex={index === focusIndex ? 0 : -1}
          aria-pressed={button.pressed === null ? undefined : button.pressed}
          onFocus={() => setFocusIndex(index)}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => props.onRun(button.run)}
        >
          {button.label}
        </button>
      ))}
    </div>
  );
}
