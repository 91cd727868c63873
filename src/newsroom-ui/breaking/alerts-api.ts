import { z } from "zod";
import type { ApiClient } from "../shared/api-client.js";

/**
 * Breaking-news alerts for several services at once (`/newsroom/api/alerts`).
 * One alert carries text per service; a service whose text is `null` waits for a translator.
 * Text goes live only by an editor of that service: an editor's text goes
 * live at once, a translator's waits as `awaiting-approval` until an editor approves it.
 */

const alertStatuses = ["awaiting-translation", "awaiting-approval", "live", "expired"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

const alertEntrySchema = z.looseObject({
  serviceId: z.string(),
  text: z.string().nullable(),
  bannerId: z.string().nullable(),
});

const alertSchema = z.looseObject({
  id: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string(),
  url: z.string().nullable(),
  entries: z.array(alertEntrySchema),
});
type Alert = z.infer<typeof alertSchema>;

/** An alert in the recent list, with each service's status as the server sees it now. */
const alertViewSchema = alertSchema.extend({
  status: z.record(z.string(), z.enum(alertStatuses)),
});
export type AlertView = z.infer<typeof alertViewSchema>;

interface NewAlert {
  readonly expiresAt: string;
  readonly url: string | null;
  /** Text per service id; `null` for services that wait for their translation. */
  readonly services: Readonly<Record<string, string | null>>;
}

export function listAlerts(api: ApiClient): Promise<AlertView[]> {
  return api.request("GET", "/alerts", { schema: z.array(alertViewSchema) });
}

export async function raiseAlert(api: ApiClient, alert: NewAlert): Promise<Alert> {
  return (
    await api.request("POST", "/alerts", {
      schema: z.looseObject({ alert: alertSchema }),
      json: alert,
    })
  ).alert;
}

/**
 * A translator's (or editor's) text for one service of the alert. An editor's goes live at
 * once; a translator's waits for an editor's approval (its entry keeps `bannerId: null`), and
 * the server refuses a translator's text for a service that is already live (403).
 */
export async function translateAlert(
  api: ApiClient,
  alertId: string,
  serviceId: string,
  text: string,
): Promise<Alert> {
  return (
    await api.request(
      "PUT",
      `/alerts/${encodeURIComponent(alertId)}/services/${encodeURIComponent(serviceId)}`,
      { schema: z.looseObject({ alert: alertSchema }), json: { text } },
    )
  ).alert;
}

/**
 * An editor of the service (or an administrator) puts the translator's waiting text live.
 * 409 INVALID_TRANSITION when nothing waits; 403 for translators.
 */
export async function approveAlert(
  api: ApiClient,
  alertId: string,
  serviceId: string,
): Promise<Alert> {
  return (
    await api.request(
      "POST",
      `/alerts/${encodeURIComponent(alertId)}/services/${encodeURIComponent(serviceId)}/approve`,
      { schema: z.looseObject({ alert: alertSchema }) },
    )
  ).alert;
}

/** Whether the service's text of this alert is on its pages (has a banner), per the server. */
export function isLiveIn(alert: Alert, serviceId: string): boolean {
  return alert.entries.some((entry) => entry.serviceId === serviceId && entry.bannerId !== null);
}

/**
 * The request body for the form's state: the chosen services in the order given, trimmed
 * and NFC-normalized text (stored as entered), empty text as `null`.
 */
export function alertServices(
  chosen: readonly string[],
  texts: Readonly<Record<string, string>>,
): Record<string, string | null> {
  const services: Record<string, string | null> = {};
  for (const serviceId of chosen) {
    const text = (texts[serviceId] ?? "").normalize("NFC").trim();
    services[serviceId] = text === "" ? null : text;
  }
  return services;
}
