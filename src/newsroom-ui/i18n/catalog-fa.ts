import type { CatalogMessageKey } from "./catalog-en.js";

/** The catalogue screen in Persian; spread into fa.ts. */
export const catalogFa: Readonly<Record<CatalogMessageKey, string>> = {
  "header.catalog": "افراد و موضوع‌ها",

  "catalog.title": "افراد، میزها، موضوع‌ها، بخش‌ها و خبرگزاری‌ها",
  "catalog.lists": "فهرست‌ها",
  "catalog.people": "افراد",
  "catalog.desks": "میزها",
  "catalog.topics": "موضوع‌ها",
  "catalog.sections": "بخش‌ها",
  "catalog.agencies": "خبرگزاری‌ها",
  "catalog.noService": "هنوز در هیچ سرویس زبانی نقشی ندارید.",
  "catalog.rights.read":
    "می‌توانید این فهرست‌ها را بخوانید. دبیران آن‌ها را می‌افزایند و ویرایش می‌کنند.",
  "catalog.rights.edit":
    "می‌توانید افراد، میزها و موضوع‌ها را بیفزایید و ویرایش کنید و موضوع‌های تکراری را ادغام کنید. مدیران سرویس آن‌ها را حذف می‌کنند، نشانی‌ها را تغییر می‌دهند و بخش‌ها را اداره می‌کنند.",
  "catalog.rights.manage":
    "می‌توانید افراد، میزها، موضوع‌ها و بخش‌ها را بیفزایید، ویرایش و حذف کنید و نشانی‌شان را تغییر دهید. خبرگزاری‌ها با مدیران کل است.",
  "catalog.rights.admin": "می‌توانید همه‌چیز را در این‌جا تغییر دهید، از جمله خبرگزاری‌ها.",

  "catalog.search": "جست‌وجو",
  "catalog.searchButton": "جست‌وجو",
  "catalog.loading": "در حال بارگذاری…",
  "catalog.empty": "هنوز چیزی این‌جا نیست.",
  "catalog.col.name": "نام",
  "catalog.col.title": "سمت یا عنوان",
  "catalog.col.photo": "عکس",
  "catalog.col.members": "اعضا",
  "catalog.col.slug": "نشانی (اسلاگ)",
  "catalog.col.actions": "کارها",
  "catalog.separator": "، ",
  "catalog.edit": "ویرایش",
  "catalog.editOf": "ویرایش {name}",
  "catalog.remove": "حذف",
  "catalog.removeOf": "حذف {name}",
  "catalog.removeTitle": "برای همیشه حذف شود؟",
  "catalog.removeBody":
    "{name} حذف خواهد شد. چیزی را که خبری هنوز به آن ارجاع می‌دهد نمی‌توان حذف کرد.",
  "catalog.removed": "{name} حذف شد.",
  "catalog.save": "ذخیره",
  "catalog.saved": "{name} ذخیره شد.",
  "catalog.slugHelp":
    "واژه‌هایی با حروف کوچک که با خط تیره به هم پیوسته‌اند، به هر خطی؛ مانند تغییر-اقلیم. بخشی از نشانی صفحه است.",
  "catalog.slugChangeHelp":
    "با تغییر نشانی، نشانی قبلی هم کار می‌کند: خوانندگان و خوراک‌ها به نشانی تازه فرستاده می‌شوند.",
  "catalog.slugLocked": "تنها مدیر سرویس می‌تواند نشانی را تغییر دهد.",

  "catalog.person.add": "افزودن فرد",
  "catalog.person.edit": "ویرایش فرد",
  "catalog.person.name": "نام",
  "catalog.person.nameHelp": "همان‌گونه که در امضای خبر می‌آید، به زبان و خط سرویس.",
  "catalog.person.title": "سمت یا عنوان، مانند خبرنگار قفقاز",
  "catalog.person.bio": "زندگی‌نامهٔ کوتاه",
  "catalog.person.photo": "عکس",
  "catalog.person.hasPhoto": "عکس دارد",
  "catalog.person.noPhoto": "بی‌عکس",
  "catalog.person.photoChosen": "عکس از کتابخانهٔ رسانه برگزیده شد.",
  "catalog.person.choosePhoto": "گزینش عکس",
  "catalog.person.changePhoto": "تغییر عکس",
  "catalog.person.removePhoto": "برداشتن عکس",
  "catalog.person.alsoWritesFor": "برای این سرویس‌ها هم می‌نویسد",
  "catalog.person.merge": "ادغام",
  "catalog.person.mergeOf": "ادغام {name} در فردی دیگر",
  "catalog.person.mergeTitle": "ادغام در فردی دیگر",
  "catalog.person.mergeBody":
    "امضاها و جایگاه‌های {name} در میزها به فردی که برمی‌گزینید منتقل می‌شوند، {name} حذف می‌شود و صفحهٔ نویسنده‌اش خوانندگان را به آن فرد می‌فرستد.",
  "catalog.person.mergeInto": "فردی که می‌ماند",
  "catalog.person.chooseSurvivor": "فردی برگزینید",

  "catalog.desk.add": "افزودن میز",
  "catalog.desk.edit": "ویرایش میز",
  "catalog.desk.name": "نام، همان‌گونه که در امضای خبر می‌آید",
  "catalog.desk.description": "توضیح",
  "catalog.desk.members": "اعضا",

  "catalog.topic.add": "افزودن موضوع",
  "catalog.topic.edit": "ویرایش موضوع",
  "catalog.topic.description": "توضیح",
  "catalog.topic.merge": "ادغام",
  "catalog.topic.mergeOf": "ادغام {name} در موضوعی دیگر",
  "catalog.topic.mergeTitle": "ادغام در موضوعی دیگر",
  "catalog.topic.mergeBody":
    "خبرهای {name} به موضوعی که برمی‌گزینید منتقل می‌شوند، {name} از میان می‌رود و صفحه و خوراک‌هایش خوانندگان را به آن موضوع می‌فرستند.",
  "catalog.topic.mergeInto": "موضوعی که می‌ماند",
  "catalog.topic.chooseSurvivor": "موضوعی برگزینید",
  "catalog.merged": "{from} در {into} ادغام شد.",

  "catalog.section.add": "افزودن بخش",
  "catalog.section.edit": "ویرایش بخش",
  "catalog.section.position": "ترتیب",

  "catalog.agency.add": "افزودن خبرگزاری",
  "catalog.agency.edit": "ویرایش خبرگزاری",
  "catalog.agency.code": "کد",
  "catalog.agency.codeHelp": "حروف بزرگ لاتین، رقم، - و _، مانند AFP. بعداً تغییر نمی‌کند.",
  "catalog.agency.credit": "سطر اعتبار",
  "catalog.agency.link": "وبگاه",

  "catalog.error.forbidden": "نقش شما در این سرویس اجازهٔ این تغییر را نمی‌دهد.",
  "catalog.error.taken": "مورد دیگری در این سرویس همین نشانی یا کد را دارد.",
  "catalog.error.inUse":
    "خبرهایی هنوز به این ارجاع می‌دهند. نخست آن‌ها را جابه‌جا کنید (یا موضوع را در موضوعی دیگر ادغام کنید).",
  "catalog.error.unknownReference":
    "چیزی که برگزیده بودید دیگر وجود ندارد (عکس یا عضو میز). دوباره برگزینید.",
  "catalog.error.invalid": "فرم را بررسی کنید: {detail}",
};
