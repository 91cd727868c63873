import { z } from "zod";
import {
  type LiveService,
  livePostDeletionSchema,
  livePostPatchSchema,
  liveSettingsInputSchema,
  newLivePostSchema,
} from "../../domain/live/live-service.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

const offerBody = z.object({ targetStoryId: z.string().min(1).max(64) });

const listQuery = z.object({
  before: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  includeDeleted: z.enum(["0", "1"]).default("0"),
});

/**
 * A post is at most 200 blocks (live-schema.ts); 256 KB is ample for that and keeps one
 * post from tying up the event loop on parsing (the router's default is 1 MB).
 */
const postBodyBytes = 256 * 1024;

/**
 * Live pages (issue 15): the page's settings and its posts. Reading is for anyone who may
 * read the story; posting is `live.post` (reporters too, where the page allows it), settings
 * are `live.manage` (editors); `LiveService` checks the exact service, page and post again.
 */
export function liveRoutes(r: NewsroomRouter, deps: { readonly livePages: LiveService }): void {
  const read = { action: "story.view", scope: "stories:read" } as const;
  const write = { action: "live.post", scope: "stories:write" } as const;
  const noStore = { "Cache-Control": "no-store" };

  r.get("/stories/:id/live", read, async (c, { actor }) =>
    c.json(await deps.livePages.page(actor, pathParam(c, "id")), 200, noStore),
  );

  r.put(
    "/stories/:id/live",
    { action: "live.manage", scope: "stories:publish", maxBodyBytes: 16 * 1024 },
    async (c, { actor, body }) => {
      const input = parseOrThrow(liveSettingsInputSchema, body);
      return c.json(await deps.livePages.updateSettings(actor, pathParam(c, "id"), input));
    },
  );

  r.get("/stories/:id/posts", read, async (c, { actor }) => {
    const query = parseOrThrow(listQuery, c.req.query());
    const page = await deps.livePages.listPosts(actor, pathParam(c, "id"), {
      ...(query.before ? { before: query.before } : {}),
      limit: query.limit,
      includeDeleted: query.includeDeleted === "1",
    });
    return c.json(page, 200, noStore);
  });

  r.post(
    "/stories/:id/posts",
    { ...write, maxBodyBytes: postBodyBytes },
    async (c, { actor, body }) => {
      const input = parseOrThrow(newLivePostSchema, body);
      return c.json(await deps.livePages.post(actor, pathParam(c, "id"), input), 201);
    },
  );

  r.get("/posts/:postId", read, async (c, { actor }) =>
    c.json(await deps.livePages.findPost(actor, pathParam(c, "postId")), 200, noStore),
  );

  r.patch(
    "/posts/:postId",
    { action: "live.edit", scope: "stories:write", maxBodyBytes: postBodyBytes },
    async (c, { actor, body }) => {
      const patch = parseOrThrow(livePostPatchSchema, body);
      return c.json(await deps.livePages.editPost(actor, pathParam(c, "postId"), patch));
    },
  );

  r.delete(
    "/posts/:postId",
    { ...write, body: "json", maxBodyBytes: 4 * 1024 },
    async (c, { actor, body }) => {
      const { reason } = parseOrThrow(livePostDeletionSchema, body ?? {});
      await deps.livePages.deletePost(actor, pathParam(c, "postId"), reason);
      return c.body(null, 204);
    },
  );

  r.get("/posts/:postId/revisions", read, async (c, { actor }) =>
    c.json({ items: await deps.livePages.revisions(actor, pathParam(c, "postId")) }, 200, noStore),
  );

  // Across services: a draft copy on the same story's live page in another service, for its
  // translators; the router's check is the translation workflow's own action.
  r.post(
    "/posts/:postId/offer",
    { action: "translation.create", scope: "stories:write", maxBodyBytes: 4 * 1024 },
    async (c, { actor, body }) => {
      const { targetStoryId } = parseOrThrow(offerBody, body);
      return c.json(await deps.livePages.offer(actor, pathParam(c, "postId"), targetStoryId), 201);
    },
  );

  r.post("/posts/:postId/publish", { ...write, maxBodyBytes: 1024 }, async (c, { actor }) =>
    c.json(await deps.livePages.publishDraft(actor, pathParam(c, "postId"))),
  );
}
