import { z } from "zod";
import type { ApiClient } from "../shared/api-client.js";

/**
 * Syndication management for administrators (docs/newsroom-api.md, "Syndication"):
 * partner webhooks with their delivery log, and content-API keys.
 */

export const webhookEvents = [
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
export type WebhookEvent = (typeof webhookEvents)[number];

const deliveryStatuses = ["pending", "delivering", "delivered", "failed"] as const;

const webhookSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(webhookEvents)),
  serviceId: z.string().nullable(),
  createdAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

const deliverySchema = z.looseObject({
  id: z.string(),
  event: z.enum(webhookEvents),
  storyId: z.string(),
  status: z.enum(deliveryStatuses),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Delivery = z.infer<typeof deliverySchema>;

const apiKeySchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  rateLimitPerMinute: z.number(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export async function listWebhooks(api: ApiClient): Promise<Webhook[]> {
  return (
    await api.request("GET", "/webhooks", {
      schema: z.looseObject({ webhooks: z.array(webhookSchema) }),
    })
  ).webhooks;
}

export function subscribeWebhook(
  api: ApiClient,
  input: { url: string; events: readonly WebhookEvent[]; serviceId: string | null },
): Promise<{ webhook: Webhook; secret: string }> {
  return api.request("POST", "/webhooks", {
    schema: z.looseObject({ webhook: webhookSchema, secret: z.string() }),
    json: input,
  });
}

export async function removeWebhook(api: ApiClient, id: string): Promise<void> {
  await api.request("DELETE", `/webhooks/${encodeURIComponent(id)}`);
}

export async function listDeliveries(api: ApiClient, webhookId: string): Promise<Delivery[]> {
  return (
    await api.request("GET", `/webhooks/${encodeURIComponent(webhookId)}/deliveries`, {
      schema: z.looseObject({ deliveries: z.array(deliverySchema) }),
    })
  ).deliveries;
}

export async function retryDelivery(
  api: ApiClient,
  webhookId: string,
  deliveryId: string,
): Promise<Delivery> {
  return (
    await api.request(
      "POST",
      `/webhooks/${encodeURIComponent(webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`,
      { schema: z.looseObject({ delivery: deliverySchema }) },
    )
  ).delivery;
}

export async function listApiKeys(api: ApiClient): Promise<ApiKey[]> {
  return (
    await api.request("GET", "/api-keys", {
      schema: z.looseObject({ apiKeys: z.array(apiKeySchema) }),
    })
  ).apiKeys;
}

export function issueApiKey(
  api: ApiClient,
  input: { name: string; rateLimitPerMinute: number },
): Promise<{ apiKey: ApiKey; key: string }> {
  return api.request("POST", "/api-keys", {
    schema: z.looseObject({ apiKey: apiKeySchema, key: z.string() }),
    json: input,
  });
}

export async function revokeApiKey(api: ApiClient, id: string): Promise<void> {
  await api.request("DELETE", `/api-keys/${encodeURIComponent(id)}`);
}
