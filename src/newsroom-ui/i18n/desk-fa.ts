import type { DeskMessageKey } from "./desk-en.js";

/** desk-en.ts in Persian. */
export const deskFa: Readonly<Record<DeskMessageKey, string>> = {
  "flags.inService": "سرویس {service}",

  "users.col.person": "با نام",
  "users.personNone": "بدون نام نویسنده",
  "users.personOf": "{name}، {service}",
  "users.choosePerson": "نام نویسنده",
  "users.choosePersonOf": "انتخاب نام نویسندهٔ {name}",
  "users.personTitle": "نام نویسندهٔ {name}",
  "users.personHelp":
    "فردی از فهرست افراد که این حساب با نام او می‌نویسد. صاحب حساب سپس می‌تواند با «افزودن من» در ویرایشگر خبر، خودش را به نویسندگان خبر اضافه کند.",
  "users.personService": "سرویس",
  "users.personPerson": "فرد",
  "users.personNoLink": "هیچ‌کس (حذف پیوند)",
  "users.personLoading": "در حال بارگیری افراد این سرویس…",
  "users.personSave": "ذخیرهٔ نام نویسنده",
  "users.personSaved": "نام نویسندهٔ {name} ذخیره شد.",
  "users.error.personNotFound": "این فرد دیگر در فهرست افراد نیست. فرد دیگری را انتخاب کنید.",

  "bylines.addMe": "افزودن من",
  "bylines.addMeLabel": "افزودن من ({name}) به نویسندگان",
  "bylines.meUnlinked":
    "حساب شما به هیچ فردی در فهرست افراد پیوند ندارد، پس نمی‌توانید خودتان را اضافه کنید. از یک مدیر یا مدیر سرویس خود بخواهید در صفحهٔ کاربران، نام نویسندهٔ شما را انتخاب کند.",
  "bylines.meElsewhere":
    "نام نویسندهٔ شما در فهرست افراد سرویس دیگری است، پس نمی‌توانید خودتان را به خبری از این سرویس اضافه کنید. از یک مدیر بخواهید شما را به فردی از این سرویس پیوند دهد.",
};
