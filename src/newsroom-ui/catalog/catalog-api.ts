import { z } from "zod";
import { translate, type UiLanguage } from "../i18n/ui-language.js";
import { type ApiClient, errorMessage, isApiError } from "../shared/api-client.js";

/**
 * People, desks, topics, sections and agencies (`/newsroom/api/catalog/…`, `/people`,
 * `/desks`, `/agencies`; docs/newsroom-api.md). The server checks every change against the
 * caller's role in the service; the screen only offers what it would allow.
 */

const personSchema = z.looseObject({
  id: z.string(),
  serviceId: z.string(),
  name: z.string(),
  title: z.string(),
  bio: z.string().default(""),
  photoMediaId: z.string().nullable().default(null),
  alsoWritesFor: z.array(z.string()).default([]),
});
export type CatalogPerson = z.infer<typeof personSchema>;
export type PersonInput = Pick<
  CatalogPerson,
  "name" | "title" | "bio" | "photoMediaId" | "alsoWritesFor"
>;

const deskSchema = z.looseObject({
  id: z.string(),
  serviceId: z.string(),
  name: z.string(),
  description: z.string(),
  members: z.array(z.string()).default([]),
});
export type CatalogDesk = z.infer<typeof deskSchema>;
export type DeskInput = Pick<CatalogDesk, "name" | "description" | "members">;

const topicSchema = z.looseObject({
  slug: z.string(),
  name: z.string(),
  description: z.string().default(""),
});
export type CatalogTopic = z.infer<typeof topicSchema>;

const sectionSchema = z.looseObject({ slug: z.string(), name: z.string(), position: z.number() });
export type CatalogSection = z.infer<typeof sectionSchema>;

const agencySchema = z.looseObject({
  code: z.string(),
  name: z.string(),
  creditLine: z.string().default(""),
  link: z.string().nullable().default(null),
});
export type CatalogAgency = z.infer<typeof agencySchema>;

const base = (serviceId: string) => `/catalog/${encodeURIComponent(serviceId)}`;
const query = (q: string) => (q.trim() ? { q: q.trim().slice(0, 200) } : {});

export const catalogApi = {
  async people(api: ApiClient, serviceId: string, q = ""): Promise<CatalogPerson[]> {
    const schema = z.looseObject({ people: z.array(personSchema) });
    return (await api.request("GET", `${base(serviceId)}/people`, { schema, query: query(q) }))
      .people;
  },
  async savePerson(
    api: ApiClient,
    target: { serviceId: string } | { id: string },
    input: PersonInput,
  ): Promise<CatalogPerson> {
    const schema = z.looseObject({ person: personSchema });
    const saved =
      "id" in target
        ? await api.request("PUT", `/people/${encodeURIComponent(target.id)}`, {
            schema,
            json: input,
          })
        : await api.request("POST", `${base(target.serviceId)}/people`, { schema, json: input });
    return saved.person;
  },
  async mergePerson(api: ApiClient, from: string, into: string): Promise<CatalogPerson> {
    const schema = z.looseObject({ person: personSchema });
    return (
      await api.request("POST", `/people/${encodeURIComponent(from)}/merge`, {
        schema,
        json: { into },
      })
    ).person;
  },
  async removePerson(api: ApiClient, id: string): Promise<void> {
    await api.request("DELETE", `/people/${encodeURIComponent(id)}`);
  },

  async desks(api: ApiClient, serviceId: string, q = ""): Promise<CatalogDesk[]> {
    const schema = z.looseObject({ desks: z.array(deskSchema) });
    return (await api.request("GET", `${base(serviceId)}/desks`, { schema, query: query(q) }))
      .desks;
  },
  async saveDesk(
    api: ApiClient,
    target: { serviceId: string } | { id: string },
    input: DeskInput,
  ): Promise<CatalogDesk> {
    const schema = z.looseObject({ desk: deskSchema });
    const saved =
      "id" in target
        ? await api.request("PUT", `/desks/${encodeURIComponent(target.id)}`, {
            schema,
            json: input,
          })
        : await api.request("POST", `${base(target.serviceId)}/desks`, { schema, json: input });
    return saved.desk;
  },
  async removeDesk(api: ApiClient, id: string): Promise<void> {
    await api.request("DELETE", `/desks/${encodeURIComponent(id)}`);
  },

  async topics(api: ApiClient, serviceId: string, q = ""): Promise<CatalogTopic[]> {
    const schema = z.looseObject({ topics: z.array(topicSchema) });
    return (await api.request("GET", `${base(serviceId)}/topics`, { schema, query: query(q) }))
      .topics;
  },
  async saveTopic(
    api: ApiClient,
    serviceId: string,
    slug: string | null,
    input: CatalogTopic,
  ): Promise<CatalogTopic> {
    const schema = z.looseObject({ topic: topicSchema });
    const saved =
      slug === null
        ? await api.request("POST", `${base(serviceId)}/topics`, { schema, json: input })
        : await api.request("PUT", `${base(serviceId)}/topics/${encodeURIComponent(slug)}`, {
            schema,
            json: input,
          });
    return saved.topic;
  },
  async mergeTopic(api: ApiClient, serviceId: string, from: string, into: string) {
    const schema = z.looseObject({ topic: topicSchema });
    return (
      await api.request("POST", `${base(serviceId)}/topics/${encodeURIComponent(from)}/merge`, {
        schema,
        json: { into },
      })
    ).topic;
  },
  async removeTopic(api: ApiClient, serviceId: string, slug: string): Promise<void> {
    await api.request("DELETE", `${base(serviceId)}/topics/${encodeURIComponent(slug)}`);
  },

  async sections(api: ApiClient, serviceId: string): Promise<CatalogSection[]> {
    const schema = z.looseObject({ sections: z.array(sectionSchema) });
    return (await api.request("GET", `${base(serviceId)}/sections`, { schema })).sections;
  },
  async saveSection(
    api: ApiClient,
    serviceId: string,
    slug: string | null,
    input: CatalogSection,
  ): Promise<CatalogSection> {
    const schema = z.looseObject({ section: sectionSchema });
    const saved =
      slug === null
        ? await api.request("POST", `${base(serviceId)}/sections`, { schema, json: input })
        : await api.request("PUT", `${base(serviceId)}/sections/${encodeURIComponent(slug)}`, {
            schema,
            json: input,
          });
    return saved.section;
  },
  async removeSection(api: ApiClient, serviceId: string, slug: string): Promise<void> {
    await api.request("DELETE", `${base(serviceId)}/sections/${encodeURIComponent(slug)}`);
  },

  async agencies(api: ApiClient, q = ""): Promise<CatalogAgency[]> {
    const schema = z.looseObject({ agencies: z.array(agencySchema) });
    return (await api.request("GET", "/agencies", { schema, query: query(q) })).agencies;
  },
  async saveAgency(api: ApiClient, existing: string | null, input: CatalogAgency) {
    const schema = z.looseObject({ agency: agencySchema });
    const saved =
      existing === null
        ? await api.request("POST", "/agencies", { schema, json: input })
        : await api.request("PUT", `/agencies/${encodeURIComponent(existing)}`, {
            schema,
            json: { name: input.name, creditLine: input.creditLine, link: input.link },
          });
    return saved.agency;
  },
  async removeAgency(api: ApiClient, code: string): Promise<void> {
    await api.request("DELETE", `/agencies/${encodeURIComponent(code)}`);
  },
};

/**
 * The sentence for a failed change, in the interface language for the errors the screen
 * expects; a validation message names the field in the server's words.
 */
export function catalogErrorText(error: unknown, lang: UiLanguage): string {
  if (isApiError(error)) {
    switch (error.code) {
      case "FORBIDDEN":
        return translate(lang, "catalog.error.forbidden");
      case "CATALOG_KEY_TAKEN":
        return translate(lang, "catalog.error.taken");
      case "CATALOG_IN_USE":
        return translate(lang, "catalog.error.inUse");
      case "UNKNOWN_REFERENCE":
        return translate(lang, "catalog.error.unknownReference");
      case "VALIDATION_FAILED":
        return translate(lang, "catalog.error.invalid", { detail: error.message });
    }
  }
  return errorMessage(error);
}
