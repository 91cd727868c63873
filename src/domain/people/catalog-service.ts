import { z } from "zod";
import type { Actor } from "../actor.js";
import type { AuditLog } from "../audit/audit-log.js";
import { cacheTags } from "../cache/cache-tags.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import type { MediaRepository } from "../media/media-repository.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { type ServiceId, serviceIds } from "../services/service-registry.js";
import { serviceIdSchema, slugSchema } from "../stories/story-schema.js";
import { assertAdmin, assertCan, assertCanSomewhere } from "../users/access-policy.js";
import type { CatalogReference, CatalogRepository } from "./catalog-repository.js";
import {
  type Agency,
  type Desk,
  type Person,
  reservedSectionSlugs,
  type Section,
  type Topic,
  writesFor,
} from "./people-schema.js";

/** Whether text has control characters other than the allowed ones (line breaks in a bio). */
function hasControl(value: string, allowed: string): boolean {
  for (const char of value) {
    if (/\p{Cc}/u.test(char) && !allowed.includes(char)) return true;
  }
  return false;
}

/** Plain text on one line: names, titles, credit lines. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControl(value, ""), { message: "Use one line of plain text." });
/** Plain text with line breaks: bios and descriptions. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControl(value, "\n"), { message: "Use plain text." });
const name = line(200).pipe(z.string().min(1, { message: "A name is required." }));

const personInputSchema = z.strictObject({
  name,
  title: line(200).default(""),
  bio: text(2000).default(""),
  photoMediaId: z.string().min(1).max(64).nullable().default(null),
  alsoWritesFor: z.array(serviceIdSchema).max(serviceIds.length).default([]),
});
const deskInputSchema = z.strictObject({
  name,
  description: text(2000).default(""),
  members: z.array(z.string().min(1).max(64)).max(200).default([]),
});
const topicInputSchema = z.strictObject({
  slug: slugSchema,
  name: line(100).pipe(z.string().min(1, { message: "A name is required." })),
  description: text(2000).default(""),
});
const sectionSlugSchema = slugSchema.refine((slug) => !reservedSectionSlugs.includes(slug), {
  message: `A section slug cannot be ${reservedSectionSlugs.join(", ")}: reader routes use them.`,
});
const sectionInputSchema = z.strictObject({
  slug: sectionSlugSchema,
  name: line(100).pipe(z.string().min(1, { message: "A name is required." })),
  position: z.number().int().min(0).max(10_000),
});
const agencyCodeSchema = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Z0-9_-]+$/, { message: "Codes are capital letters, digits, - and _ (AFP)." });
const linkSchema = z
  .url({ protocol: /^https?$/, message: "A link is an http(s) address." })
  .max(500)
  .nullable();
const agencyInputSchema = z.strictObject({
  code: agencyCodeSchema,
  name: line(100).pipe(z.string().min(1, { message: "A name is required." })),
  creditLine: line(200).default(""),
  link: linkSchema.default(null),
});

type EntryAction = "story.view" | "catalog.edit" | "catalog.manage";

/** Most entries a list answers with; a service's catalogue is far smaller. */
const listLimit = 500;

export interface CatalogListQuery {
  /** Words in the name (or slug, title, code), case-insensitive. */
  readonly q?: string | undefined;
}

/**
 * People, desks, topics, sections and agencies: the newsroom's management of the reference
 * data stories point to. Every call checks the actor (editors add and edit people, desks
 * and topics and merge topics; service admins also remove them, change topic slugs and
 * manage sections; administrators manage agencies), validates its input, is audited, and
 * tells the page cache which reader pages changed.
 */
export class CatalogService {
  readonly #repository: CatalogRepository;
  readonly #media: Pick<MediaRepository, "findMany">;
  readonly #audit: AuditLog;
  readonly #invalidate: (tags: readonly string[]) => Promise<void>;

  constructor(deps: {
    repository: CatalogRepository;
    media: Pick<MediaRepository, "findMany">;
    audit: AuditLog;
    /** Page-cache invalidation (the server's live updates; a no-op for one-shot commands). */
    invalidate?: (tags: readonly string[]) => Promise<void>;
  }) {
    this.#repository = deps.repository;
    this.#media = deps.media;
    this.#audit = deps.audit;
    this.#invalidate = deps.invalidate ?? (async () => {});
  }

  // People -----------------------------------------------------------------------------

  async listPeople(actor: Actor, serviceId: ServiceId, query: CatalogListQuery = {}) {
    assertCan(actor, "story.view", serviceId);
    const { people } = await this.#repository.listForService(serviceId);
    return matching(people, query, (p) => [p.name, p.title]);
  }

  async person(actor: Actor, id: string): Promise<Person> {
    return this.#person(actor, id, "story.view");
  }

  async createPerson(actor: Actor, serviceId: ServiceId, raw: unknown): Promise<Person> {
    assertCan(actor, "catalog.edit", serviceId);
    const input = parseOrThrow(personInputSchema, raw);
    const person: Person = { id: newId(), serviceId, ...input };
    await this.#checkPerson(actor, person, []);
    await this.#repository.upsertPerson(person);
    await this.#audit.record(actor, "catalog.person.create", { serviceId }, { id: person.id });
    return person;
  }

  async editPerson(actor: Actor, id: string, raw: unknown): Promise<Person> {
    const before = await this.#person(actor, id, "catalog.edit");
    const input = parseOrThrow(personInputSchema, raw);
    const person: Person = { id, serviceId: before.serviceId, ...input };
    await this.#checkPerson(actor, person, before.alsoWritesFor ?? []);
    await this.#repository.upsertPerson(person);
    await this.#audit.record(
      actor,
      "catalog.person.edit",
      { serviceId: person.serviceId },
      { id, changed: changedFields(before, person) },
    );
    // Bylines show the name and title on every page of the services the person writes for.
    await this.#invalidate([
      cacheTags.person(id),
      cacheTags.personName(id),
      ...servicesOf(before, person).map((s) => cacheTags.chrome(s)),
    ]);
    return person;
  }

  async removePerson(actor: Actor, id: string): Promise<void> {
    const person = await this.#person(actor, id, "catalog.manage");
    await this.#refuseInUse({ kind: "person", id });
    await this.#repository.removePerson(id);
    await this.#audit.record(
      actor,
      "catalog.person.remove",
      { serviceId: person.serviceId },
      { id, name: person.name },
    );
    await this.#invalidate([cacheTags.person(id), cacheTags.personName(id)]);
  }

  /**
   * Merges a duplicate person into another of the same service: bylines and desk
   * memberships move to the survivor, and the duplicate's author page and feeds redirect
   * there permanently. Service admins only: the duplicate is removed.
   */
  async mergePerson(actor: Actor, from: string, into: string): Promise<Person> {
    const source = await this.#person(actor, from, "catalog.manage");
    const target = await this.#person(actor, into, "catalog.manage");
    if (source.id === target.id) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "A person cannot be merged into themselves.",
      });
    }
    if (!writesFor(target, source.serviceId)) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "The person who stays must write for the duplicate's service.",
      });
    }
    await this.#repository.mergePeople(source, target);
    await this.#audit.record(
      actor,
      "catalog.person.merge",
      { serviceId: source.serviceId },
      { from: source.id, into: target.id },
    );
    await this.#invalidate([
      cacheTags.person(source.id),
      cacheTags.person(target.id),
      cacheTags.personName(source.id),
      cacheTags.personName(target.id),
      ...servicesOf(source, target).flatMap((s) => [cacheTags.chrome(s), cacheTags.feeds(s)]),
    ]);
    return target;
  }

  async #person(actor: Actor, id: string, action: EntryAction) {
    const [person] = await this.#repository.findPeople([bounded(id)]);
    if (!person) throw new NewsdeskError("NOT_FOUND", { detail: "There is no such person." });
    assertCan(actor, action, person.serviceId);
    return person;
  }

  /** The photo exists; every service added or dropped is one the actor edits in. */
  async #checkPerson(actor: Actor, person: Person, before: readonly ServiceId[]) {
    const after = person.alsoWritesFor ?? [];
    for (const service of symmetricDifference(before, after)) {
      assertCan(actor, "catalog.edit", service);
    }
    if (person.photoMediaId) {
      const [photo] = await this.#media.findMany([person.photoMediaId]);
      if (!photo) {
        throw new NewsdeskError("UNKNOWN_REFERENCE", {
          detail: "The photo is not in the media library.",
          details: { missing: [`image ${person.photoMediaId}`] },
        });
      }
    }
  }

  // Desks ------------------------------------------------------------------------------

  async listDesks(actor: Actor, serviceId: ServiceId, query: CatalogListQuery = {}) {
    assertCan(actor, "story.view", serviceId);
    const { desks } = await this.#repository.listForService(serviceId);
    return matching(desks, query, (d) => [d.name, d.description]);
  }

  async desk(actor: Actor, id: string): Promise<Desk> {
    return this.#desk(actor, id, "story.view");
  }

  async createDesk(actor: Actor, serviceId: ServiceId, raw: unknown): Promise<Desk> {
    assertCan(actor, "catalog.edit", serviceId);
    const desk: Desk = { id: newId(), serviceId, ...parseOrThrow(deskInputSchema, raw) };
    await this.#checkMembers(desk);
    await this.#repository.upsertDesk(desk);
    await this.#audit.record(actor, "catalog.desk.create", { serviceId }, { id: desk.id });
    return desk;
  }

  async editDesk(actor: Actor, id: string, raw: unknown): Promise<Desk> {
    const before = await this.#desk(actor, id, "catalog.edit");
    const desk: Desk = { id, serviceId: before.serviceId, ...parseOrThrow(deskInputSchema, raw) };
    await this.#checkMembers(desk);
    await this.#repository.upsertDesk(desk);
    await this.#audit.record(
      actor,
      "catalog.desk.edit",
      { serviceId: desk.serviceId },
      { id, changed: changedFields(before, desk) },
    );
    await this.#invalidate([cacheTags.desk(id), cacheTags.chrome(desk.serviceId)]);
    return desk;
  }

  async removeDesk(actor: Actor, id: string): Promise<void> {
    const desk = await this.#desk(actor, id, "catalog.manage");
    await this.#refuseInUse({ kind: "desk", id });
    await this.#repository.removeDesk(id);
    await this.#audit.record(
      actor,
      "catalog.desk.remove",
      { serviceId: desk.serviceId },
      { id, name: desk.name },
    );
    await this.#invalidate([cacheTags.desk(id)]);
  }

  async #desk(actor: Actor, id: string, action: EntryAction) {
    const [desk] = await this.#repository.findDesks([bounded(id)]);
    if (!desk) throw new NewsdeskError("NOT_FOUND", { detail: "There is no such desk." });
    assertCan(actor, action, desk.serviceId);
    return desk;
  }

  async #checkMembers(desk: Desk): Promise<void> {
    const ids = [...new Set(desk.members ?? [])];
    const people = await this.#repository.findPeople(ids);
    const missing = ids.filter(
      (id) => !people.some((p) => p.id === id && writesFor(p, desk.serviceId)),
    );
    if (missing.length > 0) {
      throw new NewsdeskError("UNKNOWN_REFERENCE", {
        detail: "Desk members must be people who write for the desk's service.",
        details: { missing: missing.map((id) => `person ${id}`) },
      });
    }
  }

  // Topics -----------------------------------------------------------------------------

  async listTopics(actor: Actor, serviceId: ServiceId, query: CatalogListQuery = {}) {
    assertCan(actor, "story.view", serviceId);
    const { topics } = await this.#repository.listForService(serviceId);
    return matching(topics, query, (t) => [t.name, t.slug]);
  }

  async createTopic(actor: Actor, serviceId: ServiceId, raw: unknown): Promise<Topic> {
    assertCan(actor, "catalog.edit", serviceId);
    const topic: Topic = { serviceId, ...parseOrThrow(topicInputSchema, raw) };
    if ((await this.#topic(serviceId, topic.slug)) !== undefined) {
      throw taken(`The topic slug "${topic.slug}" is already used in this service.`);
    }
    await this.#repository.upsertTopic(topic);
    await this.#audit.record(actor, "catalog.topic.create", { serviceId }, { slug: topic.slug });
    // A slug that used to redirect is a page of its own again.
    await this.#invalidate([cacheTags.topic(serviceId, topic.slug)]);
    return topic;
  }

  /** Name and description; a new slug moves the topic and leaves a redirect (service admins). */
  async editTopic(actor: Actor, serviceId: ServiceId, slug: string, raw: unknown) {
    assertCan(actor, "catalog.edit", serviceId);
    const before = await this.#requireTopic(serviceId, slug);
    const input = parseOrThrow(topicInputSchema, raw);
    if (input.slug !== before.slug) {
      assertCan(actor, "catalog.manage", serviceId);
      if ((await this.#topic(serviceId, input.slug)) !== undefined) {
        throw taken(
          `The topic slug "${input.slug}" is already used; merge the topics to combine them.`,
        );
      }
      await this.#repository.moveKey("topic", serviceId, before.slug, input.slug);
    }
    const topic: Topic = { serviceId, ...input };
    await this.#repository.upsertTopic(topic);
    await this.#audit.record(
      actor,
      "catalog.topic.edit",
      { serviceId },
      { slug: topic.slug, ...(input.slug === before.slug ? {} : { from: before.slug }) },
    );
    await this.#invalidate([
      ...topicTags(serviceId, before.slug),
      ...topicTags(serviceId, topic.slug),
      cacheTags.feeds(serviceId),
    ]);
    return topic;
  }

  /**
   * Merges a duplicate topic into another: its stories move to the survivor and its reader
   * URL (and feeds) redirect there permanently. Editors may merge: nothing is lost.
   */
  async mergeTopic(actor: Actor, serviceId: ServiceId, from: string, into: string) {
    assertCan(actor, "catalog.edit", serviceId);
    const source = await this.#requireTopic(serviceId, from);
    const target = await this.#requireTopic(serviceId, parseOrThrow(slugSchema, into));
    if (source.slug === target.slug) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "A topic cannot be merged into itself.",
      });
    }
    await this.#repository.moveKey("topic", serviceId, source.slug, target.slug);
    await this.#audit.record(
      actor,
      "catalog.topic.merge",
      { serviceId },
      { from: source.slug, into: target.slug },
    );
    // Both topic pages, every story page on either topic (they are tagged with their topics
    // for related stories) and the service's feeds.
    await this.#invalidate([
      ...topicTags(serviceId, source.slug),
      ...topicTags(serviceId, target.slug),
      cacheTags.feeds(serviceId),
    ]);
    return target;
  }

  async removeTopic(actor: Actor, serviceId: ServiceId, slug: string): Promise<void> {
    assertCan(actor, "catalog.manage", serviceId);
    const topic = await this.#requireTopic(serviceId, slug);
    await this.#refuseInUse({ kind: "topic", serviceId, slug: topic.slug });
    await this.#repository.removeTopic(serviceId, topic.slug);
    await this.#audit.record(actor, "catalog.topic.remove", { serviceId }, { slug: topic.slug });
    await this.#invalidate(topicTags(serviceId, topic.slug));
  }

  async #topic(serviceId: ServiceId, slug: string): Promise<Topic | undefined> {
    const [topic] = await this.#repository.findTopics(serviceId, [bounded(slug)]);
    return topic;
  }

  async #requireTopic(serviceId: ServiceId, slug: string): Promise<Topic> {
    const topic = await this.#topic(serviceId, slug);
    if (!topic) throw new NewsdeskError("NOT_FOUND", { detail: `There is no topic "${slug}".` });
    return topic;
  }

  // Sections ---------------------------------------------------------------------------

  async listSections(actor: Actor, serviceId: ServiceId): Promise<Section[]> {
    assertCan(actor, "story.view", serviceId);
    return this.#repository.listSections(serviceId);
  }

  async createSection(actor: Actor, serviceId: ServiceId, raw: unknown): Promise<Section> {
    assertCan(actor, "catalog.manage", serviceId);
    const section: Section = { serviceId, ...parseOrThrow(sectionInputSchema, raw) };
    const existing = await this.#repository.listSections(serviceId);
    if (existing.some((s) => s.slug === section.slug)) {
      throw taken(`The section slug "${section.slug}" is already used in this service.`);
    }
    await this.#repository.upsertSection(section);
    await this.#audit.record(
      actor,
      "catalog.section.create",
      { serviceId },
      { slug: section.slug },
    );
    await this.#invalidate([cacheTags.chrome(serviceId)]);
    return section;
  }

  /** Name and order; a new slug moves the section's stories and leaves a redirect. */
  async editSection(actor: Actor, serviceId: ServiceId, slug: string, raw: unknown) {
    assertCan(actor, "catalog.manage", serviceId);
    const existing = await this.#repository.listSections(serviceId);
    const before = existing.find((s) => s.slug === slug);
    if (!before) throw new NewsdeskError("NOT_FOUND", { detail: `There is no section "${slug}".` });
    const section: Section = { serviceId, ...parseOrThrow(sectionInputSchema, raw) };
    if (section.slug !== before.slug) {
      if (existing.some((s) => s.slug === section.slug)) {
        throw taken(`The section slug "${section.slug}" is already used in this service.`);
      }
      await this.#repository.moveKey("section", serviceId, before.slug, section.slug);
    }
    await this.#repository.upsertSection(section);
    await this.#audit.record(
      actor,
      "catalog.section.edit",
      { serviceId },
      { slug: section.slug, ...(section.slug === before.slug ? {} : { from: before.slug }) },
    );
    // The navigation is on every page of the service.
    await this.#invalidate([cacheTags.chrome(serviceId), cacheTags.feeds(serviceId)]);
    return section;
  }

  async removeSection(actor: Actor, serviceId: ServiceId, slug: string): Promise<void> {
    assertCan(actor, "catalog.manage", serviceId);
    const existing = await this.#repository.listSections(serviceId);
    if (!existing.some((s) => s.slug === slug)) {
      throw new NewsdeskError("NOT_FOUND", { detail: `There is no section "${slug}".` });
    }
    await this.#refuseInUse({ kind: "section", serviceId, slug });
    await this.#repository.removeSection(serviceId, slug);
    await this.#audit.record(actor, "catalog.section.remove", { serviceId }, { slug });
    await this.#invalidate([cacheTags.chrome(serviceId)]);
  }

  // Agencies ---------------------------------------------------------------------------

  /** Agencies are credited in every service: anyone with a role may read them. */
  async listAgencies(actor: Actor, query: CatalogListQuery = {}): Promise<Agency[]> {
    assertCanSomewhere(actor, "story.view");
    return matching(await this.#repository.listAgencies(), query, (a) => [a.name, a.code]);
  }

  async createAgency(actor: Actor, raw: unknown): Promise<Agency> {
    assertAdmin(actor, "manage news agencies");
    const agency = parseOrThrow(agencyInputSchema, raw);
    if ((await this.#repository.findAgencies([agency.code])).length > 0) {
      throw taken(`The agency code "${agency.code}" is already used.`);
    }
    await this.#repository.upsertAgency(agency);
    await this.#audit.record(actor, "catalog.agency.create", {}, { code: agency.code });
    return agency;
  }

  async editAgency(actor: Actor, code: string, raw: unknown): Promise<Agency> {
    assertAdmin(actor, "manage news agencies");
    const before = await this.#agency(code);
    const input = parseOrThrow(agencyInputSchema.omit({ code: true }), raw);
    const agency: Agency = { code: before.code, ...input };
    await this.#repository.upsertAgency(agency);
    await this.#audit.record(
      actor,
      "catalog.agency.edit",
      {},
      { code, changed: changedFields(before, agency) },
    );
    // Credit notes appear on story pages in any service.
    await this.#invalidate(serviceIds.map((s) => cacheTags.chrome(s)));
    return agency;
  }

  async removeAgency(actor: Actor, code: string): Promise<void> {
    assertAdmin(actor, "manage news agencies");
    const agency = await this.#agency(code);
    await this.#refuseInUse({ kind: "agency", code: agency.code });
    await this.#repository.removeAgency(agency.code);
    await this.#audit.record(actor, "catalog.agency.remove", {}, { code: agency.code });
  }

  async #agency(code: string): Promise<Agency> {
    const [agency] = await this.#repository.findAgencies([bounded(code)]);
    if (!agency) throw new NewsdeskError("NOT_FOUND", { detail: `There is no agency "${code}".` });
    return agency;
  }

  async #refuseInUse(reference: CatalogReference): Promise<void> {
    const count = await this.#repository.countReferences(reference);
    if (count > 0) {
      throw new NewsdeskError("CATALOG_IN_USE", {
        detail: `${count} ${count === 1 ? "story refers" : "stories refer"} to it.`,
        details: { stories: count },
      });
    }
  }
}

function taken(detail: string): NewsdeskError {
  return new NewsdeskError("CATALOG_KEY_TAKEN", { detail });
}

/** Path keys are looked up as given; an absurd one is refused before it reaches storage. */
function bounded(key: string): string {
  if (key.length === 0 || key.length > 120) {
    throw new NewsdeskError("NOT_FOUND", { detail: "There is no such entry." });
  }
  return key;
}

function matching<T>(items: readonly T[], query: CatalogListQuery, fields: (item: T) => string[]) {
  const words = (query.q ?? "")
    .toLocaleLowerCase()
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .slice(0, 10);
  return items
    .filter((item) => {
      const haystack = fields(item).join(" ").toLocaleLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .slice(0, listLimit);
}

function symmetricDifference<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...a.filter((x) => !b.includes(x)), ...b.filter((x) => !a.includes(x))];
}

function servicesOf(...people: Person[]): ServiceId[] {
  return [...new Set(people.flatMap((p) => [p.serviceId, ...(p.alsoWritesFor ?? [])]))];
}

/** Names of the fields an edit changed, for the audit log (values stay out of it). */
function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return Object.keys(b).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** A topic's list and its name: catalogue changes touch both. */
function topicTags(serviceId: ServiceId, slug: string): string[] {
  return [cacheTags.topic(serviceId, slug), cacheTags.topicName(serviceId, slug)];
}
