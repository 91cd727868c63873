import type { AccountMessageKey } from "./account-en.js";

/** The account screen and the log-in second-factor step in Persian; spread into fa.ts. */
export const accountFa: Readonly<Record<AccountMessageKey, string>> = {
  "header.account": "حساب کاربری شما",

  "login.secondFactorNeeded":
    "کد شش‌رقمی برنامهٔ احراز هویت یا یکی از کدهای بازیابی خود را وارد کنید.",
  "login.secondFactorFailed":
    "این کد درست نیست یا پیش‌تر به کار رفته است. تازه‌ترین کد برنامه را وارد کنید.",
  "account.code": "کد برنامهٔ احراز هویت، یا یک کد بازیابی",

  "account.title": "حساب کاربری شما",

  "account.password.heading": "تغییر گذرواژه",
  "account.password.intro":
    "عبارت عبور بلندی برگزینید که جای دیگری به کار نمی‌برید. با تغییر آن، از همهٔ مرورگرها و دستگاه‌های دیگر خارج می‌شوید.",
  "account.password.current": "گذرواژهٔ کنونی",
  "account.password.new": "گذرواژهٔ تازه",
  "account.password.newHint":
    "دست‌کم ۱۲ نویسه. گذرواژه‌های رایج و گذرواژه‌هایی که نشانی ایمیل شما را در خود دارند پذیرفته نمی‌شوند.",
  "account.password.repeat": "تکرار گذرواژهٔ تازه",
  "account.password.mismatch": "دو گذرواژهٔ تازه یکسان نیستند.",
  "account.password.submit": "تغییر گذرواژه",
  "account.password.changed": "گذرواژهٔ شما تغییر کرد. نشست‌های بسته‌شده در جاهای دیگر: {count}.",

  "account.2fa.heading": "احراز هویت دومرحله‌ای",
  "account.2fa.intro":
    "با احراز هویت دومرحله‌ای، برای ورود افزون بر گذرواژه به کدی از برنامهٔ احراز هویت روی گوشی‌تان نیاز است.",
  "account.2fa.loading": "در حال بارگذاری تنظیمات احراز هویت دومرحله‌ای…",
  "account.2fa.off": "احراز هویت دومرحله‌ای خاموش است.",
  "account.2fa.on": "احراز هویت دومرحله‌ای روشن است. کدهای بازیابی باقی‌مانده: {count}.",
  "account.2fa.required":
    "نقش شما به احراز هویت دومرحله‌ای نیاز دارد. برای ادامهٔ کار در اتاق خبر آن را راه‌اندازی کنید.",
  "account.2fa.start": "راه‌اندازی احراز هویت دومرحله‌ای",
  "account.2fa.scan":
    "این کد QR را با برنامهٔ احراز هویت خود (برای نمونه FreeOTP، Aegis یا Google Authenticator) اسکن کنید.",
  "account.2fa.qrAlt": "کد QR برای راه‌اندازی احراز هویت دومرحله‌ای",
  "account.2fa.manual": "اگر نمی‌توانید آن را اسکن کنید، این کلید را در برنامه وارد کنید:",
  "account.2fa.code": "کد برنامهٔ احراز هویت",
  "account.2fa.confirm": "روشن کردن احراز هویت دومرحله‌ای",
  "account.2fa.enabled": "احراز هویت دومرحله‌ای اکنون روشن است.",
  "account.2fa.recoveryHeading": "کدهای بازیابی شما",
  "account.2fa.recoveryIntro":
    "اگر گوشی‌تان را گم کنید، هر کد یک بار شما را وارد می‌کند. آن‌ها را جای امنی دور از گوشی نگه دارید: دوباره نشان داده نمی‌شوند.",
  "account.2fa.recoveryDone": "کدهای بازیابی را جای امنی نگه داشتم",
  "account.2fa.regenerate": "ساختن کدهای بازیابی تازه",
  "account.2fa.regenerateNote": "کدهای بازیابی پیشین شما دیگر کار نمی‌کنند.",
  "account.2fa.disable": "خاموش کردن احراز هویت دومرحله‌ای",
  "account.2fa.disableTitle": "احراز هویت دومرحله‌ای خاموش شود؟",
  "account.2fa.disableBody":
    "برای ورود تنها گذرواژه‌تان لازم خواهد بود و کدهای بازیابی شما دیگر کار نمی‌کنند.",
  "account.2fa.disabled": "احراز هویت دومرحله‌ای اکنون خاموش است.",

  "account.reauth.heading": "تأیید کنید که خودتان هستید",
  "account.reauth.intro":
    "برای این تغییر، گذرواژهٔ خود را دوباره وارد کنید، و اگر از احراز هویت دومرحله‌ای استفاده می‌کنید، یک کد نیز.",
  "account.reauth.submit": "تأیید",
};
