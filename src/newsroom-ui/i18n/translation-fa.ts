import type { TranslationMessageKey } from "./translation-en.js";

/** The translator view and the translator byline role in Persian; spread into fa.ts. */
export const translationFa: Readonly<Record<TranslationMessageKey, string>> = {
  "bylines.role.translator": "مترجم",

  "translatorView.open": "کنار هم با متن اصلی",
  "translatorView.title": "ترجمه کنار هم: {headline}",
  "translatorView.loadingTitle": "ترجمه کنار هم",
  "translatorView.loading": "در حال بارگذاری متن اصلی و ترجمه…",
  "translatorView.loadFailed": "متن اصلی و ترجمه بارگذاری نشد: {error}",
  "translatorView.intro":
    "متن اصلی فقط‌خواندنی است. بندهای آن به ترتیب کنار بندهای ترجمه آمده‌اند؛ بندهایی که از آخرین به‌روزرسانی ترجمه در متن اصلی تغییر کرده‌اند، تغییرشان را نشان می‌دهند.",
  "translatorView.edit": "ویرایش ترجمه",
  "translatorView.sourceColumn": "متن اصلی ({service})",
  "translatorView.translationColumn": "ترجمه ({service})",
  "translatorView.fieldsHeading": "تیتر، لید و محل خبر",
  "translatorView.bodyHeading": "متن، بند به بند",
  "translatorView.field.headline": "تیتر",
  "translatorView.field.standfirst": "لید",
  "translatorView.field.dateline": "محل خبر",
  "translatorView.block": "بند {number}",
  "translatorView.empty": "(خالی)",
  "translatorView.notTranslated": "هنوز ترجمه نشده است.",
  "translatorView.change.changed": "در متن اصلی تغییر کرده",
  "translatorView.change.added": "تازه در متن اصلی",
  "translatorView.change.removed": "از متن اصلی حذف شده",
  "translatorView.status.current": "ترجمه با متن اصلی هماهنگ است.",
  "translatorView.status.waived": "از آخرین تغییرات متن اصلی صرف‌نظر شد: {reason}",
  "translatorView.status.stale":
    "متن اصلی از آخرین به‌روزرسانی این ترجمه تغییر کرده است: {count} بند برای بازبینی.",
  "translatorView.tooLarge":
    "متن اصلی برای مقایسهٔ بند به بند بیش از حد بزرگ است؛ بندهایش به ترتیب و بدون نشان‌دادن تغییرات آمده‌اند.",
  "translatorView.markUpToDate": "ترجمه را به‌روز علامت بزن",
  "translatorView.markedUpToDate": "ترجمه به‌روز علامت خورد.",
};
