import type { Mirror, MirrorReadRepository } from "./mirror-schema.js";

/** What the newsroom changes; pages and exports only read (`MirrorReadRepository`). */
export interface MirrorRepository extends MirrorReadRepository {
  /** False when the URL is already listed (for any service): one origin, one service. */
  insert(mirror: Mirror, createdBy: string | null): Promise<boolean>;
  /** The removed mirror, or undefined when there was none with that id in the service. */
  remove(serviceId: string, id: string): Promise<Mirror | undefined>;
}
