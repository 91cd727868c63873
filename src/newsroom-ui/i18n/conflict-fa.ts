import type { ConflictMessageKey } from "./conflict-en.js";

/** The conflict view's merge and the history's "not merged" revisions in Persian; spread into fa.ts. */
export const conflictFa: Readonly<Record<ConflictMessageKey, string>> = {
  "merge.intro":
    "نسخهٔ {number} در {time} ذخیره شد. نسخهٔ شما با شمارهٔ {kept} و برچسب «ادغام‌نشده» در تاریخچهٔ نسخه‌ها نگه داشته شده است، پس چیزی از نوشته‌های شما از دست نمی‌رود. تا وقتی شیوهٔ ادامه را انتخاب نکرده‌اید، ویرایشگر قفل است.",
  "merge.summary":
    "تغییرهایی که خودکار ادغام شد: {merged}. تغییرهایی که در هر دو نسخه انجام شده و انتخاب شما را لازم دارد: {conflicts}.",
  "merge.nothingToChoose":
    "هیچ تغییری انتخاب شما را لازم ندارد. برای ادامه، نسخهٔ ادغام‌شده را ذخیره کنید.",
  "merge.formLabel": "ادغام نسخهٔ شما با نسخهٔ دیگر",
  "merge.choicesHeading": "تغییرهایی که در هر دو نسخه انجام شده است",
  "merge.mine": "نسخهٔ من",
  "merge.theirs": "نسخهٔ دیگر (نسخهٔ {number})",
  "merge.edit": "خودم می‌نویسم",
  "merge.editLabel": "متن شما برای {field}",
  "merge.editHelp":
    "هر بند در یک سطر. پیوندها و تأکیدها اینجا نگه داشته نمی‌شوند؛ آن‌ها را دوباره در ویرایشگر بیفزایید.",
  "merge.removed": "(در این نسخه حذف شده)",
  "merge.empty": "(خالی)",
  "merge.none": "(هیچ)",
  "merge.body.block": "متن، بند {number}",
  "merge.body.blocks": "متن، بندهای {from} تا {to}",
  "merge.body.added": "متن، افزوده پس از بند {number}",
  "merge.body.addedAtStart": "متن، افزوده در آغاز",
  "merge.save": "ذخیرهٔ نسخهٔ ادغام‌شده",
  "merge.unanswered":
    "برای هر تغییری که در هر دو نسخه انجام شده، یک نسخه را انتخاب کنید؛ {count} مورد مانده است.",
  "merge.saved": "نسخهٔ ادغام‌شده به‌عنوان نسخهٔ {revision}، پس از نسخهٔ {number}، ذخیره شد.",
  "merge.compareHeading": "دو نسخهٔ کامل",
  "merge.mineWhole": "نسخهٔ شما (نسخهٔ {kept}، ادغام‌نشده)",
  "merge.help":
    "«ذخیرهٔ نسخهٔ ادغام‌شده» آنچه را خودکار ادغام شد همراه با انتخاب‌های شما به‌عنوان نسخه‌ای تازه پس از نسخهٔ دیگر ذخیره می‌کند. «نگه‌داشتن نسخهٔ من» کل نسخهٔ شما را پس از نسخهٔ دیگر ذخیره می‌کند؛ «پذیرفتن نسخهٔ دیگر» آن نسخه را در ویرایشگر بار می‌کند. در هر حال همهٔ نسخه‌ها در تاریخچه می‌مانند.",

  "history.notMerged": "ادغام‌نشده",
  "history.notMergedHelp":
    "نسخه‌های «ادغام‌نشده» نسخه‌هایی‌اند که چون کس دیگری زودتر ذخیره کرده بود پذیرفته نشدند و نگه داشته شده‌اند تا چیزی از دست نرود. این نسخه‌ها هرگز خودبه‌خود نسخهٔ جاری نمی‌شوند: می‌توانید آن‌ها را مقایسه کنید، باز کنید یا برای ادامه بازگردانید.",
  "history.compareWithBase": "مقایسه با نسخهٔ پایه",
  "history.compareBaseLabel":
    "مقایسهٔ نسخهٔ {number} (ادغام‌نشده) با نسخهٔ {base} که بر پایهٔ آن نوشته شده بود",
  "history.open": "باز کردن",
  "history.openLabel": "باز کردن نسخهٔ {number} چنان‌که خوانندگان می‌بینند، در زبانهٔ تازه",
};
