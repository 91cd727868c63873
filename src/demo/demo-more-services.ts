import type { Desk, Person, Topic } from "../domain/people/people-schema.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { DemoStory } from "./demo-content.js";

/**
 * Demo content for the language services added with the full service registry:
 * a "World" section for every service so each has a home and a section page, and stories
 * written for the Arabic, Amharic, Urdu, Burmese and Serbian services. The convoy stories in
 * Persian, Arabic, Chinese, Amharic and Urdu carry two people and a desk each, so bylines
 * show each script's list punctuation. Serbian is stored in Cyrillic and served in Latin too
 * (ADR 0005). All text is original, about fictional places.
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
  { id: "karim-adel", serviceId: "ar", name: "كريم عادل", title: "محرر" },
  { id: "selam-tesfaye", serviceId: "am", name: "ሰላም ተስፋዬ", title: "ዘጋቢ" },
  { id: "yohannes-bekele", serviceId: "am", name: "ዮሐንስ በቀለ", title: "አርታኢ" },
  { id: "ayesha-malik", serviceId: "ur", name: "عائشہ ملک", title: "نامہ نگار" },
  { id: "bilal-ahmed", serviceId: "ur", name: "بلال احمد", title: "مدیر" },
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
    id: "meridian-urdu",
    serviceId: "ur",
    name: "میریڈین اردو",
    description:
      "میریڈین اردو، میریڈین نیوز نیٹ ورک کا اردو شعبہ ہے۔ اس نام سے شائع ہونے والی خبریں ہمارے کئی صحافیوں کی مشترکہ کاوش ہوتی ہیں اور ان میں خبر رساں اداروں کی معلومات شامل ہو سکتی ہیں۔",
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

const writtenStories: DemoStory[] = [
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
      { kind: "person", personId: "karim-adel", role: "contributor" },
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
      { kind: "person", personId: "yohannes-bekele", role: "contributor" },
      { kind: "desk", deskId: "meridian-amharic" },
    ],
    agencies: ["REUTERS"],
    publishedHoursAgo: 3.2,
  },
  {
    key: "convoys-ur",
    serviceId: "ur",
    headline: "بندرگاہ پر مذاکرات ناکام، امدادی قافلے سرحد پر رک گئے",
    standfirst:
      "کسارا بندرگاہ دوبارہ کھولنے پر اتفاق نہ ہونے کے بعد خوراک اور ادویات سے لدے دو سو سے زیادہ ٹرک تل ہارون کراسنگ پر انتظار کر رہے ہیں۔",
    dateline: "کسارا",
    section: "world",
    topics: [],
    lead: {
      image: "convoy",
      caption: "خوراک اور طبی سامان لے جانے والے ٹرک تل ہارون کراسنگ پر کھڑے ہیں۔",
      alt: "کچی سڑک پر شام کے ہلکے آسمان تلے کھڑے سفید ٹرکوں کی لمبی قطار۔",
    },
    body: [
      "کسارا بندرگاہ دوبارہ کھولنے کے بارے میں مذاکرات پیر کی شام کسی نتیجے کے بغیر ختم ہو گئے، جس کے بعد دو سو سے زیادہ امدادی ٹرک تل ہارون سرحدی کراسنگ پر رکے ہوئے ہیں۔",
      "علاقائی کونسل نے ایک بیان میں کہا کہ وہ کوئی ایسا انتظام قبول نہیں کرے گی جس میں کسٹم کی نگرانی بندرگاہ کی انتظامیہ کے پاس رہے۔",
      "امدادی اداروں کا کہنا ہے کہ اگر قافلے آگے نہ بڑھے تو شہر کے دو بڑے ہسپتالوں میں آٹے اور انسولین کا ذخیرہ دس دن میں ختم ہو جائے گا۔",
    ],
    bylines: [
      { kind: "person", personId: "ayesha-malik", role: "author" },
      { kind: "person", personId: "bilal-ahmed", role: "contributor" },
      { kind: "desk", deskId: "meridian-urdu" },
    ],
    agencies: ["AFP", "REUTERS"],
    publishedHoursAgo: 3.3,
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

/**
 * One short story in each service without written demo stories above, so every service's
 * home, section and story pages have content in their own language: the river report,
 * as each desk wrote it. [service, headline, first paragraph]
 */
const riverReports: readonly [ServiceId, string, string][] = [
  [
    "fr",
    "Le niveau du fleuve au plus bas menace les récoltes du delta",
    "Le niveau du Harun inférieur est tombé à son plus bas depuis le début des relevés en 1961, selon l’autorité de l’eau du delta.",
  ],
  [
    "es",
    "El nivel mínimo récord del río amenaza la cosecha en el delta",
    "El nivel del agua en el curso bajo del Harun cayó a su punto más bajo desde que comenzaron los registros en 1961, informó la autoridad del agua del delta.",
  ],
  [
    "pt",
    "Nível recorde baixo do rio ameaça a colheita no delta",
    "O nível da água no baixo Harun caiu ao ponto mais baixo desde o início dos registros, em 1961, informou a autoridade de águas do delta.",
  ],
  [
    "sq",
    "Niveli rekord i ulët i lumit kërcënon të korrat në deltë",
    "Niveli i ujit në rrjedhën e poshtme të Harunit ra në pikën më të ulët që nga fillimi i matjeve në vitin 1961, tha autoriteti i ujërave të deltës.",
  ],
  [
    "bs",
    "Rekordno nizak vodostaj prijeti žetvi u delti",
    "Vodostaj u donjem toku Haruna pao je na najniži nivo otkako su mjerenja počela 1961. godine, saopćila je uprava za vode delte.",
  ],
  [
    "tr",
    "Nehirde rekor düşük su seviyesi deltadaki hasadı tehdit ediyor",
    "Delta su idaresine göre Harun Nehri’nin aşağı kesimlerinde su seviyesi, ölçümlerin başladığı 1961’den bu yana en düşük düzeye indi.",
  ],
  [
    "az",
    "Çayda rekord aşağı su səviyyəsi deltada məhsulu təhdid edir",
    "Delta su idarəsinin məlumatına görə, Harun çayının aşağı axarında su səviyyəsi ölçmələrin başladığı 1961-ci ildən bəri ən aşağı həddə düşüb.",
  ],
  [
    "uz",
    "Daryodagi rekord past suv sathi deltadagi hosilga xavf solmoqda",
    "Delta suv boshqarmasi maʼlumotiga koʻra, Harun daryosining quyi oqimida suv sathi oʻlchovlar boshlangan 1961-yildan buyon eng past darajaga tushdi.",
  ],
  [
    "ku",
    "Asta ava çem a herî nizm dexla deltayê tehdît dike",
    "Li gorî rêveberiya avê ya deltayê, asta avê li beşa jêrîn a çemê Harûnê ji sala 1961ê ve, dema pîvandin dest pê kirin, daket asta herî nizm.",
  ],
  [
    "id",
    "Permukaan sungai terendah dalam sejarah mengancam panen di delta",
    "Permukaan air di hilir Sungai Harun turun ke titik terendah sejak pencatatan dimulai pada 1961, kata otoritas air delta.",
  ],
  [
    "vi",
    "Mực nước sông thấp kỷ lục đe dọa mùa màng ở vùng châu thổ",
    "Mực nước ở hạ lưu sông Harun đã xuống mức thấp nhất kể từ khi bắt đầu ghi nhận năm 1961, cơ quan quản lý nước của vùng châu thổ cho biết.",
  ],
  [
    "ha",
    "Ƙarancin ruwan kogi mafi muni ya yi barazana ga girbi a yankin delta",
    "Hukumar ruwa ta yankin ta ce matakin ruwan ƙasan kogin Harun ya faɗi zuwa mafi ƙanƙanta tun da aka fara aunawa a 1961.",
  ],
  [
    "sw",
    "Kina cha chini kabisa cha mto chatishia mavuno katika delta",
    "Kina cha maji katika sehemu ya chini ya Mto Harun kimeshuka hadi kiwango cha chini kabisa tangu vipimo vianze mwaka 1961, mamlaka ya maji ya delta imesema.",
  ],
  [
    "so",
    "Heerka biyaha webiga oo aad u hooseeya ayaa khatar ku ah goosashada deltada",
    "Heerka biyaha qaybta hoose ee webiga Harun ayaa gaadhay heerkii ugu hooseeyay tan iyo markii la bilaabay diiwaangelinta 1961, sida ay sheegtay hayʼadda biyaha deltada.",
  ],
  [
    "om",
    "Bishaan laga Harun baayʼee hirʼachuun midhaan deltaa yaaddessa",
    "Akka abbaa taayitaa bishaan deltaatti, sadarkaan bishaan laga Harun bara 1961 as isa gadi aanaa irra gaʼeera.",
  ],
  [
    "rw",
    "Igabanuka ry’amazi y’uruzi ribangamiye umusaruro mu gace ka delta",
    "Urwego rw’amazi mu gice cyo hasi cy’uruzi Harun rwageze ku rugero ruto cyane kuva ibipimo byatangira mu 1961, nk’uko ikigo gishinzwe amazi cyabitangaje.",
  ],
  [
    "rn",
    "Igabanuka ry’amazi y’uruzi ribangamiye umwimbu",
    "Urugero rw’amazi mu gice co hepfo c’uruzi Harun rwashitse ku rugero ruto cane kuva ibipimo vyatangura mu 1961, nk’uko ikigo kijejwe amazi cabitangaje.",
  ],
  [
    "sn",
    "Mwero wemvura murwizi wakaderera zvakanyanya unotyisidzira goho",
    "Mwero wemvura kuzasi kworwizi rwaHarun wadzikira pasi zvakanyanya kubva zvakatanga kuyerwa muna 1961, sekutaura kwesangano remvura.",
  ],
  [
    "nd",
    "Amanzi omfula ehle kakhulu asongela isivuno",
    "Izinga lamanzi engxenyeni engezansi yomfula uHarun lehle kakhulu selokhu kwaqalwa ukulinganisa ngo-1961, kutsho abaphathi bamanzi.",
  ],
  [
    "bm",
    "Baji ji dɔgɔyali bɛ sɛnɛfɛnw bali",
    "Harun baji ji dɔgɔyara ka se a dan na kabini jateminɛ daminɛna san 1961, ko delta ji ɲɛmɔgɔw.",
  ],
  [
    "ln",
    "Kokita ya mai ya ebale ekoki kobebisa bilanga",
    "Mai ya ebale Harun na ngámbo ya nsé ekiti kino na nsé mpenza banda bakómaki kotánga yango na 1961, bakonzi ya mai ya delta balobi.",
  ],
  [
    "ht",
    "Nivo dlo rivyè a pi ba pase tout tan, sa menase rekòt nan delta a",
    "Nivo dlo nan pati anba rivyè Harun nan desann pi ba pase tout tan depi yo te kòmanse mezire l an 1961, otorite dlo delta a di.",
  ],
  [
    "uk",
    "Рекордно низький рівень води в річці загрожує врожаю в дельті",
    "Рівень води в нижній течії Харуна опустився до найнижчої позначки відтоді, як почалися вимірювання у 1961 році, повідомило управління водних ресурсів дельти.",
  ],
  [
    "mk",
    "Рекордно нискиот водостој му се заканува на жетвата во делтата",
    "Водостојот во долниот тек на Харун падна на најниското ниво откако почнаа мерењата во 1961 година, соопшти управата за води на делтата.",
  ],
  [
    "hy",
    "Գետի ռեկորդային ցածր մակարդակը սպառնում է դելտայի բերքին",
    "Հարուն գետի ստորին հոսանքում ջրի մակարդակն իջել է մինչև 1961 թվականին չափումների սկսվելուց ի վեր ամենացածր կետը, հայտնել է դելտայի ջրային վարչությունը։",
  ],
  [
    "ka",
    "მდინარის რეკორდულად დაბალი დონე დელტაში მოსავალს საფრთხეს უქმნის",
    "დელტის წყლის სამსახურის ცნობით, მდინარე ჰარუნის ქვედა დინებაში წყლის დონე 1961 წლიდან, როცა გაზომვები დაიწყო, ყველაზე დაბალ ნიშნულამდე დაეცა.",
  ],
  [
    "fa-AF",
    "پایین‌ترین سطح آب دریا در تاریخ، حاصلات دلتا را تهدید می‌کند",
    "به گفتهٔ ادارهٔ آب دلتا، سطح آب در بخش پایینی دریای هارون به پایین‌ترین حد از آغاز اندازه‌گیری‌ها در سال ۱۹۶۱ رسیده است.",
  ],
  [
    "ps",
    "د سیند د اوبو بې‌ساري ټیټه کچه په ډیلټا کې حاصلات ګواښي",
    "د ډیلټا د اوبو ادارې په وینا، د هارون سیند په ښکته برخه کې د اوبو کچه په ۱۹۶۱ کال کې د اندازه‌ګیرۍ له پیل راهیسې ټیټې کچې ته رسېدلې ده.",
  ],
  [
    "ur",
    "دریا میں پانی کی ریکارڈ کم سطح سے ڈیلٹا میں فصلوں کو خطرہ",
    "ڈیلٹا کے آبی حکام کے مطابق دریائے ہارون کے زیریں حصے میں پانی کی سطح 1961 میں پیمائش شروع ہونے کے بعد سب سے کم ہو گئی ہے۔",
  ],
  [
    "ckb",
    "نزمبوونەوەی بێوێنەی ئاستی ئاوی ڕووبار مەترسی بۆ بەروبوومی دێلتا دروست دەکات",
    "بەپێی بەڕێوەبەرایەتیی ئاوی دێلتا، ئاستی ئاو لە بەشی خوارەوەی ڕووباری هارون گەیشتووەتە نزمترین ئاست لە ساڵی ١٩٦١ەوە کە پێوانەکردن دەستی پێکرد.",
  ],
  [
    "ti",
    "ብዘይ ቅድሚ ሕጂ ዝወረደ ደረጃ ማይ ሩባ ኣብ ደልታ ምህርቲ የፈራርሕ ኣሎ",
    "ከም ዝበሎ ምምሕዳር ማይ ደልታ፡ ደረጃ ማይ ኣብ ታሕተዋይ ክፋል ሩባ ሃሩን ካብ 1961 ዕቀና ምስ ተጀመረ ናብ ዝተሓተ ደረጃ ወሪዱ ኣሎ።",
  ],
  [
    "hi",
    "नदी का रिकॉर्ड निचला जलस्तर डेल्टा में फ़सल के लिए ख़तरा",
    "डेल्टा के जल प्राधिकरण ने कहा कि हारून नदी के निचले हिस्से में जलस्तर 1961 में माप शुरू होने के बाद से सबसे निचले स्तर पर पहुँच गया है।",
  ],
  [
    "bn",
    "নদীর পানির রেকর্ড নিম্নস্তর বদ্বীপে ফসলের জন্য হুমকি",
    "বদ্বীপের পানি কর্তৃপক্ষ জানিয়েছে, হারুন নদীর নিম্নাংশে পানির স্তর ১৯৬১ সালে পরিমাপ শুরুর পর সর্বনিম্নে নেমেছে।",
  ],
  [
    "ne",
    "नदीको रेकर्ड न्यून जलसतहले डेल्टाको बाली खतरामा",
    "डेल्टाको जल प्राधिकरणका अनुसार हारुन नदीको तल्लो भागमा जलसतह सन् १९६१ मा मापन सुरु भएयताकै सबैभन्दा तल पुगेको छ।",
  ],
  [
    "th",
    "ระดับน้ำในแม่น้ำต่ำเป็นประวัติการณ์ คุกคามผลผลิตในสามเหลี่ยมปากแม่น้ำ",
    "หน่วยงานจัดการน้ำระบุว่า ระดับน้ำในแม่น้ำฮารูนตอนล่างลดลงต่ำสุดนับตั้งแต่เริ่มบันทึกใน พ.ศ. 2504",
  ],
  [
    "lo",
    "ລະດັບນ້ຳໃນແມ່ນ້ຳຕ່ຳທີ່ສຸດເປັນປະຫວັດການ ຂົ່ມຂູ່ຜົນຜະລິດ",
    "ອົງການຄຸ້ມຄອງນ້ຳກ່າວວ່າ ລະດັບນ້ຳໃນແມ່ນ້ຳຮາຣູນຕອນລຸ່ມໄດ້ຫຼຸດລົງຕ່ຳທີ່ສຸດນັບແຕ່ເລີ່ມບັນທຶກໃນປີ 1961.",
  ],
  [
    "km",
    "កម្រិតទឹកទន្លេទាបបំផុតជាប្រវត្តិការណ៍គំរាមកំហែងដល់ផលដំណាំ",
    "អាជ្ញាធរទឹកបាននិយាយថា កម្រិតទឹកនៅផ្នែកខាងក្រោមនៃទន្លេហារូនបានធ្លាក់ចុះទាបបំផុត ចាប់តាំងពីការកត់ត្រាបានចាប់ផ្តើមនៅឆ្នាំ១៩៦១។",
  ],
  [
    "bo",
    "ཆུ་བོའི་ཆུ་ཚད་སྔོན་མ་བྱུང་བའི་དམའ་པོར་བབས་པས་ལོ་ཏོག་ལ་ཉེན་ཁ་ཡོད།",
    "ཆུ་དོ་དམ་ཁང་གིས་བཤད་དོན་ལྟར། ཧ་རུན་ཆུ་བོའི་སྨད་ཀྱི་ཆུ་ཚད་དེ་ ༡༩༦༡ ལོར་ཚད་འཇལ་འགོ་ཚུགས་ནས་བཟུང་ཆེས་དམའ་ཤོས་སུ་བབས་ཡོད།",
  ],
  [
    "zh-Hant",
    "河流水位創歷史新低 三角洲收成受威脅",
    "三角洲水務局表示，哈倫河下游水位降至1961年有紀錄以來的最低點。",
  ],
  [
    "yue",
    "河水水位創歷史新低 三角洲收成受威脅",
    "三角洲水務局話，哈倫河下游水位跌到1961年有紀錄以嚟最低。",
  ],
  [
    "ko",
    "강 수위 역대 최저… 삼각주 수확 위협",
    "삼각주 수자원 당국은 하룬강 하류의 수위가 1961년 관측을 시작한 이래 가장 낮은 수준으로 떨어졌다고 밝혔다.",
  ],
];

const riverReportStories: DemoStory[] = riverReports.map(([serviceId, headline, text]) => ({
  key: `river-${serviceId}`,
  serviceId,
  headline,
  standfirst: "",
  dateline: "",
  section: "world",
  topics: [],
  lead: null,
  body: [text],
  bylines: [],
  agencies: [],
  publishedHoursAgo: 25,
}));

export const moreStories: DemoStory[] = [...writtenStories, ...riverReportStories];
