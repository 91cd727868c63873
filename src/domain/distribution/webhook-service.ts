import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import type { ServiceId } from "../services/service-registry.js";
import type { StoryEvent, StoryEventListener } from "../stories/story-events.js";
import {
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookRepository,
  type WebhookSubscription,
  webhookEventTypes,
} from "./webhook-repository.js";
import { signatureHeader, signPayload } from "./webhook-signature.js";

/** Builds the JSON body for an event (the story as ninjs); wired in src/main.ts. */
export type WebhookPayloadBuilder = (event: StoryEvent) => Promise<unknown>;

/** The HTTP client, passed in (a `fetch`), so tests and proxies can replace it. */
export type HttpPost = (
  url: string,
  init: { method: "POST"; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number }>;

/**
 * Retry schedule after each failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h (exponential
 * backoff). After the last one the delivery is marked failed and stays in the log.
 */
export const retryDelaysMs = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

const eventByStoryEvent: Partial<Record<StoryEvent["type"], WebhookEventType>> = {
  published: "published",
  updated: "updated",
  corrected: "corrected",
  killed: "killed",
  unpublished: "unpublished",
};

/**
 * Webhooks for partner stations. As a StoryEventListener it records one delivery per
 * matching subscription after each committed publish, update, correction, kill or
 * unpublish; `deliverDue` sends them, signed, and reschedules failures with backoff.
 * Deliveries live in the database, so a restart loses none and any instance may send.
 */
export class WebhookService implements StoryEventListener {
  readonly #repository: WebhookRepository;
  readonly #clock: Clock;
  readonly #post: HttpPost;
  readonly #payload: WebhookPayloadBuilder;
  readonly #timeoutMs: number;
  readonly #onQueued: (() => void) | undefined;

  constructor(deps: {
    repository: WebhookRepository;
    clock: Clock;
    post: HttpPost;
    payload: WebhookPayloadBuilder;
    timeoutMs?: number;
    /** Called after events are recorded, e.g. to trigger an immediate delivery run. */
    onQueued?: () => void;
  }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
    this.#post = deps.post;
    this.#payload = deps.payload;
    this.#timeoutMs = deps.timeoutMs ?? 10_000;
    this.#onQueued = deps.onQueued;
  }

  async subscribe(input: {
    url: string;
    events?: readonly WebhookEventType[];
    serviceId?: ServiceId | null;
  }): Promise<WebhookSubscription> {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch (cause) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "The webhook URL is not valid.",
        cause,
      });
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new NewsdeskError("VALIDATION_FAILED", { detail: "Webhook URLs must be http(s)." });
    }
    const subscription: WebhookSubscription = {
      id: newId(),
      url: url.toString(),
      secret: randomBytes(32).toString("base64url"),
      events: input.events ?? webhookEventTypes,
      serviceId: input.serviceId ?? null,
      active: true,
      createdAt: this.#clock.now().toISOString(),
    };
    await this.#repository.insertSubscription(subscription);
    return subscription;
  }

  async onStoryEvent(event: StoryEvent): Promise<void> {
    const type = eventByStoryEvent[event.type];
    if (!type) return;
    const subscriptions = (await this.#repository.listSubscriptions()).filter(
      (s) =>
        s.active &&
        s.events.includes(type) &&
        (s.serviceId === null || s.serviceId === event.story.serviceId),
    );
    if (subscriptions.length === 0) return;
    const now = this.#clock.now().toISOString();
    const story = await this.#payload(event);
    const deliveries: WebhookDelivery[] = subscriptions.map((subscription) => {
      const id = newId();
      return {
        id,
        subscriptionId: subscription.id,
        eventType: type,
        storyId: event.story.id,
        payload: JSON.stringify({
          id,
          event: type,
          occurredAt: event.at,
          service: event.story.serviceId,
          storyId: event.story.id,
          ...(event.note !== undefined ? { note: event.note } : {}),
          story,
        }),
        status: "pending",
        attempts: 0,
        nextAttemptAt: now,
        lastStatusCode: null,
        lastError: null,
        createdAt: now,
        updatedAt: now,
      };
    });
    await this.#repository.insertDeliveries(deliveries);
    this.#onQueued?.();
  }

  /** Sends every due delivery once; returns how many attempts were made. */
  async deliverDue(limit = 50): Promise<number> {
    const now = this.#clock.now().toISOString();
    const due = await this.#repository.listDue(now, limit);
    let attempted = 0;
    for (const delivery of due) {
      if (!(await this.#repository.claim(delivery.id, delivery.attempts, now))) continue;
      const subscription = await this.#repository.findSubscription(delivery.subscriptionId);
      if (!subscription) continue;
      await this.#attempt(subscription, delivery);
      attempted += 1;
    }
    return attempted;
  }

  /** The delivery log for the newsroom UI: newest first, with every attempt. */
  async deliveryLog(query: { subscriptionId?: string; storyId?: string; limit?: number }) {
    const deliveries = await this.#repository.listDeliveries({
      ...(query.subscriptionId ? { subscriptionId: query.subscriptionId } : {}),
      ...(query.storyId ? { storyId: query.storyId } : {}),
      limit: query.limit ?? 100,
    });
    return Promise.all(
      deliveries.map(async (delivery) => ({
        delivery,
        attempts: await this.#repository.listAttempts(delivery.id),
      })),
    );
  }

  async #attempt(subscription: WebhookSubscription, delivery: WebhookDelivery): Promise<void> {
    const started = this.#clock.now();
    const number = delivery.attempts + 1;
    let statusCode: number | null = null;
    let error: string | null = null;
    const t0 = performance.now();
    try {
      const response = await this.#post(subscription.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "Newsdesk-Webhooks/1",
          "Newsdesk-Delivery": delivery.id,
          "Newsdesk-Event": delivery.eventType,
          [signatureHeader]: signPayload(
            subscription.secret,
            Math.floor(started.getTime() / 1000),
            delivery.payload,
          ),
        },
        body: delivery.payload,
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      statusCode = response.status;
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    }
    const durationMs = Math.round(performance.now() - t0);
    const delay = retryDelaysMs[number - 1];
    const ok = error === null;
    const attempt: WebhookAttempt = {
      deliveryId: delivery.id,
      number,
      at: started.toISOString(),
      statusCode,
      error,
      durationMs,
    };
    await this.#repository.recordAttempt(attempt, {
      status: ok ? "delivered" : delay === undefined ? "failed" : "pending",
      attempts: number,
      nextAttemptAt:
        ok || delay === undefined ? null : new Date(started.getTime() + delay).toISOString(),
      lastStatusCode: statusCode,
      lastError: error,
      updatedAt: this.#clock.now().toISOString(),
    });
  }
}
