import { Hono } from "hono";
import { z } from "zod";
import { parseOrThrow } from "../domain/parse-or-throw.js";
import type { SearchService } from "../domain/search/search-service.js";
import { serviceIds } from "../domain/services/service-registry.js";
import { can } from "../domain/users/access-policy.js";
import type { AuthService } from "../domain/users/auth-service.js";
import { type NewsroomEnv, newsroomSession, requireScope } from "./newsroom-session.js";

const searchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  service: z.enum(serviceIds).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
});

/**
 * `GET /newsroom/api/search`: the newsroom's search across every service the user works in
 * (issue 4), with the same language-aware matching and highlighted snippets as readers get.
 */
export function newsroomSearchRoutes(deps: {
  readonly search: SearchService;
  readonly auth: AuthService;
  readonly publicUrl: string;
}): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  app.use(newsroomSession(deps.auth, { publicUrl: deps.publicUrl }));
  app.get("/search", async (c) => {
    const actor = requireScope(c, "stories:read");
    const query = parseOrThrow(searchQuery, c.req.query());
    const visible = serviceIds.filter((id) => can(actor, "story.view", id));
    const scope = query.service ? visible.filter((id) => id === query.service) : visible;
    const results = await deps.search.acrossServices(actor, query.q, {
      serviceIds: scope,
      page: query.page,
    });
    return c.json(results, 200, { "Cache-Control": "no-store" });
  });
  return app;
}
