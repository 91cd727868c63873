import { type Actor, userActor } from "../actor.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { StoryEvent, StoryEventListener } from "../stories/story-events.js";
import type { StoryRepository } from "../stories/story-repository.js";
import type { Story } from "../stories/story-schema.js";
import { factsOf } from "../stories/story-service.js";
import type { TranslationRepository } from "../translations/translation-repository.js";
import { assertCan, can } from "../users/access-policy.js";
import { resolveAnchor } from "./comment-anchor.js";
import type { CommentRepository, CommentRow } from "./comment-repository.js";
import {
  type CommentAnchor,
  createCommentInputSchema,
  editCommentInputSchema,
  type MentionCandidate,
  maxCommentsPerStory,
  type Notification,
  type NotificationKind,
  type NotificationRow,
  type StoryComment,
} from "./comment-schema.js";

/** A comment as listed: its author's and its mentioned people's names. */
export interface ListedComment extends CommentRow {
  readonly mentioned: readonly { readonly id: string; readonly displayName: string }[];
}

/** A thread: a comment on the story or a block, with its replies oldest first. */
export interface CommentThread extends ListedComment {
  readonly replies: readonly ListedComment[];
}

/** Notifications fetched to build the list and its unread count. */
const notificationWindow = 100;
const mentionResults = 10;

/**
 * Editor-to-editor notes on a story (docs/newsroom-api.md, "Comments and notifications").
 * Everyone who may view a story may read and write its comments, and nobody else; a mention
 * must name someone who may view the story too (MENTION_NOT_ALLOWED otherwise, so the writer
 * knows the note will not reach them). Comments never enter a revision, so nothing that
 * reads published copy (reader pages, feeds, the content API, webhooks) can carry them.
 */
export class CommentService implements StoryEventListener {
  readonly #comments: CommentRepository;
  readonly #stories: StoryRepository;
  readonly #translations: Pick<TranslationRepository, "listLinksFromSource">;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #onNotified: (userIds: readonly string[]) => void;

  constructor(deps: {
    readonly comments: CommentRepository;
    readonly stories: StoryRepository;
    /** Which services hold translations of a story (their translators may read it). */
    readonly translations: Pick<TranslationRepository, "listLinksFromSource">;
    readonly audit: AuditLog;
    readonly clock: Clock;
    /** Told whom new notifications are for, after they are stored (the live events). */
    readonly onNotified?: (userIds: readonly string[]) => void;
  }) {
    this.#comments = deps.comments;
    this.#stories = deps.stories;
    this.#translations = deps.translations;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#onNotified = deps.onNotified ?? (() => undefined);
  }

  /** The story's threads, with block anchors resolved against its current revision. */
  async list(actor: Actor, storyId: string): Promise<CommentThread[]> {
    await this.#viewable(actor, storyId);
    const stored = await this.#comments.listForStory(storyId, maxCommentsPerStory);
    const names = new Map(
      (await this.#comments.findAccounts([...new Set(stored.flatMap((row) => row.mentions))])).map(
        (account) => [account.id, account.displayName],
      ),
    );
    const rows: ListedComment[] = stored.map((row) => ({
      ...row,
      mentioned: row.mentions.flatMap((id) => {
        const displayName = names.get(id);
        return displayName === undefined ? [] : [{ id, displayName }];
      }),
    }));
    const threads = new Map<string, ListedComment[]>();
    for (const row of rows) {
      if (row.parentId === null) continue;
      const replies = threads.get(row.parentId) ?? [];
      replies.push(row);
      threads.set(row.parentId, replies);
    }
    return rows
      .filter((row) => row.parentId === null)
      .map((row) => ({ ...row, replies: threads.get(row.id) ?? [] }));
  }

  async create(actor: Actor, storyId: string, raw: unknown): Promise<StoryComment> {
    const authorId = this.#person(actor);
    const input = parseOrThrow(createCommentInputSchema, raw);
    const story = await this.#viewable(actor, storyId, "story.comment");
    if ((await this.#comments.countForStory(story.id)) >= maxCommentsPerStory) {
      throw new NewsdeskError("COMMENT_LIMIT_REACHED");
    }
    let parent: StoryComment | undefined;
    if (input.parentId !== undefined) {
      parent = await this.#comments.findComment(input.parentId);
      if (!parent || parent.storyId !== story.id) throw new NewsdeskError("COMMENT_NOT_FOUND");
      if (parent.parentId !== null) {
        throw new NewsdeskError("VALIDATION_FAILED", {
          detail: "Reply to the first comment of the thread; replies have no replies.",
        });
      }
      if (input.block) {
        throw new NewsdeskError("VALIDATION_FAILED", {
          detail: "A reply belongs to its thread's paragraph; it takes no block of its own.",
        });
      }
    }
    await this.#checkMentions(story, input.body, input.mentions);
    const now = this.#now();
    const anchor: CommentAnchor = input.block
      ? { kind: "block", index: input.block.index, text: input.block.text }
      : { kind: "story" };
    const comment: StoryComment = {
      id: newId(),
      storyId: story.id,
      parentId: parent?.id ?? null,
      authorId,
      body: input.body,
      mentions: input.mentions,
      revisionId: story.currentRevisionId,
      anchor,
      createdAt: now,
      editedAt: null,
      resolvedAt: null,
      resolvedBy: null,
    };
    const notified = new Map<string, NotificationKind>();
    for (const id of input.mentions) if (id !== authorId) notified.set(id, "mention");
    if (parent && parent.authorId !== authorId && !notified.has(parent.authorId)) {
      // The thread's author hears of replies, while they may still see the story.
      const [account] = await this.#comments.findAccounts([parent.authorId]);
      if (account && this.#canView(account, story)) notified.set(parent.authorId, "reply");
    }
    const notifications = [...notified].map(([userId, kind]) =>
      this.#notification(userId, kind, comment, authorId, now),
    );
    await this.#comments.insertComment(comment, notifications);
    await this.#audit.record(
      actor,
      "comment.added",
      { storyId: story.id, serviceId: story.serviceId },
      {
        commentId: comment.id,
        ...(parent ? { replyTo: parent.id } : {}),
        mentions: input.mentions.length,
      },
    );
    this.#announce(notifications);
    return comment;
  }

  /** Authors edit their own comments; people newly mentioned are notified. */
  async edit(actor: Actor, commentId: string, raw: unknown): Promise<StoryComment> {
    const input = parseOrThrow(editCommentInputSchema, raw);
    const { comment, story } = await this.#own(actor, commentId);
    await this.#checkMentions(story, input.body, input.mentions);
    const now = this.#now();
    const before = new Set(comment.mentions);
    const notifications = input.mentions
      .filter((id) => !before.has(id) && id !== comment.authorId)
      .map((id) => this.#notification(id, "mention", comment, comment.authorId, now));
    await this.#comments.updateComment(
      comment.id,
      { body: input.body, mentions: input.mentions, editedAt: now },
      notifications,
    );
    await this.#audit.record(
      actor,
      "comment.edited",
      { storyId: story.id, serviceId: story.serviceId },
      { commentId: comment.id },
    );
    this.#announce(notifications);
    return { ...comment, body: input.body, mentions: input.mentions, editedAt: now };
  }

  /** Authors delete their own comments; a thread's first comment takes its replies along. */
  async remove(actor: Actor, commentId: string): Promise<void> {
    const { comment, story } = await this.#own(actor, commentId);
    await this.#comments.deleteComment(comment.id);
    await this.#audit.record(
      actor,
      "comment.deleted",
      { storyId: story.id, serviceId: story.serviceId },
      { commentId: comment.id, ...(comment.parentId ? { replyTo: comment.parentId } : {}) },
    );
  }

  /** Anyone who may see the story resolves or reopens a thread (as in Google Docs). */
  async setResolved(actor: Actor, commentId: string, resolved: boolean): Promise<StoryComment> {
    const by = this.#person(actor);
    const comment = await this.#comments.findComment(commentId);
    if (!comment) throw new NewsdeskError("COMMENT_NOT_FOUND");
    const story = await this.#viewable(actor, comment.storyId, "story.comment");
    if (comment.parentId !== null) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "Resolve the thread through its first comment.",
      });
    }
    const at = resolved ? this.#now() : null;
    await this.#comments.setResolved(comment.id, at ? { at, by } : null);
    await this.#audit.record(
      actor,
      resolved ? "comment.resolved" : "comment.reopened",
      { storyId: story.id, serviceId: story.serviceId },
      { commentId: comment.id },
    );
    return { ...comment, resolvedAt: at, resolvedBy: at ? by : null };
  }

  /** People the actor may mention on this story: those who may view it, matching `q`. */
  async mentionable(
    actor: Actor,
    storyId: string,
    q: string,
  ): Promise<{ id: string; displayName: string }[]> {
    const story = await this.#viewable(actor, storyId);
    const candidates = await this.#comments.mentionCandidates({
      q: q.normalize("NFC").trim().slice(0, 100),
      serviceId: story.serviceId,
      anyService: story.status === "published",
      limit: mentionResults * 3,
    });
    return candidates
      .filter((candidate) => this.#canView(candidate, story))
      .slice(0, mentionResults)
      .map(({ id, displayName }) => ({ id, displayName }));
  }

  /**
   * The actor's newest notifications and how many are unread. Notifications about stories
   * the actor may no longer see are left out (their excerpt would tell what the story says).
   */
  async notifications(
    actor: Actor,
    limit: number,
  ): Promise<{ unread: number; items: NotificationRow[] }> {
    const userId = this.#person(actor);
    const rows = await this.#comments.listNotifications(userId, notificationWindow);
    const visible = rows.filter((row) =>
      can(actor, "story.view", row.story.serviceId, factsOf(row.story)),
    );
    return {
      unread: visible.filter((row) => row.readAt === null).length,
      items: visible.slice(0, limit),
    };
  }

  async markRead(actor: Actor, ids: readonly string[] | null): Promise<number> {
    return this.#comments.markRead(this.#person(actor), ids, this.#now());
  }

  /** After a save, block comments follow their blocks into the new revision. */
  async onStoryEvent(event: StoryEvent): Promise<void> {
    if (event.type !== "saved") return;
    const rows = await this.#comments.listForStory(event.story.id, maxCommentsPerStory);
    if (rows.every((row) => row.anchor.kind === "story")) return;
    const revision = await this.#stories.findRevision(event.story.currentRevisionId);
    if (!revision) return;
    const moves: { id: string; anchor: CommentAnchor }[] = [];
    for (const row of rows) {
      const was = row.anchor;
      if (was.kind === "story") continue;
      // An orphaned comment is looked for again by its text (a paragraph restored).
      const found = resolveAnchor(revision.content.body, {
        index: was.kind === "block" ? was.index : 0,
        text: was.text,
      });
      const next: CommentAnchor =
        found.state === "block"
          ? { kind: "block", index: found.index, text: found.text }
          : { kind: "orphaned", text: was.text };
      if (JSON.stringify(next) !== JSON.stringify(was)) moves.push({ id: row.id, anchor: next });
    }
    if (moves.length > 0) await this.#comments.moveAnchors(moves);
  }

  async #checkMentions(story: Story, body: string, mentions: readonly string[]): Promise<void> {
    if (mentions.length === 0) return;
    const accounts = await this.#comments.findAccounts(mentions);
    const refused = mentions.filter((id) => {
      const account = accounts.find((a) => a.id === id);
      return !account || !this.#canView(account, story);
    });
    if (refused.length > 0) {
      throw new NewsdeskError("MENTION_NOT_ALLOWED", { details: { userIds: refused } });
    }
    const unwritten = accounts.filter((a) => !body.includes(`@${a.displayName}`));
    if (unwritten.length > 0) {
      throw new NewsdeskError("VALIDATION_FAILED", {
        detail: "Every person mentioned must be named in the text as @Name.",
        details: { userIds: unwritten.map((a) => a.id) },
      });
    }
  }

  #canView(account: MentionCandidate, story: Story): boolean {
    const actor = userActor(account.id, account.grants, account.isAdmin);
    return can(actor, "story.view", story.serviceId, factsOf(story));
  }

  async #own(actor: Actor, commentId: string): Promise<{ comment: StoryComment; story: Story }> {
    const userId = this.#person(actor);
    const comment = await this.#comments.findComment(commentId);
    if (!comment) throw new NewsdeskError("COMMENT_NOT_FOUND");
    const story = await this.#viewable(actor, comment.storyId, "story.comment");
    if (comment.authorId !== userId) {
      throw new NewsdeskError("FORBIDDEN", { detail: "Only its author can change a comment." });
    }
    return { comment, story };
  }

  async #viewable(
    actor: Actor,
    storyId: string,
    action: "story.view" | "story.comment" = "story.view",
  ): Promise<Story> {
    const story = await this.#stories.findStory(storyId);
    if (!story) throw new NewsdeskError("STORY_NOT_FOUND");
    const facts = factsOf(story);
    if (can(actor, action, story.serviceId, facts)) return story;
    // Translators of a translation made from this story read (and discuss) it, published or not.
    const links = await this.#translations.listLinksFromSource(story.id);
    assertCan(actor, action, story.serviceId, {
      ...facts,
      translatedInto: links.map((link) => link.targetServiceId),
    });
    return story;
  }

  /** Comments and notifications are a person's: the system actor and tokens' owners alike. */
  #person(actor: Actor): string {
    if (actor.kind !== "user") {
      throw new NewsdeskError("FORBIDDEN", { detail: "Only people can write comments." });
    }
    return actor.userId;
  }

  #notification(
    userId: string,
    kind: NotificationKind,
    comment: StoryComment,
    actorId: string,
    at: string,
  ): Notification {
    return {
      id: newId(),
      userId,
      kind,
      storyId: comment.storyId,
      commentId: comment.id,
      actorId,
      createdAt: at,
      readAt: null,
    };
  }

  #announce(notifications: readonly Notification[]): void {
    if (notifications.length > 0) this.#onNotified(notifications.map((n) => n.userId));
  }

  #now(): string {
    return this.#clock.now().toISOString();
  }
}
