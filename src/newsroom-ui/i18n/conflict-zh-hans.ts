import type { conflictEn } from "./conflict-en.js";

/** The conflict view's merge and the history's "not merged" revisions in Simplified Chinese; the same keys as conflict-en.ts. */
export const conflictZhHans: Readonly<Record<keyof typeof conflictEn, string>> = {
  "merge.intro":
    "修订版 {number} 已于 {time} 保存。您的版本已作为修订版 {kept} 保留在修订历史中，并标记为“未合并”，您输入的内容不会丢失。在您选择如何继续之前，编辑器处于锁定状态。",
  "merge.summary": "已自动合并的更改：{merged}。两个版本都改动、需要您选择的更改：{conflicts}。",
  "merge.nothingToChoose": "没有需要您选择的更改。保存合并后的版本，从它继续编辑。",
  "merge.formLabel": "将您的版本与对方的版本合并",
  "merge.choicesHeading": "两个版本都改动的内容",
  "merge.mine": "我的",
  "merge.theirs": "对方的（修订版 {number}）",
  "merge.edit": "由我自己撰写",
  "merge.editLabel": "您为“{field}”撰写的文本",
  "merge.editHelp": "每段一行。此处不保留链接和强调，请在编辑器中重新添加。",
  "merge.removed": "（此版本中已删除）",
  "merge.empty": "（空）",
  "merge.none": "（无）",
  "merge.body.block": "正文，第 {number} 段",
  "merge.body.blocks": "正文，第 {from} 至 {to} 段",
  "merge.body.added": "正文，在第 {number} 段后新增",
  "merge.body.addedAtStart": "正文，在开头新增",
  "merge.save": "保存合并后的版本",
  "merge.unanswered": "请为两个版本都改动的每处内容选择一个版本；还剩 {count} 处。",
  "merge.saved": "合并后的版本已保存为修订版 {revision}，位于修订版 {number} 之上。",
  "merge.compareHeading": "两个完整版本",
  "merge.mineWhole": "您的版本（修订版 {kept}，未合并）",
  "merge.help":
    "“保存合并后的版本”会把自动合并的内容和您的选择保存为对方版本之上的新修订版。“保留我的”会把您的完整版本保存在对方版本之上；“采用对方的”会把对方的版本载入编辑器。无论哪种方式，每个版本都会保留在修订历史中。",
  "history.notMerged": "未合并",
  "history.notMergedHelp":
    "标记为“未合并”的修订版，是因他人先保存而被拒绝的版本，保留下来以免丢失任何内容。它们绝不会自行成为当前版本：您可以比较、打开或恢复其中一个，从它继续编辑。",
  "history.compareWithBase": "与其基础版本比较",
  "history.compareBaseLabel": "将修订版 {number}（未合并）与其所基于的修订版 {base} 比较",
  "history.open": "打开",
  "history.openLabel": "在新标签页中按读者所见打开修订版 {number}",
};
