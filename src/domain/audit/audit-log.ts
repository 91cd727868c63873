import { z } from "zod";
import type { Actor } from "../actor.js";
import { actorId } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { ServiceId } from "../services/service-registry.js";
import { serviceIds } from "../services/service-registry.js";
import type { StoryEvent, StoryEventListener } from "../stories/story-events.js";
import {
  assertAdmin,
  assertCan,
  assertCanSomewhere,
  managedServices,
} from "../users/access-policy.js";
import { type AuditAction, auditActions } from "./audit-actions.js";

/** The largest page the audit-log screen may ask for. */
const maxAuditPageSize = 100;

const isoInstant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

/** The audit-log screen's filters, as the query string carries them. */
const auditSearchSchema = z.object({
  userId: z.string().min(1).max(64).optional(),
  action: z.enum(auditActions).optional(),
  serviceId: z.enum(serviceIds).optional(),
  /** Inclusive lower and exclusive upper bound of `at`. */
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(maxAuditPageSize).default(50),
});

/** What the repository filters by: the checked filters, with the services in scope. */
export interface AuditQuery {
  readonly actorId?: string;
  readonly action?: AuditAction;
  /** Entries of these services only; undefined: every entry, service or not. */
  readonly serviceIds?: readonly ServiceId[];
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly offset: number;
}

export type ListedAuditEntry = AuditEntry & { readonly actorName: string | null };

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
  }): Promise<ListedAuditEntry[]>;
  /** One page of entries matching the query, newest first, and how many match in all. */
  search(query: AuditQuery): Promise<{ entries: ListedAuditEntry[]; total: number }>;
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
    action: AuditAction,
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
      // A story event type missing from `auditActions` does not compile.
      action: `story.${event.type}` satisfies AuditAction,
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

  /**
   * The audit-log screen: entries filtered by user, action, service and time, a page at a
   * time. Administrators see every entry. A service admin sees the entries of the services
   * they administer (entries bound to no service, such as log-ins, stay with administrators);
   * asking for another service is refused with FORBIDDEN rather than answered empty, so a
   * wrong link says so instead of suggesting nothing happened there.
   */
  async search(
    actor: Actor,
    raw: unknown,
  ): Promise<{ entries: ListedAuditEntry[]; total: number; page: number; pageSize: number }> {
    assertCanSomewhere(actor, "audit.browse");
    const filter = parseOrThrow(auditSearchSchema, raw);
    let scope: readonly ServiceId[] | undefined;
    if (filter.serviceId) {
      assertCan(actor, "audit.browse", filter.serviceId);
      scope = [filter.serviceId];
    } else if (actor.kind === "user" && !actor.isAdmin) {
      scope = managedServices(actor);
    }
    if (filter.from && filter.to && filter.from >= filter.to) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "The start of the period must come before its end.",
      });
    }
    const { entries, total } = await this.#repository.search({
      ...(filter.userId ? { actorId: filter.userId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(scope ? { serviceIds: scope } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    });
    return { entries, total, page: filter.page, pageSize: filter.pageSize };
  }
}
