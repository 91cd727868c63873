import type { ServiceId } from "../services/service-registry.js";
import type {
  CommentAnchor,
  MentionCandidate,
  Notification,
  NotificationRow,
  StoryComment,
} from "./comment-schema.js";

/** A comment as listed: with its author's name. */
export interface CommentRow extends StoryComment {
  readonly authorName: string;
}

/** What storage keeps for comments and notifications (src/storage/comment-sql-repository.ts). */
export interface CommentRepository {
  /** Inserts the comment and its notifications in one transaction. */
  insertComment(comment: StoryComment, notifications: readonly Notification[]): Promise<void>;
  findComment(id: string): Promise<StoryComment | undefined>;
  /** The story's comments, oldest first, at most `limit`. */
  listForStory(storyId: string, limit: number): Promise<CommentRow[]>;
  countForStory(storyId: string): Promise<number>;
  /** New text and mentions, and notifications for people newly mentioned, in one transaction. */
  updateComment(
    id: string,
    change: { body: string; mentions: readonly string[]; editedAt: string },
    notifications: readonly Notification[],
  ): Promise<void>;
  setResolved(id: string, resolved: { at: string; by: string | null } | null): Promise<void>;
  /** Deletes the comment, its replies and their notifications. */
  deleteComment(id: string): Promise<void>;
  /** Moves block anchors after the body changed. */
  moveAnchors(moves: readonly { id: string; anchor: CommentAnchor }[]): Promise<void>;

  /**
   * Enabled accounts whose name or email contains `q` and who have a role in `serviceId`
   * (any service when `anyService`), or are administrators; by name, at most `limit`.
   */
  mentionCandidates(filter: {
    q: string;
    serviceId: ServiceId;
    anyService: boolean;
    limit: number;
  }): Promise<MentionCandidate[]>;
  /** Enabled accounts among `ids`, with their roles. */
  findAccounts(ids: readonly string[]): Promise<MentionCandidate[]>;

  /** The user's newest notifications, at most `limit`, with the story and comment they are about. */
  listNotifications(userId: string, limit: number): Promise<NotificationRow[]>;
  /** Marks the user's notifications read (all of them when `ids` is null); returns how many. */
  markRead(userId: string, ids: readonly string[] | null, at: string): Promise<number>;
}
