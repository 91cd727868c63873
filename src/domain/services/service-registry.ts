import type { LocaleTag } from "../../i18n/locale-registry.js";

/**
 * Language services. A service is an editorial unit (its own desk, home page, feeds)
 * publishing in one language; its locale facts (direction, digits, calendar) come from the
 * locale registry. The registry is a closed union so a service without config does not compile.
 */
export const serviceIds = ["en", "fa", "ru", "zh-Hans"] as const;
export type ServiceId = (typeof serviceIds)[number];

export interface ServiceConfig {
  readonly id: ServiceId;
  /** The BCP 47 tag stories in this service are written in. */
  readonly locale: LocaleTag;
  /** The service's name in its own language, e.g. "Meridian فارسی". */
  readonly name: string;
  /** First path segment of every URL in this service: readable and stable. */
  readonly urlPrefix: string;
  /** IANA time zone in which reader-facing times are shown. */
  readonly timeZone: string;
}

export const services: Record<ServiceId, ServiceConfig> = {
  en: {
    id: "en",
    locale: "en",
    name: "Meridian News",
    urlPrefix: "english",
    timeZone: "UTC",
  },
  fa: {
    id: "fa",
    locale: "fa",
    name: "مریدین فارسی",
    urlPrefix: "persian",
    timeZone: "Asia/Tehran",
  },
  ru: {
    id: "ru",
    locale: "ru",
    name: "Меридиан на русском",
    urlPrefix: "russian",
    timeZone: "Europe/Moscow",
  },
  "zh-Hans": {
    id: "zh-Hans",
    locale: "zh-Hans",
    name: "子午线中文",
    urlPrefix: "chinese",
    timeZone: "Asia/Shanghai",
  },
};

export function isServiceId(value: string): value is ServiceId {
  return (serviceIds as readonly string[]).includes(value);
}

const byPrefix = new Map<string, ServiceConfig>(
  Object.values(services).map((service) => [service.urlPrefix, service]),
);

export function serviceByUrlPrefix(prefix: string): ServiceConfig | undefined {
  return byPrefix.get(prefix);
}
