import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { type DateFormatter, dateFormatterFor } from "../../i18n/date-format.js";
import { type LocaleConfig, locales } from "../../i18n/locale-registry.js";
import { type Translator, translatorFor } from "../../i18n/message-catalogue.js";

export const textSizes = ["xs", "sm", "md", "lg"] as const;
export type TextSize = (typeof textSizes)[number];
export const defaultTextSize: TextSize = "md";

/** Everything a component needs besides its data; built once per request. */
export interface RenderContext {
  readonly service: ServiceConfig;
  readonly locale: LocaleConfig;
  readonly t: Translator;
  readonly dates: DateFormatter;
  readonly textSize: TextSize;
  /** The path of the page being rendered, so the text-size form can return to it. */
  readonly path: string;
  /** Absolute origin for canonical URLs, e.g. https://news.example.org */
  readonly publicUrl: string;
  readonly publisherName: string;
  readonly year: number;
  /**
   * A page with no <script> at all: the newsroom preview shows the reader page in an iframe
   * sandboxed without scripts, where any script element (the live-update script, JSON-LD
   * data blocks) is refused with a console error.
   */
  readonly scriptless?: boolean;
  /** Text-only mode (issue 16): pictures become links, the page stays small. */
  readonly lite?: boolean;
}

export function renderContext(input: {
  service: ServiceConfig;
  textSize: TextSize;
  path: string;
  publicUrl: string;
  publisherName: string;
  now: Date;
  scriptless?: boolean;
  lite?: boolean;
}): RenderContext {
  return {
    service: input.service,
    locale: locales[input.service.locale],
    t: translatorFor(input.service.locale),
    dates: dateFormatterFor(input.service.locale, input.service.timeZone),
    textSize: input.textSize,
    path: input.path,
    publicUrl: input.publicUrl,
    publisherName: input.publisherName,
    year: input.now.getUTCFullYear(),
    ...(input.scriptless ? { scriptless: true } : {}),
    ...(input.lite ? { lite: true } : {}),
  };
}
