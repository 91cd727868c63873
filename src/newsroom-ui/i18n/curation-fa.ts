import type { CurationMessageKey } from "./curation-en.js";

/** The curation screens and the related-stories picker in Persian; spread into fa.ts. */
export const curationFa: Readonly<Record<CurationMessageKey, string>> = {
  "header.curation": "خبرهای برگزیده",

  "curation.title": "خبرهای برگزیده",
  "curation.documentTitle": "خبرهای برگزیده: {service}، {page}",
  "curation.heading": "خبرهای برگزیدهٔ {service}",
  "curation.pages": "صفحهٔ اصلی و بخش‌ها",
  "curation.home": "صفحهٔ اصلی",
  "curation.intro":
    "خبرهایی را که در صدر صفحه می‌آیند به ترتیب سنجاق کنید. زیر آن‌ها صفحه خودبه‌خود با تازه‌ترین خبرها پر می‌شود و هیچ خبری دو بار نمی‌آید. خبرهای لغوشده یا از انتشار خارج‌شده خودبه‌خود از صفحه برداشته می‌شوند.",
  "curation.noSuchSection": "این سرویس چنین بخشی ندارد. یکی از صفحه‌های بالا را برگزینید.",
  "curation.homeHeading": "سنجاق‌شده در صفحهٔ اصلی",
  "curation.sectionHeading": "سنجاق‌شده در {section}",
  "curation.loading": "در حال بارگیری فهرست…",
  "curation.lastSaved": "نسخهٔ {version}، ذخیره‌شده به دست {name} در {when}.",
  "curation.neverSaved": "هنوز چیزی این‌جا سنجاق نشده است.",
  "curation.system": "سامانه",
  "curation.count": "{count} خبر از حداکثر {limit} خبر.",
  "curation.empty": "هیچ خبری سنجاق نشده است. خوانندگان تازه‌ترین خبرها را می‌بینند.",
  "curation.dragHint":
    "خبر را با کشیدن به جای تازه ببرید، یا از دکمه‌های «بالا ببر» و «پایین ببر» آن استفاده کنید.",
  "curation.notLive": "دیگر منتشر نیست",
  "curation.moveUp": "بالا ببر",
  "curation.moveDown": "پایین ببر",
  "curation.remove": "حذف",
  "curation.moveUpStory": "بالا ببر: {headline}",
  "curation.moveDownStory": "پایین ببر: {headline}",
  "curation.removeStory": "حذف: {headline}",
  "curation.moved": "«{headline}» به جایگاه {position} از {count} رفت.",
  "curation.removed": "«{headline}» حذف شد. برای اعمال، ذخیره کنید.",
  "curation.added": "«{headline}» در جایگاه {position} افزوده شد. برای اعمال، ذخیره کنید.",
  "curation.saved": "ذخیره شد. خوانندگان اکنون ترتیب تازه را می‌بینند.",
  "curation.save": "ذخیرهٔ ترتیب",
  "curation.saving": "در حال ذخیره…",
  "curation.discard": "کنار گذاشتن تغییرها",
  "curation.conflict":
    "از وقتی این فهرست را باز کردید، کس دیگری آن را ذخیره کرده است؛ پس تغییرهای شما ذخیره نشد. فهرست را دوباره بارگیری کنید تا فهرست او را ببینید، سپس تغییر خود را دوباره بدهید.",
  "curation.reload": "بارگیری دوبارهٔ فهرست",
  "curation.search": "یافتن خبرهای منتشرشده",
  "curation.searchHint": "واژه‌هایی از تیتر را بنویسید؛ نتیجه‌ها همزمان با نوشتن تازه می‌شوند.",
  "curation.anyService": "جست‌وجو در همهٔ سرویس‌هایی که در آن‌ها کار می‌کنم",
  "curation.results": "خبرهای منتشرشده",
  "curation.resultCount": "خبرهای یافته‌شده: {count}.",
  "curation.noResults": "هیچ خبر منتشرشده‌ای پیدا نشد.",
  "curation.add": "افزودن",
  "curation.addStory": "افزودن: {headline}",
  "curation.inList": "در فهرست",
  "curation.inListStory": "در فهرست: {headline}",
  "curation.full": "فهرست پر است ({limit} خبر). برای افزودن خبری دیگر، یکی را حذف کنید.",
  "curation.readOnly": "تنها دبیران می‌توانند این فهرست را تغییر دهند.",

  "related.heading": "خبرهای مرتبط",
  "related.fallback":
    "اگر خبری برگزیده نشود، صفحهٔ خبر تازه‌ترین خبرهای همان بخش و موضوع‌ها را نشان می‌دهد.",
};
