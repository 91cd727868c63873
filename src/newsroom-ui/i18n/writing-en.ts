/**
 * Writing aids' words in English: counts, length guidance, search and social fields with
 * their previews, the pre-publish check list, keyboard shortcuts and the writing-settings
 * screen; spread into en.ts. writing-fa.ts has the same keys.
 */
export const writingEn = {
  // Under the body, as the editor types.
  "writing.counts": "Words: {words} · Characters: {characters}",
  // Under the headline and standfirst fields.
  "writing.length.ok": "{length} characters; aim for {ideal} or fewer.",
  "writing.length.long":
    "{length} characters: longer than the {ideal} that search results and phone screens show in full.",
  "writing.length.over": "{length} characters: over this service's limit of {max}.",
  "writing.limit": "{length} of {max} characters",

  "writing.seo.heading": "Search and social",
  "writing.seo.intro":
    "How the story appears in search results and when it is shared. Leave a field empty to use the headline, the standfirst or the lead image.",
  "writing.seo.title": "Search title",
  "writing.seo.description": "Search description",
  "writing.seo.socialTitle": "Social title",
  "writing.seo.socialDescription": "Social description",
  "writing.seo.socialImage": "Social image",
  "writing.seo.chooseImage": "Choose a social image",
  "writing.seo.removeImage": "Share the lead image instead",
  "writing.seo.leadImageShared": "The lead image is shared.",
  "writing.seo.imagePicker": "Choose the image shown when the story is shared",
  "writing.seo.searchPreview": "Search result preview",
  "writing.seo.socialPreview": "Social card preview",
  "writing.seo.noImage": "No image",

  // The pre-publish check list, in the publishing controls.
  "writing.checks.heading": "Before you publish",
  "writing.checks.clear": "No house-style or length issues found.",
  "writing.checks.prefer": "“{avoid}” in the {field} (×{count}): use “{prefer}”.",
  "writing.checks.avoid": "“{avoid}” in the {field} (×{count}): avoid it.",
  "writing.checks.loading": "Checking the story against the house style…",
  "writing.field.headline": "headline",
  "writing.field.standfirst": "standfirst",
  "writing.field.body": "body",
  "writing.field.seo": "search and social text",
  "writing.field.seoTitle": "search title",
  "writing.field.seoDescription": "search description",
  // {field} is one of the writing.field.* words.
  "writing.checks.long": "The {field} has {length} characters; aim for {ideal} or fewer.",
  "writing.checks.over": "The {field} has {length} characters, over this service's limit of {max}.",

  "writing.shortcuts.button": "Keyboard shortcuts",
  "writing.shortcuts.title": "Keyboard shortcuts",
  "writing.shortcuts.intro": "On a Mac, use Command (⌘) where Ctrl is shown.",
  "writing.shortcuts.save": "Save the story",
  "writing.shortcuts.link": "Add or change a link (in the body)",
  "writing.shortcuts.publish": "Go to the publishing controls",
  "writing.shortcuts.help": "Show this list",
  "writing.shortcuts.bold": "Bold (in the body)",
  "writing.shortcuts.italic": "Italic (in the body)",
  "writing.shortcuts.quotes": "Quotation marks you type become {open}…{close} in this service.",
  "writing.shortcuts.keys": "Keys",
  "writing.shortcuts.close": "Close",
  "writing.shortcuts.action": "Action",

  "header.writingSettings": "Writing settings",
  "writing.settings.title": "Writing settings",
  "writing.settings.intro":
    "Length guidance and the house-style list each service's editors see as they write and before they publish.",
  "writing.settings.service": "Service",
  "writing.settings.loading": "Loading the writing settings…",
  "writing.settings.defaults": "This service uses the default settings for its script.",
  "writing.settings.readOnly": "Only this service's admins can change these settings.",
  "writing.settings.lengths": "Lengths, in characters",
  "writing.settings.headlineIdeal": "Headline: ideal",
  "writing.settings.headlineMax": "Headline: limit",
  "writing.settings.standfirstIdeal": "Standfirst: ideal",
  "writing.settings.standfirstMax": "Standfirst: limit",
  "writing.settings.seoTitleMax": "Search title: limit",
  "writing.settings.seoDescriptionMax": "Search description: limit",
  "writing.settings.houseStyle": "House style",
  "writing.settings.houseStyleIntro":
    "Words to avoid, each with the word to use instead and an optional note. Editors see matches before publishing.",
  "writing.settings.noRules": "No words yet.",
  "writing.settings.avoid": "Avoid",
  "writing.settings.prefer": "Use instead",
  "writing.settings.note": "Note",
  "writing.settings.addRule": "Add a word",
  "writing.settings.removeRule": "Remove “{avoid}”",
  "writing.settings.removeEmptyRule": "Remove this row",
  "writing.settings.save": "Save settings",
  "writing.settings.saved": "Saved the writing settings for {service}.",
  "audit.settings.writing.updated": "Changed the writing settings",
} as const;
