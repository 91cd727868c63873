import type { avEn } from "./av-en.js";

/** بخش صدا و ویدئوی کتابخانهٔ رسانه؛ همان کلیدهای av-en.ts. */
export const avFa: Record<keyof typeof avEn, string> = {
  "av.heading": "صدا و ویدئو",
  "av.upload.file": "پروندهٔ صوتی یا ویدئویی",
  "av.upload.help":
    "MP3، M4A، MP4، WebM، Ogg، WAV یا FLAC. نیوزدسک پرونده را بررسی می‌کند و برای خوانندگانی که اینترنت کُند دارند نسخه‌های کوچک‌تر می‌سازد.",
  "av.upload.title": "عنوان",
  "av.upload.submit": "بارگذاری صدا یا ویدئو",
  "av.upload.chooseFirst": "اول یک پروندهٔ صوتی یا ویدئویی انتخاب کنید.",
  "av.upload.uploading": "در حال بارگذاری {name}…",
  "av.upload.uploaded": "{name} بارگذاری شد. نسخه‌های کوچک‌تر در حال ساخت‌اند.",
  "av.list.empty": "هنوز صدا یا ویدئویی نیست.",
  "av.list.refresh": "تازه کردن فهرست",
  "av.kind.audio": "صدا",
  "av.kind.video": "ویدئو",
  "av.status.queued": "در انتظار پردازش",
  "av.status.running": "در حال پردازش",
  "av.status.ready": "آماده",
  "av.status.failed": "پردازش ناموفق بود: {error}",
  "av.duration": "{minutes} دقیقه و {seconds} ثانیه",
  "av.captions.open": "زیرنویس و متن {title}",
  "av.captions.heading": "زیرنویس و متن: {title}",
  "av.captions.lang": "برچسب زبان، مثلاً fa یا en",
  "av.captions.vtt": "زیرنویس به قالب WebVTT",
  "av.captions.file": "یا پرونده‌ای با قالب WebVTT (.vtt) را در کادر بارگذاری کنید",
  "av.captions.save": "ذخیرهٔ زیرنویس",
  "av.captions.saved": "زیرنویس {lang} ذخیره شد: {count} بخش.",
  "av.captions.remove": "حذف زیرنویس {lang}",
  "av.captions.removed": "زیرنویس {lang} حذف شد.",
  "av.captions.invalid": "زیرنویس ذخیره نشد. این سطرها را اصلاح کنید:",
  "av.captions.line": "سطر {line}: {message}",
  "av.transcript.label": "متن به زبان {lang}",
  "av.transcript.help":
    "زیر پخش‌کننده نمایش داده می‌شود و در جست‌وجو پیدا می‌شود. خالی بگذارید تا از واژه‌های زیرنویس استفاده شود.",
  "av.transcript.save": "ذخیرهٔ متن",
  "av.transcript.saved": "متن به زبان {lang} ذخیره شد.",
  "av.delete.open": "حذف {title}",
  "av.delete.title": "این صدا یا ویدئو حذف شود؟",
  "av.delete.body":
    "{title} با همهٔ نسخه‌ها و زیرنویس‌هایش برای همیشه حذف می‌شود. خوانندگان دیگر نمی‌توانند آن را پخش کنند.",
  "av.delete.confirm": "حذف برای همیشه",
  "av.delete.done": "{title} حذف شد.",
  "av.delete.inUse":
    "{title} حذف نشد: قسمتی هنوز آن را پخش می‌کند. نخست پرونده دیگری به آن قسمت بدهید.",
};
