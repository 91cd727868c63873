import { z } from "zod";
import type { Actor } from "../actor.js";
import { actorId } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { type ServiceId, serviceIds } from "../services/service-registry.js";
import { isoDateTimeSchema } from "../stories/story-schema.js";
import { assertCan, can } from "../users/access-policy.js";
import type { BreakingNewsRepository } from "./breaking-news-repository.js";
import type { BreakingNewsService } from "./breaking-news-service.js";

/**
 * One breaking story, many services: an editor raises an alert for several services at
 * once, each with text in its own language. Services whose text is not written yet wait
 * for a translator. Text goes live on a service's pages only by an editor of that service
 * (or an administrator): an editor's own text goes live at once; a translator's waits, as
 * `awaiting-approval`, until an editor of that service approves it.
 */
export type AlertServiceStatus = "awaiting-translation" | "awaiting-approval" | "live" | "expired";

export interface AlertEntry {
  readonly serviceId: ServiceId;
  readonly text: string | null;
  readonly bannerId: string | null;
}

export interface BreakingAlert {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly expiresAt: string;
  readonly url: string | null;
  readonly entries: readonly AlertEntry[];
}

export interface AlertRepository {
  insert(alert: BreakingAlert): Promise<void>;
  setEntry(alertId: string, entry: AlertEntry): Promise<void>;
  find(id: string): Promise<BreakingAlert | undefined>;
  listRecent(limit: number): Promise<BreakingAlert[]>;
}

const alertInputSchema = z.object({
  expiresAt: isoDateTimeSchema,
  url: z
    .string()
    .max(2048)
    .refine((href) => /^(https?:\/\/|\/(?!\/))/i.test(href), {
      message: "Links must be http(s) URLs or site-relative paths.",
    })
    .nullable()
    .default(null),
  /** Text per service; `null` marks a service that waits for its translation. */
  services: z
    .partialRecord(z.enum(serviceIds), z.string().trim().min(1).max(300).nullable())
    .refine((s) => Object.keys(s).length > 0, { message: "Choose at least one service." }),
});

export class BreakingAlertService {
  readonly #alerts: AlertRepository;
  readonly #banners: BreakingNewsService;
  readonly #bannerRepository: BreakingNewsRepository;
  readonly #clock: Clock;

  constructor(deps: {
    alerts: AlertRepository;
    banners: BreakingNewsService;
    bannerRepository: BreakingNewsRepository;
    clock: Clock;
  }) {
    this.#alerts = deps.alerts;
    this.#banners = deps.banners;
    this.#bannerRepository = deps.bannerRepository;
    this.#clock = deps.clock;
  }

  async raise(actor: Actor, raw: unknown): Promise<BreakingAlert> {
    const input = parseOrThrow(alertInputSchema, raw);
    const entries = Object.entries(input.services) as [ServiceId, string | null][];
    for (const [serviceId] of entries) assertCan(actor, "banner.manage", serviceId);
    if (Date.parse(input.expiresAt) <= this.#clock.now().getTime()) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "The alert must expire in the future.",
      });
    }
    const alert: BreakingAlert = {
      id: newId(),
      createdAt: this.#clock.now().toISOString(),
      createdBy: actorId(actor),
      expiresAt: input.expiresAt,
      url: input.url,
      entries: entries.map(([serviceId, text]) => ({ serviceId, text, bannerId: null })),
    };
    await this.#alerts.insert(alert);
    for (const [serviceId, text] of entries) {
      if (text) await this.#goLive(actor, alert, serviceId, text);
    }
    return (await this.#alerts.find(alert.id)) ?? alert;
  }

  /**
   * A translator (or editor) supplies one service's text. An editor's text goes live at once;
   * a translator's waits for an editor's approval. A translator may not replace text that is
   * already live: that is an editor's call.
   */
  async translate(
    actor: Actor,
    alertId: string,
    serviceId: ServiceId,
    text: unknown,
  ): Promise<BreakingAlert> {
    assertCan(actor, "alert.translate", serviceId);
    const value = parseOrThrow(z.string().trim().min(1).max(300), text);
    const { alert, entry } = await this.#openEntry(alertId, serviceId);
    if (can(actor, "banner.manage", serviceId)) {
      await this.#goLive(actor, alert, serviceId, value);
    } else {
      if (entry.bannerId !== null) {
        throw new NewsdeskError("FORBIDDEN", {
          detail: `This alert is already live in the ${serviceId} service; only its editors can change the text.`,
        });
      }
      await this.#alerts.setEntry(alert.id, { serviceId, text: value, bannerId: null });
    }
    return (await this.#alerts.find(alertId)) ?? alert;
  }

  /** An editor of the service puts a translator's text live. */
  async approve(actor: Actor, alertId: string, serviceId: ServiceId): Promise<BreakingAlert> {
    assertCan(actor, "banner.manage", serviceId);
    const { alert, entry } = await this.#openEntry(alertId, serviceId);
    if (entry.text === null || entry.bannerId !== null) {
      throw new NewsdeskError("INVALID_TRANSITION", {
        detail: "There is no translation waiting for approval in that service.",
      });
    }
    await this.#goLive(actor, alert, serviceId, entry.text);
    return (await this.#alerts.find(alertId)) ?? alert;
  }

  async #openEntry(
    alertId: string,
    serviceId: ServiceId,
  ): Promise<{ alert: BreakingAlert; entry: AlertEntry }> {
    const alert = await this.#alerts.find(alertId);
    const entry = alert?.entries.find((e) => e.serviceId === serviceId);
    if (!alert || !entry) {
      throw new NewsdeskError("NOT_FOUND", { detail: "The alert does not include that service." });
    }
    if (Date.parse(alert.expiresAt) <= this.#clock.now().getTime()) {
      throw new NewsdeskError("INVALID_TRANSITION", { detail: "The alert has expired." });
    }
    return { alert, entry };
  }

  /**
   * Recent alerts with each service's status, limited to the services the actor works in:
   * an alert shows only its entries in those services, and alerts with none are left out.
   */
  async list(
    actor: Actor,
    limit = 20,
  ): Promise<(BreakingAlert & { status: Record<string, AlertServiceStatus> })[]> {
    const alerts = (await this.#alerts.listRecent(limit))
      .map((alert) => ({
        ...alert,
        entries: alert.entries.filter((e) => can(actor, "story.view", e.serviceId)),
      }))
      .filter((alert) => alert.entries.length > 0);
    const now = this.#clock.now();
    const active = new Map<ServiceId, string | undefined>();
    const out = [];
    for (const alert of alerts) {
      const status: Record<string, AlertServiceStatus> = {};
      for (const entry of alert.entries) {
        if (!active.has(entry.serviceId)) {
          active.set(
            entry.serviceId,
            (await this.#bannerRepository.findActive(entry.serviceId, now.toISOString()))?.id,
          );
        }
        status[entry.serviceId] =
          Date.parse(alert.expiresAt) <= now.getTime()
            ? "expired"
            : entry.bannerId === null
              ? entry.text === null
                ? "awaiting-translation"
                : "awaiting-approval"
              : active.get(entry.serviceId) === entry.bannerId
                ? "live"
                : "expired";
      }
      out.push({ ...alert, status });
    }
    return out;
  }

  async #goLive(
    actor: Actor,
    alert: BreakingAlert,
    serviceId: ServiceId,
    text: string,
  ): Promise<void> {
    const banner = await this.#banners.raise(actor, {
      serviceId,
      text,
      url: alert.url,
      expiresAt: alert.expiresAt,
    });
    await this.#alerts.setEntry(alert.id, { serviceId, text, bannerId: banner.id });
  }
}
