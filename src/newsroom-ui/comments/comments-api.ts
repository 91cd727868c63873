import { z } from "zod";
import type { ApiClient } from "../shared/api-client.js";

/** Comments, mentions and notifications (docs/newsroom-api.md, "Comments and notifications"). */

const anchorSchema = z.discriminatedUnion("kind", [
  z.looseObject({ kind: z.literal("story") }),
  z.looseObject({ kind: z.literal("block"), index: z.number(), text: z.string() }),
  z.looseObject({ kind: z.literal("orphaned"), text: z.string() }),
]);

const commentSchema = z.looseObject({
  id: z.string(),
  storyId: z.string(),
  parentId: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  body: z.string(),
  mentions: z.array(z.string()),
  anchor: anchorSchema,
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  mentioned: z.array(z.looseObject({ id: z.string(), displayName: z.string() })),
});
export type CommentItem = z.infer<typeof commentSchema>;

const threadSchema = commentSchema.extend({ replies: z.array(commentSchema) });
export type CommentThread = z.infer<typeof threadSchema>;

const threadsSchema = z.looseObject({ threads: z.array(threadSchema) });
const savedSchema = z.looseObject({ comment: z.looseObject({ id: z.string() }) });

const personSchema = z.looseObject({ id: z.string(), displayName: z.string() });
export type MentionPerson = z.infer<typeof personSchema>;
const peopleSchema = z.looseObject({ people: z.array(personSchema) });

const notificationSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(["mention", "reply"]),
  storyId: z.string(),
  commentId: z.string(),
  actorName: z.string().nullable(),
  excerpt: z.string(),
  headline: z.string(),
  serviceId: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;
const notificationsSchema = z.looseObject({
  unread: z.number(),
  items: z.array(notificationSchema),
});
export type Notifications = z.infer<typeof notificationsSchema>;

const storyPath = (storyId: string) => `/stories/${encodeURIComponent(storyId)}`;
const commentPath = (commentId: string) => `/comments/${encodeURIComponent(commentId)}`;

export async function listComments(api: ApiClient, storyId: string): Promise<CommentThread[]> {
  return (await api.request("GET", `${storyPath(storyId)}/comments`, { schema: threadsSchema }))
    .threads;
}

export async function addComment(
  api: ApiClient,
  storyId: string,
  input: {
    body: string;
    mentions: readonly string[];
    parentId?: string;
    block?: { index: number; text: string };
  },
): Promise<string> {
  const saved = await api.request("POST", `${storyPath(storyId)}/comments`, {
    schema: savedSchema,
    json: input,
  });
  return saved.comment.id;
}

export async function editComment(
  api: ApiClient,
  commentId: string,
  input: { body: string; mentions: readonly string[] },
): Promise<void> {
  await api.request("PATCH", commentPath(commentId), { schema: savedSchema, json: input });
}

export async function deleteComment(api: ApiClient, commentId: string): Promise<void> {
  await api.request("DELETE", commentPath(commentId));
}

export async function resolveComment(
  api: ApiClient,
  commentId: string,
  resolved: boolean,
): Promise<void> {
  await api.request("POST", `${commentPath(commentId)}/resolve`, {
    schema: savedSchema,
    json: { resolved },
  });
}

export async function mentionable(
  api: ApiClient,
  storyId: string,
  q: string,
): Promise<MentionPerson[]> {
  return (
    await api.request("GET", `${storyPath(storyId)}/mentionable`, {
      schema: peopleSchema,
      query: { q },
    })
  ).people;
}

export function notifications(api: ApiClient): Promise<Notifications> {
  return api.request("GET", "/notifications", { schema: notificationsSchema });
}

export async function markNotificationsRead(
  api: ApiClient,
  ids: readonly string[] | null,
): Promise<void> {
  await api.request("POST", "/notifications/read", { json: ids === null ? {} : { ids } });
}
