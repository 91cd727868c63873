import { z } from "zod";
import type { MirrorService } from "../../domain/mirrors/mirror-service.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { serviceIds } from "../../domain/services/service-registry.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

const serviceParam = z.enum(serviceIds);
const noStore = { "Cache-Control": "no-store" } as const;

/**
 * A service's mirrors (docs/newsroom-api.md, "Mirrors"): administrators only, from a
 * signed-in session; the domain service refuses anyone else whatever calls it.
 */
export function mirrorRoutes(r: NewsroomRouter, deps: { readonly mirrors: MirrorService }): void {
  const admin = { action: "mirrors.manage", scope: "session" } as const;

  r.get("/services/:serviceId/mirrors", admin, async (c, { actor }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    return c.json({ mirrors: await deps.mirrors.list(actor, serviceId) }, 200, noStore);
  });

  r.post("/services/:serviceId/mirrors", admin, async (c, { actor, body }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    return c.json({ mirror: await deps.mirrors.add(actor, serviceId, body) }, 201, noStore);
  });

  r.delete("/services/:serviceId/mirrors/:mirrorId", admin, async (c, { actor }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    await deps.mirrors.remove(actor, serviceId, pathParam(c, "mirrorId"));
    return c.body(null, 204);
  });
}
