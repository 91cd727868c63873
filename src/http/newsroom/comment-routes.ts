import { z } from "zod";
import type { StoryComment } from "../../domain/comments/comment-schema.js";
import type {
  CommentService,
  CommentThread,
  ListedComment,
} from "../../domain/comments/comment-service.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

export interface CommentRouteDeps {
  readonly comments: CommentService;
}

const noStore = { "Cache-Control": "no-store" } as const;
const mentionQuery = z.object({ q: z.string().max(100).default("") });
const notificationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
const resolveBody = z.strictObject({ resolved: z.boolean() });
const readBody = z.strictObject({ ids: z.array(z.string().min(1).max(64)).max(100).optional() });

/**
 * Editor-to-editor notes (docs/newsroom-api.md, "Comments and notifications"): threads on a
 * story or on one block of its body, mentions, and each person's notifications. The domain
 * service checks the story and the author on every call.
 */
export function commentRoutes(r: NewsroomRouter, deps: CommentRouteDeps): void {
  const read = { action: "story.view", scope: "stories:read" } as const;
  const write = { action: "story.comment", scope: "stories:write" } as const;

  r.get("/stories/:id/comments", read, async (c, { actor }) => {
    const threads = await deps.comments.list(actor, pathParam(c, "id"));
    return c.json({ threads: threads.map(threadJson) }, 200, noStore);
  });

  r.post("/stories/:id/comments", write, async (c, { actor, body }) => {
    const comment = await deps.comments.create(actor, pathParam(c, "id"), body);
    return c.json({ comment: commentJson(comment) }, 201);
  });

  r.get("/stories/:id/mentionable", read, async (c, { actor }) => {
    const { q } = parseOrThrow(mentionQuery, c.req.query());
    const people = await deps.comments.mentionable(actor, pathParam(c, "id"), q);
    return c.json({ people }, 200, noStore);
  });

  r.patch("/comments/:id", write, async (c, { actor, body }) => {
    const comment = await deps.comments.edit(actor, pathParam(c, "id"), body);
    return c.json({ comment: commentJson(comment) });
  });

  r.delete("/comments/:id", write, async (c, { actor }) => {
    await deps.comments.remove(actor, pathParam(c, "id"));
    return c.body(null, 204);
  });

  r.post("/comments/:id/resolve", write, async (c, { actor, body }) => {
    const { resolved } = parseOrThrow(resolveBody, body);
    const comment = await deps.comments.setResolved(actor, pathParam(c, "id"), resolved);
    return c.json({ comment: commentJson(comment) });
  });

  const own = { action: "account.self", scope: "stories:read" } as const;

  r.get("/notifications", own, async (c, { actor }) => {
    const { limit } = parseOrThrow(notificationQuery, c.req.query());
    const { unread, items } = await deps.comments.notifications(actor, limit);
    return c.json(
      {
        unread,
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          storyId: n.storyId,
          commentId: n.commentId,
          actorName: n.actorName,
          excerpt: n.excerpt,
          headline: n.story.headline,
          serviceId: n.story.serviceId,
          createdAt: n.createdAt,
          readAt: n.readAt,
        })),
      },
      200,
      noStore,
    );
  });

  r.post("/notifications/read", own, async (c, { actor, body }) => {
    const { ids } = parseOrThrow(readBody, body);
    const marked = await deps.comments.markRead(actor, ids ?? null);
    return c.json({ marked });
  });
}

function commentJson(comment: StoryComment) {
  return {
    id: comment.id,
    storyId: comment.storyId,
    parentId: comment.parentId,
    authorId: comment.authorId,
    body: comment.body,
    mentions: comment.mentions,
    revisionId: comment.revisionId,
    anchor: comment.anchor,
    createdAt: comment.createdAt,
    editedAt: comment.editedAt,
    resolvedAt: comment.resolvedAt,
    resolvedBy: comment.resolvedBy,
  };
}

function rowJson(row: ListedComment) {
  return { ...commentJson(row), authorName: row.authorName, mentioned: row.mentioned };
}

function threadJson(thread: CommentThread) {
  return { ...rowJson(thread), replies: thread.replies.map(rowJson) };
}
