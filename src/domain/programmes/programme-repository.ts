import type { ServiceId } from "../services/service-registry.js";
import type { Programme, ScheduleException, ScheduleSlot } from "./programme-schema.js";

/** A service's whole broadcast schedule: edited and saved as one document, versioned. */
export interface StoredSchedule {
  readonly slots: readonly ScheduleSlot[];
  readonly exceptions: readonly ScheduleException[];
  readonly version: number;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

export interface ProgrammeRepository {
  list(serviceId: ServiceId): Promise<Programme[]>;
  find(id: string): Promise<Programme | undefined>;
  findBySlug(serviceId: ServiceId, slug: string): Promise<Programme | undefined>;
  /** False when the service already has a programme with this slug. */
  insert(programme: Programme): Promise<boolean>;
  /** Writes the programme if its stored version is `programme.version - 1`. */
  update(programme: Programme): Promise<"saved" | "conflict" | "slug-taken">;
  remove(id: string): Promise<void>;
  findSchedule(serviceId: ServiceId): Promise<StoredSchedule | undefined>;
  /** Saves if the stored version is `expectedVersion` (0: none yet); false otherwise. */
  saveSchedule(
    serviceId: ServiceId,
    schedule: Pick<StoredSchedule, "slots" | "exceptions">,
    expectedVersion: number,
    at: string,
    by: string | null,
  ): Promise<boolean>;
}
