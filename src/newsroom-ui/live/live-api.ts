import { z } from "zod";
import { type StoryBlock, storyBodySchema } from "../../domain/stories/story-body-schema.js";
import type { ApiClient } from "../shared/api-client.js";

/**
 * Live pages in the newsroom API (issue 15; the contract is the "Newsroom API" part of the
 * live-page design): the page's settings, its stream of posts, and each post's revisions.
 * Objects are loose, like every newsroom schema, so the server may add fields.
 */

export const liveStatuses = ["upcoming", "live", "ended"] as const;
export type LiveStatus = (typeof liveStatuses)[number];

/** Key points: at most 10 lines of at most 300 characters (the server's live settings limits). */
export const maxKeyPoints = 10;
export const maxKeyPointLength = 300;

const nullableString = z.string().nullable();

const livePageSchema = z.looseObject({
  storyId: z.string(),
  status: z.enum(liveStatuses),
  keyPoints: z.array(z.string()),
  reportersMayPost: z.boolean(),
  coverageStartTime: nullableString,
  coverageEndTime: nullableString,
  version: z.number(),
  /** What the signed-in caller may do here, decided by the server. */
  canPost: z.boolean(),
  canModerate: z.boolean(),
});
export type LivePage = z.infer<typeof livePageSchema>;

const postContentSchema = z.looseObject({
  title: nullableString,
  body: storyBodySchema,
  bylines: z.array(z.looseObject({ personId: z.string() })),
});
export type LivePostContent = z.infer<typeof postContentSchema>;

const livePostSchema = z.looseObject({
  id: z.string(),
  storyId: z.string(),
  postedAt: z.string(),
  content: postContentSchema,
  keyEvent: z.boolean(),
  pinned: z.boolean(),
  /** 1 for a post never edited. */
  revision: z.number(),
  editedAt: nullableString,
  deletedAt: nullableString,
  createdBy: nullableString,
  createdByName: nullableString,
  bylineNames: z.array(z.string()),
  /** A copy offered from another service's live page, not yet published (readers never see it). */
  draft: z.boolean().optional(),
  /** Offered from another service, and that source post was edited since. */
  stale: z.boolean().optional(),
});
export type LivePost = z.infer<typeof livePostSchema>;

const postPageSchema = z.looseObject({
  items: z.array(livePostSchema),
  nextBefore: nullableString,
});
export type PostPage = z.infer<typeof postPageSchema>;

const postRevisionSchema = z.looseObject({
  revision: z.number(),
  content: postContentSchema,
  createdAt: z.string(),
  createdBy: nullableString,
  createdByName: nullableString,
});
export type PostRevision = z.infer<typeof postRevisionSchema>;
const postRevisionsSchema = z.looseObject({ items: z.array(postRevisionSchema) });

export interface LiveSettingsInput {
  readonly status: LiveStatus;
  readonly keyPoints: readonly string[];
  readonly reportersMayPost: boolean;
  /** The version the form was loaded at: a stale one is refused with LIVE_SETTINGS_CONFLICT. */
  readonly version: number;
}

export interface NewPost {
  readonly title: string | null;
  readonly body: readonly StoryBlock[];
  readonly bylines: readonly { readonly personId: string }[];
}

export interface PostPatch {
  /** The revision the change was made from: a stale one is refused with LIVE_POST_CONFLICT. */
  readonly revision: number;
  readonly title?: string | null;
  readonly body?: readonly StoryBlock[];
  readonly keyEvent?: boolean;
  readonly pinned?: boolean;
}

/** How many posts one request brings (the server allows 1–100). */
const postPageSize = 30;

function storyPath(storyId: string): string {
  return `/stories/${encodeURIComponent(storyId)}`;
}

function postPath(postId: string): string {
  return `/posts/${encodeURIComponent(postId)}`;
}

export function loadLivePage(api: ApiClient, storyId: string): Promise<LivePage> {
  return api.request("GET", `${storyPath(storyId)}/live`, { schema: livePageSchema });
}

export function saveLiveSettings(
  api: ApiClient,
  storyId: string,
  input: LiveSettingsInput,
): Promise<LivePage> {
  return api.request("PUT", `${storyPath(storyId)}/live`, { schema: livePageSchema, json: input });
}

/** Newest first; `before` is the cursor the previous page returned as `nextBefore`. */
export function listPosts(
  api: ApiClient,
  storyId: string,
  page: { readonly before?: string | null | undefined; readonly includeDeleted?: boolean } = {},
): Promise<PostPage> {
  return api.request("GET", `${storyPath(storyId)}/posts`, {
    schema: postPageSchema,
    query: {
      before: page.before ?? undefined,
      limit: postPageSize,
      includeDeleted: page.includeDeleted ? 1 : undefined,
    },
  });
}

export function createPost(api: ApiClient, storyId: string, post: NewPost): Promise<LivePost> {
  return api.request("POST", `${storyPath(storyId)}/posts`, { schema: livePostSchema, json: post });
}

export function updatePost(api: ApiClient, postId: string, patch: PostPatch): Promise<LivePost> {
  return api.request("PATCH", postPath(postId), { schema: livePostSchema, json: patch });
}

export async function deletePost(api: ApiClient, postId: string, reason: string): Promise<void> {
  await api.request("DELETE", postPath(postId), { json: reason === "" ? {} : { reason } });
}

/** Every revision of one post, as the server keeps them (edits and the deletion audited). */
export async function postRevisions(api: ApiClient, postId: string): Promise<PostRevision[]> {
  return (
    await api.request("GET", `${postPath(postId)}/revisions`, { schema: postRevisionsSchema })
  ).items;
}

/** The post a 409 LIVE_POST_CONFLICT carries: the stored post, without the names added for lists. */
const conflictCurrentSchema = z.looseObject({ revision: z.number(), content: postContentSchema });

/**
 * Offers a post to the same story's live page in another service: a draft copy there for
 * that service's translators and editors (409 LIVE_POST_ALREADY_OFFERED when one exists).
 */
export function offerPost(
  api: ApiClient,
  postId: string,
  targetStoryId: string,
): Promise<LivePost> {
  return api.request("POST", `${postPath(postId)}/offer`, {
    schema: livePostSchema,
    json: { targetStoryId },
  });
}

/** Publishes a draft offered from another service: readers see it from now on. */
export function publishOfferedPost(api: ApiClient, postId: string): Promise<LivePost> {
  return api.request("POST", `${postPath(postId)}/publish`, { schema: livePostSchema });
}

/**
 * The newer version behind a 409 LIVE_POST_CONFLICT: the post the problem carries when the
 * server includes it (`current`), else the newest of the post's revisions, so the editor can
 * show it beside the text the user keeps.
 */
export async function newerVersionOf(
  api: ApiClient,
  postId: string,
  problem: Readonly<Record<string, unknown>>,
): Promise<{ readonly revision: number; readonly content: LivePostContent }> {
  const carried = conflictCurrentSchema.safeParse(problem.current);
  if (carried.success) return { revision: carried.data.revision, content: carried.data.content };
  const revisions = await postRevisions(api, postId);
  const newest = revisions.reduce<PostRevision | null>(
    (best, item) => (best === null || item.revision > best.revision ? item : best),
    null,
  );
  if (!newest) throw new Error(`Post ${postId} has no revisions.`);
  return { revision: newest.revision, content: newest.content };
}
