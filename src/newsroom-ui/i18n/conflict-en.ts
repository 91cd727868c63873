/**
 * The conflict view's merge (ADR 0013) and the history's "not merged" revisions, in English;
 * spread into en.ts. conflict-fa.ts has the same keys.
 */
export const conflictEn = {
  // Above the merge: {kept} is the number of the revision that holds the refused version.
  "merge.intro":
    "Revision {number} was saved on {time}. Your version is kept in the revision history as revision {kept}, marked “Not merged”, so nothing you typed is lost. The editor is locked until you choose how to continue.",
  "merge.summary":
    "Changes merged automatically: {merged}. Changes made in both versions that need your choice: {conflicts}.",
  "merge.nothingToChoose":
    "No change needs your choice. Save the merged version to continue from it.",
  "merge.formLabel": "Merge your version with theirs",
  "merge.choicesHeading": "Changes made in both versions",
  "merge.mine": "Mine",
  "merge.theirs": "Theirs (revision {number})",
  "merge.edit": "Write it myself",
  // {field} is a field's name ("Headline") or a place in the body ("Body, paragraph 3").
  "merge.editLabel": "Your text for {field}",
  "merge.editHelp":
    "One line per paragraph. Links and emphasis are not kept here; add them again in the editor.",
  "merge.removed": "(removed in this version)",
  "merge.empty": "(empty)",
  "merge.none": "(none)",
  "merge.body.block": "Body, paragraph {number}",
  "merge.body.blocks": "Body, paragraphs {from} to {to}",
  "merge.body.added": "Body, added after paragraph {number}",
  "merge.body.addedAtStart": "Body, added at the start",
  "merge.save": "Save merged version",
  "merge.unanswered": "Choose a version for each change made in both versions; {count} left.",
  "merge.saved":
    "The merged version was saved as revision {revision}, on top of revision {number}.",
  "merge.compareHeading": "The two whole versions",
  "merge.mineWhole": "Your version (revision {kept}, not merged)",
  "merge.help":
    "“Save merged version” saves what was merged automatically and your choices as a new revision on top of theirs. “Keep mine” saves your whole version on top of theirs; “Take theirs” loads their version into the editor. Either way every version stays in the revision history.",

  // Revision history
  "history.notMerged": "Not merged",
  "history.notMergedHelp":
    "Revisions marked “Not merged” are versions refused because someone else saved first, kept so that nothing is lost. They never become the current version by themselves: compare one, open it, or restore it to continue from it.",
  "history.compareWithBase": "Compare with its base",
  "history.compareBaseLabel":
    "Compare revision {number} (not merged) with revision {base}, which it was based on",
  "history.open": "Open",
  "history.openLabel": "Open revision {number} as readers would see it, in a new tab",
};

export type ConflictMessageKey = keyof typeof conflictEn;
