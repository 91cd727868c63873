import type { conflictEn } from "./conflict-en.js";

/** The conflict view's merge and the history's "not merged" revisions in Arabic; the same keys as conflict-en.ts. */
export const conflictAr: Readonly<Record<keyof typeof conflictEn, string>> = {
  "merge.intro":
    "حُفظت المراجعة {number} في {time}. نسختك محفوظة في سجل المراجعات بوصفها المراجعة {kept}، مع علامة «لم تُدمج»، فلا يضيع شيء مما كتبته. المحرر مقفل حتى تختار كيف تتابع.",
  "merge.summary":
    "تغييرات دُمجت تلقائيًا: {merged}. تغييرات أُجريت في النسختين وتحتاج إلى اختيارك: {conflicts}.",
  "merge.nothingToChoose": "لا يحتاج أي تغيير إلى اختيارك. احفظ النسخة المدمجة لتتابع العمل منها.",
  "merge.formLabel": "ادمج نسختك مع نسختهم",
  "merge.choicesHeading": "تغييرات أُجريت في النسختين",
  "merge.mine": "نسختي",
  "merge.theirs": "نسختهم (المراجعة {number})",
  "merge.edit": "أكتبه بنفسي",
  "merge.editLabel": "نصك لـ{field}",
  "merge.editHelp": "سطر واحد لكل فقرة. لا تُحفظ الروابط والتنسيق هنا؛ أضفها مجددًا في المحرر.",
  "merge.removed": "(حُذف في هذه النسخة)",
  "merge.empty": "(فارغ)",
  "merge.none": "(لا شيء)",
  "merge.body.block": "المتن، الفقرة {number}",
  "merge.body.blocks": "المتن، الفقرات من {from} إلى {to}",
  "merge.body.added": "المتن، أُضيف بعد الفقرة {number}",
  "merge.body.addedAtStart": "المتن، أُضيف في البداية",
  "merge.save": "حفظ النسخة المدمجة",
  "merge.unanswered": "اختر نسخة لكل تغيير أُجري في النسختين؛ المتبقي: {count}.",
  "merge.saved": "حُفظت النسخة المدمجة بوصفها المراجعة {revision}، فوق المراجعة {number}.",
  "merge.compareHeading": "النسختان كاملتين",
  "merge.mineWhole": "نسختك (المراجعة {kept}، لم تُدمج)",
  "merge.help":
    "«حفظ النسخة المدمجة» يحفظ ما دُمج تلقائيًا واختياراتك مراجعةً جديدة فوق نسختهم. «الإبقاء على نسختي» يحفظ نسختك كاملة فوق نسختهم؛ و«اعتماد نسختهم» يحمّل نسختهم في المحرر. وفي كل الأحوال تبقى كل نسخة في سجل المراجعات.",
  "history.notMerged": "لم تُدمج",
  "history.notMergedHelp":
    "المراجعات التي تحمل علامة «لم تُدمج» نسخ رُفض حفظها لأن شخصًا آخر حفظ قبلها، وقد احتُفظ بها كي لا يضيع شيء. لا تصبح أبدًا النسخة الحالية من تلقاء نفسها: قارن إحداها أو افتحها أو استعدها لتتابع العمل منها.",
  "history.compareWithBase": "قارن بأصلها",
  "history.compareBaseLabel": "قارن المراجعة {number} (لم تُدمج) بالمراجعة {base} التي بُنيت عليها",
  "history.open": "فتح",
  "history.openLabel": "افتح المراجعة {number} كما سيراها القراء، في علامة تبويب جديدة",
};
