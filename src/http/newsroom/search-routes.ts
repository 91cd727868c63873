import { z } from "zod";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import type { SearchService } from "../../domain/search/search-service.js";
import { serviceIds } from "../../domain/services/service-registry.js";
import { can } from "../../domain/users/access-policy.js";
import type { NewsroomRouter } from "./newsroom-router.js";

const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  service: z.enum(serviceIds).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});

/**
 * `GET /search`: the newsroom's search across every service the user works in, with the same
 * language-aware matching and highlighted snippets as readers get.
 */
export function searchRoutes(r: NewsroomRouter, deps: { readonly search: SearchService }): void {
  r.get("/search", { action: "story.view", scope: "stories:read" }, async (c, { actor }) => {
    const query = parseOrThrow(searchQuery, c.req.query());
    const visible = serviceIds.filter((id) => can(actor, "story.view", id));
    const scope = query.service ? visible.filter((id) => id === query.service) : visible;
    const results = await deps.search.acrossServices(actor, query.q, {
      serviceIds: scope,
      page: query.page,
    });
    return c.json(results, 200, { "Cache-Control": "no-store" });
  });
}
