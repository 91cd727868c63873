import type { TranslationMessageKey } from "./translation-en.js";

/** The translator view and the translator byline role in Arabic; spread into ar.ts. */
export const translationAr: Readonly<Record<TranslationMessageKey, string>> = {
  "bylines.role.translator": "مترجم",
  "translatorView.open": "جنبًا إلى جنب مع النص الأصلي",
  "translatorView.title": "الترجمة جنبًا إلى جنب: {headline}",
  "translatorView.loadingTitle": "الترجمة جنبًا إلى جنب",
  "translatorView.loading": "جارٍ تحميل النص الأصلي والترجمة…",
  "translatorView.loadFailed": "تعذّر تحميل النص الأصلي والترجمة: {error}",
  "translatorView.intro":
    "النص الأصلي للقراءة فقط. تظهر فقراته بالترتيب بجانب فقرات الترجمة؛ والفقرات التي تغيّرت في النص الأصلي منذ آخر تحديث للترجمة تُظهر ما تغيّر.",
  "translatorView.edit": "تحرير الترجمة",
  "translatorView.sourceColumn": "النص الأصلي ({service})",
  "translatorView.translationColumn": "الترجمة ({service})",
  "translatorView.fieldsHeading": "العنوان والمقدمة ومكان الخبر",
  "translatorView.bodyHeading": "المتن، فقرة فقرة",
  "translatorView.field.headline": "العنوان",
  "translatorView.field.standfirst": "المقدمة",
  "translatorView.field.dateline": "مكان الخبر",
  "translatorView.block": "الفقرة {number}",
  "translatorView.empty": "(فارغ)",
  "translatorView.notTranslated": "لم تُترجم بعد.",
  "translatorView.change.changed": "تغيّر في النص الأصلي",
  "translatorView.change.added": "جديد في النص الأصلي",
  "translatorView.change.removed": "حُذف من النص الأصلي",
  "translatorView.status.current": "الترجمة متوافقة مع النص الأصلي.",
  "translatorView.status.waived": "تم التغاضي عن آخر تغييرات النص الأصلي: {reason}",
  "translatorView.status.stale":
    "تغيّر النص الأصلي منذ آخر تحديث لهذه الترجمة: {count} فقرة للمراجعة.",
  "translatorView.tooLarge":
    "النص الأصلي أكبر من أن يُقارن فقرة فقرة؛ تظهر فقراته بالترتيب دون تمييز التغييرات.",
  "translatorView.markUpToDate": "وسم الترجمة بأنها محدَّثة",
  "translatorView.markedUpToDate": "وُسمت الترجمة بأنها محدَّثة.",
};
