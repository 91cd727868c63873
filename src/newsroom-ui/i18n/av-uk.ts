import type { avEn } from "./av-en.js";

/** Аудіо та відео в медіатеці; ті самі ключі, що в av-en.ts. */
export const avUk: Record<keyof typeof avEn, string> = {
  "av.heading": "Аудіо та відео",
  "av.upload.file": "Аудіо- або відеофайл",
  "av.upload.help":
    "MP3, M4A, MP4, WebM, Ogg, WAV або FLAC. Newsdesk перевіряє файл і робить полегшені версії для читачів із повільним інтернетом.",
  "av.upload.title": "Назва",
  "av.upload.submit": "Завантажити аудіо або відео",
  "av.upload.chooseFirst": "Спершу виберіть аудіо- або відеофайл.",
  "av.upload.uploading": "Завантажується {name}…",
  "av.upload.uploaded": "{name} завантажено. Полегшені версії готуються.",
  "av.list.empty": "Аудіо та відео ще немає.",
  "av.list.refresh": "Оновити список",
  "av.kind.audio": "Аудіо",
  "av.kind.video": "Відео",
  "av.status.queued": "Очікує на обробку",
  "av.status.running": "Обробляється",
  "av.status.ready": "Готово",
  "av.status.failed": "Обробка не вдалася: {error}",
  "av.duration": "{minutes} хв {seconds} с",
  "av.captions.open": "Субтитри й розшифровка: {title}",
  "av.captions.heading": "Субтитри й розшифровка — {title}",
  "av.captions.lang": "Код мови, наприклад uk або en",
  "av.captions.vtt": "Субтитри у форматі WebVTT",
  "av.captions.file": "Або завантажте в поле файл WebVTT (.vtt)",
  "av.captions.save": "Зберегти субтитри",
  "av.captions.saved": "Субтитри ({lang}) збережено: реплік — {count}.",
  "av.captions.remove": "Видалити субтитри ({lang})",
  "av.captions.removed": "Субтитри ({lang}) видалено.",
  "av.captions.invalid": "Субтитри не збережено. Виправте рядки:",
  "av.captions.line": "Рядок {line}: {message}",
  "av.transcript.label": "Розшифровка ({lang})",
  "av.transcript.help":
    "Показується під плеєром і знаходиться пошуком. Залиште поле порожнім, щоб узяти слова із субтитрів.",
  "av.transcript.save": "Зберегти розшифровку",
  "av.transcript.saved": "Розшифровку ({lang}) збережено.",
  "av.delete.open": "Видалити {title}",
  "av.delete.title": "Видалити це аудіо чи відео?",
  "av.delete.body":
    "{title} буде видалено назавжди разом з усіма версіями та субтитрами. Читачі більше не зможуть його відтворити.",
  "av.delete.confirm": "Видалити назавжди",
  "av.delete.done": "{title} видалено.",
  "av.delete.inUse":
    "{title} не видалено: його досі відтворює випуск. Спершу дайте випуску інший запис.",
};
