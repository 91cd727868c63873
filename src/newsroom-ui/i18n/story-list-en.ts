/**
 * The dashboard story list's words in English (tab counts, filters, order, columns, bulk
 * actions, the trash); spread into en.ts. story-list-fa.ts has the same keys.
 */
export const storyListEn = {
  "storyList.tabCount": "({count})",
  "storyList.tabCountOver": "({count}+)",
  "storyList.countOver": "More than {count} stories",
  "storyList.pagerOver": "Page {page} of at least {pages}",
  "storyList.trash": "Trash",

  "storyList.filters": "Filter and sort stories",
  "storyList.mine": "Only stories I created",
  "storyList.section": "Section",
  "storyList.anySection": "Any section",
  "storyList.author": "Author",
  "storyList.anyAuthor": "Any author",
  "storyList.from": "Changed on or after",
  "storyList.to": "Changed on or before",
  "storyList.sort": "Sort by",
  "storyList.sort.changed": "Last change",
  "storyList.sort.created": "Creation date",
  "storyList.sort.headline": "Headline",
  "storyList.sort.published": "Publish date",
  "storyList.dir": "Order",
  "storyList.dir.desc": "Descending",
  "storyList.dir.asc": "Ascending",
  "storyList.clear": "Clear filters",

  "storyList.col.image": "Image",
  "storyList.col.authors": "Authors",
  "storyList.col.section": "Section",
  "storyList.col.words": "Words",
  "storyList.selectAll": "Select every story on this page",
  "storyList.selectOne": "Select “{headline}”",

  "storyList.bulk.legend": "With the selected stories",
  "storyList.bulk.selected": "{count} selected",
  "storyList.bulk.action": "Action",
  "storyList.bulk.assignSection": "Assign a section",
  "storyList.bulk.submit": "Send to review",
  "storyList.bulk.trash": "Move to the trash",
  "storyList.bulk.section": "New section",
  "storyList.bulk.apply": "Apply to selected",
  "storyList.bulk.noneSelected": "Select one or more stories first.",
  "storyList.bulk.result": "Done: {done}. Refused: {refused}.",
  "storyList.bulk.refusal": "“{headline}”: {reason}",
  "storyList.refused.forbidden": "you may not change this story",
  "storyList.refused.notTrashable": "it has been published, so it cannot go to the trash",
  "storyList.refused.inTrash": "it is in the trash",
  "storyList.refused.transition": "not possible in its current state",
  "storyList.refused.reference": "that section does not exist",
  "storyList.refused.notFound": "the story no longer exists",
  "storyList.refused.other": "refused",

  "storyList.restore": "Restore",
  "storyList.restoreOne": "Restore “{headline}”",
  "storyList.restored": "“{headline}” is out of the trash.",
  "storyList.trashedAt": "In the trash since {time}",

  "audit.story.trashed": "Moved to the trash",
  "audit.story.restored": "Restored from the trash",
};

export type StoryListMessageKey = keyof typeof storyListEn;
