import type { Kysely } from "kysely";
import { parseOrThrow } from "../domain/parse-or-throw.js";
import type { CatalogRepository } from "../domain/people/catalog-repository.js";
import {
  type Agency,
  type Desk,
  type Person,
  type Section,
  sectionSchema,
  type Topic,
} from "../domain/people/people-schema.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { DatabaseSchema } from "./database-schema.js";

export class CatalogSqlRepository implements CatalogRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async upsertPerson(person: Person): Promise<void> {
    const row = {
      id: person.id,
      service_id: person.serviceId,
      name: person.name,
      title: person.title,
    };
    await this.#db
      .insertInto("people")
      .values(row)
      .onConflict((oc) =>
        oc
          .column("id")
          .doUpdateSet({ service_id: row.service_id, name: row.name, title: row.title }),
      )
      .execute();
  }

  async upsertDesk(desk: Desk): Promise<void> {
    const row = {
      id: desk.id,
      service_id: desk.serviceId,
      name: desk.name,
      description: desk.description,
    };
    await this.#db
      .insertInto("desks")
      .values(row)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({
          service_id: row.service_id,
          name: row.name,
          description: row.description,
        }),
      )
      .execute();
  }

  async upsertAgency(agency: Agency): Promise<void> {
    await this.#db
      .insertInto("agencies")
      .values({ code: agency.code, name: agency.name })
      .onConflict((oc) => oc.column("code").doUpdateSet({ name: agency.name }))
      .execute();
  }

  async upsertSection(input: Section): Promise<void> {
    // Every section is written here, so the domain's slug rules cannot be bypassed.
    const section = parseOrThrow(sectionSchema, input);
    await this.#db
      .insertInto("sections")
      .values({
        service_id: section.serviceId,
        slug: section.slug,
        name: section.name,
        position: section.position,
      })
      .onConflict((oc) =>
        oc
          .columns(["service_id", "slug"])
          .doUpdateSet({ name: section.name, position: section.position }),
      )
      .execute();
  }

  async upsertTopic(topic: Topic): Promise<void> {
    await this.#db
      .insertInto("topics")
      .values({ service_id: topic.serviceId, slug: topic.slug, name: topic.name })
      .onConflict((oc) => oc.columns(["service_id", "slug"]).doUpdateSet({ name: topic.name }))
      .execute();
  }

  async findPeople(ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .selectFrom("people")
      .selectAll()
      .where("id", "in", [...ids])
      .execute();
    return rows.map((r) => ({
      id: r.id,
      serviceId: r.service_id as ServiceId,
      name: r.name,
      title: r.title,
    }));
  }

  async findDesks(ids: readonly string[]): Promise<Desk[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .selectFrom("desks")
      .selectAll()
      .where("id", "in", [...ids])
      .execute();
    return rows.map((r) => ({
      id: r.id,
      serviceId: r.service_id as ServiceId,
      name: r.name,
      description: r.description,
    }));
  }

  async findAgencies(codes: readonly string[]): Promise<Agency[]> {
    if (codes.length === 0) return [];
    return this.#db
      .selectFrom("agencies")
      .select(["code", "name"])
      .where("code", "in", [...codes])
      .execute();
  }

  async listSections(serviceId: ServiceId): Promise<Section[]> {
    const rows = await this.#db
      .selectFrom("sections")
      .selectAll()
      .where("service_id", "=", serviceId)
      .orderBy("position", "asc")
      .execute();
    return rows.map((r) => ({
      serviceId: r.service_id as ServiceId,
      slug: r.slug,
      name: r.name,
      position: Number(r.position),
    }));
  }

  async listForService(serviceId: ServiceId) {
    const [topics, people, desks, agencies] = await Promise.all([
      this.#db
        .selectFrom("topics")
        .selectAll()
        .where("service_id", "=", serviceId)
        .orderBy("name")
        .execute(),
      this.#db
        .selectFrom("people")
        .selectAll()
        .where("service_id", "=", serviceId)
        .orderBy("name")
        .execute(),
      this.#db
        .selectFrom("desks")
        .selectAll()
        .where("service_id", "=", serviceId)
        .orderBy("name")
        .execute(),
      this.#db.selectFrom("agencies").select(["code", "name"]).orderBy("name").execute(),
    ]);
    return {
      topics: topics.map((r) => ({ serviceId, slug: r.slug, name: r.name })),
      people: people.map((r) => ({ id: r.id, serviceId, name: r.name, title: r.title })),
      desks: desks.map((r) => ({ id: r.id, serviceId, name: r.name, description: r.description })),
      agencies,
    };
  }

  async findTopics(serviceId: ServiceId, slugs: readonly string[]): Promise<Topic[]> {
    if (slugs.length === 0) return [];
    const rows = await this.#db
      .selectFrom("topics")
      .selectAll()
      .where("service_id", "=", serviceId)
      .where("slug", "in", [...slugs])
      .execute();
    return rows.map((r) => ({ serviceId: r.service_id as ServiceId, slug: r.slug, name: r.name }));
  }
}
