import { z } from "zod";
import type { ServiceId } from "../services/service-registry.js";
import type { StoryStatus } from "../stories/story-schema.js";
import type { Grant } from "../users/user-schema.js";
import { anchorTextLength } from "./comment-anchor.js";

/** Comments are plain text, like a desk's notes: no markup, at most this many characters. */
export const maxCommentLength = 4000;
/** Mentions in one comment. */
const maxMentions = 20;
/** Comments (replies included) one story holds. */
export const maxCommentsPerStory = 1000;

const commentText = z
  .string()
  .transform((text) => text.normalize("NFC").trim())
  .pipe(z.string().min(1, "Write something first.").max(maxCommentLength));

const mentionIds = z
  .array(z.string().min(1).max(64))
  .max(maxMentions)
  .default([])
  .transform((ids) => [...new Set(ids)]);

export const createCommentInputSchema = z.strictObject({
  body: commentText,
  mentions: mentionIds,
  /** A reply names its thread's first comment; a reply has no anchor of its own. */
  parentId: z.string().min(1).max(64).optional(),
  /** A comment on one block of the body: its position and text as the writer saw them. */
  block: z
    .strictObject({
      index: z.number().int().min(0).max(1999),
      text: z
        .string()
        .max(20_000)
        .transform((text) => text.normalize("NFC").slice(0, anchorTextLength)),
    })
    .optional(),
});

export const editCommentInputSchema = z.strictObject({ body: commentText, mentions: mentionIds });

export type CommentAnchor =
  | { readonly kind: "story" }
  | { readonly kind: "block"; readonly index: number; readonly text: string }
  /** The block was deleted: the comment keeps the text it was on. */
  | { readonly kind: "orphaned"; readonly text: string };

export interface StoryComment {
  readonly id: string;
  readonly storyId: string;
  readonly parentId: string | null;
  readonly authorId: string;
  readonly body: string;
  readonly mentions: readonly string[];
  readonly revisionId: string;
  readonly anchor: CommentAnchor;
  readonly createdAt: string;
  readonly editedAt: string | null;
  readonly resolvedAt: string | null;
  readonly resolvedBy: string | null;
}

export type NotificationKind = "mention" | "reply";

export interface Notification {
  readonly id: string;
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly storyId: string;
  readonly commentId: string;
  readonly actorId: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** A notification with what the list shows and what access is checked against. */
export interface NotificationRow extends Notification {
  readonly actorName: string | null;
  readonly excerpt: string;
  readonly story: {
    readonly id: string;
    readonly serviceId: ServiceId;
    readonly familyId: string;
    readonly status: StoryStatus;
    readonly createdBy: string | null;
    readonly headline: string;
  };
}

/** Someone who may be mentioned (or is), with what access is checked against. */
export interface MentionCandidate {
  readonly id: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly grants: readonly Grant[];
}
