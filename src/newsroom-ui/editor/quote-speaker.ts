import { Extension } from "@tiptap/core";

/**
 * Adds the `speaker` attribute to StarterKit's blockquote, as prosemirror-mapping.ts
 * expects (`blockquote(attrs.speaker)` ↔ the quote block's speaker). Shown and kept in HTML
 * as `data-speaker`, set from the editor's toolbar.
 */
declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    quoteSpeaker: {
      /** Sets the speaker of the quote around the selection. */
      setQuoteSpeaker: (speaker: string) => ReturnType;
    };
  }
}

export const QuoteSpeaker = Extension.create({
  name: "quoteSpeaker",

  addGlobalAttributes() {
    return [
      {
        types: ["blockquote"],
        attributes: {
          speaker: {
            default: "",
            parseHTML: (element: HTMLElement) => element.getAttribute("data-speaker") ?? "",
            renderHTML: (attributes: Record<string, unknown>) => {
              const speaker = typeof attributes.speaker === "string" ? attributes.speaker : "";
              return speaker ? { "data-speaker": speaker } : {};
            },
          },
        },
      },
    ];
  },

  addCommands() {
    return {
      setQuoteSpeaker:
        (speaker) =>
        ({ commands }) =>
          commands.updateAttributes("blockquote", { speaker: speaker.normalize("NFC").trim() }),
    };
  },
});
