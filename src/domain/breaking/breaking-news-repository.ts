import type { ServiceId } from "../services/service-registry.js";
import type { BreakingBanner } from "./breaking-news-schema.js";

export interface BreakingNewsRepository {
  insert(banner: BreakingBanner): Promise<void>;
  /** Clears every banner of the service that is not yet cleared. */
  clear(serviceId: ServiceId, at: string): Promise<number>;
  /** The newest banner of the service that is neither cleared nor expired at `now`. */
  findActive(serviceId: ServiceId, now: string): Promise<BreakingBanner | undefined>;
}
