import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

/**
 * Pasted or dropped HTML never goes into the document as it is: it is handed to
 * `sanitize` (POST /paste, sanitize-html on the server) and only the ProseMirror JSON that
 * comes back is inserted. Plain text is safe to insert directly, so ProseMirror handles it.
 */
interface PasteGuardOptions {
  sanitize: (html: string) => Promise<unknown[]>;
  onError: (error: unknown) => void;
}

export const PasteGuard = Extension.create<PasteGuardOptions>({
  name: "pasteGuard",

  addOptions() {
    return {
      sanitize: async () => [],
      onError: () => undefined,
    };
  },

  addProseMirrorPlugins() {
    const insertSanitized = (html: string, at: number | null) => {
      this.options
        .sanitize(html)
        .then((content) => {
          if (content.length === 0) return;
          const chain = this.editor.chain().focus();
          if (at === null) chain.insertContent(content).run();
          else chain.insertContentAt(at, content).run();
        })
        .catch((error: unknown) => this.options.onError(error));
    };
    return [
      new Plugin({
        key: new PluginKey("pasteGuard"),
        props: {
          handlePaste: (_view, event) => {
            const html = event.clipboardData?.getData("text/html") ?? "";
            if (html.trim() === "") return false;
            event.preventDefault();
            insertSanitized(html, null);
            return true;
          },
          handleDrop: (view, event) => {
            // A drag inside the editor moves content that is already in the document.
            if (view.dragging) return false;
            const html = event.dataTransfer?.getData("text/html") ?? "";
            if (html.trim() === "") return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
            insertSanitized(html, at);
            return true;
          },
          // ProseMirror parses clipboard HTML before asking handlePaste; hand it nothing, so
          // no pasted markup is parsed in the newsroom's document at all (handlePaste above
          // takes every HTML paste to the server).
          transformPastedHTML: () => "",
        },
      }),
    ];
  },
});
