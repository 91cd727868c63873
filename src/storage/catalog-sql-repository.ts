import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from "kysely";
import { parseOrThrow } from "../domain/parse-or-throw.js";
import type {
  CatalogReference,
  CatalogRepository,
  RedirectKind,
} from "../domain/people/catalog-repository.js";
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
import { likeContaining } from "./like-patterns.js";

type PersonRow = {
  id: string;
  service_id: string;
  name: string;
  title: string;
  bio: string;
  photo_media_id: string | null;
};

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
      bio: person.bio ?? "",
      photo_media_id: person.photoMediaId ?? null,
    };
    const { id, ...changes } = row;
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("people")
        .values(row)
        .onConflict((oc) => oc.column("id").doUpdateSet(changes))
        .execute();
      await trx.deleteFrom("person_services").where("person_id", "=", id).execute();
      const also = [...new Set(person.alsoWritesFor ?? [])].filter((s) => s !== person.serviceId);
      if (also.length > 0) {
        await trx
          .insertInto("person_services")
          .values(also.map((service_id) => ({ person_id: id, service_id })))
          .execute();
      }
    });
  }

  async upsertDesk(desk: Desk): Promise<void> {
    const row = {
      id: desk.id,
      service_id: desk.serviceId,
      name: desk.name,
      description: desk.description,
    };
    await this.#db.transaction().execute(async (trx) => {
      await trx
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
      await trx.deleteFrom("desk_members").where("desk_id", "=", desk.id).execute();
      const members = [...new Set(desk.members ?? [])];
      if (members.length > 0) {
        await trx
          .insertInto("desk_members")
          .values(members.map((person_id, position) => ({ desk_id: desk.id, person_id, position })))
          .execute();
      }
    });
  }

  async upsertAgency(agency: Agency): Promise<void> {
    const changes = {
      name: agency.name,
      ...(agency.creditLine === undefined ? {} : { credit_line: agency.creditLine }),
      ...(agency.link === undefined ? {} : { link: agency.link }),
    };
    await this.#db
      .insertInto("agencies")
      .values({ code: agency.code, ...changes })
      .onConflict((oc) => oc.column("code").doUpdateSet(changes))
      .execute();
  }

  async upsertSection(input: Section): Promise<void> {
    // Every section is written here, so the domain's slug rules cannot be bypassed.
    const section = parseOrThrow(sectionSchema, input);
    await this.#db.transaction().execute(async (trx) => {
      await trx
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
      // A key in use again is no longer an old address.
      await dropRedirect(trx, "section", section.serviceId, section.slug);
    });
  }

  async upsertTopic(topic: Topic): Promise<void> {
    const changes = {
      name: topic.name,
      ...(topic.description === undefined ? {} : { description: topic.description }),
    };
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("topics")
        .values({ service_id: topic.serviceId, slug: topic.slug, ...changes })
        .onConflict((oc) => oc.columns(["service_id", "slug"]).doUpdateSet(changes))
        .execute();
      await dropRedirect(trx, "topic", topic.serviceId, topic.slug);
    });
  }

  async findPeople(ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .selectFrom("people")
      .selectAll()
      .where("id", "in", [...ids])
      .execute();
    return this.#people(rows);
  }

  async #people(rows: readonly PersonRow[]): Promise<Person[]> {
    const ids = rows.map((r) => r.id);
    const also =
      ids.length === 0
        ? []
        : await this.#db
            .selectFrom("person_services")
            .select(["person_id", "service_id"])
            .where("person_id", "in", ids)
            .orderBy("service_id")
            .execute();
    return rows.map((r) => ({
      id: r.id,
      serviceId: r.service_id as ServiceId,
      name: r.name,
      title: r.title,
      bio: r.bio,
      photoMediaId: r.photo_media_id,
      alsoWritesFor: also.filter((a) => a.person_id === r.id).map((a) => a.service_id as ServiceId),
    }));
  }

  async findDesks(ids: readonly string[]): Promise<Desk[]> {
    if (ids.length === 0) return [];
    const rows = await this.#db
      .selectFrom("desks")
      .selectAll()
      .where("id", "in", [...ids])
      .execute();
    return this.#desks(rows);
  }

  async #desks(
    rows: readonly { id: string; service_id: string; name: string; description: string }[],
  ): Promise<Desk[]> {
    const ids = rows.map((r) => r.id);
    const members =
      ids.length === 0
        ? []
        : await this.#db
            .selectFrom("desk_members")
            .select(["desk_id", "person_id"])
            .where("desk_id", "in", ids)
            .orderBy("position")
            .execute();
    return rows.map((r) => ({
      id: r.id,
      serviceId: r.service_id as ServiceId,
      name: r.name,
      description: r.description,
      members: members.filter((m) => m.desk_id === r.id).map((m) => m.person_id),
    }));
  }

  async findAgencies(codes: readonly string[]): Promise<Agency[]> {
    if (codes.length === 0) return [];
    const rows = await this.#db
      .selectFrom("agencies")
      .selectAll()
      .where("code", "in", [...codes])
      .execute();
    return rows.map(agencyOf);
  }

  async listAgencies(): Promise<Agency[]> {
    const rows = await this.#db.selectFrom("agencies").selectAll().orderBy("name").execute();
    return rows.map(agencyOf);
  }

  async listSections(serviceId: ServiceId): Promise<Section[]> {
    const rows = await this.#db
      .selectFrom("sections")
      .selectAll()
      .where("service_id", "=", serviceId)
      .orderBy("position", "asc")
      .orderBy("slug", "asc")
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
      // The service's own people and those from other services who also write for it.
      this.#db
        .selectFrom("people")
        .selectAll()
        .where((eb) =>
          eb.or([
            eb("service_id", "=", serviceId),
            eb(
              "id",
              "in",
              eb
                .selectFrom("person_services")
                .select("person_id")
                .where("service_id", "=", serviceId),
            ),
          ]),
        )
        .orderBy("name")
        .execute(),
      this.#db
        .selectFrom("desks")
        .selectAll()
        .where("service_id", "=", serviceId)
        .orderBy("name")
        .execute(),
      this.listAgencies(),
    ]);
    return {
      topics: topics.map((r) => ({
        serviceId,
        slug: r.slug,
        name: r.name,
        description: r.description,
      })),
      people: await this.#people(people),
      desks: await this.#desks(desks),
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
    return rows.map((r) => ({
      serviceId: r.service_id as ServiceId,
      slug: r.slug,
      name: r.name,
      description: r.description,
    }));
  }

  async removePerson(id: string): Promise<void> {
    await this.#db.deleteFrom("people").where("id", "=", id).execute();
  }

  async removeDesk(id: string): Promise<void> {
    await this.#db.deleteFrom("desks").where("id", "=", id).execute();
  }

  async removeAgency(code: string): Promise<void> {
    await this.#db.deleteFrom("agencies").where("code", "=", code).execute();
  }

  async removeTopic(serviceId: ServiceId, slug: string): Promise<void> {
    await this.#db
      .deleteFrom("topics")
      .where("service_id", "=", serviceId)
      .where("slug", "=", slug)
      .execute();
  }

  async removeSection(serviceId: ServiceId, slug: string): Promise<void> {
    await this.#db
      .deleteFrom("sections")
      .where("service_id", "=", serviceId)
      .where("slug", "=", slug)
      .execute();
  }

  async countReferences(reference: CatalogReference): Promise<number> {
    // Drafts are found in the current revision's content (JSON text); the quoted forms below
    // can only over-count (a headline quoting the same word), which refuses a removal, never
    // allows a wrong one. Published stories are found through their index rows too, which
    // follow merges and renames that their published content predates.
    const needle =
      reference.kind === "person"
        ? `"personId":"${reference.id}"`
        : reference.kind === "desk"
          ? `"deskId":"${reference.id}"`
          : reference.kind === "agency"
            ? `"${reference.code}"`
            : reference.kind === "section"
              ? `"section":"${reference.slug}"`
              : `"${reference.slug}"`;
    const rows = await this.#db
      .selectFrom("stories")
      .innerJoin("story_revisions", "story_revisions.id", "stories.current_revision_id")
      .select((eb) => eb.fn.countAll<number | string>().as("count"))
      .where((eb) => {
        const conditions: Expression<SqlBool>[] = [
          likeContaining(sql.ref("story_revisions.content"), needle),
        ];
        if (reference.kind === "section") {
          conditions.push(eb("stories.section", "=", reference.slug));
        } else if (reference.kind === "topic") {
          conditions.push(
            eb(
              "stories.id",
              "in",
              eb.selectFrom("story_topics").select("story_id").where("topic", "=", reference.slug),
            ),
          );
        } else if (reference.kind === "person" || reference.kind === "desk") {
          conditions.push(
            eb(
              "stories.id",
              "in",
              eb
                .selectFrom("story_contributors")
                .select("story_id")
                .where("kind", "=", reference.kind)
                .where("ref_id", "=", reference.id),
            ),
          );
        }
        const scoped = eb.or(conditions);
        return reference.kind === "topic" || reference.kind === "section"
          ? eb.and([eb("stories.service_id", "=", reference.serviceId), scoped])
          : scoped;
      })
      .executeTakeFirst();
    return Number(rows?.count ?? 0);
  }

  async moveKey(kind: RedirectKind, serviceId: ServiceId, from: string, to: string) {
    await this.#db.transaction().execute(async (trx) => {
      if (kind === "topic") await moveTopic(trx, serviceId, from, to);
      else await moveSection(trx, serviceId, from, to);
      // The new key is live, so nothing may redirect away from it; everything that led to
      // the old key (and the old key itself) now leads to the new one: one hop, never a loop.
      await dropRedirect(trx, kind, serviceId, to);
      await trx
        .updateTable("catalog_redirects")
        .set({ to_key: to })
        .where("service_id", "=", serviceId)
        .where("kind", "=", kind)
        .where("to_key", "=", from)
        .execute();
      await trx
        .insertInto("catalog_redirects")
        .values({ service_id: serviceId, kind, from_key: from, to_key: to })
        .onConflict((oc) =>
          oc.columns(["service_id", "kind", "from_key"]).doUpdateSet({ to_key: to }),
        )
        .execute();
    });
  }

  async mergePeople(from: Person, into: Person): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      // A story or desk with both keeps one row (the survivor's).
      await trx
        .deleteFrom("story_contributors")
        .where("kind", "=", "person")
        .where("ref_id", "=", from.id)
        .where(
          "story_id",
          "in",
          trx
            .selectFrom("story_contributors")
            .select("story_id")
            .where("kind", "=", "person")
            .where("ref_id", "=", into.id),
        )
        .execute();
      await trx
        .updateTable("story_contributors")
        .set({ ref_id: into.id })
        .where("kind", "=", "person")
        .where("ref_id", "=", from.id)
        .execute();
      await trx
        .deleteFrom("desk_members")
        .where("person_id", "=", from.id)
        .where(
          "desk_id",
          "in",
          trx.selectFrom("desk_members").select("desk_id").where("person_id", "=", into.id),
        )
        .execute();
      await trx
        .updateTable("desk_members")
        .set({ person_id: into.id })
        .where("person_id", "=", from.id)
        .execute();
      await trx.deleteFrom("people").where("id", "=", from.id).execute();
      await trx
        .updateTable("catalog_redirects")
        .set({ to_key: into.id })
        .where("kind", "=", "person")
        .where("to_key", "=", from.id)
        .execute();
      await trx
        .insertInto("catalog_redirects")
        .values({ service_id: from.serviceId, kind: "person", from_key: from.id, to_key: into.id })
        .execute();
    });
  }

  async movedKeys(
    serviceId: ServiceId,
    keys: {
      readonly topics: readonly string[];
      readonly sections: readonly string[];
      readonly people: readonly string[];
    },
  ) {
    const topics = new Map<string, string>();
    const sections = new Map<string, string>();
    const people = new Map<string, string>();
    const { topics: t, sections: s, people: p } = keys;
    if (t.length + s.length + p.length === 0) return { topics, sections, people };
    const rows = await this.#db
      .selectFrom("catalog_redirects")
      .select(["kind", "from_key", "to_key"])
      .where((eb) => {
        // Topic and section slugs are per service: only this service's redirects apply.
        const inService = (kind: "topic" | "section", from: readonly string[]) =>
          from.length > 0
            ? [
                eb.and([
                  eb("service_id", "=", serviceId),
                  eb("kind", "=", kind),
                  eb("from_key", "in", [...from]),
                ]),
              ]
            : [];
        return eb.or([
          ...inService("topic", t),
          ...inService("section", s),
          // Person ids are unique across services: any service's redirect applies.
          ...(p.length > 0
            ? [eb.and([eb("kind", "=", "person"), eb("from_key", "in", [...p])])]
            : []),
        ]);
      })
      .execute();
    for (const row of rows) {
      const map = row.kind === "topic" ? topics : row.kind === "section" ? sections : people;
      map.set(row.from_key, row.to_key);
    }
    return { topics, sections, people };
  }
}

function agencyOf(r: { code: string; name: string; credit_line: string; link: string | null }) {
  return { code: r.code, name: r.name, creditLine: r.credit_line, link: r.link };
}

async function dropRedirect(
  trx: Transaction<DatabaseSchema>,
  kind: RedirectKind,
  serviceId: ServiceId,
  key: string,
): Promise<void> {
  await trx
    .deleteFrom("catalog_redirects")
    .where("service_id", "=", serviceId)
    .where("kind", "=", kind)
    .where("from_key", "=", key)
    .execute();
}

async function moveTopic(
  trx: Transaction<DatabaseSchema>,
  serviceId: ServiceId,
  from: string,
  to: string,
): Promise<void> {
  const source = await trx
    .selectFrom("topics")
    .selectAll()
    .where("service_id", "=", serviceId)
    .where("slug", "=", from)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("topics")
    .values({ service_id: serviceId, slug: to, name: source.name, description: source.description })
    .onConflict((oc) => oc.columns(["service_id", "slug"]).doNothing())
    .execute();
  const inService = trx.selectFrom("stories").select("id").where("service_id", "=", serviceId);
  // A story on both topics keeps one row (the survivor's).
  await trx
    .deleteFrom("story_topics")
    .where("topic", "=", from)
    .where("story_id", "in", inService)
    .where(
      "story_id",
      "in",
      trx.selectFrom("story_topics").select("story_id").where("topic", "=", to),
    )
    .execute();
  await trx
    .updateTable("story_topics")
    .set({ topic: to })
    .where("topic", "=", from)
    .where("story_id", "in", inService)
    .execute();
  await trx
    .deleteFrom("topics")
    .where("service_id", "=", serviceId)
    .where("slug", "=", from)
    .execute();
}

async function moveSection(
  trx: Transaction<DatabaseSchema>,
  serviceId: ServiceId,
  from: string,
  to: string,
): Promise<void> {
  const source = await trx
    .selectFrom("sections")
    .selectAll()
    .where("service_id", "=", serviceId)
    .where("slug", "=", from)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("sections")
    .values({ service_id: serviceId, slug: to, name: source.name, position: source.position })
    .execute();
  await trx
    .updateTable("stories")
    .set({ section: to })
    .where("service_id", "=", serviceId)
    .where("section", "=", from)
    .execute();
  await trx
    .deleteFrom("sections")
    .where("service_id", "=", serviceId)
    .where("slug", "=", from)
    .execute();
}
