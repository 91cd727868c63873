import type { mirrorsEn } from "./mirrors-en.js";

/** The mirrors screen's words in Ukrainian; the same keys as mirrors-en.ts. */
export const mirrorsUk: Readonly<Record<keyof typeof mirrorsEn, string>> = {
  "mirrors.title": "Дзеркала",
  "mirrors.intro":
    "Інші адреси, за якими відкриваються сторінки служби там, де її домен заблоковано. Читачі знаходять їх на сторінці служби «Не вдається відкрити сайт?»; адресу onion також пропонують користувачам Tor Browser.",
  "mirrors.listHeading": "Дзеркала: {service}",
  "mirrors.loading": "Завантаження дзеркал…",
  "mirrors.empty": "У цієї служби ще немає дзеркал.",
  "mirrors.kind": "Тип",
  "mirrors.kind.https": "Дзеркало HTTPS",
  "mirrors.kind.onion": "Onion-сервіс",
  "mirrors.kind.static": "Статичне дзеркало",
  "mirrors.url": "Адреса",
  "mirrors.urlHelp":
    "https://host.example/необов’язковий-префікс для дзеркал HTTPS і статичних; http://(56 символів).onion для onion-сервісу.",
  "mirrors.note": "Примітка для читачів",
  "mirrors.noteHelp":
    "Необов’язково; показується поруч із посиланням, наприклад «Лише через Tor Browser».",
  "mirrors.added": "Додано",
  "mirrors.actions": "Дії",
  "mirrors.addHeading": "Додати дзеркало",
  "mirrors.add": "Додати дзеркало",
  "mirrors.addedStatus": "{url} додано.",
  "mirrors.remove": "Вилучити",
  "mirrors.removeTitle": "Вилучити це дзеркало?",
  "mirrors.removeBody":
    "Читачі більше не бачитимуть {url}. Уже збережені чи поширені сторінки збережуть цю адресу.",
  "mirrors.removedStatus": "{url} вилучено.",
  "audit.mirror.add": "Додав дзеркало",
  "audit.mirror.remove": "Вилучив дзеркало",
};
