import { Node } from "@tiptap/core";

/**
 * The `figure` block of prosemirror-mapping.ts: an atomic node holding a media-library
 * asset id with its caption, credit and alt text. The node view shows the image and its
 * text read-only, with buttons to edit or remove; editing happens in a dialog owned by the
 * story editor (passed in as `onEdit`), so no form fields live inside contenteditable.
 */

export interface FigureAttrs {
  mediaId: string;
  caption: string;
  credit: string;
  alt: string;
}

interface FigureOptions {
  /** Where the node view finds a small rendition of an asset. */
  thumbnailFor: (mediaId: string) => string;
  /** Opens the figure dialog for the node at `pos`. */
  onEdit: (pos: number, attrs: FigureAttrs) => void;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure after the selection. */
      insertFigure: (attrs: FigureAttrs) => ReturnType;
      /** Replaces the attributes of the figure at `pos`. */
      updateFigureAt: (pos: number, attrs: FigureAttrs) => ReturnType;
    };
  }
}

function attrString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function figureAttrsOf(attrs: Record<string, unknown>): FigureAttrs {
  return {
    mediaId: attrString(attrs.mediaId),
    caption: attrString(attrs.caption),
    credit: attrString(attrs.credit),
    alt: attrString(attrs.alt),
  };
}

function textAttribute(name: string) {
  return {
    default: "",
    parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? "",
    renderHTML: (attributes: Record<string, unknown>) => ({
      [`data-${name}`]: attrString(attributes[name === "media-id" ? "mediaId" : name]),
    }),
  };
}

export const FigureNode = Node.create<FigureOptions>({
  name: "figure",
  group: "block",
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return {
      thumbnailFor: (mediaId: string) => `/media/${encodeURIComponent(mediaId)}/original-320.jpg`,
      onEdit: () => undefined,
    };
  },

  addAttributes() {
    return {
      mediaId: textAttribute("media-id"),
      caption: textAttribute("caption"),
      credit: textAttribute("credit"),
      alt: textAttribute("alt"),
    };
  },

  // Only our own serialized figures are recognised; pasted HTML never reaches this parser
  // (it goes to POST /paste), but copy and drag inside the editor use it.
  parseHTML() {
    return [{ tag: "figure[data-media-id]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes];
  },

  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ state, commands }) => {
          // After a selected figure (a node selection) insert behind it instead of replacing it.
          const { selection } = state;
          const figure = { type: this.name, attrs };
          return "node" in selection && selection.node
            ? commands.insertContentAt(selection.to, figure)
            : commands.insertContent(figure);
        },
      updateFigureAt:
        (pos, attrs) =>
        ({ tr, dispatch }) => {
          const node = tr.doc.nodeAt(pos);
          if (!node || node.type.name !== this.name) return false;
          if (dispatch) tr.setNodeMarkup(pos, undefined, { ...attrs });
          return true;
        },
    };
  },

  addNodeView() {
    return ({ node, getPos }) => {
      const dom = document.createElement("figure");
      dom.className = "nr-figure";
      dom.contentEditable = "false";
      const img = document.createElement("img");
      img.loading = "lazy";
      const caption = document.createElement("figcaption");
      const captionText = document.createElement("span");
      const credit = document.createElement("span");
      credit.className = "nr-figure-credit";
      caption.append(captionText, " ", credit);
      const altNote = document.createElement("p");
      altNote.className = "nr-figure-alt";
      const actions = document.createElement("div");
      actions.className = "nr-figure-actions";
      const edit = document.createElement("button");
      edit.type = "button";
      edit.textContent = "Edit figure";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "Remove figure";
      actions.append(edit, remove);
      dom.append(img, caption, altNote, actions);

      let current = figureAttrsOf(node.attrs);
      const paint = () => {
        img.src = this.options.thumbnailFor(current.mediaId);
        img.alt = current.alt;
        captionText.textContent = current.caption || "(no caption)";
        credit.textContent = current.credit ? `Credit: ${current.credit}` : "";
        altNote.textContent = current.alt
          ? `Alt text: ${current.alt}`
          : "Alt text is missing: describe the image for people who cannot see it.";
        // Names say which figure, so several "Edit" buttons stay distinguishable (SC 2.4.6).
        const label = current.caption || current.alt || current.mediaId;
        edit.setAttribute("aria-label", `Edit figure: ${label}`);
        remove.setAttribute("aria-label", `Remove figure: ${label}`);
      };
      paint();

      edit.addEventListener("click", () => {
        const pos = getPos();
        if (typeof pos === "number") this.options.onEdit(pos, current);
      });
      remove.addEventListener("click", () => {
        const pos = getPos();
        if (typeof pos !== "number") return;
        this.editor
          .chain()
          .focus()
          .deleteRange({ from: pos, to: pos + 1 })
          .run();
      });

      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== this.name) return false;
          current = figureAttrsOf(updated.attrs);
          paint();
          return true;
        },
        // Clicks on our buttons are ours, not the editor's selection changes.
        stopEvent: (event) => event.target instanceof HTMLButtonElement,
        ignoreMutation: () => true,
      };
    };
  },
});
