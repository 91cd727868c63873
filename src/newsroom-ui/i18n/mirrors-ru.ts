import type { mirrorsEn } from "./mirrors-en.js";

/** The mirrors screen's words in Russian; the same keys as mirrors-en.ts. */
export const mirrorsRu: Readonly<Record<keyof typeof mirrorsEn, string>> = {
  "mirrors.title": "Зеркала",
  "mirrors.intro":
    "Другие адреса, по которым открываются страницы службы там, где её домен заблокирован. Читатели находят их на странице службы «Не удаётся открыть сайт?»; адрес onion также предлагается пользователям Tor Browser.",
  "mirrors.listHeading": "Зеркала: {service}",
  "mirrors.loading": "Загрузка зеркал…",
  "mirrors.empty": "У этой службы пока нет зеркал.",
  "mirrors.kind": "Тип",
  "mirrors.kind.https": "Зеркало HTTPS",
  "mirrors.kind.onion": "Onion-сервис",
  "mirrors.kind.static": "Статическое зеркало",
  "mirrors.url": "Адрес",
  "mirrors.urlHelp":
    "https://host.example/необязательный-префикс для зеркал HTTPS и статических; http://(56 символов).onion для onion-сервиса.",
  "mirrors.note": "Примечание для читателей",
  "mirrors.noteHelp":
    "Необязательно; показывается рядом со ссылкой, например «Только через Tor Browser».",
  "mirrors.added": "Добавлено",
  "mirrors.actions": "Действия",
  "mirrors.addHeading": "Добавить зеркало",
  "mirrors.add": "Добавить зеркало",
  "mirrors.addedStatus": "{url} добавлен.",
  "mirrors.remove": "Удалить",
  "mirrors.removeTitle": "Удалить это зеркало?",
  "mirrors.removeBody":
    "Читатели больше не увидят {url}. Уже сохранённые или отправленные страницы сохранят этот адрес.",
  "mirrors.removedStatus": "{url} удалён.",
  "audit.mirror.add": "Добавил зеркало",
  "audit.mirror.remove": "Удалил зеркало",
};
