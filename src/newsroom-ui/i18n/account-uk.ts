import type { AccountMessageKey } from "./account-en.js";

/** The account screen and the log-in second-factor step in Ukrainian; spread into uk.ts. */
export const accountUk: Readonly<Record<AccountMessageKey, string>> = {
  "header.account": "Ваш обліковий запис",

  "login.secondFactorNeeded":
    "Введіть шестицифровий код із застосунку-автентифікатора або один із резервних кодів.",
  "login.secondFactorFailed":
    "Цей код неправильний або вже використаний. Введіть найновіший код із застосунку.",
  "account.code": "Код із застосунку-автентифікатора або резервний код",

  "account.title": "Ваш обліковий запис",

  "account.password.heading": "Зміна пароля",
  "account.password.intro":
    "Виберіть довгу парольну фразу, яку ви ніде більше не використовуєте. Після зміни пароля ви вийдете із системи в усіх інших браузерах і на всіх інших пристроях.",
  "account.password.current": "Поточний пароль",
  "account.password.new": "Новий пароль",
  "account.password.newHint":
    "Щонайменше 12 символів. Поширені паролі й паролі, що містять вашу адресу пошти, не приймаються.",
  "account.password.repeat": "Повторіть новий пароль",
  "account.password.mismatch": "Нові паролі не збігаються.",
  "account.password.submit": "Змінити пароль",
  "account.password.changed": "Пароль змінено. Завершено сеансів на інших пристроях: {count}.",

  "account.2fa.heading": "Двофакторна автентифікація",
  "account.2fa.intro":
    "З двофакторною автентифікацією для входу потрібен не лише пароль, а й код із застосунку-автентифікатора на телефоні.",
  "account.2fa.loading": "Завантаження налаштувань двофакторної автентифікації…",
  "account.2fa.off": "Двофакторну автентифікацію вимкнено.",
  "account.2fa.on": "Двофакторну автентифікацію ввімкнено. Залишилося резервних кодів: {count}.",
  "account.2fa.required":
    "Для вашої ролі двофакторна автентифікація обов’язкова. Налаштуйте її, щоб продовжити роботу в редакції.",
  "account.2fa.start": "Налаштувати двофакторну автентифікацію",
  "account.2fa.scan":
    "Відскануйте цей QR-код застосунком-автентифікатором (наприклад FreeOTP, Aegis або Google Authenticator).",
  "account.2fa.qrAlt": "QR-код для налаштування двофакторної автентифікації",
  "account.2fa.manual": "Якщо відсканувати не вдається, введіть у застосунку цей ключ:",
  "account.2fa.code": "Код із застосунку-автентифікатора",
  "account.2fa.confirm": "Увімкнути двофакторну автентифікацію",
  "account.2fa.enabled": "Двофакторну автентифікацію ввімкнено.",
  "account.2fa.recoveryHeading": "Ваші резервні коди",
  "account.2fa.recoveryIntro":
    "Кожен код дає змогу увійти один раз, якщо ви загубите телефон. Зберігайте їх у надійному місці окремо від телефона: більше їх не буде показано.",
  "account.2fa.recoveryDone": "Я зберіг(ла) резервні коди",
  "account.2fa.regenerate": "Створити нові резервні коди",
  "account.2fa.regenerateNote": "Старі резервні коди перестануть працювати.",
  "account.2fa.disable": "Вимкнути двофакторну автентифікацію",
  "account.2fa.disableTitle": "Вимкнути двофакторну автентифікацію?",
  "account.2fa.disableBody":
    "Для входу буде потрібен лише пароль, а резервні коди перестануть працювати.",
  "account.2fa.disabled": "Двофакторну автентифікацію вимкнено.",

  "account.reauth.heading": "Підтвердьте, що це ви",
  "account.reauth.intro":
    "Для цієї зміни знову введіть пароль, а також код, якщо ви користуєтеся двофакторною автентифікацією.",
  "account.reauth.submit": "Підтвердити",
};
