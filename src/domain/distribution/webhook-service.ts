import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import type { LiveEvent, LiveEventListener } from "../live/live-schema.js";
import type { OutboundRefusal, OutboundRequests } from "../outbound-requests.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { serviceIds } from "../services/service-registry.js";
import type { StoryEvent, StoryEventListener } from "../stories/story-events.js";
import { assertAdmin } from "../users/access-policy.js";
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

/**
 * Builds the post for a live-page event (issue 15), or null when partners must not hear of
 * it (the live page is not published: its posts are not public yet).
 */
export type LiveWebhookPayloadBuilder = (event: LiveEvent) => Promise<unknown | null>;

const eventByLiveEvent: Partial<Record<LiveEvent["type"], WebhookEventType>> = {
  "post-published": "live.post.published",
  "post-edited": "live.post.edited",
  "post-deleted": "live.post.deleted",
};

/** A partner's answer body is not used; a 2xx with more than this is still delivered. */
const responseBytes = 64 * 1024;

/** The stable code a refused webhook URL is reported with. */
function refusalError(refusal: OutboundRefusal): NewsdeskError {
  switch (refusal.reason) {
    case "invalid":
      return new NewsdeskError("WEBHOOK_URL_INVALID", { detail: refusal.detail });
    case "private":
      return new NewsdeskError("WEBHOOK_URL_PRIVATE", {
        detail: refusal.detail,
        details: { address: refusal.address },
      });
    case "unresolvable":
      return new NewsdeskError("WEBHOOK_URL_UNRESOLVABLE", { detail: refusal.detail });
  }
}

/**
 * Retry schedule after each failed attempt: 30 s, 2 min, 10 min, 1 h, 6 h (exponential
 * backoff). After the last one the delivery is marked failed and stays in the log.
 */
export const retryDelaysMs = [30_000, 120_000, 600_000, 3_600_000, 21_600_000] as const;

/** What an administrator gives when subscribing (HTTP, CLI and UI share it). */
const subscribeInput = z.object({
  url: z.string().trim().min(1).max(2000),
  events: z.array(z.enum(webhookEventTypes)).min(1).optional(),
  serviceId: z.enum(serviceIds).nullable().optional(),
});

/** A subscription as administrators see it after creation: everything but the secret. */
export type WebhookSubscriptionView = Omit<WebhookSubscription, "secret">;

export function subscriptionView(subscription: WebhookSubscription): WebhookSubscriptionView {
  const { secret: _secret, ...view } = subscription;
  return view;
}

/** One delivery in the log: its state and every attempt, without the payload bytes. */
export interface DeliveryLogEntry {
  readonly delivery: Omit<WebhookDelivery, "payload">;
  readonly attempts: readonly WebhookAttempt[];
}

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
export class WebhookService implements StoryEventListener, LiveEventListener {
  readonly #repository: WebhookRepository;
  readonly #clock: Clock;
  readonly #outbound: OutboundRequests;
  readonly #payload: WebhookPayloadBuilder;
  readonly #livePayload: LiveWebhookPayloadBuilder | undefined;
  readonly #timeoutMs: number;
  readonly #onQueued: (() => void) | undefined;

  constructor(deps: {
    repository: WebhookRepository;
    clock: Clock;
    /**
     * The guarded HTTP client (src/security/outbound-http.ts): it refuses private,
     * loopback and link-local addresses unless WEBHOOK_ALLOW_PRIVATE=1, and connects only
     * to the address it checked.
     */
    outbound: OutboundRequests;
    payload: WebhookPayloadBuilder;
    /** Live pages' posts; without it, live-post events are not delivered. */
    livePayload?: LiveWebhookPayloadBuilder;
    timeoutMs?: number;
    /** Called after events are recorded, e.g. to trigger an immediate delivery run. */
    onQueued?: () => void;
  }) {
    this.#repository = deps.repository;
    this.#clock = deps.clock;
    this.#outbound = deps.outbound;
    this.#payload = deps.payload;
    this.#livePayload = deps.livePayload;
    this.#timeoutMs = deps.timeoutMs ?? 10_000;
    this.#onQueued = deps.onQueued;
  }

  /**
   * Subscribes a partner's URL (administrators only). The URL must be http(s) and, unless
   * private addresses are allowed, resolve only to public addresses. The result carries
   * the signing secret, which the caller shows once.
   */
  async subscribe(actor: Actor, raw: unknown): Promise<WebhookSubscription> {
    assertAdmin(actor, "subscribe webhooks");
    const input = parseOrThrow(subscribeInput, raw);
    const checked = await this.#outbound.check(input.url);
    if (!checked.ok) throw refusalError(checked);
    const subscription: WebhookSubscription = {
      id: newId(),
      url: checked.url,
      secret: randomBytes(32).toString("base64url"),
      events: input.events
        ? webhookEventTypes.filter((e) => input.events?.includes(e))
        : webhookEventTypes,
      serviceId: input.serviceId ?? null,
      active: true,
      createdAt: this.#clock.now().toISOString(),
    };
    await this.#repository.insertSubscription(subscription);
    return subscription;
  }

  /** Every subscription, oldest first, without secrets (administrators only). */
  async subscriptions(actor: Actor): Promise<WebhookSubscriptionView[]> {
    assertAdmin(actor, "see webhook subscriptions");
    return (await this.#repository.listSubscriptions()).map(subscriptionView);
  }

  /** Removes a subscription and its delivery log (administrators only). */
  async unsubscribe(actor: Actor, id: string): Promise<void> {
    assertAdmin(actor, "remove webhook subscriptions");
    if (!(await this.#repository.deleteSubscription(id))) {
      throw new NewsdeskError("WEBHOOK_NOT_FOUND");
    }
  }

  /** One subscription's delivery log, newest first (administrators only). */
  async deliveriesOf(
    actor: Actor,
    subscriptionId: string,
    limit = 100,
  ): Promise<DeliveryLogEntry[]> {
    assertAdmin(actor, "read the webhook delivery log");
    if (!(await this.#repository.findSubscription(subscriptionId))) {
      throw new NewsdeskError("WEBHOOK_NOT_FOUND");
    }
    const log = await this.deliveryLog({ subscriptionId, limit });
    return log.map(({ delivery, attempts }) => {
      const { payload: _payload, ...rest } = delivery;
      return { delivery: rest, attempts };
    });
  }

  /**
   * Re-queues a failed delivery, or one waiting for its next retry, to be sent on the next
   * run (administrators only). The same signed bytes are sent; a failure after the last
   * scheduled retry marks it failed again at once.
   */
  async retry(actor: Actor, subscriptionId: string, deliveryId: string): Promise<DeliveryLogEntry> {
    assertAdmin(actor, "retry webhook deliveries");
    const delivery = await this.#repository.findDelivery(deliveryId);
    if (!delivery || delivery.subscriptionId !== subscriptionId) {
      throw new NewsdeskError("WEBHOOK_DELIVERY_NOT_FOUND");
    }
    if (!(await this.#repository.requeueDelivery(deliveryId, this.#clock.now().toISOString()))) {
      throw new NewsdeskError("WEBHOOK_DELIVERY_NOT_RETRYABLE", {
        details: { status: delivery.status },
      });
    }
    this.#onQueued?.();
    const updated = (await this.#repository.findDelivery(deliveryId)) ?? delivery;
    const { payload: _payload, ...rest } = updated;
    return { delivery: rest, attempts: await this.#repository.listAttempts(deliveryId) };
  }

  /** One delivery per subscription for each post of a published live page (issue 15). */
  async onLiveEvent(event: LiveEvent): Promise<void> {
    const type = eventByLiveEvent[event.type];
    if (!type || event.postId === null || !this.#livePayload) return;
    const subscriptions = await this.#subscribed(type, event.serviceId);
    if (subscriptions.length === 0) return;
    const post = await this.#livePayload(event);
    if (post === null) return;
    const now = this.#clock.now().toISOString();
    await this.#repository.insertDeliveries(
      subscriptions.map((subscription) => {
        const id = newId();
        return {
          id,
          subscriptionId: subscription.id,
          eventType: type,
          storyId: event.storyId,
          payload: JSON.stringify({
            id,
            event: type,
            occurredAt: event.at,
            service: event.serviceId,
            storyId: event.storyId,
            postId: event.postId,
            post,
          }),
          status: "pending",
          attempts: 0,
          nextAttemptAt: now,
          lastStatusCode: null,
          lastError: null,
          createdAt: now,
          updatedAt: now,
        } satisfies WebhookDelivery;
      }),
    );
    this.#onQueued?.();
  }

  async #subscribed(type: WebhookEventType, serviceId: string): Promise<WebhookSubscription[]> {
    return (await this.#repository.listSubscriptions()).filter(
      (s) =>
        s.active && s.events.includes(type) && (s.serviceId === null || s.serviceId === serviceId),
    );
  }

  async onStoryEvent(event: StoryEvent): Promise<void> {
    const type = eventByStoryEvent[event.type];
    if (!type) return;
    const subscriptions = await this.#subscribed(type, event.story.serviceId);
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
    // The guard checks the address again at each attempt (DNS may have changed since the
    // subscription) and connects to the address it checked. Redirects are not followed:
    // the signed payload goes to the URL the administrator subscribed, or nowhere.
    const result = await this.#outbound.request(subscription.url, {
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
      timeoutMs: this.#timeoutMs,
      maxBytes: responseBytes,
      maxRedirects: 0,
    });
    switch (result.kind) {
      case "response":
      case "too-large":
        statusCode = result.status;
        if (result.status < 200 || result.status >= 300) error = `HTTP ${result.status}`;
        break;
      case "refused":
        error = `${refusalError(result).code}: ${result.detail}`;
        break;
      case "failed":
        error = result.detail;
        break;
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
