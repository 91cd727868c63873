import { z } from "zod";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import type { WireFlags } from "../../domain/wire/wire-flags.js";
import type { WireQueue } from "../../domain/wire/wire-queue.js";
import type { WireSourceService } from "../../domain/wire/wire-source-service.js";
import type { WireStories } from "../../domain/wire/wire-stories.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

/**
 * The wire desk's newsroom API, under `/wire`. Handlers validate, call the wire services and
 * serialize; the services check access with the actor.
 *
 *   GET    /wire/items                      queue: q, agency, language, urgency, subject, since,
 *                                           until, status, source, cursor, limit
 *   GET    /wire/items/:id                  item, current version, history, links
 *   GET    /wire/items/:id/versions/:vid    one version in full
 *   POST   /wire/items/:id/use              use in a new story → 201
 *   POST   /wire/items/:id/add-to-story     append to a story's draft
 *   GET    /wire/quarantine                 rejected files and items
 *   GET    /wire/flags                      open (or ?open=false) kill flags
 *   POST   /wire/flags/:id/acknowledge
 *   GET    /wire/stories/:storyId           lineage and flags of one story
 *   GET|POST /wire/sources, GET|PUT|DELETE /wire/sources/:id,
 *   POST   /wire/sources/:id/token          rotate a push token
 */

export interface WireRouteDeps {
  readonly queue: WireQueue;
  readonly stories: WireStories;
  readonly flags: WireFlags;
  readonly sources: WireSourceService;
}

const quarantineQuery = z.object({
  source: z.string().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
const flagsQuery = z.object({
  open: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
const noStore = { "Cache-Control": "no-store" } as const;

export function wireRoutes(r: NewsroomRouter, deps: WireRouteDeps): void {
  const read = { action: "wire.read", scope: "stories:read" } as const;
  const sources = { action: "wire.sources.manage", scope: "session" } as const;

  r.get("/wire/items", read, async (c, { actor }) =>
    c.json(await deps.queue.listQueue(actor, c.req.query()), 200, noStore),
  );

  r.get("/wire/items/:id", read, async (c, { actor }) =>
    c.json(await deps.queue.getItem(actor, pathParam(c, "id")), 200, noStore),
  );

  r.get("/wire/items/:id/versions/:versionId", read, async (c, { actor }) =>
    c.json(
      await deps.queue.getVersion(actor, pathParam(c, "id"), pathParam(c, "versionId")),
      200,
      noStore,
    ),
  );

  r.post(
    "/wire/items/:id/use",
    { action: "story.create", scope: "stories:write" },
    async (c, { actor, body }) =>
      c.json(await deps.stories.useInNewStory(actor, pathParam(c, "id"), body), 201, noStore),
  );

  r.post(
    "/wire/items/:id/add-to-story",
    { action: "story.edit", scope: "stories:write" },
    async (c, { actor, body }) =>
      c.json(await deps.stories.addToStory(actor, pathParam(c, "id"), body), 200, noStore),
  );

  r.get("/wire/quarantine", read, async (c, { actor }) => {
    const query = parseOrThrow(quarantineQuery, c.req.query());
    const result = await deps.queue.listQuarantine(actor, {
      ...(query.source === undefined ? {} : { sourceId: query.source }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
    return c.json(result, 200, noStore);
  });

  r.get("/wire/flags", read, async (c, { actor }) => {
    const query = parseOrThrow(flagsQuery, c.req.query());
    const flags = await deps.flags.listFlags(actor, {
      open: query.open !== "false",
      ...(query.limit === undefined ? {} : { limit: query.limit }),
    });
    return c.json({ flags }, 200, noStore);
  });

  r.post(
    "/wire/flags/:id/acknowledge",
    { action: "wire.acknowledge", scope: "stories:write", body: "none" },
    async (c, { actor }) =>
      c.json(await deps.flags.acknowledgeFlag(actor, pathParam(c, "id")), 200, noStore),
  );

  r.get("/wire/stories/:storyId", read, async (c, { actor }) =>
    c.json(await deps.stories.storyWire(actor, pathParam(c, "storyId")), 200, noStore),
  );

  r.get("/wire/sources", read, async (c, { actor }) =>
    c.json({ sources: await deps.sources.list(actor) }, 200, noStore),
  );

  r.post("/wire/sources", sources, async (c, { actor, body }) => {
    const { source, pushToken } = await deps.sources.add(actor, body);
    // The push token is shown once, here; only its hash is stored, and never returned.
    return c.json({ source, pushToken }, 201, noStore);
  });

  r.get("/wire/sources/:id", read, async (c, { actor }) =>
    c.json(await deps.sources.get(actor, pathParam(c, "id")), 200, noStore),
  );

  r.put("/wire/sources/:id", sources, async (c, { actor, body }) =>
    c.json(await deps.sources.update(actor, pathParam(c, "id"), body), 200, noStore),
  );

  r.delete("/wire/sources/:id", sources, async (c, { actor }) => {
    await deps.sources.remove(actor, pathParam(c, "id"));
    return c.body(null, 204);
  });

  r.post("/wire/sources/:id/token", { ...sources, body: "none" }, async (c, { actor }) =>
    c.json({ pushToken: await deps.sources.rotateToken(actor, pathParam(c, "id")) }, 200, noStore),
  );
}
