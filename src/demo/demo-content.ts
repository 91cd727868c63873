import type { Agency, Desk, Person, Section, Topic } from "../domain/people/people-schema.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { StoryBlock } from "../domain/stories/story-body-schema.js";
import type { Byline } from "../domain/stories/story-schema.js";
import type { DemoImageSpec } from "./demo-images.js";
import {
  moreDesks,
  morePeople,
  moreSectionNames,
  moreStories,
  moreTopics,
} from "./demo-more-services.js";

/**
 * The demo newsroom's content: original writing about fictional places, modelled on the
 * structure of a wire-heavy international news page (breaking bar, update tag, captioned
 * photos, several reporters plus a desk card, agency credits, corrections).
 */

export const demoAgencies: Agency[] = [
  { code: "AFP", name: "AFP" },
  { code: "REUTERS", name: "Reuters" },
  { code: "AP", name: "AP" },
];

const sectionNames: Record<ServiceId, [string, string][]> = {
  ...moreSectionNames,
  en: [
    ["world", "World"],
    ["economy", "Economy"],
    ["science-health", "Science & Health"],
    ["culture", "Culture"],
  ],
  fa: [
    ["world", "جهان"],
    ["economy", "اقتصاد"],
    ["science-health", "علم و سلامت"],
  ],
  ru: [
    ["world", "В мире"],
    ["economy", "Экономика"],
    ["science-health", "Наука и здоровье"],
  ],
  "zh-Hans": [
    ["world", "国际"],
    ["economy", "经济"],
    ["science-health", "科学与健康"],
  ],
};

export const demoSections: Section[] = Object.entries(sectionNames).flatMap(([serviceId, list]) =>
  list.map(([slug, name], position) => ({
    serviceId: serviceId as ServiceId,
    slug,
    name,
    position,
  })),
);

export const demoTopics: Topic[] = [
  { serviceId: "en", slug: "humanitarian-aid", name: "Humanitarian aid" },
  { serviceId: "en", slug: "diplomacy", name: "Diplomacy" },
  { serviceId: "en", slug: "climate", name: "Climate" },
  { serviceId: "fa", slug: "humanitarian-aid", name: "کمک‌های بشردوستانه" },
  { serviceId: "fa", slug: "diplomacy", name: "دیپلماسی" },
  { serviceId: "ru", slug: "humanitarian-aid", name: "Гуманитарная помощь" },
  { serviceId: "ru", slug: "climate", name: "Климат" },
  { serviceId: "zh-Hans", slug: "humanitarian-aid", name: "人道援助" },
  { serviceId: "zh-Hans", slug: "climate", name: "气候" },
  ...moreTopics,
];

export const demoPeople: Person[] = [
  { id: "lena-okafor", serviceId: "en", name: "Lena Okafor", title: "Regional correspondent" },
  { id: "tomas-reyes", serviceId: "en", name: "Tomás Reyes", title: "Diplomatic reporter" },
  { id: "hana-sato", serviceId: "en", name: "Hana Sato", title: "Photographer" },
  { id: "nasrin-ahmadi", serviceId: "fa", name: "نسرین احمدی", title: "خبرنگار" },
  { id: "kaveh-rad", serviceId: "fa", name: "کاوه راد", title: "دبیر بخش جهان" },
  { id: "irina-volkova", serviceId: "ru", name: "Ирина Волкова", title: "Корреспондент" },
  { id: "li-wen", serviceId: "zh-Hans", name: "李文", title: "记者" },
  { id: "wang-fang", serviceId: "zh-Hans", name: "王芳", title: "编辑" },
  ...morePeople,
];

export const demoDesks: Desk[] = [
  {
    id: "meridian-news",
    serviceId: "en",
    name: "Meridian News",
    description:
      "Meridian News reports in more than 40 languages for an international audience. Stories with the Meridian News byline are the work of several of our journalists and may include information from news agencies.",
  },
  {
    id: "meridian-persian",
    serviceId: "fa",
    name: "مریدین فارسی",
    description:
      "مریدین فارسی بخش فارسی‌زبان شبکه خبری مریدین است. گزارش‌هایی که با نام این بخش منتشر می‌شوند کار چند روزنامه‌نگار ما هستند و ممکن است اطلاعاتی از خبرگزاری‌ها داشته باشند.",
  },
  {
    id: "meridian-russian",
    serviceId: "ru",
    name: "Меридиан",
    description:
      "Русская служба сети новостей «Меридиан». Материалы под этой подписью подготовлены несколькими нашими журналистами и могут содержать информацию информационных агентств.",
  },
  {
    id: "meridian-chinese",
    serviceId: "zh-Hans",
    name: "子午线新闻",
    description:
      "子午线新闻中文部为全球读者提供新闻。以本部名义发表的报道由多名记者共同完成，并可能包含通讯社的信息。",
  },
  ...moreDesks,
];

export const demoImages: Record<string, { spec: DemoImageSpec; credit: string; rights: string }> = {
  convoy: {
    spec: { sky: ["#f3d9a4", "#e7b877"], ground: "#c59a62", accent: "#f4f4f2", shapes: "convoy" },
    credit: "Hana Sato/Meridian News",
    rights: "Staff photo; may be used by Meridian News services.",
  },
  river: {
    spec: { sky: ["#9cc3e4", "#d7e9f5"], ground: "#6d8f5a", accent: "#3f76a8", shapes: "river" },
    credit: "Hana Sato/Meridian News",
    rights: "Staff photo; may be used by Meridian News services.",
  },
  city: {
    spec: { sky: ["#2c3e63", "#9a6b8f"], ground: "#333840", accent: "#5c6b80", shapes: "city" },
    credit: "Meridian News",
    rights: "Illustration generated for the demo newsroom.",
  },
  hall: {
    spec: { sky: ["#e9e4dc", "#d6cfc4"], ground: "#8c7b68", accent: "#b9ad9c", shapes: "hall" },
    credit: "Meridian News",
    rights: "Illustration generated for the demo newsroom.",
  },
};

interface DemoFigure {
  readonly image: keyof typeof demoImages;
  readonly caption: string;
  readonly alt: string;
}

export type DemoBlock =
  | string
  | { quote: string; speaker: string }
  | { heading: string }
  | { figure: DemoFigure };

export interface DemoStory {
  readonly key: string;
  readonly serviceId: ServiceId;
  readonly headline: string;
  readonly standfirst: string;
  readonly dateline: string;
  readonly section: string;
  readonly topics: string[];
  readonly lead: DemoFigure | null;
  readonly body: DemoBlock[];
  readonly bylines: Byline[];
  readonly agencies: string[];
  readonly publishedHoursAgo: number;
  readonly update?: { hoursAgo: number; note: string; addParagraph: string };
  readonly corrections?: string[];
}

export function toBlocks(
  blocks: readonly DemoBlock[],
  credits: (image: string) => string,
): StoryBlock[] {
  return blocks.map((block): StoryBlock => {
    if (typeof block === "string") return { type: "paragraph", content: [{ text: block }] };
    if ("quote" in block)
      return { type: "quote", content: [{ text: block.quote }], speaker: block.speaker };
    if ("heading" in block)
      return { type: "heading", level: 2, content: [{ text: block.heading }] };
    return {
      type: "figure",
      mediaId: block.figure.image,
      caption: block.figure.caption,
      credit: credits(block.figure.image),
      alt: block.figure.alt,
    };
  });
}

export const demoStories: DemoStory[] = [
  {
    key: "convoys",
    serviceId: "en",
    headline: "Aid Convoys Stall at Border as Port Talks Break Down",
    standfirst:
      "More than 200 trucks of food and medicine wait at the Tel Harun crossing after negotiators failed to agree on reopening the port of Kessara.",
    dateline: "KESSARA, Northern Province",
    section: "world",
    topics: ["humanitarian-aid", "diplomacy"],
    lead: {
      image: "convoy",
      caption:
        "Trucks carrying food and medical supplies wait at the Tel Harun crossing, Nov. 23, 2026.",
      alt: "A long line of white trucks parked nose to tail on a dusty road under a pale evening sky.",
    },
    body: [
      "Negotiations over reopening the port of Kessara collapsed late on Monday, leaving more than 200 aid trucks parked at the Tel Harun border crossing with no date for their release.",
      "The provincial council said in a statement that it would not accept any arrangement that left customs control with the port authority, calling the proposal “a door left open for smugglers.”",
      "Relief agencies say stocks of flour and insulin in the city's two main hospitals will run out within ten days if the convoys cannot move.",
      {
        quote: "Every day the trucks stand here, the shelves inside the city get emptier.",
        speaker: "Amira Haddad, logistics coordinator",
      },
      "The talks, hosted by a regional mediation group, had been expected to produce a 30-day trial reopening of the port's northern quay.",
      { heading: "Hospitals ration supplies" },
      "Doctors at Kessara General Hospital said they had postponed non-urgent operations and were asking families to bring bottled water for patients.",
      {
        figure: {
          image: "river",
          caption:
            "The Harun River, which marks the border, seen from the hills above the crossing, Nov. 22, 2026.",
          alt: "A wide blue river curving through green farmland, with low hills in the foreground.",
        },
      },
      "Mediators said they would return to the table on Thursday. “Nobody has walked away for good,” one official said, speaking on condition of anonymity because the talks are confidential.",
      "About 400,000 people live in Kessara and the surrounding district, according to the provincial statistics office.",
    ],
    bylines: [
      { kind: "person", personId: "lena-okafor", role: "author" },
      { kind: "person", personId: "tomas-reyes", role: "author" },
      { kind: "desk", deskId: "meridian-news" },
    ],
    agencies: ["AFP", "REUTERS"],
    publishedHoursAgo: 5,
    update: {
      hoursAgo: 1,
      note: "Adds the governor's statement that the first ten trucks may cross on Wednesday.",
      addParagraph:
        "Late on Tuesday the provincial governor said the first ten trucks, carrying medicine only, could cross on Wednesday morning under a separate inspection arrangement.",
    },
  },
  {
    key: "customs-plan",
    serviceId: "en",
    headline: "Mediators Propose Joint Customs Office to Break Port Deadlock",
    standfirst:
      "A draft plan would put provincial and port officials side by side at Kessara's northern quay for a 30-day trial.",
    dateline: "GENEVA",
    section: "world",
    topics: ["diplomacy"],
    lead: {
      image: "hall",
      caption: "The conference hall where the Kessara port talks are being held, Nov. 21, 2026.",
      alt: "A row of tall pale columns in front of a long stone facade.",
    },
    body: [
      "Mediators circulated a two-page proposal on Tuesday that would let provincial inspectors and port staff share one customs office for a trial month.",
      "Both delegations said they would study the text. Neither has accepted it.",
      {
        quote: "A shared office is not a surrender by either side. It is a desk with two chairs.",
        speaker: "a senior mediator",
      },
    ],
    bylines: [{ kind: "person", personId: "tomas-reyes", role: "author" }],
    agencies: ["REUTERS"],
    publishedHoursAgo: 9,
  },
  {
    key: "river-levels",
    serviceId: "en",
    headline: "Record Low River Levels Threaten Harvest Across the Delta",
    standfirst:
      "Farmers along the Harun delta say irrigation canals have run dry weeks earlier than in any year they can remember.",
    dateline: "SALIM, Northern Province",
    section: "science-health",
    topics: ["climate"],
    lead: {
      image: "river",
      caption: "Irrigation canals near Salim carry a fraction of their usual water, Nov. 20, 2026.",
      alt: "A narrow channel of water running through a broad, dry riverbed.",
    },
    body: [
      "Water levels on the lower Harun fell to their lowest point since records began in 1961, the delta's water authority said on Friday.",
      "Agronomists warn that the winter wheat crop, sown in the past three weeks, needs at least two more irrigation cycles before January.",
      { quote: "We are planting into dust and hoping.", speaker: "Yusuf Demir, farmer" },
    ],
    bylines: [
      { kind: "person", personId: "lena-okafor", role: "author" },
      { kind: "desk", deskId: "meridian-news" },
    ],
    agencies: ["AP"],
    publishedHoursAgo: 26,
    corrections: [
      "An earlier version of this story gave the wrong year for the start of water records. It is 1961, not 1966.",
    ],
  },
  {
    key: "city-budget",
    serviceId: "en",
    headline: "Capital's Transit Budget Doubles as Ridership Returns",
    standfirst:
      "City planners approved the largest transit budget in a decade after passenger numbers passed their 2019 level.",
    dateline: "NORTH HAVEN",
    section: "economy",
    topics: [],
    lead: {
      image: "city",
      caption: "The skyline of North Haven at dusk, Nov. 18, 2026.",
      alt: "Silhouettes of tall buildings against a purple evening sky.",
    },
    body: [
      "The city council voted 31 to 6 to double spending on buses and light rail over the next four years.",
      "Officials said weekday ridership had reached 1.2 million trips, slightly above the figure recorded before the pandemic.",
    ],
    bylines: [{ kind: "person", personId: "tomas-reyes", role: "author" }],
    agencies: [],
    publishedHoursAgo: 30,
  },
  {
    key: "museum",
    serviceId: "en",
    headline: "Restored Concert Hall Reopens After Twelve Years",
    standfirst:
      "The city's oldest concert hall welcomed its first audience since a fire closed it in 2014.",
    dateline: "NORTH HAVEN",
    section: "culture",
    topics: [],
    lead: {
      image: "hall",
      caption: "The restored colonnade of the Old Concert Hall, Nov. 15, 2026.",
      alt: "A row of pale stone columns supporting a long beam, seen from the front steps.",
    },
    body: [
      "More than 1,500 people filled the hall on Saturday for a program of folk songs from the region's eight languages.",
      "The restoration kept the original timber roof, rebuilt from drawings found in the city archive.",
    ],
    bylines: [
      { kind: "person", personId: "hana-sato", role: "photographer" },
      { kind: "desk", deskId: "meridian-news" },
    ],
    agencies: [],
    publishedHoursAgo: 50,
  },
  {
    key: "convoys-fa",
    serviceId: "fa",
    headline: "کاروان‌های کمک در مرز متوقف ماندند؛ مذاکرات بندر به بن‌بست رسید",
    standfirst:
      "بیش از ۲۰۰ کامیون حامل غذا و دارو پس از شکست مذاکرات بازگشایی بندر کسارا در گذرگاه تل‌هارون منتظر مانده‌اند.",
    dateline: "کسارا",
    section: "world",
    topics: ["humanitarian-aid", "diplomacy"],
    lead: {
      image: "convoy",
      caption: "کامیون‌های حامل غذا و دارو در گذرگاه تل‌هارون منتظر عبورند، ۲ آذر ۱۴۰۵.",
      alt: "صفی طولانی از کامیون‌های سفید در جاده‌ای خاکی زیر آسمان عصر.",
    },
    body: [
      "مذاکرات برای بازگشایی بندر کسارا دوشنبه شب بی‌نتیجه ماند و بیش از ۲۰۰ کامیون کمک‌رسانی بدون هیچ زمان مشخصی در گذرگاه مرزی تل‌هارون متوقف شدند.",
      "شورای استان در بیانیه‌ای اعلام کرد هیچ توافقی را که کنترل گمرک را به اداره بندر بسپارد نمی‌پذیرد.",
      {
        quote: "هر روز که کامیون‌ها اینجا می‌مانند، قفسه‌های داخل شهر خالی‌تر می‌شوند.",
        speaker: "امیره حداد، هماهنگ‌کننده تدارکات",
      },
      "به گفته سازمان‌های امدادی، ذخیره آرد و انسولین دو بیمارستان اصلی شهر ظرف ده روز تمام می‌شود.",
    ],
    bylines: [
      { kind: "person", personId: "nasrin-ahmadi", role: "author" },
      { kind: "person", personId: "kaveh-rad", role: "contributor" },
      { kind: "desk", deskId: "meridian-persian" },
    ],
    agencies: ["AFP", "REUTERS"],
    publishedHoursAgo: 4,
    update: {
      hoursAgo: 1,
      note: "بیانیه استاندار درباره عبور ده کامیون نخست افزوده شد.",
      addParagraph:
        "استاندار سه‌شنبه شب گفت ده کامیون نخست که فقط دارو حمل می‌کنند می‌توانند صبح چهارشنبه از مرز عبور کنند.",
    },
  },
  {
    key: "river-fa",
    serviceId: "fa",
    headline: "کاهش بی‌سابقه آب رودخانه برداشت محصول را تهدید می‌کند",
    standfirst: "کشاورزان دلتای هارون می‌گویند کانال‌های آبیاری زودتر از هر سال دیگری خشک شده‌اند.",
    dateline: "سلیم",
    section: "science-health",
    topics: [],
    lead: null,
    body: [
      "سطح آب رودخانه هارون به پایین‌ترین حد از سال ۱۹۶۱ رسیده است.",
      "کارشناسان می‌گویند گندم زمستانه پیش از دی‌ماه دست‌کم به دو نوبت آبیاری دیگر نیاز دارد.",
    ],
    bylines: [{ kind: "person", personId: "nasrin-ahmadi", role: "author" }],
    agencies: ["AP"],
    publishedHoursAgo: 20,
  },
  {
    key: "convoys-ru",
    serviceId: "ru",
    headline: "Гуманитарные конвои застряли на границе после срыва переговоров о порте",
    standfirst: "Более 200 грузовиков с продовольствием и лекарствами ждут на переходе Тель-Харун.",
    dateline: "КЕССАРА",
    section: "world",
    topics: ["humanitarian-aid"],
    lead: {
      image: "convoy",
      caption:
        "Грузовики с продовольствием и медикаментами на переходе Тель-Харун, 23 ноября 2026 года.",
      alt: "Длинная колонна белых грузовиков на пыльной дороге под бледным вечерним небом.",
    },
    body: [
      "Переговоры о возобновлении работы порта Кессара завершились в понедельник вечером без результата.",
      "По словам гуманитарных организаций, запасы муки и инсулина в двух главных больницах города закончатся в течение десяти дней.",
      {
        quote: "Каждый день, пока грузовики стоят здесь, полки в городе пустеют.",
        speaker: "Амира Хаддад, координатор логистики",
      },
    ],
    bylines: [
      { kind: "person", personId: "irina-volkova", role: "author" },
      { kind: "desk", deskId: "meridian-russian" },
    ],
    agencies: ["AFP"],
    publishedHoursAgo: 4,
  },
  {
    key: "river-ru",
    serviceId: "ru",
    headline: "Рекордно низкий уровень реки угрожает урожаю в дельте",
    standfirst:
      "Фермеры в дельте Харуна говорят, что оросительные каналы пересохли раньше, чем когда-либо.",
    dateline: "САЛИМ",
    section: "science-health",
    topics: ["climate"],
    lead: null,
    body: ["Уровень воды в нижнем течении Харуна опустился до самой низкой отметки с 1961 года."],
    bylines: [{ kind: "person", personId: "irina-volkova", role: "author" }],
    agencies: [],
    publishedHoursAgo: 22,
  },
  {
    key: "convoys-zh",
    serviceId: "zh-Hans",
    headline: "港口谈判破裂 援助车队滞留边境",
    standfirst: "超过200辆满载食品和药品的卡车在泰尔哈伦口岸等待通行。",
    dateline: "凯萨拉",
    section: "world",
    topics: ["humanitarian-aid"],
    lead: {
      image: "convoy",
      caption: "2026年11月23日，运送食品和医疗物资的卡车在泰尔哈伦口岸等候。",
      alt: "一长列白色卡车停在傍晚淡色天空下的土路上。",
    },
    body: [
      "关于重新开放凯萨拉港的谈判于周一晚间破裂，200多辆援助卡车滞留在泰尔哈伦边境口岸，放行时间仍不确定。",
      "救援机构表示，如果车队无法通行，该市两家主要医院的面粉和胰岛素库存将在十天内耗尽。",
      { quote: "卡车在这里多停一天，城里的货架就空一分。", speaker: "阿米拉·哈达德，物流协调员" },
    ],
    bylines: [
      { kind: "person", personId: "li-wen", role: "author" },
      { kind: "person", personId: "wang-fang", role: "contributor" },
      { kind: "desk", deskId: "meridian-chinese" },
    ],
    agencies: ["REUTERS"],
    publishedHoursAgo: 3,
  },
  {
    key: "river-zh",
    serviceId: "zh-Hans",
    headline: "河流水位创历史新低 三角洲收成受威胁",
    standfirst: "哈伦河三角洲的农民说，灌溉渠比往年任何时候都更早干涸。",
    dateline: "萨利姆",
    section: "science-health",
    topics: ["climate"],
    lead: null,
    body: ["哈伦河下游水位降至1961年有记录以来的最低点。"],
    bylines: [{ kind: "person", personId: "li-wen", role: "author" }],
    agencies: [],
    publishedHoursAgo: 24,
  },
  ...moreStories,
];

export const demoBanners: { serviceId: ServiceId; text: string; storyKey: string }[] = [
  {
    serviceId: "en",
    text: "First medical trucks cleared to cross at Tel Harun, governor says",
    storyKey: "convoys",
  },
  {
    serviceId: "fa",
    text: "استاندار: نخستین کامیون‌های دارو اجازه عبور از تل‌هارون را گرفتند",
    storyKey: "convoys-fa",
  },
];
