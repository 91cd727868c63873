import type { Kysely, Selectable } from "kysely";
import type { ApiKeyRecord, ApiKeyRepository } from "../domain/distribution/api-key-repository.js";
import type { DistributionRepository } from "../domain/distribution/distribution-repository.js";
import {
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookRepository,
  type WebhookSubscription,
  webhookEventTypes,
} from "../domain/distribution/webhook-repository.js";
import type { Desk, Person, Topic } from "../domain/people/people-schema.js";
import { isServiceId, type ServiceId } from "../domain/services/service-registry.js";
import type { DatabaseSchema } from "./database-schema.js";

/** Tables added by migration 0005; kept here so the shared schema file stays untouched. */
type DistributionTables = {
  api_keys: {
    id: string;
    name: string;
    secret_hash: string;
    rate_limit_per_minute: number;
    created_at: string;
    revoked_at: string | null;
  };
  webhook_subscriptions: {
    id: string;
    url: string;
    secret: string;
    events: string;
    service_id: string | null;
    active: number;
    created_at: string;
  };
  webhook_deliveries: {
    id: string;
    subscription_id: string;
    event_type: string;
    story_id: string;
    payload: string;
    status: string;
    attempts: number;
    next_attempt_at: string | null;
    last_status_code: number | null;
    last_error: string | null;
    created_at: string;
    updated_at: string;
  };
  webhook_attempts: {
    delivery_id: string;
    number: number;
    at: string;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
  };
};

type Db = Kysely<DatabaseSchema & DistributionTables>;

/** The catalogue lists of distribution, API keys and the webhook log, both dialects. */
export class DistributionSqlRepository
  implements DistributionRepository, ApiKeyRepository, WebhookRepository
{
  readonly #db: Db;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db.withTables<DistributionTables>();
  }

  async listTopics(serviceId: ServiceId): Promise<Topic[]> {
    const rows = await this.#db
      .selectFrom("topics")
      .selectAll()
      .where("service_id", "=", serviceId)
      .orderBy("slug")
      .execute();
    return rows.map((r) => ({ serviceId, slug: r.slug, name: r.name }));
  }

  async listPeople(serviceId: ServiceId): Promise<Person[]> {
    const rows = await this.#db
      .selectFrom("people")
      .selectAll()
      .where("service_id", "=", serviceId)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ id: r.id, serviceId, name: r.name, title: r.title }));
  }

  async listDesks(serviceId: ServiceId): Promise<Desk[]> {
    const rows = await this.#db
      .selectFrom("desks")
      .selectAll()
      .where("service_id", "=", serviceId)
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ id: r.id, serviceId, name: r.name, description: r.description }));
  }

  // --- API keys -------------------------------------------------------------------------

  async insertApiKey(key: ApiKeyRecord): Promise<void> {
    await this.#db
      .insertInto("api_keys")
      .values({
        id: key.id,
        name: key.name,
        secret_hash: key.secretHash,
        rate_limit_per_minute: key.rateLimitPerMinute,
        created_at: key.createdAt,
        revoked_at: key.revokedAt,
      })
      .execute();
  }

  async findApiKey(id: string): Promise<ApiKeyRecord | undefined> {
    const r = await this.#db
      .selectFrom("api_keys")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return r ? apiKeyFromRow(r) : undefined;
  }

  async listApiKeys(): Promise<ApiKeyRecord[]> {
    const rows = await this.#db
      .selectFrom("api_keys")
      .selectAll()
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
    return rows.map(apiKeyFromRow);
  }

  async revokeApiKey(id: string, at: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("api_keys")
      .set({ revoked_at: at })
      .where("id", "=", id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  // --- Webhooks -------------------------------------------------------------------------

  async insertSubscription(s: WebhookSubscription): Promise<void> {
    await this.#db
      .insertInto("webhook_subscriptions")
      .values({
        id: s.id,
        url: s.url,
        secret: s.secret,
        events: JSON.stringify(s.events),
        service_id: s.serviceId,
        active: s.active ? 1 : 0,
        created_at: s.createdAt,
      })
      .execute();
  }

  async listSubscriptions(): Promise<WebhookSubscription[]> {
    const rows = await this.#db
      .selectFrom("webhook_subscriptions")
      .selectAll()
      .orderBy("created_at")
      .execute();
    return rows.map(subscriptionFromRow);
  }

  async findSubscription(id: string): Promise<WebhookSubscription | undefined> {
    const row = await this.#db
      .selectFrom("webhook_subscriptions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? subscriptionFromRow(row) : undefined;
  }

  async insertDeliveries(deliveries: readonly WebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.#db
      .insertInto("webhook_deliveries")
      .values(
        deliveries.map((d) => ({
          id: d.id,
          subscription_id: d.subscriptionId,
          event_type: d.eventType,
          story_id: d.storyId,
          payload: d.payload,
          status: d.status,
          attempts: d.attempts,
          next_attempt_at: d.nextAttemptAt,
          last_status_code: d.lastStatusCode,
          last_error: d.lastError,
          created_at: d.createdAt,
          updated_at: d.updatedAt,
        })),
      )
      .execute();
  }

  async listDue(now: string, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.#db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("status", "=", "pending")
      .where("next_attempt_at", "<=", now)
      .orderBy("next_attempt_at")
      .orderBy("created_at")
      .orderBy("id")
      .limit(limit)
      .execute();
    return rows.map(deliveryFromRow);
  }

  async claim(id: string, attempts: number, now: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("webhook_deliveries")
      .set({ status: "delivering", updated_at: now })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where("attempts", "=", attempts)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async recordAttempt(
    attempt: WebhookAttempt,
    next: Pick<
      WebhookDelivery,
      "status" | "attempts" | "nextAttemptAt" | "lastStatusCode" | "lastError" | "updatedAt"
    >,
  ): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("webhook_attempts")
        .values({
          delivery_id: attempt.deliveryId,
          number: attempt.number,
          at: attempt.at,
          status_code: attempt.statusCode,
          error: attempt.error,
          duration_ms: attempt.durationMs,
        })
        .execute();
      await trx
        .updateTable("webhook_deliveries")
        .set({
          status: next.status,
          attempts: next.attempts,
          next_attempt_at: next.nextAttemptAt,
          last_status_code: next.lastStatusCode,
          last_error: next.lastError,
          updated_at: next.updatedAt,
        })
        .where("id", "=", attempt.deliveryId)
        .execute();
    });
  }

  async listDeliveries(query: {
    subscriptionId?: string;
    storyId?: string;
    limit: number;
  }): Promise<WebhookDelivery[]> {
    let q = this.#db.selectFrom("webhook_deliveries").selectAll();
    if (query.subscriptionId) q = q.where("subscription_id", "=", query.subscriptionId);
    if (query.storyId) q = q.where("story_id", "=", query.storyId);
    const rows = await q
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit)
      .execute();
    return rows.map(deliveryFromRow);
  }

  async listAttempts(deliveryId: string): Promise<WebhookAttempt[]> {
    const rows = await this.#db
      .selectFrom("webhook_attempts")
      .selectAll()
      .where("delivery_id", "=", deliveryId)
      .orderBy("number")
      .execute();
    return rows.map((r) => ({
      deliveryId: r.delivery_id,
      number: Number(r.number),
      at: r.at,
      statusCode: r.status_code === null ? null : Number(r.status_code),
      error: r.error,
      durationMs: Number(r.duration_ms),
    }));
  }

  async deleteSubscription(id: string): Promise<boolean> {
    // Children first and explicitly: SQLite enforces ON DELETE CASCADE only with the
    // foreign_keys pragma, and this must not depend on a connection setting.
    return this.#db.transaction().execute(async (trx) => {
      await trx
        .deleteFrom("webhook_attempts")
        .where("delivery_id", "in", (eb) =>
          eb.selectFrom("webhook_deliveries").select("id").where("subscription_id", "=", id),
        )
        .execute();
      await trx.deleteFrom("webhook_deliveries").where("subscription_id", "=", id).execute();
      const result = await trx
        .deleteFrom("webhook_subscriptions")
        .where("id", "=", id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    });
  }

  async findDelivery(id: string): Promise<WebhookDelivery | undefined> {
    const row = await this.#db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? deliveryFromRow(row) : undefined;
  }

  async requeueDelivery(id: string, now: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("webhook_deliveries")
      .set({ status: "pending", next_attempt_at: now, updated_at: now })
      .where("id", "=", id)
      .where("status", "in", ["failed", "pending"])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}

function apiKeyFromRow(r: Selectable<DistributionTables["api_keys"]>): ApiKeyRecord {
  return {
    id: r.id,
    name: r.name,
    secretHash: r.secret_hash,
    rateLimitPerMinute: Number(r.rate_limit_per_minute),
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

function subscriptionFromRow(
  r: Selectable<DistributionTables["webhook_subscriptions"]>,
): WebhookSubscription {
  // JSON read back from the database is a boundary: keep only known event names.
  const parsed: unknown = JSON.parse(r.events);
  const events = Array.isArray(parsed)
    ? webhookEventTypes.filter((type) => parsed.includes(type))
    : [];
  return {
    id: r.id,
    url: r.url,
    secret: r.secret,
    events,
    serviceId: r.service_id !== null && isServiceId(r.service_id) ? r.service_id : null,
    active: Number(r.active) === 1,
    createdAt: r.created_at,
  };
}

function deliveryFromRow(r: Selectable<DistributionTables["webhook_deliveries"]>): WebhookDelivery {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    eventType: r.event_type as WebhookEventType,
    storyId: r.story_id,
    payload: r.payload,
    status: r.status as WebhookDelivery["status"],
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
