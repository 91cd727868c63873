import type { ServiceId } from "../services/service-registry.js";

export const webhookEventTypes = [
  "published",
  "updated",
  "corrected",
  "killed",
  "unpublished",
  // Live pages (issue 15): one delivery per post published, edited or deleted.
  "live.post.published",
  "live.post.edited",
  "live.post.deleted",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  /** Shared HMAC secret; the partner keeps a copy to verify signatures. */
  readonly secret: string;
  readonly events: readonly WebhookEventType[];
  /** null: every service. */
  readonly serviceId: ServiceId | null;
  readonly active: boolean;
  readonly createdAt: string;
}

type DeliveryStatus = "pending" | "delivering" | "delivered" | "failed";

export interface WebhookDelivery {
  readonly id: string;
  readonly subscriptionId: string;
  readonly eventType: WebhookEventType;
  readonly storyId: string;
  /** The exact bytes that are signed and sent, so every retry is identical. */
  readonly payload: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface WebhookAttempt {
  readonly deliveryId: string;
  readonly number: number;
  readonly at: string;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

export interface WebhookRepository {
  insertSubscription(subscription: WebhookSubscription): Promise<void>;
  listSubscriptions(): Promise<WebhookSubscription[]>;
  findSubscription(id: string): Promise<WebhookSubscription | undefined>;
  insertDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void>;
  /** Pending deliveries whose next attempt is due, oldest first. */
  listDue(now: string, limit: number): Promise<WebhookDelivery[]>;
  /**
   * Moves a delivery from pending to delivering only if nobody else did (several instances
   * may share one database); false when another worker claimed it first.
   */
  claim(id: string, attempts: number, now: string): Promise<boolean>;
  /** Records one attempt and the delivery's new state, in one transaction. */
  recordAttempt(
    attempt: WebhookAttempt,
    next: Pick<
      WebhookDelivery,
      "status" | "attempts" | "nextAttemptAt" | "lastStatusCode" | "lastError" | "updatedAt"
    >,
  ): Promise<void>;
  listDeliveries(query: {
    subscriptionId?: string;
    storyId?: string;
    limit: number;
  }): Promise<WebhookDelivery[]>;
  listAttempts(deliveryId: string): Promise<WebhookAttempt[]>;
  /** Removes a subscription with its deliveries and their attempts; false if none. */
  deleteSubscription(id: string): Promise<boolean>;
  findDelivery(id: string): Promise<WebhookDelivery | undefined>;
  /**
   * Makes a failed or waiting delivery due at `now` again (a manual retry); false when it
   * is in another state (delivered, or being sent right now).
   */
  requeueDelivery(id: string, now: string): Promise<boolean>;
}
