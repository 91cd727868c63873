import type { ServiceId } from "../services/service-registry.js";
import type { Agency, Desk, Person, Section, Topic } from "./people-schema.js";

/** Reference data that stories point to: people, desks, agencies, sections, topics. */
export interface CatalogRepository {
  upsertPerson(person: Person): Promise<void>;
  upsertDesk(desk: Desk): Promise<void>;
  upsertAgency(agency: Agency): Promise<void>;
  /** Refuses (VALIDATION_FAILED) a slug that `sectionSchema` refuses, such as `search`. */
  upsertSection(section: Section): Promise<void>;
  upsertTopic(topic: Topic): Promise<void>;

  findPeople(ids: readonly string[]): Promise<Person[]>;
  findDesks(ids: readonly string[]): Promise<Desk[]>;
  findAgencies(codes: readonly string[]): Promise<Agency[]>;
  listSections(serviceId: ServiceId): Promise<Section[]>;
  findTopics(serviceId: ServiceId, slugs: readonly string[]): Promise<Topic[]>;
  /** Everything an editor picks from when writing in this service. */
  listForService(
    serviceId: ServiceId,
  ): Promise<{ topics: Topic[]; people: Person[]; desks: Desk[]; agencies: Agency[] }>;
}
