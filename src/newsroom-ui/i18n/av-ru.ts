import type { avEn } from "./av-en.js";

/** Аудио и видео в медиатеке; те же ключи, что в av-en.ts. */
export const avRu: Record<keyof typeof avEn, string> = {
  "av.heading": "Аудио и видео",
  "av.upload.file": "Аудио- или видеофайл",
  "av.upload.help":
    "MP3, M4A, MP4, WebM, Ogg, WAV или FLAC. Newsdesk проверяет файл и делает облегчённые версии для читателей с медленным интернетом.",
  "av.upload.title": "Название",
  "av.upload.submit": "Загрузить аудио или видео",
  "av.upload.chooseFirst": "Сначала выберите аудио- или видеофайл.",
  "av.upload.uploading": "Загружается {name}…",
  "av.upload.uploaded": "{name} загружен. Облегчённые версии готовятся.",
  "av.list.empty": "Аудио и видео пока нет.",
  "av.list.refresh": "Обновить список",
  "av.kind.audio": "Аудио",
  "av.kind.video": "Видео",
  "av.status.queued": "Ожидает обработки",
  "av.status.running": "Обрабатывается",
  "av.status.ready": "Готово",
  "av.status.failed": "Обработка не удалась: {error}",
  "av.duration": "{minutes} мин {seconds} с",
  "av.captions.open": "Субтитры и расшифровка: {title}",
  "av.captions.heading": "Субтитры и расшифровка — {title}",
  "av.captions.lang": "Код языка, например ru или en",
  "av.captions.vtt": "Субтитры в формате WebVTT",
  "av.captions.file": "Или загрузите в поле файл WebVTT (.vtt)",
  "av.captions.save": "Сохранить субтитры",
  "av.captions.saved": "Субтитры ({lang}) сохранены: реплик — {count}.",
  "av.captions.remove": "Удалить субтитры ({lang})",
  "av.captions.removed": "Субтитры ({lang}) удалены.",
  "av.captions.invalid": "Субтитры не сохранены. Исправьте строки:",
  "av.captions.line": "Строка {line}: {message}",
  "av.transcript.label": "Расшифровка ({lang})",
  "av.transcript.help":
    "Показывается под плеером и находится поиском. Оставьте поле пустым, чтобы взять слова из субтитров.",
  "av.transcript.save": "Сохранить расшифровку",
  "av.transcript.saved": "Расшифровка ({lang}) сохранена.",
  "av.delete.open": "Удалить {title}",
  "av.delete.title": "Удалить это аудио или видео?",
  "av.delete.body":
    "{title} будет удалено навсегда вместе со всеми версиями и субтитрами. Читатели больше не смогут его воспроизвести.",
  "av.delete.confirm": "Удалить навсегда",
  "av.delete.done": "{title} удалено.",
  "av.delete.inUse":
    "{title} не удалено: его всё ещё воспроизводит выпуск. Сначала дайте выпуску другую запись.",
};
