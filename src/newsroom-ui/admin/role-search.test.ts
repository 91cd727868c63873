import { describe, expect, it } from "vitest";
import type { ServiceInfo } from "../shared/api-schemas.js";
import { matches, searchable } from "./RoleGrants.js";

const service = (id: string, name: string, locale: string, dir: "ltr" | "rtl" = "ltr") =>
  ({ id, name, locale, dir, urlPrefix: id, roles: [] }) as ServiceInfo;

const services = [
  service("en", "Meridian News", "en"),
  service("fr", "Meridian Afrique", "fr"),
  service("fa", "مریدین فارسی", "fa", "rtl"),
  service("ar", "ميريديان عربي", "ar", "rtl"),
  service("uk", "Meridian Україна", "uk"),
  service("zh-Hans", "子午线新闻", "zh-Hans"),
];

const found = (query: string, lang: "en" | "ru" = "en") =>
  matches(searchable(services, lang), query).map((entry) => entry.service.id);

describe("the role control's service search", () => {
  it("finds a service by its own name, its language in English, or in itself", () => {
    expect(found("afrique")).toEqual(["fr"]);
    expect(found("French")).toEqual(["fr"]);
    expect(found("fran")).toEqual(["fr"]);
    expect(found("Persian")).toEqual(["fa"]);
    expect(found("فارسی")).toEqual(["fa"]);
    expect(found("Ukrainian")).toEqual(["uk"]);
    expect(found("українська")).toEqual(["uk"]);
    expect(found("Chinese")).toEqual(["zh-Hans"]);
    expect(found("Arabic")).toEqual(["ar"]);
  });

  it("folds case and accents, and needs every word of the query", () => {
    expect(found("FRANCAIS")).toEqual(["fr"]);
    expect(found("meridian news")).toEqual(["en"]);
    expect(found("meridian")).toEqual(["en", "fr", "uk"]);
    expect(found("")).toHaveLength(services.length);
    expect(found("klingon")).toEqual([]);
  });

  it("also finds a language named in the interface language", () => {
    expect(found("французский", "ru")).toEqual(["fr"]);
  });
});
