import { z } from "zod";
import type { AuditLog } from "../../domain/audit/audit-log.js";
import type { BreakingAlertService } from "../../domain/breaking/breaking-alert.js";
import type { BreakingNewsService } from "../../domain/breaking/breaking-news-service.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { serviceIds } from "../../domain/services/service-registry.js";
import { assertCan } from "../../domain/users/access-policy.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

export interface BreakingRouteDeps {
  readonly breaking: BreakingNewsService;
  readonly alerts: BreakingAlertService;
  readonly audit: AuditLog;
}

const bannerBody = z.object({ text: z.unknown(), url: z.unknown(), expiresAt: z.unknown() });
const serviceParam = z.enum(serviceIds);

/** The breaking-news bar per service, and alerts raised for several services at once. */
export function breakingRoutes(r: NewsroomRouter, deps: BreakingRouteDeps): void {
  r.get(
    "/banners/:serviceId",
    { action: "story.view", scope: "stories:read" },
    async (c, { actor }) => {
      const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
      assertCan(actor, "story.view", serviceId);
      return c.json({ banner: (await deps.breaking.active(serviceId)) ?? null });
    },
  );

  r.put(
    "/banners/:serviceId",
    { action: "banner.manage", scope: "stories:publish" },
    async (c, { actor, body }) => {
      const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
      const input = parseOrThrow(bannerBody, body);
      const banner = await deps.breaking.raise(actor, { serviceId, ...input });
      await deps.audit.record(
        actor,
        "banner.raise",
        { serviceId },
        { text: banner.text, expiresAt: banner.expiresAt },
      );
      return c.json({ banner });
    },
  );

  r.delete(
    "/banners/:serviceId",
    { action: "banner.manage", scope: "stories:publish" },
    async (c, { actor }) => {
      const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
      await deps.breaking.clear(actor, serviceId);
      await deps.audit.record(actor, "banner.clear", { serviceId });
      return c.body(null, 204);
    },
  );

  r.get("/alerts", { action: "story.view", scope: "stories:read" }, async (c, { actor }) =>
    c.json(await deps.alerts.list(actor, 50)),
  );

  r.post(
    "/alerts",
    { action: "banner.manage", scope: "stories:publish" },
    async (c, { actor, body }) => {
      const alert = await deps.alerts.raise(actor, body);
      await deps.audit.record(
        actor,
        "alert.raise",
        {},
        { alertId: alert.id, services: alert.entries.map((e) => e.serviceId) },
      );
      return c.json({ alert }, 201);
    },
  );

  r.put(
    "/alerts/:id/services/:serviceId",
    { action: "alert.translate", scope: "stories:write" },
    async (c, { actor, body }) => {
      const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
      const { text } = parseOrThrow(z.object({ text: z.unknown() }), body);
      const alert = await deps.alerts.translate(actor, pathParam(c, "id"), serviceId, text);
      await deps.audit.record(actor, "alert.translate", { serviceId }, { alertId: alert.id });
      return c.json({ alert });
    },
  );

  r.post(
    "/alerts/:id/services/:serviceId/approve",
    { action: "banner.manage", scope: "stories:publish", body: "none" },
    async (c, { actor }) => {
      const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
      const alert = await deps.alerts.approve(actor, pathParam(c, "id"), serviceId);
      await deps.audit.record(actor, "alert.approve", { serviceId }, { alertId: alert.id });
      return c.json({ alert });
    },
  );
}
