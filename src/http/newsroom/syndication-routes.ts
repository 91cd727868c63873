import { z } from "zod";
import { type ApiKeyService, apiKeyView } from "../../domain/api/api-key-service.js";
import type { AuditLog } from "../../domain/audit/audit-log.js";
import {
  type DeliveryLogEntry,
  subscriptionView,
  type WebhookService,
} from "../../domain/distribution/webhook-service.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

export interface SyndicationRouteDeps {
  readonly webhooks: WebhookService;
  readonly apiKeys: ApiKeyService;
  readonly audit: AuditLog;
}

const noStore = { "Cache-Control": "no-store" } as const;

/**
 * Syndication settings (docs/newsroom-api.md, "Syndication"): partner webhooks with their
 * delivery log and manual retry, and content-API keys. Administrators only, from a signed-in
 * session; the domain services refuse anyone else whatever calls them. Secrets are answered
 * once, at creation.
 */
export function syndicationRoutes(r: NewsroomRouter, deps: SyndicationRouteDeps): void {
  const admin = { action: "syndication.manage", scope: "session" } as const;

  r.get("/webhooks", admin, async (c, { actor }) =>
    c.json({ webhooks: await deps.webhooks.subscriptions(actor) }, 200, noStore),
  );

  r.post("/webhooks", admin, async (c, { actor, body }) => {
    const subscription = await deps.webhooks.subscribe(actor, body);
    await deps.audit.record(
      actor,
      "webhook.subscribe",
      subscription.serviceId ? { serviceId: subscription.serviceId } : {},
      { webhookId: subscription.id, url: subscription.url, events: subscription.events },
    );
    return c.json(
      { webhook: subscriptionView(subscription), secret: subscription.secret },
      201,
      noStore,
    );
  });

  r.delete("/webhooks/:id", admin, async (c, { actor }) => {
    await deps.webhooks.unsubscribe(actor, pathParam(c, "id"));
    await deps.audit.record(actor, "webhook.remove", {}, { webhookId: pathParam(c, "id") });
    return c.body(null, 204);
  });

  r.get("/webhooks/:id/deliveries", admin, async (c, { actor }) => {
    const { limit } = parseOrThrow(
      z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      c.req.query(),
    );
    const log = await deps.webhooks.deliveriesOf(actor, pathParam(c, "id"), limit);
    return c.json({ deliveries: log.map(deliveryJson) }, 200, noStore);
  });

  r.post(
    "/webhooks/:id/deliveries/:deliveryId/retry",
    { ...admin, body: "none" },
    async (c, { actor }) => {
      const entry = await deps.webhooks.retry(
        actor,
        pathParam(c, "id"),
        pathParam(c, "deliveryId"),
      );
      await deps.audit.record(
        actor,
        "webhook.retry",
        {},
        { webhookId: pathParam(c, "id"), deliveryId: entry.delivery.id },
      );
      return c.json({ delivery: deliveryJson(entry) }, 200, noStore);
    },
  );

  r.get("/api-keys", admin, async (c, { actor }) =>
    c.json({ apiKeys: await deps.apiKeys.list(actor) }, 200, noStore),
  );

  r.post("/api-keys", admin, async (c, { actor, body }) => {
    const { key, record } = await deps.apiKeys.issue(actor, body);
    await deps.audit.record(
      actor,
      "api-key.issue",
      {},
      { apiKeyId: record.id, name: record.name, rateLimitPerMinute: record.rateLimitPerMinute },
    );
    return c.json({ apiKey: apiKeyView(record), key }, 201, noStore);
  });

  r.delete("/api-keys/:id", admin, async (c, { actor }) => {
    await deps.apiKeys.revoke(actor, pathParam(c, "id"));
    await deps.audit.record(actor, "api-key.revoke", {}, { apiKeyId: pathParam(c, "id") });
    return c.body(null, 204);
  });
}

/** One log line for the UI and API clients: the delivery's state and each attempt. */
function deliveryJson(entry: DeliveryLogEntry) {
  const d = entry.delivery;
  return {
    id: d.id,
    event: d.eventType,
    storyId: d.storyId,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    history: entry.attempts.map((a) => ({
      number: a.number,
      at: a.at,
      statusCode: a.statusCode,
      error: a.error,
      durationMs: a.durationMs,
    })),
  };
}
