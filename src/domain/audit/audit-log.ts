import type { Actor } from "../actor.js";
import { actorId } from "../actor.js";
import type { Clock } from "../clock.js";
import { newId } from "../ids.js";
import type { ServiceId } from "../services/service-registry.js";
import type { StoryEvent, StoryEventListener } from "../stories/story-events.js";
import { assertAdmin, assertCan } from "../users/access-policy.js";

/** One line of the audit log: who did what, when, to which story or service. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actorId: string | null;
  readonly action: string;
  readonly storyId: string | null;
  readonly serviceId: ServiceId | null;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditRepository {
  insert(entry: AuditEntry): Promise<void>;
  list(filter: {
    storyId?: string;
    serviceId?: ServiceId;
    limit: number;
  }): Promise<(AuditEntry & { actorName: string | null })[]>;
}

/** Writes the audit log; also listens to story events so no workflow action goes unrecorded. */
export class AuditLog implements StoryEventListener {
  readonly #repository: AuditRepository;
  readonly #clock: Clock;

  constructor(deps: { repository: AuditRepository; clock: Clock }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
  }

  async record(
    actor: Actor,
    action: string,
    target: { storyId?: string; serviceId?: ServiceId },
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.#repository.insert({
      id: newId(),
      at: this.#clock.now().toISOString(),
      actorId: actorId(actor),
      action,
      storyId: target.storyId ?? null,
      serviceId: target.serviceId ?? null,
      details: actor.kind === "system" ? { ...details, system: actor.reason } : details,
    });
  }

  async onStoryEvent(event: StoryEvent): Promise<void> {
    await this.#repository.insert({
      id: newId(),
      at: event.at,
      actorId: event.actorId,
      action: `story.${event.type}`,
      storyId: event.story.id,
      serviceId: event.story.serviceId,
      details: {
        status: event.story.status,
        revision: event.story.currentRevisionNumber,
        ...(event.note ? { note: event.note } : {}),
        ...(event.story.scheduledAt && event.type === "scheduled"
          ? { scheduledAt: event.story.scheduledAt }
          : {}),
      },
    });
  }

  /**
   * The log of one service (or of one story in it) for anyone with a role there; the whole
   * log, across services, for administrators only. A story's entries are asked for with the
   * story's service, which the caller has already checked the actor may see.
   */
  read(
    actor: Actor,
    filter: { story?: { id: string; serviceId: ServiceId }; serviceId?: ServiceId; limit: number },
  ) {
    if (filter.story) {
      assertCan(actor, "audit.read", filter.story.serviceId);
      return this.#repository.list({ storyId: filter.story.id, limit: filter.limit });
    }
    if (filter.serviceId) {
      assertCan(actor, "audit.read", filter.serviceId);
      return this.#repository.list({ serviceId: filter.serviceId, limit: filter.limit });
    }
    assertAdmin(actor, "read the whole audit log");
    return this.#repository.list({ limit: filter.limit });
  }
}
