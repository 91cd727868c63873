/**
 * The translator view's words in English (source and translation side by side, the source's
 * changes inline) and the translator byline role; spread into en.ts. translation-fa.ts has
 * the same keys.
 */
export const translationEn = {
  "bylines.role.translator": "Translator",

  "translatorView.open": "Side by side with the source",
  "translatorView.title": "Translate side by side: {headline}",
  "translatorView.loadingTitle": "Translate side by side",
  "translatorView.loading": "Loading the source and the translation…",
  "translatorView.loadFailed": "The source and the translation could not be loaded: {error}",
  "translatorView.intro":
    "The source is read-only. Its blocks are shown next to the translation's, in order; blocks the source changed since the translation was last brought up to date show what changed.",
  "translatorView.edit": "Edit the translation",
  "translatorView.sourceColumn": "Source ({service})",
  "translatorView.translationColumn": "Translation ({service})",
  "translatorView.fieldsHeading": "Headline, standfirst and dateline",
  "translatorView.bodyHeading": "Body, block by block",
  "translatorView.field.headline": "Headline",
  "translatorView.field.standfirst": "Standfirst",
  "translatorView.field.dateline": "Dateline",
  "translatorView.block": "Block {number}",
  "translatorView.empty": "(empty)",
  "translatorView.notTranslated": "Not translated yet.",
  "translatorView.change.changed": "Changed in the source",
  "translatorView.change.added": "New in the source",
  "translatorView.change.removed": "Removed from the source",
  "translatorView.status.current": "The translation is up to date with the source.",
  "translatorView.status.waived": "The source's last changes were waived: {reason}",
  "translatorView.status.stale":
    "The source changed since this translation was last brought up to date: {count} blocks to review.",
  "translatorView.tooLarge":
    "The source is too large to compare block by block; its blocks are shown in order without marking the changes.",
  "translatorView.markUpToDate": "Mark the translation up to date",
  "translatorView.markedUpToDate": "The translation is marked up to date.",
};

export type TranslationMessageKey = keyof typeof translationEn;
