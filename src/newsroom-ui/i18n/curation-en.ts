/**
 * The curation screens' words in English: the top stories of a service's home page and of
 * each section, and the story editor's related-stories picker; spread into en.ts.
 * curation-fa.ts has the same keys.
 */
export const curationEn = {
  "header.curation": "Top stories",

  "curation.title": "Top stories",
  // {service} is the service's name, {page} "Home page" or a section's name.
  "curation.documentTitle": "Top stories: {service}, {page}",
  "curation.heading": "Top stories of {service}",
  "curation.pages": "Home page and sections",
  "curation.home": "Home page",
  "curation.intro":
    "Pin the stories that lead the page, in order. Below them the page fills with the newest stories by itself; no story is shown twice. Killed or unpublished stories drop off the page on their own.",
  "curation.noSuchSection": "This service has no such section. Choose a page above.",
  "curation.homeHeading": "Pinned on the home page",
  "curation.sectionHeading": "Pinned in {section}",
  "curation.loading": "Loading the list…",
  "curation.lastSaved": "Version {version}, saved by {name} on {when}.",
  "curation.neverSaved": "Nothing has been pinned here yet.",
  // Who saved when no person did (a command-line tool or a scheduled job).
  "curation.system": "the system",
  "curation.count": "{count} of at most {limit} stories.",
  "curation.empty": "No stories are pinned. Readers see the newest stories.",
  "curation.dragHint": "Drag a story to a new place, or use its Move up and Move down buttons.",
  "curation.notLive": "No longer live",
  "curation.moveUp": "Move up",
  "curation.moveDown": "Move down",
  "curation.remove": "Remove",
  // Button names for screen readers: the visible word, then the story.
  "curation.moveUpStory": "Move up: {headline}",
  "curation.moveDownStory": "Move down: {headline}",
  "curation.removeStory": "Remove: {headline}",
  // Announced after each change.
  "curation.moved": "Moved “{headline}” to position {position} of {count}.",
  "curation.removed": "Removed “{headline}”. Save to apply.",
  "curation.added": "Added “{headline}” at position {position}. Save to apply.",
  "curation.saved": "Saved. Readers see the new order now.",
  "curation.save": "Save order",
  "curation.saving": "Saving…",
  "curation.discard": "Discard changes",
  "curation.conflict":
    "Someone else saved this list since you opened it, so your changes were not saved. Reload to see their list, then make your change again.",
  "curation.reload": "Reload the list",
  "curation.search": "Find published stories",
  "curation.searchHint": "Type words from the headline; results update as you type.",
  "curation.anyService": "Search every service I work in",
  "curation.results": "Published stories",
  "curation.resultCount": "Stories found: {count}.",
  "curation.noResults": "No published story matches.",
  "curation.add": "Add",
  "curation.addStory": "Add: {headline}",
  "curation.inList": "In the list",
  "curation.inListStory": "In the list: {headline}",
  "curation.full": "The list is full ({limit} stories). Remove one to add another.",
  "curation.readOnly": "Only editors can change this list.",

  "related.heading": "Related stories",
  "related.fallback":
    "With no story picked, the story page shows the newest stories from its section and topics.",
} as const;

export type CurationMessageKey = keyof typeof curationEn;
