import type { TranslationMessageKey } from "./translation-en.js";

/** The translator view and the translator byline role in Russian; spread into ru.ts. */
export const translationRu: Readonly<Record<TranslationMessageKey, string>> = {
  "bylines.role.translator": "Переводчик",
  "translatorView.open": "Рядом с оригиналом",
  "translatorView.title": "Перевод рядом с оригиналом: {headline}",
  "translatorView.loadingTitle": "Перевод рядом с оригиналом",
  "translatorView.loading": "Загружаем оригинал и перевод…",
  "translatorView.loadFailed": "Не удалось загрузить оригинал и перевод: {error}",
  "translatorView.intro":
    "Оригинал доступен только для чтения. Его блоки показаны по порядку рядом с блоками перевода; блоки, изменившиеся в оригинале после последнего обновления перевода, показывают, что изменилось.",
  "translatorView.edit": "Редактировать перевод",
  "translatorView.sourceColumn": "Оригинал ({service})",
  "translatorView.translationColumn": "Перевод ({service})",
  "translatorView.fieldsHeading": "Заголовок, лид и место событий",
  "translatorView.bodyHeading": "Текст, блок за блоком",
  "translatorView.field.headline": "Заголовок",
  "translatorView.field.standfirst": "Лид",
  "translatorView.field.dateline": "Место событий",
  "translatorView.block": "Блок {number}",
  "translatorView.empty": "(пусто)",
  "translatorView.notTranslated": "Ещё не переведено.",
  "translatorView.change.changed": "Изменено в оригинале",
  "translatorView.change.added": "Новое в оригинале",
  "translatorView.change.removed": "Удалено из оригинала",
  "translatorView.status.current": "Перевод соответствует оригиналу.",
  "translatorView.status.waived": "Последние изменения оригинала пропущены: {reason}",
  "translatorView.status.stale":
    "Оригинал изменился после последнего обновления этого перевода; блоков для проверки: {count}.",
  "translatorView.tooLarge":
    "Оригинал слишком велик для сравнения по блокам; его блоки показаны по порядку без отметки изменений.",
  "translatorView.markUpToDate": "Отметить перевод как актуальный",
  "translatorView.markedUpToDate": "Перевод отмечен как актуальный.",
};
