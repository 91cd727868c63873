import type { LocaleTag } from "../../i18n/locale-registry.js";

/**
 * Language services. A service is an editorial unit (its own desk, home page, feeds)
 * publishing in one language; its locale facts (direction, digits, calendar, fonts) come
 * from the locale registry. The registry is a closed union keyed by BCP 47 tags, so a
 * service without config does not compile.
 *
 * One service may be served in several scripts (Serbian: Latin and Cyrillic). Stories are
 * stored once, in the service's `sourceLocale`; every other script is a deterministic
 * transliteration served under its own URL prefix (ADR 0005).
 */
export const serviceIds = [
  "en",
  "fr",
  "es",
  "pt",
  "sq",
  "bs",
  "tr",
  "az",
  "uz",
  "ku",
  "id",
  "vi",
  "ha",
  "sw",
  "so",
  "om",
  "rw",
  "rn",
  "sn",
  "nd",
  "bm",
  "ln",
  "ht",
  "ru",
  "uk",
  "mk",
  "sr",
  "hy",
  "ka",
  "fa",
  "fa-AF",
  "ps",
  "ur",
  "ar",
  "ckb",
  "am",
  "ti",
  "hi",
  "bn",
  "ne",
  "th",
  "lo",
  "km",
  "my",
  "bo",
  "zh-Hans",
  "zh-Hant",
  "yue",
  "ko",
] as const;
export type ServiceId = (typeof serviceIds)[number];

/** One way a service is presented to readers: a script variant at its own URL prefix. */
export interface ServiceConfig {
  readonly id: ServiceId;
  /** The BCP 47 tag of the pages served under `urlPrefix` (`<html lang>`). */
  readonly locale: LocaleTag;
  /**
   * The BCP 47 tag stories in this service are written and stored in. Equal to `locale`
   * except for script variants, whose text is transliterated from it when served.
   */
  readonly sourceLocale: LocaleTag;
  /** The service's name in its own language and script, e.g. "مریدین فارسی". */
  readonly name: string;
  /** First path segment of every URL in this variant: readable and stable. */
  readonly urlPrefix: string;
  /** IANA time zone in which reader-facing times are shown: the main audience's. */
  readonly timeZone: string;
}

/** The default presentation of a service, plus any other script variants. */
export interface ServiceDefinition extends ServiceConfig {
  readonly scriptVariants: readonly Omit<ServiceConfig, "id" | "sourceLocale" | "timeZone">[];
}

type Definition = Omit<ServiceDefinition, "id" | "sourceLocale" | "scriptVariants"> &
  Partial<Pick<ServiceDefinition, "sourceLocale" | "scriptVariants">>;

const definitions: { readonly [K in ServiceId]: Definition } = {
  en: { locale: "en", name: "Meridian News", urlPrefix: "english", timeZone: "UTC" },
  fr: { locale: "fr", name: "Meridian Afrique", urlPrefix: "french", timeZone: "Africa/Dakar" },
  es: {
    locale: "es",
    name: "Meridian Mundo",
    urlPrefix: "spanish",
    timeZone: "America/Mexico_City",
  },
  pt: {
    locale: "pt",
    name: "Meridian Brasil",
    urlPrefix: "portuguese",
    timeZone: "America/Sao_Paulo",
  },
  sq: { locale: "sq", name: "Meridian Shqip", urlPrefix: "albanian", timeZone: "Europe/Tirane" },
  bs: {
    locale: "bs",
    name: "Meridian na bosanskom",
    urlPrefix: "bosnian",
    timeZone: "Europe/Sarajevo",
  },
  tr: { locale: "tr", name: "Meridian Türkçe", urlPrefix: "turkish", timeZone: "Europe/Istanbul" },
  az: { locale: "az", name: "Meridian Azərbaycan", urlPrefix: "azeri", timeZone: "Asia/Baku" },
  uz: { locale: "uz-Latn", name: "Meridian Oʻzbek", urlPrefix: "uzbek", timeZone: "Asia/Tashkent" },
  ku: {
    locale: "ku",
    name: "Meridian Kurmancî",
    urlPrefix: "kurmanji",
    timeZone: "Europe/Istanbul",
  },
  id: {
    locale: "id",
    name: "Meridian Indonesia",
    urlPrefix: "indonesian",
    timeZone: "Asia/Jakarta",
  },
  vi: {
    locale: "vi",
    name: "Meridian Tiếng Việt",
    urlPrefix: "vietnamese",
    timeZone: "Asia/Ho_Chi_Minh",
  },
  ha: { locale: "ha", name: "Meridian Hausa", urlPrefix: "hausa", timeZone: "Africa/Lagos" },
  sw: { locale: "sw", name: "Meridian Swahili", urlPrefix: "swahili", timeZone: "Africa/Nairobi" },
  so: {
    locale: "so",
    name: "Meridian Somali",
    urlPrefix: "somali",
    timeZone: "Africa/Mogadishu",
  },
  om: {
    locale: "om",
    name: "Meridian Afaan Oromoo",
    urlPrefix: "afaan-oromoo",
    timeZone: "Africa/Addis_Ababa",
  },
  rw: {
    locale: "rw",
    name: "Meridian Ikinyarwanda",
    urlPrefix: "kinyarwanda",
    timeZone: "Africa/Kigali",
  },
  rn: {
    locale: "rn",
    name: "Meridian Ikirundi",
    urlPrefix: "kirundi",
    timeZone: "Africa/Bujumbura",
  },
  sn: { locale: "sn", name: "Meridian chiShona", urlPrefix: "shona", timeZone: "Africa/Harare" },
  nd: {
    locale: "nd",
    name: "Meridian isiNdebele",
    urlPrefix: "ndebele",
    timeZone: "Africa/Harare",
  },
  bm: {
    locale: "bm",
    name: "Meridian Bamanankan",
    urlPrefix: "bambara",
    timeZone: "Africa/Bamako",
  },
  ln: {
    locale: "ln",
    name: "Meridian Lingála",
    urlPrefix: "lingala",
    timeZone: "Africa/Kinshasa",
  },
  ht: {
    locale: "ht",
    name: "Meridian Kreyòl",
    urlPrefix: "haitian-creole",
    timeZone: "America/Port-au-Prince",
  },
  ru: {
    locale: "ru",
    name: "Меридиан на русском",
    urlPrefix: "russian",
    timeZone: "Europe/Moscow",
  },
  uk: { locale: "uk", name: "Меридіан Україна", urlPrefix: "ukrainian", timeZone: "Europe/Kyiv" },
  mk: {
    locale: "mk",
    name: "Меридијан на македонски",
    urlPrefix: "macedonian",
    timeZone: "Europe/Skopje",
  },
  // Serbian is stored in Cyrillic, whose conversion to Latin is one-to-one and lossless;
  // Latin is the default presentation at /serbian/, Cyrillic at /serbian-cyrillic/ (ADR 0005).
  sr: {
    locale: "sr-Latn",
    sourceLocale: "sr-Cyrl",
    name: "Meridijan na srpskom",
    urlPrefix: "serbian",
    timeZone: "Europe/Belgrade",
    scriptVariants: [
      { locale: "sr-Cyrl", name: "Меридијан на српском", urlPrefix: "serbian-cyrillic" },
    ],
  },
  hy: { locale: "hy", name: "Մերիդիան", urlPrefix: "armenian", timeZone: "Asia/Yerevan" },
  ka: { locale: "ka", name: "მერიდიანი", urlPrefix: "georgian", timeZone: "Asia/Tbilisi" },
  fa: { locale: "fa", name: "مریدین فارسی", urlPrefix: "persian", timeZone: "Asia/Tehran" },
  "fa-AF": { locale: "fa-AF", name: "مریدین دری", urlPrefix: "dari", timeZone: "Asia/Kabul" },
  ps: { locale: "ps", name: "مریډین پښتو", urlPrefix: "pashto", timeZone: "Asia/Kabul" },
  ur: { locale: "ur", name: "میریڈین اردو", urlPrefix: "urdu", timeZone: "Asia/Karachi" },
  ar: { locale: "ar", name: "ميريديان عربي", urlPrefix: "arabic", timeZone: "Africa/Cairo" },
  ckb: { locale: "ckb", name: "مێریدیان کوردی", urlPrefix: "sorani", timeZone: "Asia/Baghdad" },
  am: { locale: "am", name: "ሜሪዲያን አማርኛ", urlPrefix: "amharic", timeZone: "Africa/Addis_Ababa" },
  ti: { locale: "ti", name: "ሜሪድያን ትግርኛ", urlPrefix: "tigrinya", timeZone: "Africa/Asmara" },
  hi: { locale: "hi", name: "मेरिडियन हिन्दी", urlPrefix: "hindi", timeZone: "Asia/Kolkata" },
  bn: { locale: "bn", name: "মেরিডিয়ান বাংলা", urlPrefix: "bengali", timeZone: "Asia/Dhaka" },
  ne: { locale: "ne", name: "मेरिडियन नेपाली", urlPrefix: "nepali", timeZone: "Asia/Kathmandu" },
  th: { locale: "th", name: "เมอริเดียน ไทย", urlPrefix: "thai", timeZone: "Asia/Bangkok" },
  lo: { locale: "lo", name: "ເມີຣິດຽນ ລາວ", urlPrefix: "lao", timeZone: "Asia/Vientiane" },
  km: { locale: "km", name: "មេរីឌាន ខ្មែរ", urlPrefix: "khmer", timeZone: "Asia/Phnom_Penh" },
  my: { locale: "my", name: "မယ်ရီဒီယန် မြန်မာ", urlPrefix: "burmese", timeZone: "Asia/Yangon" },
  // Tibet keeps China Standard Time; the exile audience in India reads the same pages.
  bo: { locale: "bo", name: "མེ་རི་ཌི་ཡན། བོད་ཡིག", urlPrefix: "tibetan", timeZone: "Asia/Shanghai" },
  "zh-Hans": {
    locale: "zh-Hans",
    name: "子午线中文",
    urlPrefix: "chinese",
    timeZone: "Asia/Shanghai",
  },
  "zh-Hant": {
    locale: "zh-Hant",
    name: "子午線中文",
    urlPrefix: "chinese-traditional",
    timeZone: "Asia/Taipei",
  },
  yue: { locale: "yue", name: "子午線粵語", urlPrefix: "cantonese", timeZone: "Asia/Hong_Kong" },
  ko: { locale: "ko", name: "메리디언 코리아", urlPrefix: "korean", timeZone: "Asia/Seoul" },
};

export const services: Record<ServiceId, ServiceDefinition> = Object.fromEntries(
  serviceIds.map((id) => {
    const definition = definitions[id];
    return [
      id,
      {
        ...definition,
        id,
        sourceLocale: definition.sourceLocale ?? definition.locale,
        scriptVariants: definition.scriptVariants ?? [],
      },
    ];
  }),
) as Record<ServiceId, ServiceDefinition>;

const englishLanguageNames = new Intl.DisplayNames("en", { type: "language" });

/**
 * The service named in English from its language ("Persian", "Dari", "Serbian (Latin)"),
 * for messages to API clients and operators; readers and the newsroom UI use `name`.
 */
export function serviceNameInEnglish(id: ServiceId): string {
  return englishLanguageNames.of(services[id].locale) ?? id;
}

export function isServiceId(value: string): value is ServiceId {
  return (serviceIds as readonly string[]).includes(value);
}

/**
 * Every presentation readers can reach: each service's default, then its script variants.
 * Variants share the service's id (the same stories) but have their own locale and prefix.
 */
export const serviceEditions: readonly ServiceConfig[] = serviceIds.flatMap((id) => {
  const { scriptVariants, ...base } = services[id];
  return [
    base,
    ...scriptVariants.map((variant) => ({
      id,
      sourceLocale: base.sourceLocale,
      timeZone: base.timeZone,
      ...variant,
    })),
  ];
});

const byPrefix = new Map<string, ServiceConfig>(
  serviceEditions.map((edition) => [edition.urlPrefix, edition]),
);

export function serviceByUrlPrefix(prefix: string): ServiceConfig | undefined {
  return byPrefix.get(prefix);
}

/** All editions of one service (Serbian has two); the default first. */
export function editionsOf(id: ServiceId): ServiceConfig[] {
  return serviceEditions.filter((edition) => edition.id === id);
}
