import { z } from "zod";
import type { Actor } from "../actor.js";
import { actorId } from "../actor.js";
import type { AuditLog } from "../audit/audit-log.js";
import { cacheTags } from "../cache/cache-tags.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { ServiceId } from "../services/service-registry.js";
import { assertCan } from "../users/access-policy.js";
import type { ProgrammeRepository, StoredSchedule } from "./programme-repository.js";
import {
  isPodcastArtwork,
  maxExceptionsPerService,
  maxSlotsPerService,
  type Programme,
  programmeArtworkWidth,
  programmeInputSchema,
  type ScheduleException,
  type ScheduleSlot,
  scheduleExceptionInputSchema,
  scheduleSlotInputSchema,
} from "./programme-schema.js";

const scheduleSaveSchema = z.object({
  version: z.number().int().min(0),
  slots: z
    .array(scheduleSlotInputSchema.and(z.object({ id: z.string().min(1).max(64).optional() })))
    .max(maxSlotsPerService),
  exceptions: z.array(scheduleExceptionInputSchema).max(maxExceptionsPerService),
});

const programmeSaveSchema = programmeInputSchema.extend({ version: z.number().int().min(1) });

/**
 * Programmes and the weekly broadcast schedule of a service. Everyone with a role in the
 * service reads them in the newsroom; editors (`programme.manage`) change them. Saves name the
 * version they started from and are refused on a conflict (as curation is), and every change
 * is audited. Readers' pages are told exactly which of them changed.
 */
export class ProgrammeService {
  readonly #repository: ProgrammeRepository;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #onChange: (tags: readonly string[]) => Promise<void>;
  /** Whether a person exists (presenters must be people of the catalogue). */
  readonly #personExists: (id: string) => Promise<boolean>;
  /** A media-library image's size, or undefined when there is no such image. */
  readonly #imageSize: (mediaId: string) => Promise<{ width: number; height: number } | undefined>;

  constructor(deps: {
    repository: ProgrammeRepository;
    audit: AuditLog;
    clock: Clock;
    onChange: (tags: readonly string[]) => Promise<void>;
    personExists: (id: string) => Promise<boolean>;
    imageSize: (mediaId: string) => Promise<{ width: number; height: number } | undefined>;
  }) {
    this.#repository = deps.repository;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#onChange = deps.onChange;
    this.#personExists = deps.personExists;
    this.#imageSize = deps.imageSize;
  }

  async list(actor: Actor, serviceId: ServiceId): Promise<Programme[]> {
    assertCan(actor, "story.view", serviceId);
    return this.#repository.list(serviceId);
  }

  async get(actor: Actor, id: string): Promise<Programme> {
    const programme = await this.#found(id);
    assertCan(actor, "story.view", programme.serviceId);
    return programme;
  }

  async create(actor: Actor, serviceId: ServiceId, body: unknown): Promise<Programme> {
    assertCan(actor, "programme.manage", serviceId);
    const input = parseOrThrow(programmeInputSchema, body);
    await this.#checkPresenters(input.presenterIds);
    await this.#checkArtwork(input.artworkMediaId);
    const now = this.#clock.now().toISOString();
    const programme: Programme = {
      ...input,
      ownerName: input.ownerName ?? null,
      ownerEmail: input.ownerEmail ?? null,
      id: newId(),
      serviceId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.#repository.insert(programme))) {
      throw new NewsdeskError("PROGRAMME_SLUG_TAKEN", { details: { slug: input.slug } });
    }
    await this.#audit.record(
      actor,
      "programme.create",
      { serviceId },
      { programmeId: programme.id, slug: programme.slug },
    );
    await this.#onChange([cacheTags.programmes(serviceId)]);
    return programme;
  }

  async update(actor: Actor, id: string, body: unknown): Promise<Programme> {
    const current = await this.#found(id);
    assertCan(actor, "programme.manage", current.serviceId);
    const { version, ...input } = parseOrThrow(programmeSaveSchema, body);
    if (version !== current.version) throw new NewsdeskError("PROGRAMME_CONFLICT");
    await this.#checkPresenters(input.presenterIds);
    if (input.artworkMediaId !== current.artworkMediaId) {
      // Artwork saved before this check stays until it is changed.
      await this.#checkArtwork(input.artworkMediaId);
    }
    const next: Programme = {
      ...current,
      ...input,
      ownerName: input.ownerName === undefined ? current.ownerName : input.ownerName,
      ownerEmail: input.ownerEmail === undefined ? current.ownerEmail : input.ownerEmail,
      version: current.version + 1,
      updatedAt: this.#clock.now().toISOString(),
    };
    const outcome = await this.#repository.update(next);
    if (outcome === "conflict") throw new NewsdeskError("PROGRAMME_CONFLICT");
    if (outcome === "slug-taken") {
      throw new NewsdeskError("PROGRAMME_SLUG_TAKEN", { details: { slug: input.slug } });
    }
    await this.#audit.record(
      actor,
      "programme.edit",
      { serviceId: current.serviceId },
      { programmeId: id },
    );
    await this.#onChange([
      cacheTags.programmes(current.serviceId),
      cacheTags.programme(id),
      cacheTags.schedule(current.serviceId),
    ]);
    return next;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const current = await this.#found(id);
    assertCan(actor, "programme.manage", current.serviceId);
    const schedule = await this.#repository.findSchedule(current.serviceId);
    const inUse =
      schedule?.slots.some((s) => s.programmeId === id) === true ||
      schedule?.exceptions.some((e) => e.kind === "moved" && e.programmeId === id) === true;
    if (inUse) throw new NewsdeskError("PROGRAMME_IN_USE");
    await this.#repository.remove(id);
    await this.#audit.record(
      actor,
      "programme.remove",
      { serviceId: current.serviceId },
      { programmeId: id, slug: current.slug },
    );
    await this.#onChange([cacheTags.programmes(current.serviceId), cacheTags.programme(id)]);
  }

  async schedule(actor: Actor, serviceId: ServiceId): Promise<StoredSchedule> {
    assertCan(actor, "story.view", serviceId);
    return this.readSchedule(serviceId);
  }

  /** The schedule readers see (no actor: it is public). */
  async readSchedule(serviceId: ServiceId): Promise<StoredSchedule> {
    return (
      (await this.#repository.findSchedule(serviceId)) ?? {
        slots: [],
        exceptions: [],
        version: 0,
        updatedAt: null,
        updatedBy: null,
      }
    );
  }

  /**
   * Replaces the service's whole schedule. Slots keep their ids (so exceptions and calendar
   * UIDs stay attached); new slots get one. Every programme and exception must belong here.
   */
  async saveSchedule(actor: Actor, serviceId: ServiceId, body: unknown): Promise<StoredSchedule> {
    assertCan(actor, "programme.manage", serviceId);
    const input = parseOrThrow(scheduleSaveSchema, body);
    const programmes = new Set((await this.#repository.list(serviceId)).map((p) => p.id));
    const slots: ScheduleSlot[] = input.slots.map((slot) => ({
      ...slot,
      id: slot.id ?? newId(),
      serviceId,
    }));
    const slotIds = new Set(slots.map((s) => s.id));
    if (slotIds.size !== slots.length) {
      throw new NewsdeskError("SCHEDULE_INVALID", { detail: "Two slots have the same id." });
    }
    const unknownProgramme = [
      ...slots.map((s) => s.programmeId),
      ...input.exceptions.flatMap((e) =>
        e.kind === "moved" && e.programmeId ? [e.programmeId] : [],
      ),
    ].find((id) => !programmes.has(id));
    if (unknownProgramme !== undefined) {
      throw new NewsdeskError("SCHEDULE_INVALID", {
        detail: `No programme of this service has the id ${unknownProgramme}.`,
      });
    }
    const orphan = input.exceptions.find((e) => !slotIds.has(e.slotId));
    if (orphan) {
      throw new NewsdeskError("SCHEDULE_INVALID", {
        detail: `An exception on ${orphan.date} refers to a slot that is not in the schedule.`,
      });
    }
    const seen = new Set<string>();
    for (const exception of input.exceptions) {
      const key = `${exception.slotId}|${exception.date}`;
      if (seen.has(key)) {
        throw new NewsdeskError("SCHEDULE_INVALID", {
          detail: `A slot has two exceptions on ${exception.date}.`,
        });
      }
      seen.add(key);
    }
    const exceptions: ScheduleException[] = input.exceptions.map((e) => ({ ...e, id: newId() }));
    const at = this.#clock.now().toISOString();
    const saved = await this.#repository.saveSchedule(
      serviceId,
      { slots, exceptions },
      input.version,
      at,
      actorId(actor),
    );
    if (!saved) throw new NewsdeskError("SCHEDULE_CONFLICT");
    await this.#audit.record(
      actor,
      "schedule.saved",
      { serviceId },
      { slots: slots.length, exceptions: exceptions.length },
    );
    // The home page shows what is on now; programme pages show their slots.
    await this.#onChange([cacheTags.schedule(serviceId), cacheTags.programmes(serviceId)]);
    return this.readSchedule(serviceId);
  }

  async #found(id: string): Promise<Programme> {
    const programme = await this.#repository.find(id);
    if (!programme) throw new NewsdeskError("PROGRAMME_NOT_FOUND");
    return programme;
  }

  /** Podcast artwork as Apple Podcasts takes it (programmeArtworkWidth explains the size). */
  async #checkArtwork(mediaId: string | null): Promise<void> {
    if (mediaId === null) return;
    const size = await this.#imageSize(mediaId);
    if (!size) {
      throw new NewsdeskError("PROGRAMME_ARTWORK_INVALID", {
        detail: `There is no image with the id ${mediaId} in the media library.`,
      });
    }
    if (!isPodcastArtwork(size)) {
      throw new NewsdeskError("PROGRAMME_ARTWORK_INVALID", {
        detail: `The image is ${size.width}×${size.height} pixels; podcast artwork must be square and at least ${programmeArtworkWidth}×${programmeArtworkWidth}.`,
        details: { width: size.width, height: size.height, minimum: programmeArtworkWidth },
      });
    }
  }

  async #checkPresenters(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      if (!(await this.#personExists(id))) {
        throw new NewsdeskError("UNKNOWN_REFERENCE", {
          detail: `There is no person with the id ${id}.`,
        });
      }
    }
  }
}
