import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { Actor } from "../domain/actor.js";
import { type ApiKeyService, apiKeyView } from "../domain/api/api-key-service.js";
import type { AuditLog } from "../domain/audit/audit-log.js";
import {
  type DeliveryLogEntry,
  subscriptionView,
  type WebhookService,
} from "../domain/distribution/webhook-service.js";
import { NewsdeskError } from "../domain/error-catalogue.js";
import { parseOrThrow } from "../domain/parse-or-throw.js";
import type { AuthService } from "../domain/users/auth-service.js";
import { type NewsroomEnv, newsroomSession } from "./newsroom-session.js";

export interface DistributionAdminDeps {
  readonly webhooks: WebhookService;
  readonly apiKeys: ApiKeyService;
  readonly audit: AuditLog;
  readonly auth: AuthService;
  readonly publicUrl: string;
}

const noStore = { "Cache-Control": "no-store" } as const;

/**
 * Syndication management for administrators (docs/newsroom-api.md, "Syndication"): partner
 * webhooks with their delivery log and manual retry, and content-API keys. Mounted under
 * /newsroom/api with its own session and CSRF check; the domain services refuse anyone
 * who is not an administrator, whatever calls them. Secrets are answered once, at creation.
 */
export function distributionAdminRoutes(deps: DistributionAdminDeps): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  app.use("/webhooks", newsroomSession(deps.auth, { publicUrl: deps.publicUrl }));
  app.use("/webhooks/*", newsroomSession(deps.auth, { publicUrl: deps.publicUrl }));
  app.use("/api-keys", newsroomSession(deps.auth, { publicUrl: deps.publicUrl }));
  app.use("/api-keys/*", newsroomSession(deps.auth, { publicUrl: deps.publicUrl }));

  app.get("/webhooks", async (c) => {
    const actor = sessionActor(c);
    return c.json({ webhooks: await deps.webhooks.subscriptions(actor) }, 200, noStore);
  });

  app.post("/webhooks", async (c) => {
    const actor = sessionActor(c);
    const subscription = await deps.webhooks.subscribe(actor, await readJson(c.req.raw));
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

  app.delete("/webhooks/:id", async (c) => {
    const actor = sessionActor(c);
    await deps.webhooks.unsubscribe(actor, c.req.param("id"));
    await deps.audit.record(actor, "webhook.remove", {}, { webhookId: c.req.param("id") });
    return c.body(null, 204);
  });

  app.get("/webhooks/:id/deliveries", async (c) => {
    const actor = sessionActor(c);
    const { limit } = parseOrThrow(
      z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      c.req.query(),
    );
    const log = await deps.webhooks.deliveriesOf(actor, c.req.param("id"), limit);
    return c.json({ deliveries: log.map(deliveryJson) }, 200, noStore);
  });

  app.post("/webhooks/:id/deliveries/:deliveryId/retry", async (c) => {
    const actor = sessionActor(c);
    const entry = await deps.webhooks.retry(actor, c.req.param("id"), c.req.param("deliveryId"));
    await deps.audit.record(
      actor,
      "webhook.retry",
      {},
      { webhookId: c.req.param("id"), deliveryId: entry.delivery.id },
    );
    return c.json({ delivery: deliveryJson(entry) }, 200, noStore);
  });

  app.get("/api-keys", async (c) => {
    const actor = sessionActor(c);
    return c.json({ apiKeys: await deps.apiKeys.list(actor) }, 200, noStore);
  });

  app.post("/api-keys", async (c) => {
    const actor = sessionActor(c);
    const { key, record } = await deps.apiKeys.issue(actor, await readJson(c.req.raw));
    await deps.audit.record(
      actor,
      "api-key.issue",
      {},
      { apiKeyId: record.id, name: record.name, rateLimitPerMinute: record.rateLimitPerMinute },
    );
    return c.json({ apiKey: apiKeyView(record), key }, 201, noStore);
  });

  app.delete("/api-keys/:id", async (c) => {
    const actor = sessionActor(c);
    await deps.apiKeys.revoke(actor, c.req.param("id"));
    await deps.audit.record(actor, "api-key.revoke", {}, { apiKeyId: c.req.param("id") });
    return c.body(null, 204);
  });

  return app;
}

/**
 * Syndication settings belong to a signed-in administrator: newsroom API tokens carry
 * story and media scopes only, so they are refused here rather than given new powers.
 */
function sessionActor(c: Context<NewsroomEnv>): Actor {
  const { actor, scopes } = c.get("auth");
  if (scopes !== "session") {
    throw new NewsdeskError("FORBIDDEN", {
      detail: "Syndication settings need a signed-in administrator; API tokens cannot change them.",
    });
  }
  return actor;
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

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch (cause) {
    throw new NewsdeskError("VALIDATION_FAILED", {
      detail: "The request body is not valid JSON.",
      cause,
    });
  }
}
