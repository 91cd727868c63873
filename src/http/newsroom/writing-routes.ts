import { z } from "zod";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { serviceIds } from "../../domain/services/service-registry.js";
import type { WritingSettingsService } from "../../domain/writing/writing-settings-service.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

const serviceParam = z.enum(serviceIds);

/**
 * Writing settings (docs/newsroom-api.md, "Writing settings"): a service's headline and
 * standfirst length guidance, search-snippet limits and house-style list. Everyone in the
 * service reads them (the editor checks as they type); service admins change them.
 */
export function writingRoutes(
  r: NewsroomRouter,
  deps: { readonly writingSettings: WritingSettingsService },
): void {
  r.get(
    "/services/:serviceId/writing-settings",
    { action: "story.view", scope: "stories:read" },
    async (c, { actor }) => {
      const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
      return c.json(await deps.writingSettings.get(actor, serviceId));
    },
  );

  r.put(
    "/services/:serviceId/writing-settings",
    { action: "settings.manage", scope: "session" },
    async (c, { actor, body }) => {
      const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
      return c.json(await deps.writingSettings.update(actor, serviceId, body));
    },
  );
}
