import type { mirrorsEn } from "./mirrors-en.js";

/** The mirrors screen's words in Arabic; the same keys as mirrors-en.ts. */
export const mirrorsAr: Readonly<Record<keyof typeof mirrorsEn, string>> = {
  "mirrors.title": "المواقع البديلة",
  "mirrors.intro":
    "عناوين أخرى تعرض صفحات الخدمة حيث يُحجب نطاقها الأصلي. يجدها القرّاء في صفحة «لا تستطيع الوصول إلينا؟» الخاصة بالخدمة، ويُعرض عنوان البصل أيضًا على مستخدمي متصفح تور.",
  "mirrors.listHeading": "المواقع البديلة لـ{service}",
  "mirrors.loading": "جارٍ تحميل المواقع البديلة…",
  "mirrors.empty": "لا توجد مواقع بديلة لهذه الخدمة بعد.",
  "mirrors.kind": "النوع",
  "mirrors.kind.https": "موقع بديل HTTPS",
  "mirrors.kind.onion": "خدمة بصلية",
  "mirrors.kind.static": "نسخة ثابتة",
  "mirrors.url": "العنوان",
  "mirrors.urlHelp":
    "https://host.example/بادئة-اختيارية للمواقع البديلة HTTPS والثابتة؛ http://(56 حرفًا).onion للخدمة البصلية.",
  "mirrors.note": "ملاحظة للقرّاء",
  "mirrors.noteHelp": "اختيارية؛ تظهر بجانب الرابط، مثل «متصفح تور فقط».",
  "mirrors.added": "تاريخ الإضافة",
  "mirrors.actions": "الإجراءات",
  "mirrors.addHeading": "إضافة موقع بديل",
  "mirrors.add": "إضافة الموقع البديل",
  "mirrors.addedStatus": "أُضيف {url}.",
  "mirrors.remove": "إزالة",
  "mirrors.removeTitle": "هل تريد إزالة هذا الموقع البديل؟",
  "mirrors.removeBody":
    "لن يُعرض {url} على القرّاء بعد الآن. تحتفظ الصفحات المحفوظة أو المشاركة سابقًا بالعنوان.",
  "mirrors.removedStatus": "أُزيل {url}.",
  "audit.mirror.add": "أضاف موقعًا بديلًا",
  "audit.mirror.remove": "أزال موقعًا بديلًا",
};
