import type { TranslationMessageKey } from "./translation-en.js";

/** The translator view and the translator byline role in Ukrainian; spread into uk.ts. */
export const translationUk: Readonly<Record<TranslationMessageKey, string>> = {
  "bylines.role.translator": "Перекладач",
  "translatorView.open": "Поруч з оригіналом",
  "translatorView.title": "Переклад поруч з оригіналом: {headline}",
  "translatorView.loadingTitle": "Переклад поруч з оригіналом",
  "translatorView.loading": "Завантажуємо оригінал і переклад…",
  "translatorView.loadFailed": "Не вдалося завантажити оригінал і переклад: {error}",
  "translatorView.intro":
    "Оригінал доступний лише для читання. Його блоки показано по черзі поруч із блоками перекладу; блоки, що змінилися в оригіналі після останнього оновлення перекладу, показують, що змінилося.",
  "translatorView.edit": "Редагувати переклад",
  "translatorView.sourceColumn": "Оригінал ({service})",
  "translatorView.translationColumn": "Переклад ({service})",
  "translatorView.fieldsHeading": "Заголовок, лід і місце подій",
  "translatorView.bodyHeading": "Основний текст, по блоках",
  "translatorView.field.headline": "Заголовок",
  "translatorView.field.standfirst": "Лід",
  "translatorView.field.dateline": "Місце подій",
  "translatorView.block": "Блок {number}",
  "translatorView.empty": "(порожньо)",
  "translatorView.notTranslated": "Ще не перекладено.",
  "translatorView.change.changed": "Змінено в оригіналі",
  "translatorView.change.added": "Нове в оригіналі",
  "translatorView.change.removed": "Вилучено з оригіналу",
  "translatorView.status.current": "Переклад відповідає оригіналу.",
  "translatorView.status.waived": "Останні зміни оригіналу пропущено: {reason}",
  "translatorView.status.stale":
    "Оригінал змінився після останнього оновлення цього перекладу; блоків для перевірки: {count}.",
  "translatorView.tooLarge":
    "Оригінал завеликий для порівняння за блоками; його блоки показано по черзі без позначення змін.",
  "translatorView.markUpToDate": "Позначити переклад як актуальний",
  "translatorView.markedUpToDate": "Переклад позначено як актуальний.",
};
