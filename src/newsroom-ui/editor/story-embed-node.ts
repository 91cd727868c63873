import { Node } from "@tiptap/core";

/**
 * The `storyEmbed` block of prosemirror-mapping.ts: an atomic node holding another story's
 * id. The node view is a read-only card naming the story by its headline (looked up with
 * the user's own access), with a button to remove it; nothing in it is editable text.
 */

interface StoryEmbedOptions {
  /** The story's working headline, or null when it is gone or not the user's to see. */
  headlineFor: (storyId: string) => Promise<string | null>;
  /** The card's words, in the interface language. */
  cardLabel: (headline: string) => string;
  unavailableLabel: (storyId: string) => string;
  removeLabel: (headline: string) => string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    storyEmbed: {
      /** Inserts an embed of the story after the selection. */
      insertStoryEmbed: (storyId: string) => ReturnType;
    };
  }
}

export const StoryEmbedNode = Node.create<StoryEmbedOptions>({
  name: "storyEmbed",
  group: "block",
  atom: true,
  selectable: true,
  draggable: false,

  addOptions() {
    return {
      headlineFor: async () => null,
      cardLabel: (headline: string) => headline,
      unavailableLabel: (storyId: string) => storyId,
      removeLabel: (headline: string) => headline,
    };
  },

  addAttributes() {
    return {
      storyId: {
        default: "",
        parseHTML: (element: HTMLElement) => element.getAttribute("data-story-embed") ?? "",
        renderHTML: (attributes: Record<string, unknown>) => ({
          "data-story-embed": typeof attributes.storyId === "string" ? attributes.storyId : "",
        }),
      },
    };
  },

  // Only our own serialized embeds (copy and drag inside the editor); pasted HTML goes to
  // POST /paste, which never produces one.
  parseHTML() {
    return [{ tag: "div[data-story-embed]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", HTMLAttributes];
  },

  addCommands() {
    return {
      insertStoryEmbed:
        (storyId) =>
        ({ state, commands }) => {
          const { selection } = state;
          const embed = { type: this.name, attrs: { storyId } };
          return "node" in selection && selection.node
            ? commands.insertContentAt(selection.to, embed)
            : commands.insertContent(embed);
        },
    };
  },

  addNodeView() {
    return ({ node, getPos }) => {
      const dom = document.createElement("div");
      dom.className = "nr-story-embed";
      dom.contentEditable = "false";
      const label = document.createElement("p");
      const remove = document.createElement("button");
      remove.type = "button";
      dom.append(label, remove);

      let storyId = String(node.attrs.storyId ?? "");
      const paint = () => {
        const shown = storyId;
        dom.dataset.storyEmbed = shown;
        label.textContent = this.options.unavailableLabel(shown);
        remove.textContent = this.options.removeLabel(shown);
        void this.options.headlineFor(shown).then((headline) => {
          // A later update may have replaced the story meanwhile.
          if (headline === null || storyId !== shown) return;
          label.textContent = this.options.cardLabel(headline);
          remove.textContent = this.options.removeLabel(headline);
        });
      };
      paint();

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
          const next = String(updated.attrs.storyId ?? "");
          if (next !== storyId) {
            storyId = next;
            paint();
          }
          return true;
        },
        stopEvent: (event) => event.target instanceof HTMLButtonElement,
        ignoreMutation: () => true,
      };
    };
  },
});
