import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { intlLocaleFor, locales } from "../../i18n/locale-registry.js";
import { formatDateTime } from "../shared/format.js";
import { en, type MessageKey } from "./en.js";

/**
 * The newsroom's own interface language (labels, buttons, messages), chosen in the header
 * and kept in localStorage. It is separate from a story's language: content fields follow
 * the story's service, whatever language the chrome is in.
 */
export const uiLanguages = ["en", "ar", "es", "fa", "fr", "ru", "uk", "zh-Hans"] as const;
export type UiLanguage = (typeof uiLanguages)[number];

type Messages = Readonly<Record<MessageKey, string>>;

/**
 * English is built in; every other catalogue is its own chunk, fetched when the language is
 * chosen (or at start-up when it was chosen before), so nobody downloads all eight.
 */
const loaders: Readonly<Record<Exclude<UiLanguage, "en">, () => Promise<Messages>>> = {
  ar: () => import("./ar.js").then((m) => m.ar),
  es: () => import("./es.js").then((m) => m.es),
  fa: () => import("./fa.js").then((m) => m.fa),
  fr: () => import("./fr.js").then((m) => m.fr),
  ru: () => import("./ru.js").then((m) => m.ru),
  uk: () => import("./uk.js").then((m) => m.uk),
  "zh-Hans": () => import("./zh-hans.js").then((m) => m.zhHans),
};

const loaded = new Map<UiLanguage, Messages>([["en", en]]);

/** Fetches a language's catalogue once; the interface switches only after it arrived. */
export async function loadCatalogue(lang: UiLanguage): Promise<void> {
  if (lang === "en" || loaded.has(lang)) return;
  loaded.set(lang, await loaders[lang]());
}

export function hasCatalogue(lang: UiLanguage): boolean {
  return loaded.has(lang);
}

/**
 * Each language named in itself, for the switcher (with its own `lang`): the locale
 * registry's autonyms, so the newsroom and the reader name a language the same way.
 */
export const uiLanguageNames: Readonly<Record<UiLanguage, string>> = Object.fromEntries(
  uiLanguages.map((lang) => [lang, locales[lang].autonym]),
) as Record<UiLanguage, string>;

/** Direction from the locale registry: right-to-left for Arabic and Persian. */
export const uiDirections: Readonly<Record<UiLanguage, "ltr" | "rtl">> = Object.fromEntries(
  uiLanguages.map((lang) => [lang, locales[lang].dir]),
) as Record<UiLanguage, "ltr" | "rtl">;

export const uiLanguageStorageKey = "newsdesk.newsroom.uiLanguage";

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === "string" && (uiLanguages as readonly string[]).includes(value);
}

type MessageParams = Readonly<Record<string, string | number>>;

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Numbers with the digits the locale registry gives the language (Persian digits in `fa`,
 * Western digits in `ar` as on the reader's Arabic edition); grouping ("100,000") only
 * when asked, so revision and page numbers read as plain numbers.
 */
function numberFormat(lang: UiLanguage, grouping = false): Intl.NumberFormat {
  const key = `${lang} ${grouping}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocaleFor(lang), { useGrouping: grouping });
    numberFormats.set(key, format);
  }
  return format;
}

function formatUiNumber(lang: UiLanguage, value: number, grouping = false): string {
  return numberFormat(lang, grouping).format(value);
}

/**
 * The message for `key` with `{named}` placeholders filled. Numbers are written with the
 * language's digits (Persian digits in `fa`); strings are inserted as they are.
 */
export function translate(lang: UiLanguage, key: MessageKey, params: MessageParams = {}): string {
  // Until a catalogue has arrived (the app waits for it), English stands in.
  const template = (loaded.get(lang) ?? en)[key];
  const numbers = numberFormat(lang);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numbers.format(value) : value;
  });
}

/** The `{placeholders}` a message uses, sorted: the catalogue test compares these. */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

/** Dates and times in the interface language, in the browser's time zone. */
function formatUiDateTime(lang: UiLanguage, iso: string | null | undefined): string {
  return formatDateTime(iso, lang);
}

/** A stored choice, or English; storage may be missing or throw (privacy modes). */
export function storedUiLanguage(storage: Pick<Storage, "getItem"> | null): UiLanguage {
  try {
    const value = storage?.getItem(uiLanguageStorageKey);
    return isUiLanguage(value) ? value : "en";
  } catch {
    return "en";
  }
}

interface UiText {
  readonly lang: UiLanguage;
  readonly dir: "ltr" | "rtl";
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  readonly dateTime: (iso: string | null | undefined) => string;
  /** A number in the language's digits; `grouping` for large counts and rates. */
  readonly number: (value: number, grouping?: boolean) => string;
  readonly setLanguage: (lang: UiLanguage) => void;
}

export function uiText(lang: UiLanguage, setLanguage: (lang: UiLanguage) => void): UiText {
  return {
    lang,
    dir: uiDirections[lang],
    t: (key, params) => translate(lang, key, params),
    dateTime: (iso) => formatUiDateTime(lang, iso),
    number: (value, grouping) => formatUiNumber(lang, value, grouping),
    setLanguage,
  };
}

export const UiTextContext = createContext<UiText>(uiText("en", () => undefined));

export function useUiText(): UiText {
  return useContext(UiTextContext);
}
