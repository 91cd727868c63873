import type { ServiceId } from "../services/service-registry.js";
import type { Agency, Desk, Person, Section, Topic } from "./people-schema.js";

/** Reader URL segments that keep answering, with a permanent redirect, after a key moves. */
export type RedirectKind = "topic" | "section";

/** What refers to a catalogue entry: the check before it may be removed. */
export type CatalogReference =
  | { readonly kind: "person"; readonly id: string }
  | { readonly kind: "desk"; readonly id: string }
  | { readonly kind: "agency"; readonly code: string }
  | { readonly kind: "topic"; readonly serviceId: ServiceId; readonly slug: string }
  | { readonly kind: "section"; readonly serviceId: ServiceId; readonly slug: string };

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
  /** Topics by slug (current slugs only; `movedKeys` maps old ones). */
  findTopics(serviceId: ServiceId, slugs: readonly string[]): Promise<Topic[]>;
  /** Everything an editor picks from when writing in this service. */
  listForService(
    serviceId: ServiceId,
  ): Promise<{ topics: Topic[]; people: Person[]; desks: Desk[]; agencies: Agency[] }>;
  listAgencies(): Promise<Agency[]>;

  removePerson(id: string): Promise<void>;
  removeDesk(id: string): Promise<void>;
  removeAgency(code: string): Promise<void>;
  removeTopic(serviceId: ServiceId, slug: string): Promise<void>;
  removeSection(serviceId: ServiceId, slug: string): Promise<void>;
  /** How many stories (drafts included) refer to the entry. */
  countReferences(reference: CatalogReference): Promise<number>;

  /**
   * Moves a topic's or section's stories from one key to another in one transaction and
   * leaves a redirect from the old key (earlier redirects to it are pointed at the new key).
   * A topic `to` that exists is a merge; one that does not is a rename.
   */
  moveKey(kind: RedirectKind, serviceId: ServiceId, from: string, to: string): Promise<void>;
  /**
   * Merges a duplicate person into another: bylines (index rows) and desk memberships move,
   * the duplicate is removed, and its id redirects to the survivor's.
   */
  mergePeople(from: Person, into: Person): Promise<void>;
  /**
   * Where a story's topics, section and people now live, in one read (a story page asks on
   * every render): only keys that moved are in the maps.
   */
  movedKeys(
    serviceId: ServiceId,
    keys: {
      readonly topics: readonly string[];
      readonly sections: readonly string[];
      readonly people: readonly string[];
    },
  ): Promise<{
    readonly topics: ReadonlyMap<string, string>;
    readonly sections: ReadonlyMap<string, string>;
    readonly people: ReadonlyMap<string, string>;
  }>;
}
