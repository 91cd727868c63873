import type { AccountMessageKey } from "./account-en.js";

/** The account screen and the log-in second-factor step in Arabic; spread into ar.ts. */
export const accountAr: Readonly<Record<AccountMessageKey, string>> = {
  "header.account": "حسابك",

  "login.secondFactorNeeded":
    "أدخل الرمز المكوّن من ستة أرقام من تطبيق المصادقة، أو أحد رموز الاسترداد الخاصة بك.",
  "login.secondFactorFailed": "هذا الرمز غير صحيح أو سبق استخدامه. أدخل أحدث رمز من التطبيق.",
  "account.code": "رمز من تطبيق المصادقة، أو رمز استرداد",

  "account.title": "حسابك",

  "account.password.heading": "تغيير كلمة المرور",
  "account.password.intro":
    "اختر عبارة مرور طويلة لا تستخدمها في أي مكان آخر. يؤدي تغييرها إلى تسجيل خروجك من كل المتصفحات والأجهزة الأخرى.",
  "account.password.current": "كلمة المرور الحالية",
  "account.password.new": "كلمة المرور الجديدة",
  "account.password.newHint":
    "12 حرفًا على الأقل. تُرفض كلمات المرور الشائعة وتلك التي تتضمن بريدك الإلكتروني.",
  "account.password.repeat": "أعد كتابة كلمة المرور الجديدة",
  "account.password.mismatch": "كلمتا المرور الجديدتان غير متطابقتين.",
  "account.password.submit": "تغيير كلمة المرور",
  "account.password.changed": "غُيّرت كلمة مرورك. الجلسات التي أُنهيت في أماكن أخرى: {count}.",

  "account.2fa.heading": "المصادقة الثنائية",
  "account.2fa.intro":
    "مع المصادقة الثنائية، يتطلب تسجيل الدخول رمزًا من تطبيق مصادقة على هاتفك إلى جانب كلمة المرور.",
  "account.2fa.loading": "جارٍ تحميل إعدادات المصادقة الثنائية…",
  "account.2fa.off": "المصادقة الثنائية غير مفعّلة.",
  "account.2fa.on": "المصادقة الثنائية مفعّلة. رموز الاسترداد المتبقية: {count}.",
  "account.2fa.required": "يتطلب دورك المصادقة الثنائية. فعّلها لتواصل العمل في غرفة الأخبار.",
  "account.2fa.start": "إعداد المصادقة الثنائية",
  "account.2fa.scan":
    "امسح رمز QR هذا بتطبيق المصادقة (مثل FreeOTP أو Aegis أو Google Authenticator).",
  "account.2fa.qrAlt": "رمز QR لإعداد المصادقة الثنائية",
  "account.2fa.manual": "إن تعذّر المسح، أدخل هذا المفتاح في التطبيق:",
  "account.2fa.code": "رمز من تطبيق المصادقة",
  "account.2fa.confirm": "تفعيل المصادقة الثنائية",
  "account.2fa.enabled": "المصادقة الثنائية مفعّلة الآن.",
  "account.2fa.recoveryHeading": "رموز الاسترداد الخاصة بك",
  "account.2fa.recoveryIntro":
    "يتيح لك كل رمز تسجيل الدخول مرة واحدة إن فقدت هاتفك. احفظها في مكان آمن بعيدًا عن هاتفك: لن تُعرض مرة أخرى.",
  "account.2fa.recoveryDone": "حفظت رموز الاسترداد",
  "account.2fa.regenerate": "إنشاء رموز استرداد جديدة",
  "account.2fa.regenerateNote": "تتوقف رموز الاسترداد القديمة عن العمل.",
  "account.2fa.disable": "إيقاف المصادقة الثنائية",
  "account.2fa.disableTitle": "إيقاف المصادقة الثنائية؟",
  "account.2fa.disableBody":
    "لن يتطلب تسجيل الدخول إلا كلمة المرور، وتتوقف رموز الاسترداد عن العمل.",
  "account.2fa.disabled": "المصادقة الثنائية متوقفة الآن.",

  "account.reauth.heading": "أكّد هويتك",
  "account.reauth.intro":
    "لإجراء هذا التغيير، أدخل كلمة مرورك مجددًا، ورمزًا إن كنت تستخدم المصادقة الثنائية.",
  "account.reauth.submit": "تأكيد",
};
