import type { CurationMessageKey } from "./curation-en.js";

/** The curation screens and the related-stories picker in Ukrainian; spread into uk.ts. */
export const curationUk: Readonly<Record<CurationMessageKey, string>> = {
  "header.curation": "Головні новини",

  "curation.title": "Головні новини",
  "curation.documentTitle": "Головні новини: {service}, {page}",
  "curation.heading": "Головні новини — {service}",
  "curation.pages": "Головна сторінка й рубрики",
  "curation.home": "Головна сторінка",
  "curation.intro":
    "Закріпіть у потрібному порядку матеріали, що відкривають сторінку. Нижче сторінка сама заповнюється найсвіжішими матеріалами; жоден не з’являється двічі. Відкликані або зняті з публікації матеріали зникають зі сторінки самі.",
  "curation.noSuchSection": "У цій службі немає такої рубрики. Виберіть сторінку вище.",
  "curation.homeHeading": "Закріплено на головній сторінці",
  "curation.sectionHeading": "Закріплено в рубриці {section}",
  "curation.loading": "Завантажуємо список…",
  "curation.lastSaved": "Версія {version}, зберіг(ла) {name}, {when}.",
  "curation.neverSaved": "Тут ще нічого не закріплено.",
  "curation.system": "система",
  "curation.count": "Матеріалів: {count} із щонайбільше {limit}.",
  "curation.empty": "Закріплених матеріалів немає. Читачі бачать найсвіжіші.",
  "curation.dragHint":
    "Перетягніть матеріал на нове місце або скористайтеся його кнопками «Вище» та «Нижче».",
  "curation.notLive": "Більше не опублікований",
  "curation.moveUp": "Вище",
  "curation.moveDown": "Нижче",
  "curation.remove": "Прибрати",
  "curation.moveUpStory": "Вище: {headline}",
  "curation.moveDownStory": "Нижче: {headline}",
  "curation.removeStory": "Прибрати: {headline}",
  "curation.moved": "«{headline}» тепер на місці {position} із {count}.",
  "curation.removed": "«{headline}» прибрано зі списку. Збережіть, щоб застосувати.",
  "curation.added": "«{headline}» додано на місце {position}. Збережіть, щоб застосувати.",
  "curation.saved": "Збережено. Читачі вже бачать новий порядок.",
  "curation.save": "Зберегти порядок",
  "curation.saving": "Зберігаємо…",
  "curation.discard": "Скасувати зміни",
  "curation.conflict":
    "Хтось інший зберіг цей список після того, як ви його відкрили, тож ваші зміни не збережено. Завантажте список знову, щоб побачити його версію, і повторіть свою зміну.",
  "curation.reload": "Завантажити список знову",
  "curation.search": "Знайти опубліковані матеріали",
  "curation.searchHint": "Введіть слова із заголовка; результати оновлюються під час введення.",
  "curation.anyService": "Шукати в усіх службах, де я працюю",
  "curation.results": "Опубліковані матеріали",
  "curation.resultCount": "Знайдено матеріалів: {count}.",
  "curation.noResults": "Відповідних опублікованих матеріалів немає.",
  "curation.add": "Додати",
  "curation.addStory": "Додати: {headline}",
  "curation.inList": "У списку",
  "curation.inListStory": "У списку: {headline}",
  "curation.full": "Список заповнено (матеріалів: {limit}). Приберіть один, щоб додати інший.",
  "curation.readOnly": "Змінювати цей список можуть лише редактори.",

  "related.heading": "Матеріали на тему",
  "related.fallback":
    "Якщо нічого не вибрано, на сторінці матеріалу з’являються найсвіжіші матеріали його рубрики й тем.",
};
