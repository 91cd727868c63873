import type { Desk, Person, Topic } from "../domain/people/people-schema.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { DemoStory } from "./demo-content.js";

/**
 * Demo content for the language services added with the full service registry (issue 4):
 * a "World" section for every service so each has a home and a section page, and stories
 * written for the Arabic, Amharic, Burmese and Serbian services. Serbian is stored in
 * Cyrillic and served in Latin too (ADR 0005). All text is original, about fictional places.
 */

type FirstServices = "en" | "fa" | "ru" | "zh-Hans";

export const moreSectionNames: Record<Exclude<ServiceId, FirstServices>, [string, string][]> = {
  fr: [["world", "Monde"]],
  es: [["world", "Internacional"]],
  pt: [["world", "Internacional"]],
  sq: [["world", "Bota"]],
  bs: [["world", "Svijet"]],
  tr: [["world", "Dünya"]],
  az: [["world", "Dünya"]],
  uz: [["world", "Dunyo"]],
  ku: [["world", "Cîhan"]],
  id: [["world", "Dunia"]],
  vi: [["world", "Thế giới"]],
  ha: [["world", "Duniya"]],
  sw: [["world", "Dunia"]],
  so: [["world", "Caalamka"]],
  om: [["world", "Addunyaa"]],
  rw: [["world", "Isi"]],
  rn: [["world", "Isi yose"]],
  sn: [["world", "Nyika"]],
  nd: [["world", "Umhlaba"]],
  bm: [["world", "Diɲɛ"]],
  ln: [["world", "Mokili"]],
  ht: [["world", "Mond"]],
  uk: [["world", "Світ"]],
  mk: [["world", "Свет"]],
  sr: [
    ["world", "Свет"],
    ["science-health", "Наука и здравље"],
  ],
  hy: [["world", "Աշխարհ"]],
  ka: [["world", "მსოფლიო"]],
  "fa-AF": [["world", "جهان"]],
  ps: [["world", "نړۍ"]],
  ur: [["world", "دنیا"]],
  ar: [
    ["world", "العالم"],
    ["science-health", "علوم وصحة"],
  ],
  ckb: [["world", "جیهان"]],
  am: [["world", "ዓለም"]],
  ti: [["world", "ዓለም"]],
  hi: [["world", "दुनिया"]],
  bn: [["world", "বিশ্ব"]],
  ne: [["world", "विश्व"]],
  th: [["world", "ต่างประเทศ"]],
  lo: [["world", "ສາກົນ"]],
  km: [["world", "អន្តរជាតិ"]],
  my: [["world", "ကမ္ဘာ"]],
  bo: [["world", "འཛམ་གླིང་།"]],
  "zh-Hant": [["world", "國際"]],
  yue: [["world", "國際"]],
  ko: [["world", "국제"]],
};

export const moreTopics: Topic[] = [
  { serviceId: "ar", slug: "humanitarian-aid", name: "مساعدات إنسانية" },
  { serviceId: "ar", slug: "climate", name: "المناخ" },
  { serviceId: "am", slug: "humanitarian-aid", name: "ሰብዓዊ እርዳታ" },
  { serviceId: "my", slug: "humanitarian-aid", name: "လူသားချင်းစာနာမှု အကူအညီ" },
  { serviceId: "sr", slug: "humanitarian-aid", name: "Хуманитарна помоћ" },
];

export const morePeople: Person[] = [
  { id: "salma-nasser", serviceId: "ar", name: "سلمى ناصر", title: "مراسلة" },
  { id: "selam-tesfaye", serviceId: "am", name: "ሰላም ተስፋዬ", title: "ዘጋቢ" },
  { id: "aung-min", serviceId: "my", name: "အောင်မင်း", title: "သတင်းထောက်" },
  { id: "milica-jovanovic", serviceId: "sr", name: "Милица Јовановић", title: "дописница" },
];

export const moreDesks: Desk[] = [
  {
    id: "meridian-arabic",
    serviceId: "ar",
    name: "ميريديان عربي",
    description:
      "ميريديان عربي هو القسم العربي في شبكة ميريديان الإخبارية. الأخبار المنشورة باسمه من عمل عدد من صحفيينا، وقد تتضمن معلومات من وكالات الأنباء.",
  },
  {
    id: "meridian-amharic",
    serviceId: "am",
    name: "ሜሪዲያን አማርኛ",
    description:
      "ሜሪዲያን አማርኛ የሜሪዲያን የዜና አውታር የአማርኛ ክፍል ነው። በዚህ ስም የሚወጡ ዘገባዎች የበርካታ ጋዜጠኞቻችን ሥራ ሲሆኑ ከዜና ወኪሎች የተገኘ መረጃ ሊይዙ ይችላሉ።",
  },
  {
    id: "meridian-burmese",
    serviceId: "my",
    name: "မယ်ရီဒီယန် မြန်မာ",
    description:
      "မယ်ရီဒီယန် မြန်မာပိုင်းသည် မယ်ရီဒီယန် သတင်းကွန်ရက်၏ မြန်မာဘာသာ ဌာနဖြစ်သည်။ ဤအမည်ဖြင့် ထုတ်ဝေသော သတင်းများကို ကျွန်ုပ်တို့၏ သတင်းထောက်အများအပြား ပူးပေါင်းရေးသားပြီး သတင်းဌာနများထံမှ အချက်အလက်များ ပါဝင်နိုင်သည်။",
  },
  {
    id: "meridian-serbian",
    serviceId: "sr",
    name: "Меридијан",
    description:
      "Српски сервис мреже вести „Меридијан”. Текстове потписане овим именом припремило је више наших новинара и могу садржати информације новинских агенција.",
  },
];

export const moreStories: DemoStory[] = [
  {
    key: "convoys-ar",
    serviceId: "ar",
    headline: "قوافل المساعدات عالقة على الحدود بعد انهيار محادثات الميناء",
    standfirst:
      "أكثر من 200 شاحنة محمّلة بالغذاء والدواء تنتظر عند معبر تل هارون بعد فشل المفاوضين في الاتفاق على إعادة فتح ميناء كسارة.",
    dateline: "كسارة",
    section: "world",
    topics: ["humanitarian-aid"],
    lead: {
      image: "convoy",
      caption: "شاحنات تحمل الغذاء والإمدادات الطبية تنتظر عند معبر تل هارون، 23 نوفمبر 2026.",
      alt: "صف طويل من الشاحنات البيضاء متوقفة على طريق ترابي تحت سماء مسائية شاحبة.",
    },
    body: [
      "انهارت مساء الاثنين المفاوضات بشأن إعادة فتح ميناء كسارة، ما أبقى أكثر من 200 شاحنة مساعدات متوقفة عند معبر تل هارون الحدودي دون موعد محدد لعبورها.",
      "وقال المجلس الإقليمي في بيان إنه لن يقبل أي ترتيب يترك الرقابة الجمركية بيد سلطة الميناء.",
      {
        quote: "كل يوم تبقى فيه الشاحنات هنا، تفرغ الرفوف داخل المدينة أكثر.",
        speaker: "أميرة حداد، منسقة الخدمات اللوجستية",
      },
      "وتقول وكالات الإغاثة إن مخزون الطحين والإنسولين في مستشفيي المدينة الرئيسيين سينفد خلال عشرة أيام إذا لم تتحرك القوافل.",
    ],
    bylines: [
      { kind: "person", personId: "salma-nasser", role: "author" },
      { kind: "desk", deskId: "meridian-arabic" },
    ],
    agencies: ["AFP", "REUTERS"],
    publishedHoursAgo: 3.5,
  },
  {
    key: "river-ar",
    serviceId: "ar",
    headline: "انخفاض قياسي في منسوب النهر يهدد المحاصيل في الدلتا",
    standfirst: "يقول مزارعو دلتا نهر هارون إن قنوات الري جفّت قبل موعدها المعتاد بأسابيع.",
    dateline: "سليم",
    section: "science-health",
    topics: ["climate"],
    lead: null,
    body: [
      "انخفض منسوب المياه في المجرى الأدنى لنهر هارون إلى أدنى مستوى له منذ بدء التسجيل عام 1961، بحسب هيئة المياه في الدلتا.",
      "ويحذّر خبراء زراعيون من أن محصول القمح الشتوي يحتاج إلى دورتي ري إضافيتين على الأقل قبل يناير/كانون الثاني.",
    ],
    bylines: [{ kind: "person", personId: "salma-nasser", role: "author" }],
    agencies: ["AP"],
    publishedHoursAgo: 21,
  },
  {
    key: "convoys-am",
    serviceId: "am",
    headline: "የወደብ ድርድሩ በመክሸፉ የእርዳታ መኪኖች ድንበር ላይ ቆሙ",
    standfirst:
      "ተደራዳሪዎች የከሳራ ወደብን እንደገና ለመክፈት መስማማት ባለመቻላቸው ምግብና መድኃኒት የጫኑ ከ200 በላይ የጭነት መኪኖች በቴል ሃሩን መተላለፊያ እየጠበቁ ነው።",
    dateline: "ከሳራ",
    section: "world",
    topics: ["humanitarian-aid"],
    lead: {
      image: "convoy",
      caption: "ምግብና የሕክምና ቁሳቁሶችን የጫኑ መኪኖች በቴል ሃሩን መተላለፊያ ሲጠባበቁ።",
      alt: "በአቧራማ መንገድ ላይ በቅደም ተከተል የቆሙ ረጅም የነጭ የጭነት መኪኖች ሰልፍ።",
    },
    body: [
      "የከሳራ ወደብን እንደገና ስለመክፈት የተደረገው ድርድር ሰኞ ምሽት ያለ ውጤት ተጠናቋል፤ ከ200 በላይ የእርዳታ መኪኖችም በቴል ሃሩን የድንበር መተላለፊያ የሚያልፉበት ቀን ሳይታወቅ ቆመዋል።",
      "የክልሉ ምክር ቤት ባወጣው መግለጫ የጉምሩክ ቁጥጥርን ለወደቡ ባለሥልጣን የሚተው ማንኛውንም ስምምነት እንደማይቀበል አስታውቋል።",
      {
        quote: "መኪኖቹ እዚህ በቆሙ ቁጥር በከተማዋ ውስጥ ያሉ መደርደሪያዎች ባዶ እየሆኑ ይሄዳሉ።",
        speaker: "አሚራ ሀዳድ፣ የሎጂስቲክስ አስተባባሪ",
      },
      "የእርዳታ ድርጅቶች እንደሚሉት መኪኖቹ መንቀሳቀስ ካልቻሉ በከተማዋ ሁለት ዋና ዋና ሆስፒታሎች ያለው የዱቄትና የኢንሱሊን ክምችት በአሥር ቀናት ውስጥ ያልቃል።",
    ],
    bylines: [
      { kind: "person", personId: "selam-tesfaye", role: "author" },
      { kind: "desk", deskId: "meridian-amharic" },
    ],
    agencies: ["REUTERS"],
    publishedHoursAgo: 3.2,
  },
  {
    key: "convoys-my",
    serviceId: "my",
    headline: "ဆိပ်ကမ်းဆွေးနွေးပွဲ ပျက်ပြားပြီး အကူအညီယာဉ်တန်းများ နယ်စပ်တွင် ပိတ်မိနေ",
    standfirst:
      "ကက်ဆာရာဆိပ်ကမ်း ပြန်ဖွင့်ရေး သဘောတူညီမှု မရသဖြင့် စားနပ်ရိက္ခာနှင့် ဆေးဝါးတင် ကုန်တင်ကား ၂၀၀ ကျော် တဲလ်ဟာရွန်း ဂိတ်တွင် စောင့်ဆိုင်းနေရသည်။",
    dateline: "ကက်ဆာရာ",
    section: "world",
    topics: ["humanitarian-aid"],
    lead: {
      image: "convoy",
      caption: "စားနပ်ရိက္ခာနှင့် ဆေးဝါးပစ္စည်းများ တင်ဆောင်ထားသော ကုန်တင်ကားများ တဲလ်ဟာရွန်း ဂိတ်တွင် စောင့်ဆိုင်းနေစဉ်။",
      alt: "ဖုန်ထူသော လမ်းပေါ်တွင် တန်းစီရပ်ထားသော အဖြူရောင် ကုန်တင်ကား တန်းရှည်။",
    },
    body: [
      "ကက်ဆာရာဆိပ်ကမ်း ပြန်လည်ဖွင့်လှစ်ရေး ဆွေးနွေးပွဲသည် တနင်္လာနေ့ ညပိုင်းတွင် ရလဒ်မရှိဘဲ ပြီးဆုံးသွားခဲ့ပြီး အကူအညီကုန်တင်ကား ၂၀၀ ကျော်မှာ တဲလ်ဟာရွန်း နယ်စပ်ဂိတ်တွင် ဖြတ်ကျော်ခွင့်ရက် မသတ်မှတ်နိုင်သေးဘဲ ရပ်နားထားရသည်။",
      "ပြည်နယ်ကောင်စီက ထုတ်ပြန်ချက်တွင် အကောက်ခွန်ထိန်းချုပ်မှုကို ဆိပ်ကမ်းအာဏာပိုင်ထံ လွှဲအပ်မည့် မည်သည့်အစီအစဉ်ကိုမျှ လက်မခံကြောင်း ဖော်ပြခဲ့သည်။",
      {
        quote: "ကားတွေ ဒီမှာ ရပ်နေရတဲ့ နေ့တိုင်း မြို့ထဲက စင်တွေ ပိုပိုပြီး ဗလာဖြစ်လာတယ်။",
        speaker: "အာမီရာ ဟဒ်ဒတ်၊ ထောက်ပံ့ပို့ဆောင်ရေး ညှိနှိုင်းသူ",
      },
      "ယာဉ်တန်းများ မရွေ့နိုင်ပါက မြို့၏ အဓိကဆေးရုံနှစ်ရုံရှိ ဂျုံမှုန့်နှင့် အင်ဆူလင် လက်ကျန်များ ဆယ်ရက်အတွင်း ကုန်ဆုံးမည်ဟု ကယ်ဆယ်ရေးအဖွဲ့များက ဆိုသည်။",
    ],
    bylines: [
      { kind: "person", personId: "aung-min", role: "author" },
      { kind: "desk", deskId: "meridian-burmese" },
    ],
    agencies: ["AFP"],
    publishedHoursAgo: 3.1,
  },
  {
    key: "convoys-sr",
    serviceId: "sr",
    headline: "Конвоји с помоћи заглављени на граници након прекида преговора о луци",
    standfirst:
      "Више од 200 камиона са храном и лековима чека на прелазу Тел Харун пошто преговарачи нису постигли договор о поновном отварању луке Кесара.",
    dateline: "КЕСАРА",
    section: "world",
    topics: ["humanitarian-aid"],
    lead: {
      image: "convoy",
      caption:
        "Камиони с храном и медицинским потрепштинама чекају на прелазу Тел Харун, 23. новембар 2026.",
      alt: "Дуга колона белих камиона паркираних један иза другог на прашњавом путу под бледим вечерњим небом.",
    },
    body: [
      "Преговори о поновном отварању луке Кесара пропали су у понедељак увече, а више од 200 камиона с хуманитарном помоћи остало је на граничном прелазу Тел Харун без датума за пролазак.",
      "Покрајинско веће саопштило је да неће прихватити ниједно решење које царинску контролу оставља управи луке.",
      {
        quote: "Сваког дана док камиони стоје овде, полице у граду су све празније.",
        speaker: "Амира Хадад, координаторка логистике",
      },
      "Хуманитарне организације кажу да ће залихе брашна и инсулина у две главне градске болнице бити потрошене за десет дана ако конвоји не крену. Љубиша Ђорђевић, возач из Ниша, чека на прелазу од петка.",
    ],
    bylines: [
      { kind: "person", personId: "milica-jovanovic", role: "author" },
      { kind: "desk", deskId: "meridian-serbian" },
    ],
    agencies: ["AFP", "REUTERS"],
    publishedHoursAgo: 3.3,
  },
  {
    key: "river-sr",
    serviceId: "sr",
    headline: "Рекордно низак водостај прети жетви у делти",
    standfirst:
      "Пољопривредници у делти Харуна кажу да су канали за наводњавање пресушили недељама раније него обично.",
    dateline: "САЛИМ",
    section: "science-health",
    topics: [],
    lead: null,
    body: [
      "Водостај у доњем току Харуна пао је на најнижи ниво откако су мерења почела 1961. године, саопштила је управа за воде делте.",
    ],
    bylines: [{ kind: "person", personId: "milica-jovanovic", role: "author" }],
    agencies: [],
    publishedHoursAgo: 23,
  },
];

/**
 * Language versions of one story: each key here is created in the family of its source,
 * so reader pages link the versions (hreflang, language switcher). The river story's
 * family spans six services, including both Serbian scripts and two right-to-left ones.
 */
export const demoFamilies: Readonly<Record<string, string>> = {
  "river-fa": "river-levels",
  "river-ru": "river-levels",
  "river-zh": "river-levels",
  "river-ar": "river-levels",
  "river-sr": "river-levels",
};
