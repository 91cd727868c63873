import { z } from "zod";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import type { ProgrammeService } from "../../domain/programmes/programme-service.js";
import { serviceIds } from "../../domain/services/service-registry.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

const serviceParam = z.enum(serviceIds);

/**
 * Programmes and the broadcast schedule. Reading is for everyone with a role in the service;
 * changes are `programme.manage` (editors), checked again with the exact service in
 * `ProgrammeService`.
 */
export function programmeRoutes(
  r: NewsroomRouter,
  deps: { readonly programmes: ProgrammeService },
): void {
  const read = { action: "story.view", scope: "stories:read" } as const;
  const manage = { action: "programme.manage", scope: "stories:publish" } as const;
  const noStore = { "Cache-Control": "no-store" };

  r.get("/programmes/:serviceId", read, async (c, { actor }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    return c.json({ items: await deps.programmes.list(actor, serviceId) }, 200, noStore);
  });

  r.post("/programmes/:serviceId", manage, async (c, { actor, body }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    return c.json(await deps.programmes.create(actor, serviceId, body), 201);
  });

  r.get("/programme/:id", read, async (c, { actor }) =>
    c.json(await deps.programmes.get(actor, pathParam(c, "id")), 200, noStore),
  );

  r.put("/programme/:id", manage, async (c, { actor, body }) =>
    c.json(await deps.programmes.update(actor, pathParam(c, "id"), body)),
  );

  r.delete("/programme/:id", manage, async (c, { actor }) => {
    await deps.programmes.remove(actor, pathParam(c, "id"));
    return c.body(null, 204);
  });

  r.get("/schedule/:serviceId", read, async (c, { actor }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    return c.json(await deps.programmes.schedule(actor, serviceId), 200, noStore);
  });

  r.put("/schedule/:serviceId", manage, async (c, { actor, body }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    return c.json(await deps.programmes.saveSchedule(actor, serviceId, body));
  });
}
