import type { mirrorsEn } from "./mirrors-en.js";

/** The mirrors screen's words in Persian; the same keys as mirrors-en.ts. */
export const mirrorsFa: Readonly<Record<keyof typeof mirrorsEn, string>> = {
  "mirrors.title": "نشانی‌های جایگزین",
  "mirrors.intro":
    "نشانی‌های دیگری که صفحه‌های یک بخش را در جاهایی که دامنهٔ اصلی آن مسدود است نشان می‌دهند. خوانندگان آن‌ها را در صفحهٔ «به ما دسترسی ندارید؟» همان بخش می‌بینند؛ نشانی پیازی به کاربران مرورگر تور هم پیشنهاد می‌شود.",
  "mirrors.listHeading": "نشانی‌های جایگزین {service}",
  "mirrors.loading": "در حال بارگیری نشانی‌های جایگزین…",
  "mirrors.empty": "این بخش هنوز نشانی جایگزینی ندارد.",
  "mirrors.kind": "نوع",
  "mirrors.kind.https": "نشانی جایگزین HTTPS",
  "mirrors.kind.onion": "سرویس پیازی",
  "mirrors.kind.static": "نسخهٔ ایستا",
  "mirrors.url": "نشانی",
  "mirrors.urlHelp":
    "برای نشانی‌های HTTPS و ایستا: https://host.example/پیشوند-اختیاری؛ برای سرویس پیازی: http://(۵۶ نویسه).onion",
  "mirrors.note": "یادداشت برای خوانندگان",
  "mirrors.noteHelp": "اختیاری؛ کنار پیوند نشان داده می‌شود، مثلاً «فقط با مرورگر تور».",
  "mirrors.added": "افزوده شده",
  "mirrors.actions": "کارها",
  "mirrors.addHeading": "افزودن نشانی جایگزین",
  "mirrors.add": "افزودن نشانی",
  "mirrors.addedStatus": "{url} افزوده شد.",
  "mirrors.remove": "حذف",
  "mirrors.removeTitle": "این نشانی جایگزین حذف شود؟",
  "mirrors.removeBody":
    "{url} دیگر به خوانندگان نشان داده نمی‌شود. صفحه‌هایی که پیش‌تر ذخیره یا هم‌رسانی شده‌اند این نشانی را نگه می‌دارند.",
  "mirrors.removedStatus": "{url} حذف شد.",
  "audit.mirror.add": "یک نشانی جایگزین افزود",
  "audit.mirror.remove": "یک نشانی جایگزین را حذف کرد",
};
