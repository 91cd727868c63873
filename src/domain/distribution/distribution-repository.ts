import type { Desk, Person, Topic } from "../people/people-schema.js";
import type { ServiceId } from "../services/service-registry.js";

/**
 * The catalogue as distribution lists it (content API, sitemaps). Published stories are
 * listed by the PublishedStoryRepository, which reader pages share.
 */
export interface DistributionRepository {
  listTopics(serviceId: ServiceId): Promise<Topic[]>;
  listPeople(serviceId: ServiceId): Promise<Person[]>;
  listDesks(serviceId: ServiceId): Promise<Desk[]>;
}
