import type { ServiceId } from "../domain/services/service-registry.js";

/**
 * The demo newsroom's live page (issue 15): flash floods along the Meridian river in the
 * fictional Northern Province, told in English and, as its counterpart in the same story
 * family, in Persian. Written for the demo; every place and person is invented.
 */

/** One post: minutes after the page went live, and what it says. */
interface DemoLivePost {
  readonly minutes: number;
  readonly title: string | null;
  readonly paragraphs: readonly string[];
  readonly keyEvent?: boolean;
  readonly pinned?: boolean;
  /** A photo from the demo library (`demoImages`), shown after the text. */
  readonly figure?: {
    readonly image: "river" | "convoy";
    readonly caption: string;
    readonly alt: string;
  };
  readonly byline?: string;
  /** A demo story (`demoStories` key) embedded after the text, as a link card. */
  readonly embed?: string;
}

export interface DemoLivePage {
  readonly serviceId: ServiceId;
  readonly headline: string;
  readonly standfirst: string;
  readonly dateline: string;
  readonly section: string;
  readonly topics: string[];
  readonly summary: readonly string[];
  readonly bylinePersonId: string;
  readonly keyPoints: string[];
  readonly posts: readonly DemoLivePost[];
}

/** The page went live this long before the seed's "now"; its posts run until minutes ago. */
export const demoLiveStartedHoursAgo = 6;

export const demoLiveEnglish: DemoLivePage = {
  serviceId: "en",
  headline: "Live: Flash floods along the Meridian river",
  standfirst:
    "The river burst its banks overnight above Kessara. Follow evacuations, rescues and the forecast as they happen.",
  dateline: "KESSARA, Northern Province",
  section: "science-health",
  topics: ["climate"],
  summary: [
    "Heavy rain over the Dunmere hills sent a surge down the Meridian river overnight. Low-lying districts of Kessara and the villages of Sorrel Ford and Halvik are flooded; the provincial authorities have opened shelters and closed the river road.",
  ],
  bylinePersonId: "lena-okafor",
  keyPoints: [
    "The Meridian river rose 3.4 metres in six hours above Kessara",
    "About 9,000 people have left low-lying districts; 14 shelters are open",
    "The river road and the old Halvik bridge are closed",
    "Forecasters expect the crest in Kessara after midnight",
  ],
  posts: [
    {
      minutes: 0,
      title: "River bursts its banks above Kessara",
      paragraphs: [
        "The Meridian river has overtopped the embankment at Sorrel Ford, about 20 km upstream of Kessara, after a night of torrential rain over the Dunmere hills. Water is running across farmland towards the main road.",
      ],
      keyEvent: true,
    },
    {
      minutes: 9,
      title: null,
      paragraphs: [
        "Residents of Sorrel Ford describe water reaching the ground floors of houses on the lower street within half an hour. Several families have moved to the village school on higher ground.",
      ],
      byline: "lena-okafor",
    },
    {
      minutes: 17,
      title: "Provincial emergency committee meets",
      paragraphs: [
        "The provincial governor's office says its emergency committee is in session and that rescue teams from Kessara have been sent upstream with boats.",
      ],
    },
    {
      minutes: 26,
      title: "Where to find help",
      paragraphs: [
        "Shelters are open at the Kessara sports hall, the teachers' college on Hill Street and the Halvik mosque. The emergency line is 112; the provincial flood line is 1420.",
        "If water is rising around you, move to an upper floor, switch off electricity at the mains if it is safe to do so, and do not walk or drive through moving water.",
      ],
      pinned: true,
    },
    {
      minutes: 34,
      title: null,
      paragraphs: [
        "The river gauge at Kessara's Old Bridge reads 5.1 metres, up from 1.7 metres at midnight, according to the provincial water authority's public data.",
      ],
    },
    {
      minutes: 45,
      title: "Evacuation ordered for riverside districts",
      paragraphs: [
        "The city of Kessara has ordered residents of the Mill Quarter, Lower Harbour Street and the Canal Estate to leave their homes by 9 a.m. Buses are collecting people at the tram depot.",
      ],
      keyEvent: true,
    },
    {
      minutes: 58,
      title: null,
      paragraphs: [
        "Our photographer Hana Sato is at the Canal Estate, where the water is ankle-deep on the streets nearest the river and rising.",
      ],
      figure: {
        image: "river",
        caption: "The Meridian river spreading over fields outside Kessara on Saturday morning.",
        alt: "A wide brown river overflowing its banks across green fields under a pale sky.",
      },
      byline: "hana-sato",
    },
    {
      minutes: 66,
      title: null,
      paragraphs: [
        "Schools across the Northern Province will stay closed today and on Monday, the education department says.",
      ],
    },
    {
      minutes: 77,
      title: "River road and Halvik bridge closed",
      paragraphs: [
        "Police have closed the river road between Kessara and Sorrel Ford and the old stone bridge at Halvik, where water is close to the arches. Drivers are being sent over the Dunmere pass instead, which adds about 40 minutes.",
      ],
      keyEvent: true,
    },
    {
      minutes: 89,
      title: null,
      paragraphs: [
        "A boat crew has taken eleven people, among them four children, from the roofs of two farmhouses near Sorrel Ford, the fire brigade says. Nobody was hurt.",
      ],
      byline: "tomas-reyes",
    },
    {
      minutes: 101,
      title: "'It came faster than in 2019'",
      paragraphs: [
        'At the sports hall, Mirela Aston, 67, said she had lived through the floods of 2019. "Then we had a day to prepare. This time the water was at the door before the sirens stopped," she said.',
      ],
    },
    {
      minutes: 114,
      title: null,
      paragraphs: [
        "The power company says about 6,000 homes in the Mill Quarter and Halvik are without electricity after it switched off substations that were at risk of flooding.",
      ],
    },
    {
      minutes: 121,
      title: "From drought to flood",
      paragraphs: [
        "Farmers downstream are watching with mixed feelings: until this week they feared the opposite, with the same river at its lowest in memory and their canals dry. Our report from the delta:",
      ],
      embed: "river-levels",
    },
    {
      minutes: 128,
      title: "Forecast: more rain this afternoon",
      paragraphs: [
        "The national weather service has raised its warning for the Dunmere hills to red and expects another 40 to 60 mm of rain before evening. It says the river could crest in Kessara after midnight.",
      ],
      keyEvent: true,
    },
    {
      minutes: 141,
      title: null,
      paragraphs: [
        "Volunteers are filling sandbags outside the town hall. The city says 30,000 bags have been handed out since dawn and asks residents not to take more than they need.",
      ],
    },
    {
      minutes: 153,
      title: null,
      paragraphs: [
        "Trains between Kessara and the coast are suspended after water covered the tracks near Halvik station, the railway operator says. Replacement buses are running over the Dunmere pass.",
      ],
    },
    {
      minutes: 166,
      title: "Army engineers deployed",
      paragraphs: [
        "The defence ministry says two companies of army engineers are on their way to reinforce the embankment below Kessara's Old Bridge, the most vulnerable point of the city's flood defences.",
      ],
      keyEvent: true,
    },
    {
      minutes: 180,
      title: null,
      paragraphs: [
        "Aid lorries that were waiting at the Tel Harun crossing have been redirected to Kessara with drinking water and blankets, the regional Red Crescent says.",
      ],
      figure: {
        image: "convoy",
        caption: "Lorries carrying drinking water leave Tel Harun for Kessara.",
        alt: "A line of white lorries on a dusty road under a warm, hazy sky.",
      },
      byline: "hana-sato",
    },
    {
      minutes: 196,
      title: null,
      paragraphs: [
        "The number of people in shelters has risen to about 9,000, the city's social services department says. Fourteen shelters are now open; the teachers' college is full.",
      ],
    },
    {
      minutes: 209,
      title: "Two people missing",
      paragraphs: [
        "Police say two men whose car was seen entering the flooded road near Sorrel Ford in the early hours are missing. Divers and a helicopter are searching the area.",
      ],
      keyEvent: true,
    },
    {
      minutes: 224,
      title: null,
      paragraphs: [
        "Hospitals in Kessara have postponed planned operations to keep beds free. The provincial health department says the main hospital on the hill is not at risk.",
      ],
    },
    {
      minutes: 238,
      title: null,
      paragraphs: [
        "A reader in the Canal Estate, Idris Faulk, sent us word that the water on his street has stopped rising for the first time since the morning. The river gauge at the Old Bridge shows 5.6 metres, unchanged in the last hour.",
      ],
    },
    {
      minutes: 252,
      title: "Governor visits the embankment",
      paragraphs: [
        'Governor Adaeze Ilori walked the embankment below the Old Bridge with the army engineers. "The defences are holding, and we will keep everyone who has left their homes safe and fed for as long as it takes," she said.',
      ],
    },
    {
      minutes: 268,
      title: null,
      paragraphs: [
        "The water authority asks residents of the Mill Quarter to boil tap water before drinking it until further notice, because a pumping station was flooded.",
      ],
    },
    {
      minutes: 284,
      title: null,
      paragraphs: [
        "Rain has started again over Kessara. The weather service says the heaviest showers are expected between 6 p.m. and 10 p.m.",
      ],
    },
    {
      minutes: 301,
      title: "Halvik bridge damaged",
      paragraphs: [
        "Engineers say part of the parapet of the old Halvik bridge was carried away by debris. The bridge will stay closed until it has been inspected.",
      ],
    },
    {
      minutes: 318,
      title: null,
      paragraphs: [
        "Mobile networks have added capacity around the shelters after complaints that calls were not getting through, the telecoms regulator says.",
      ],
    },
    {
      minutes: 335,
      title: "What we know so far",
      paragraphs: [
        "The river rose 3.4 metres in six hours above Kessara; about 9,000 people are in shelters; two men are missing near Sorrel Ford; the river road, the Halvik bridge and the coastal railway are closed. The crest is expected after midnight.",
      ],
    },
  ],
};

export const demoLivePersian: DemoLivePage = {
  serviceId: "fa",
  headline: "زنده: سیلاب ناگهانی در امتداد رود مریدین",
  standfirst:
    "رود مریدین شب گذشته در بالادست کسارا از بستر خود بیرون زد. تخلیه‌ها، عملیات نجات و پیش‌بینی هوا را لحظه‌به‌لحظه دنبال کنید.",
  dateline: "کسارا، استان شمالی",
  section: "science-health",
  topics: ["humanitarian-aid"],
  summary: [
    "بارش شدید باران بر تپه‌های دانمیر شب گذشته موجی از آب را به رود مریدین فرستاد. محله‌های کم‌ارتفاع کسارا و روستاهای سورل‌فورد و هالویک زیر آب رفته‌اند؛ مقام‌های استان پناهگاه‌ها را باز کرده و جادهٔ کنار رود را بسته‌اند.",
  ],
  bylinePersonId: "nasrin-ahmadi",
  keyPoints: [
    "سطح رود مریدین در بالادست کسارا در شش ساعت ۳٫۴ متر بالا آمد",
    "حدود ۹ هزار نفر محله‌های کم‌ارتفاع را ترک کرده‌اند؛ ۱۴ پناهگاه باز است",
    "جادهٔ کنار رود و پل قدیمی هالویک بسته شده‌اند",
    "پیش‌بینی می‌شود اوج سیلاب پس از نیمه‌شب به کسارا برسد",
  ],
  posts: [
    {
      minutes: 0,
      title: "رود در بالادست کسارا طغیان کرد",
      paragraphs: [
        "پس از یک شب باران سیل‌آسا بر تپه‌های دانمیر، آب رود مریدین از روی خاکریز سورل‌فورد، حدود ۲۰ کیلومتری بالادست کسارا، سرریز کرده است. آب از میان زمین‌های کشاورزی به سوی جادهٔ اصلی روان است.",
      ],
      keyEvent: true,
    },
    {
      minutes: 9,
      title: null,
      paragraphs: [
        "ساکنان سورل‌فورد می‌گویند آب در کمتر از نیم ساعت به طبقهٔ همکف خانه‌های کوچهٔ پایینی رسید. چند خانواده به مدرسهٔ روستا که روی زمین بلندتر است رفته‌اند.",
      ],
      byline: "nasrin-ahmadi",
    },
    {
      minutes: 17,
      title: "کمیتهٔ اضطراری استان تشکیل جلسه داد",
      paragraphs: [
        "دفتر استاندار می‌گوید کمیتهٔ اضطراری در حال جلسه است و گروه‌های نجات با قایق از کسارا به بالادست اعزام شده‌اند.",
      ],
    },
    {
      minutes: 26,
      title: "کجا می‌توان کمک گرفت",
      paragraphs: [
        "پناهگاه‌ها در سالن ورزشی کسارا، دانشسرای خیابان تپه و مسجد هالویک باز هستند. شمارهٔ اورژانس ۱۱۲ و خط ویژهٔ سیلاب استان ۱۴۲۰ است.",
        "اگر آب در اطراف شما بالا می‌آید، به طبقهٔ بالا بروید، در صورت امکان برق را از کلید اصلی قطع کنید و از میان آب روان پیاده یا با خودرو عبور نکنید.",
      ],
      pinned: true,
    },
    {
      minutes: 34,
      title: null,
      paragraphs: [
        "بر پایهٔ داده‌های عمومی سازمان آب استان، سنجهٔ رود در پل قدیمی کسارا ۵٫۱ متر را نشان می‌دهد؛ این رقم نیمه‌شب ۱٫۷ متر بود.",
      ],
    },
    {
      minutes: 45,
      title: "دستور تخلیهٔ محله‌های کنار رود",
      paragraphs: [
        "شهرداری کسارا به ساکنان محلهٔ آسیاب، خیابان بندر پایین و شهرک کانال دستور داده تا ساعت ۹ صبح خانه‌هایشان را ترک کنند. اتوبوس‌ها در پایانهٔ تراموا مردم را سوار می‌کنند.",
      ],
      keyEvent: true,
    },
    {
      minutes: 58,
      title: null,
      paragraphs: [
        "هانا ساتو، عکاس ما، در شهرک کانال است؛ آنجا آب در خیابان‌های نزدیک رود تا قوزک پا رسیده و همچنان بالا می‌آید.",
      ],
      figure: {
        image: "river",
        caption: "گسترش آب رود مریدین بر کشتزارهای بیرون کسارا، صبح شنبه.",
        alt: "رودی پهن و گل‌آلود که از بستر خود بیرون زده و کشتزارهای سبز را زیر آسمانی کم‌رنگ پوشانده است.",
      },
    },
    {
      minutes: 66,
      title: null,
      paragraphs: [
        "ادارهٔ آموزش و پرورش می‌گوید مدرسه‌های سراسر استان شمالی امروز و دوشنبه تعطیل خواهند بود.",
      ],
    },
    {
      minutes: 77,
      title: "جادهٔ کنار رود و پل هالویک بسته شد",
      paragraphs: [
        "پلیس جادهٔ کنار رود میان کسارا و سورل‌فورد و پل سنگی قدیمی هالویک را که آب به طاق‌هایش نزدیک شده، بسته است. رانندگان به گردنهٔ دانمیر هدایت می‌شوند که حدود ۴۰ دقیقه راه را طولانی‌تر می‌کند.",
      ],
      keyEvent: true,
    },
    {
      minutes: 89,
      title: null,
      paragraphs: [
        "آتش‌نشانی می‌گوید یک گروه قایق‌ران یازده نفر، از جمله چهار کودک، را از بام دو خانهٔ روستایی نزدیک سورل‌فورد نجات داده است. کسی آسیب ندیده است.",
      ],
      byline: "kaveh-rad",
    },
    {
      minutes: 101,
      title: "«این بار تندتر از ۲۰۱۹ آمد»",
      paragraphs: [
        "میرلا استون ۶۷ ساله در سالن ورزشی گفت سیل سال ۲۰۱۹ را هم دیده است: «آن موقع یک روز وقت داشتیم آماده شویم. این بار هنوز صدای آژیر قطع نشده بود که آب پشت در رسید.»",
      ],
    },
    {
      minutes: 114,
      title: null,
      paragraphs: [
        "شرکت برق می‌گوید پس از قطع پست‌هایی که در خطر آب‌گرفتگی بودند، حدود ۶ هزار خانه در محلهٔ آسیاب و هالویک بی‌برق مانده‌اند.",
      ],
    },
    {
      minutes: 128,
      title: "پیش‌بینی: باران بیشتر در بعدازظهر",
      paragraphs: [
        "سازمان هواشناسی هشدار خود برای تپه‌های دانمیر را به سطح قرمز رسانده و پیش‌بینی می‌کند تا عصر ۴۰ تا ۶۰ میلی‌متر باران دیگر ببارد. به گفتهٔ این سازمان، اوج سیلاب ممکن است پس از نیمه‌شب به کسارا برسد.",
      ],
      keyEvent: true,
    },
    {
      minutes: 141,
      title: null,
      paragraphs: [
        "داوطلبان جلوی ساختمان شهرداری کیسه‌های شن پر می‌کنند. شهرداری می‌گوید از سحر ۳۰ هزار کیسه توزیع شده و از مردم می‌خواهد بیش از نیازشان برندارند.",
      ],
    },
    {
      minutes: 153,
      title: null,
      paragraphs: [
        "شرکت راه‌آهن می‌گوید قطارهای کسارا به ساحل متوقف شده‌اند، چون آب ریل‌ها را نزدیک ایستگاه هالویک پوشانده است. اتوبوس‌های جایگزین از گردنهٔ دانمیر حرکت می‌کنند.",
      ],
    },
    {
      minutes: 166,
      title: "مهندسان ارتش اعزام شدند",
      paragraphs: [
        "وزارت دفاع می‌گوید دو گروهان از مهندسان ارتش برای تقویت خاکریز پایین پل قدیمی کسارا، آسیب‌پذیرترین نقطهٔ سدهای سیل‌بند شهر، در راه‌اند.",
      ],
      keyEvent: true,
    },
    {
      minutes: 180,
      title: null,
      paragraphs: [
        "هلال احمر منطقه می‌گوید کامیون‌های کمکی که در گذرگاه تل‌هارون منتظر بودند، با آب آشامیدنی و پتو به سوی کسارا تغییر مسیر داده‌اند.",
      ],
      figure: {
        image: "convoy",
        caption: "کامیون‌های حامل آب آشامیدنی تل‌هارون را به مقصد کسارا ترک می‌کنند.",
        alt: "صفی از کامیون‌های سفید در جاده‌ای خاکی زیر آسمانی گرم و مه‌آلود.",
      },
    },
    {
      minutes: 196,
      title: null,
      paragraphs: [
        "ادارهٔ خدمات اجتماعی شهر می‌گوید شمار افراد در پناهگاه‌ها به حدود ۹ هزار نفر رسیده است. اکنون چهارده پناهگاه باز است و دانشسرا پر شده است.",
      ],
    },
    {
      minutes: 209,
      title: "دو نفر ناپدید شده‌اند",
      paragraphs: [
        "پلیس می‌گوید دو مرد که خودرویشان ساعات اولیهٔ بامداد در حال ورود به جادهٔ آب‌گرفته نزدیک سورل‌فورد دیده شد، ناپدید شده‌اند. غواصان و یک بالگرد منطقه را جست‌وجو می‌کنند.",
      ],
      keyEvent: true,
    },
    {
      minutes: 224,
      title: null,
      paragraphs: [
        "بیمارستان‌های کسارا جراحی‌های برنامه‌ریزی‌شده را به تعویق انداخته‌اند تا تخت خالی داشته باشند. ادارهٔ بهداشت استان می‌گوید بیمارستان اصلی روی تپه در خطر نیست.",
      ],
    },
    {
      minutes: 238,
      title: null,
      paragraphs: [
        "ادریس فالک، یکی از خوانندگان ما در شهرک کانال، خبر داد که آب در خیابانش برای نخستین بار از صبح دیگر بالا نمی‌آید. سنجهٔ پل قدیمی ۵٫۶ متر را نشان می‌دهد که در یک ساعت گذشته تغییری نکرده است.",
      ],
    },
    {
      minutes: 252,
      title: "استاندار از خاکریز بازدید کرد",
      paragraphs: [
        "استاندار آدائزه ایلوری همراه مهندسان ارتش در امتداد خاکریز پایین پل قدیمی قدم زد و گفت: «سیل‌بندها مقاومت می‌کنند و ما تا هر زمان که لازم باشد از همهٔ کسانی که خانه‌شان را ترک کرده‌اند نگهداری می‌کنیم.»",
      ],
    },
    {
      minutes: 268,
      title: null,
      paragraphs: [
        "سازمان آب از ساکنان محلهٔ آسیاب می‌خواهد تا اطلاع بعدی آب لوله‌کشی را پیش از نوشیدن بجوشانند، چون یک ایستگاه پمپاژ زیر آب رفته است.",
      ],
    },
    {
      minutes: 284,
      title: null,
      paragraphs: [
        "بارش باران بر کسارا دوباره آغاز شده است. هواشناسی می‌گوید شدیدترین رگبارها میان ساعت ۶ تا ۱۰ شب انتظار می‌رود.",
      ],
    },
    {
      minutes: 301,
      title: "پل هالویک آسیب دید",
      paragraphs: [
        "مهندسان می‌گویند بخشی از جان‌پناه پل قدیمی هالویک را آوار شسته و برده است. پل تا پایان بازرسی بسته می‌ماند.",
      ],
    },
    {
      minutes: 318,
      title: null,
      paragraphs: [
        "نهاد تنظیم مقررات مخابرات می‌گوید پس از شکایت‌ها از برقرار نشدن تماس‌ها، ظرفیت شبکه‌های همراه در اطراف پناهگاه‌ها افزایش یافته است.",
      ],
    },
    {
      minutes: 335,
      title: "آنچه تاکنون می‌دانیم",
      paragraphs: [
        "سطح رود در بالادست کسارا در شش ساعت ۳٫۴ متر بالا آمد؛ حدود ۹ هزار نفر در پناهگاه‌ها هستند؛ دو مرد نزدیک سورل‌فورد ناپدید شده‌اند؛ جادهٔ کنار رود، پل هالویک و راه‌آهن ساحلی بسته‌اند. اوج سیلاب پس از نیمه‌شب انتظار می‌رود.",
      ],
    },
  ],
};
