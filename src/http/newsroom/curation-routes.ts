import { z } from "zod";
import type { CurationService } from "../../domain/curation/curation-service.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { serviceIds } from "../../domain/services/service-registry.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

const serviceParam = z.enum(serviceIds);
const sectionParam = z.string().min(1).max(100);
const candidatesQuery = z.object({
  service: z.enum(serviceIds),
  q: z.string().max(200).default(""),
  /** `1`: search every service the user works in, not only `service`. */
  any: z.enum(["0", "1"]).default("0"),
});

/**
 * Front-page and section curation (pinned stories) and a story's related stories. Reading is
 * for everyone with a role in the service; saving is `curation.manage` (editors), checked
 * again with the exact service in `CurationService`.
 */
export function curationRoutes(
  r: NewsroomRouter,
  deps: { readonly curation: CurationService },
): void {
  const read = { action: "story.view", scope: "stories:read" } as const;
  const save = { action: "curation.manage", scope: "stories:publish" } as const;
  const noStore = { "Cache-Control": "no-store" };

  r.get("/curation/candidates", read, async (c, { actor }) => {
    const query = parseOrThrow(candidatesQuery, c.req.query());
    const items = await deps.curation.candidates(actor, {
      serviceId: query.service,
      anyService: query.any === "1",
      q: query.q,
    });
    return c.json({ items }, 200, noStore);
  });

  r.get("/curation/:serviceId/home", read, async (c, { actor }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    return c.json(await deps.curation.front(actor, serviceId), 200, noStore);
  });

  r.put("/curation/:serviceId/home", save, async (c, { actor, body }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    return c.json(await deps.curation.saveFront(actor, serviceId, undefined, body));
  });

  r.get("/curation/:serviceId/sections/:section", read, async (c, { actor }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    const section = parseOrThrow(sectionParam, pathParam(c, "section"));
    return c.json(await deps.curation.front(actor, serviceId, section), 200, noStore);
  });

  r.put("/curation/:serviceId/sections/:section", save, async (c, { actor, body }) => {
    const serviceId = parseOrThrow(serviceParam, pathParam(c, "serviceId"));
    const section = parseOrThrow(sectionParam, pathParam(c, "section"));
    return c.json(await deps.curation.saveFront(actor, serviceId, section, body));
  });

  r.get("/stories/:id/related", read, async (c, { actor }) =>
    c.json(await deps.curation.related(actor, pathParam(c, "id")), 200, noStore),
  );

  r.put("/stories/:id/related", save, async (c, { actor, body }) =>
    c.json(await deps.curation.saveRelated(actor, pathParam(c, "id"), body)),
  );
}
