import { z } from "zod";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import type { CatalogService } from "../../domain/people/catalog-service.js";
import { serviceIds } from "../../domain/services/service-registry.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

export interface CatalogRouteDeps {
  readonly catalogAdmin: CatalogService;
}

const listQuery = z.object({ q: z.string().max(200).optional() });
const mergeBody = z.object({ into: z.string().min(1).max(120) });

/**
 * People, desks, topics and sections of a service, and the newsroom's agencies: list (with
 * a search), create, edit (PUT: the whole entry), remove, and merge topics. Anyone with a
 * role reads; the domain decides who may change what (catalog-service.ts). Changes are for
 * signed-in sessions only, like user management.
 */
export function catalogRoutes(r: NewsroomRouter, deps: CatalogRouteDeps): void {
  const read = { action: "story.view", scope: "stories:read" } as const;
  const edit = { action: "catalog.edit", scope: "session" } as const;
  const manage = { action: "catalog.manage", scope: "session" } as const;
  const service = (c: Parameters<typeof pathParam>[0]) =>
    parseOrThrow(z.enum(serviceIds), pathParam(c, "serviceId"));
  const q = (c: Parameters<typeof pathParam>[0]) => parseOrThrow(listQuery, c.req.query());
  const catalog = deps.catalogAdmin;

  r.get("/catalog/:serviceId/people", read, async (c, { actor }) =>
    c.json({ people: await catalog.listPeople(actor, service(c), q(c)) }),
  );
  r.post("/catalog/:serviceId/people", edit, async (c, { actor, body }) =>
    c.json({ person: await catalog.createPerson(actor, service(c), body) }, 201),
  );
  r.put("/people/:id", edit, async (c, { actor, body }) =>
    c.json({ person: await catalog.editPerson(actor, pathParam(c, "id"), body) }),
  );
  r.post("/people/:id/merge", manage, async (c, { actor, body }) => {
    const { into } = parseOrThrow(mergeBody, body);
    return c.json({ person: await catalog.mergePerson(actor, pathParam(c, "id"), into) });
  });
  r.delete("/people/:id", manage, async (c, { actor }) => {
    await catalog.removePerson(actor, pathParam(c, "id"));
    return c.body(null, 204);
  });

  r.get("/catalog/:serviceId/desks", read, async (c, { actor }) =>
    c.json({ desks: await catalog.listDesks(actor, service(c), q(c)) }),
  );
  r.post("/catalog/:serviceId/desks", edit, async (c, { actor, body }) =>
    c.json({ desk: await catalog.createDesk(actor, service(c), body) }, 201),
  );
  r.put("/desks/:id", edit, async (c, { actor, body }) =>
    c.json({ desk: await catalog.editDesk(actor, pathParam(c, "id"), body) }),
  );
  r.delete("/desks/:id", manage, async (c, { actor }) => {
    await catalog.removeDesk(actor, pathParam(c, "id"));
    return c.body(null, 204);
  });

  r.get("/catalog/:serviceId/topics", read, async (c, { actor }) =>
    c.json({ topics: await catalog.listTopics(actor, service(c), q(c)) }),
  );
  r.post("/catalog/:serviceId/topics", edit, async (c, { actor, body }) =>
    c.json({ topic: await catalog.createTopic(actor, service(c), body) }, 201),
  );
  r.put("/catalog/:serviceId/topics/:slug", edit, async (c, { actor, body }) =>
    c.json({ topic: await catalog.editTopic(actor, service(c), pathParam(c, "slug"), body) }),
  );
  r.post("/catalog/:serviceId/topics/:slug/merge", edit, async (c, { actor, body }) => {
    const { into } = parseOrThrow(mergeBody, body);
    const topic = await catalog.mergeTopic(actor, service(c), pathParam(c, "slug"), into);
    return c.json({ topic });
  });
  r.delete("/catalog/:serviceId/topics/:slug", manage, async (c, { actor }) => {
    await catalog.removeTopic(actor, service(c), pathParam(c, "slug"));
    return c.body(null, 204);
  });

  r.get("/catalog/:serviceId/sections", read, async (c, { actor }) =>
    c.json({ sections: await catalog.listSections(actor, service(c)) }),
  );
  r.post("/catalog/:serviceId/sections", manage, async (c, { actor, body }) =>
    c.json({ section: await catalog.createSection(actor, service(c), body) }, 201),
  );
  r.put("/catalog/:serviceId/sections/:slug", manage, async (c, { actor, body }) =>
    c.json({
      section: await catalog.editSection(actor, service(c), pathParam(c, "slug"), body),
    }),
  );
  r.delete("/catalog/:serviceId/sections/:slug", manage, async (c, { actor }) => {
    await catalog.removeSection(actor, service(c), pathParam(c, "slug"));
    return c.body(null, 204);
  });

  // Agencies belong to no service: the route admits service admins, the domain only
  // administrators.
  r.get("/agencies", read, async (c, { actor }) =>
    c.json({ agencies: await catalog.listAgencies(actor, q(c)) }),
  );
  r.post("/agencies", manage, async (c, { actor, body }) =>
    c.json({ agency: await catalog.createAgency(actor, body) }, 201),
  );
  r.put("/agencies/:code", manage, async (c, { actor, body }) =>
    c.json({ agency: await catalog.editAgency(actor, pathParam(c, "code"), body) }),
  );
  r.delete("/agencies/:code", manage, async (c, { actor }) => {
    await catalog.removeAgency(actor, pathParam(c, "code"));
    return c.body(null, 204);
  });
}
