import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import { z } from "zod";
import type { CommentRepository, CommentRow } from "../domain/comments/comment-repository.js";
import type {
  CommentAnchor,
  MentionCandidate,
  Notification,
  NotificationKind,
  NotificationRow,
  StoryComment,
} from "../domain/comments/comment-schema.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { StoryStatus } from "../domain/stories/story-schema.js";
import { grantSchema } from "../domain/users/user-schema.js";
import type { DatabaseSchema, StoryCommentsTable } from "./database-schema.js";
import { likeContaining } from "./like-patterns.js";

const mentionsSchema = z.array(z.string()).max(100);
/** Characters of a comment shown in a notification. */
const excerptLength = 200;

export class CommentSqlRepository implements CommentRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async insertComment(comment: StoryComment, notifications: readonly Notification[]) {
    await this.#db.transaction().execute(async (trx) => {
      await trx.insertInto("story_comments").values(commentRow(comment)).execute();
      await insertNotifications(trx, notifications);
    });
  }

  async findComment(id: string): Promise<StoryComment | undefined> {
    const row = await this.#db
      .selectFrom("story_comments")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? commentFromRow(row) : undefined;
  }

  async listForStory(storyId: string, limit: number): Promise<CommentRow[]> {
    const rows = await this.#db
      .selectFrom("story_comments")
      .innerJoin("users", "users.id", "story_comments.author_id")
      .selectAll("story_comments")
      .select("users.display_name")
      .where("story_comments.story_id", "=", storyId)
      .orderBy("story_comments.created_at")
      .orderBy("story_comments.id")
      .limit(limit)
      .execute();
    return rows.map((row) => ({ ...commentFromRow(row), authorName: row.display_name }));
  }

  async countForStory(storyId: string): Promise<number> {
    const row = await this.#db
      .selectFrom("story_comments")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("story_id", "=", storyId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  async updateComment(
    id: string,
    change: { body: string; mentions: readonly string[]; editedAt: string },
    notifications: readonly Notification[],
  ) {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .updateTable("story_comments")
        .set({
          body: change.body,
          mentions: JSON.stringify(change.mentions),
          edited_at: change.editedAt,
        })
        .where("id", "=", id)
        .execute();
      await insertNotifications(trx, notifications);
    });
  }

  async setResolved(id: string, resolved: { at: string; by: string | null } | null) {
    await this.#db
      .updateTable("story_comments")
      .set({ resolved_at: resolved?.at ?? null, resolved_by: resolved?.by ?? null })
      .where("id", "=", id)
      .execute();
  }

  async deleteComment(id: string) {
    // Explicit rather than left to ON DELETE CASCADE alone: the order is the same on both
    // dialects whatever the foreign-key settings of the connection.
    await this.#db.transaction().execute(async (trx) => {
      const thread = trx
        .selectFrom("story_comments")
        .select("id")
        .where((eb) => eb.or([eb("id", "=", id), eb("parent_id", "=", id)]));
      await trx.deleteFrom("notifications").where("comment_id", "in", thread).execute();
      await trx.deleteFrom("story_comments").where("parent_id", "=", id).execute();
      await trx.deleteFrom("story_comments").where("id", "=", id).execute();
    });
  }

  async moveAnchors(moves: readonly { id: string; anchor: CommentAnchor }[]) {
    await this.#db.transaction().execute(async (trx) => {
      for (const move of moves) {
        await trx
          .updateTable("story_comments")
          .set(anchorColumns(move.anchor))
          .where("id", "=", move.id)
          .execute();
      }
    });
  }

  async mentionCandidates(filter: {
    q: string;
    serviceId: ServiceId;
    anyService: boolean;
    limit: number;
  }): Promise<MentionCandidate[]> {
    const q = filter.q.toLowerCase();
    const rows = await this.#db
      .selectFrom("users")
      .select(["id", "display_name", "is_admin"])
      .where("disabled_at", "is", null)
      .where((eb) =>
        eb.or([
          eb("is_admin", "=", 1),
          eb(
            "id",
            "in",
            filter.anyService
              ? eb.selectFrom("user_grants").select("user_id")
              : eb
                  .selectFrom("user_grants")
                  .select("user_id")
                  .where("service_id", "=", filter.serviceId),
          ),
        ]),
      )
      .$if(q.length > 0, (qb) =>
        qb.where((eb) =>
          eb.or([
            likeContaining(sql`lower(display_name)`, q),
            likeContaining(sql`lower(email)`, q),
          ]),
        ),
      )
      .orderBy("display_name")
      .orderBy("id")
      .limit(filter.limit)
      .execute();
    return this.#withGrants(rows);
  }

  async findAccounts(ids: readonly string[]): Promise<MentionCandidate[]> {
    if (ids.length === 0) return [];
    // A story holds at most 1,000 comments of at most 20 mentions: chunks keep the
    // statement within every driver's parameter limit.
    if (ids.length > 500) {
      const found: MentionCandidate[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        found.push(...(await this.findAccounts(ids.slice(i, i + 500))));
      }
      return found;
    }
    const rows = await this.#db
      .selectFrom("users")
      .select(["id", "display_name", "is_admin"])
      .where("disabled_at", "is", null)
      .where("id", "in", [...ids])
      .execute();
    return this.#withGrants(rows);
  }

  async #withGrants(
    rows: readonly { id: string; display_name: string; is_admin: number }[],
  ): Promise<MentionCandidate[]> {
    if (rows.length === 0) return [];
    const grants = await this.#db
      .selectFrom("user_grants")
      .selectAll()
      .where(
        "user_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    return rows.map((row) => ({
      id: row.id,
      displayName: row.display_name,
      isAdmin: Number(row.is_admin) === 1,
      grants: grants
        .filter((g) => g.user_id === row.id)
        .flatMap((g) => {
          const parsed = grantSchema.safeParse({ serviceId: g.service_id, role: g.role });
          return parsed.success ? [parsed.data] : [];
        }),
    }));
  }

  async listNotifications(userId: string, limit: number): Promise<NotificationRow[]> {
    const rows = await this.#db
      .selectFrom("notifications")
      .innerJoin("story_comments", "story_comments.id", "notifications.comment_id")
      .innerJoin("stories", "stories.id", "notifications.story_id")
      .leftJoin("users", "users.id", "notifications.actor_id")
      .selectAll("notifications")
      .select([
        "story_comments.body",
        "stories.service_id",
        "stories.family_id",
        "stories.status",
        "stories.created_by",
        "stories.working_headline",
        "users.display_name",
      ])
      .where("notifications.user_id", "=", userId)
      .orderBy("notifications.created_at", "desc")
      .orderBy("notifications.id", "desc")
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      kind: row.kind as NotificationKind,
      storyId: row.story_id,
      commentId: row.comment_id,
      actorId: row.actor_id,
      createdAt: row.created_at,
      readAt: row.read_at,
      actorName: row.display_name ?? null,
      excerpt: row.body.slice(0, excerptLength),
      story: {
        id: row.story_id,
        serviceId: row.service_id as ServiceId,
        familyId: row.family_id,
        status: row.status as StoryStatus,
        createdBy: row.created_by,
        headline: row.working_headline ?? "",
      },
    }));
  }

  async markRead(userId: string, ids: readonly string[] | null, at: string): Promise<number> {
    if (ids !== null && ids.length === 0) return 0;
    const result = await this.#db
      .updateTable("notifications")
      .set({ read_at: at })
      .where("user_id", "=", userId)
      .where("read_at", "is", null)
      .$if(ids !== null, (qb) => qb.where("id", "in", [...(ids ?? [])]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}

async function insertNotifications(
  trx: Transaction<DatabaseSchema>,
  notifications: readonly Notification[],
): Promise<void> {
  if (notifications.length === 0) return;
  await trx
    .insertInto("notifications")
    .values(
      notifications.map((n) => ({
        id: n.id,
        user_id: n.userId,
        kind: n.kind,
        story_id: n.storyId,
        comment_id: n.commentId,
        actor_id: n.actorId,
        created_at: n.createdAt,
        read_at: n.readAt,
      })),
    )
    .execute();
}

function anchorColumns(anchor: CommentAnchor) {
  switch (anchor.kind) {
    case "story":
      return { anchor_state: "story", block_index: null, block_text: null };
    case "block":
      return { anchor_state: "block", block_index: anchor.index, block_text: anchor.text };
    case "orphaned":
      return { anchor_state: "orphaned", block_index: null, block_text: anchor.text };
  }
}

function commentRow(comment: StoryComment) {
  return {
    id: comment.id,
    story_id: comment.storyId,
    parent_id: comment.parentId,
    author_id: comment.authorId,
    body: comment.body,
    mentions: JSON.stringify(comment.mentions),
    revision_id: comment.revisionId,
    ...anchorColumns(comment.anchor),
    created_at: comment.createdAt,
    edited_at: comment.editedAt,
    resolved_at: comment.resolvedAt,
    resolved_by: comment.resolvedBy,
  };
}

function commentFromRow(row: Selectable<StoryCommentsTable>): StoryComment {
  // JSON read back from the database is a boundary (STYLE rule 3).
  const mentions = mentionsSchema.safeParse(JSON.parse(row.mentions));
  const anchor: CommentAnchor =
    row.anchor_state === "block" && row.block_index !== null
      ? { kind: "block", index: Number(row.block_index), text: row.block_text ?? "" }
      : row.anchor_state === "orphaned"
        ? { kind: "orphaned", text: row.block_text ?? "" }
        : { kind: "story" };
  return {
    id: row.id,
    storyId: row.story_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    body: row.body,
    mentions: mentions.success ? mentions.data : [],
    revisionId: row.revision_id,
    anchor,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    resolvedAt: row.resolved_at,
    resolvedBy: row.resolved_by,
  };
}
