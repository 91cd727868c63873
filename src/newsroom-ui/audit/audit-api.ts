import { z } from "zod";
import type { ApiClient } from "../shared/api-client.js";

/**
 * The audit-log screen's reads (`GET /newsroom/api/audit/entries`, docs/newsroom-api.md
 * "Audit"). The server decides the scope: everything for administrators, the services a
 * service admin administers for them.
 */

const auditEntrySchema = z.looseObject({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  storyId: z.string().nullable(),
  serviceId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const auditPageSchema = z.looseObject({
  entries: z.array(auditEntrySchema),
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** The screen's filters; dates are calendar days in the user's time zone, both included. */
export interface AuditFilters {
  readonly userId: string | null;
  readonly action: string | null;
  readonly serviceId: string | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly page: number;
}

export const auditPageSize = 50;

/** Midnight at the start of a calendar day (`2031-05-01`) where the user is, as ISO 8601. */
function startOfDay(date: string, plusDays = 0): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  return new Date(year, month - 1, day + plusDays).toISOString();
}

/** The query string for the filters: `to` is exclusive on the server, so the day after. */
export function auditQuery(filters: AuditFilters): Record<string, string | undefined> {
  return {
    userId: filters.userId ?? undefined,
    action: filters.action ?? undefined,
    serviceId: filters.serviceId ?? undefined,
    from: filters.from ? startOfDay(filters.from) : undefined,
    to: filters.to ? startOfDay(filters.to, 1) : undefined,
    page: String(filters.page),
    pageSize: String(auditPageSize),
  };
}

export function listAuditEntries(api: ApiClient, filters: AuditFilters): Promise<AuditPage> {
  return api.request("GET", "/audit/entries", {
    schema: auditPageSchema,
    query: auditQuery(filters),
  });
}
