import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type {
  LivePostRevision,
  LiveRepository,
  NewsroomLivePost,
} from "../domain/live/live-repository.js";
import {
  type LivePage,
  type LivePost,
  type LivePostContent,
  type LiveStatus,
  livePostContentSchema,
  liveSettingsSchema,
  liveStatuses,
} from "../domain/live/live-schema.js";
import type { DatabaseSchema, LivePagesTable, LivePostsTable } from "./database-schema.js";

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/**
 * Live pages, posts and post revisions (migration 0022). Lists walk the index
 * `live_posts_stream (story_id, posted_at, id)` backwards from its end or from the cursor
 * post's `(posted_at, id)`, so a page's first screen costs the same with 10 posts or 10,000.
 */
export class LiveSqlRepository implements LiveRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async findLivePage(storyId: string): Promise<LivePage | undefined> {
    const row = await this.#db
      .selectFrom("live_pages")
      .selectAll()
      .where("story_id", "=", storyId)
      .executeTakeFirst();
    return row ? livePageFromRow(row) : undefined;
  }

  async listPosts(storyId: string, page: { before?: string; limit: number }): Promise<LivePost[]> {
    const rows = await this.#stream(storyId, page.before, page.limit, false)
      .where("p.draft", "=", 0)
      .selectAll("p")
      .execute();
    return rows.map(postFromRow);
  }

  async listKeyEvents(storyId: string, limit: number): Promise<LivePost[]> {
    const rows = await this.#db
      .selectFrom("live_posts")
      .selectAll()
      .where("story_id", "=", storyId)
      // Literals, not parameters: a partial index serves a query only when its WHERE implies
      // the index's own (SQLite §"Partial Indexes" 2.1; PostgreSQL's generic plans likewise).
      .where("key_event", "=", sql.lit(1))
      .where("deleted_at", "is", null)
      .where("draft", "=", 0)
      .orderBy("posted_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(postFromRow);
  }

  async findPinned(storyId: string): Promise<LivePost | undefined> {
    const row = await this.#db
      .selectFrom("live_posts")
      .selectAll()
      .where("story_id", "=", storyId)
      .where("pinned", "=", sql.lit(1)) // see listKeyEvents
      .where("deleted_at", "is", null)
      .where("draft", "=", 0)
      .executeTakeFirst();
    return row ? postFromRow(row) : undefined;
  }

  async findPost(postId: string): Promise<LivePost | undefined> {
    // Readers' lookup: an offered draft does not exist for them.
    const row = await this.#db
      .selectFrom("live_posts")
      .selectAll()
      .where("id", "=", postId)
      .where("draft", "=", 0)
      .executeTakeFirst();
    return row ? postFromRow(row) : undefined;
  }

  async countPosts(storyId: string): Promise<number> {
    const row = await this.#db
      .selectFrom("live_posts")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("story_id", "=", storyId)
      .where("deleted_at", "is", null)
      .where("draft", "=", 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertPost(post: LivePost): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      if (post.pinned) await unpinOthers(trx, post.storyId, post.id);
      await trx.insertInto("live_posts").values(postRow(post)).execute();
      await trx
        .insertInto("live_post_revisions")
        .values({
          post_id: post.id,
          revision: post.revision,
          content: JSON.stringify(post.content),
          created_at: post.postedAt,
          created_by: post.createdBy,
        })
        .execute();
    });
  }

  async updatePost(
    next: LivePost,
    expectedRevision: number,
    editedBy: string | null,
  ): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      if (next.pinned) await unpinOthers(trx, next.storyId, next.id);
      // The conditional update is the optimistic lock (as for story revisions).
      const result = await trx
        .updateTable("live_posts")
        .set({
          content: JSON.stringify(next.content),
          key_event: next.keyEvent ? 1 : 0,
          pinned: next.pinned ? 1 : 0,
          revision: next.revision,
          edited_at: next.editedAt,
        })
        .where("id", "=", next.id)
        .where("revision", "=", expectedRevision)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      if (next.revision > expectedRevision) {
        await trx
          .insertInto("live_post_revisions")
          .values({
            post_id: next.id,
            revision: next.revision,
            content: JSON.stringify(next.content),
            created_at: next.editedAt ?? next.postedAt,
            created_by: editedBy,
          })
          .execute();
      }
      return true;
    });
  }

  async deletePost(
    postId: string,
    change: { deletedAt: string; deletedBy: string | null; reason: string | null },
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable("live_posts")
      .set({
        deleted_at: change.deletedAt,
        deleted_by: change.deletedBy,
        delete_reason: change.reason,
        // A deleted post is no longer the page's pin (readers would see an empty slot).
        pinned: 0,
      })
      .where("id", "=", postId)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async updateLivePage(
    next: LivePage,
    expectedVersion: number,
    change: { at: string; by: string | null },
  ): Promise<boolean> {
    const { story_id: _storyId, ...row } = livePageRow(next, change.at, change.by);
    const result = await this.#db
      .updateTable("live_pages")
      .set(row)
      .where("story_id", "=", next.storyId)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listNewsroomPosts(
    storyId: string,
    page: { before?: string; limit: number; includeDeleted: boolean },
  ): Promise<NewsroomLivePost[]> {
    const posts = await this.#stream(storyId, page.before, page.limit, page.includeDeleted)
      .leftJoin("users as u", "u.id", "p.created_by")
      .select(postColumns)
      .select("u.display_name")
      .execute();
    return posts.map(newsroomPostFromRow);
  }

  async findNewsroomPost(postId: string): Promise<NewsroomLivePost | undefined> {
    const row = await this.#db
      .selectFrom("live_posts as p")
      .leftJoin("users as u", "u.id", "p.created_by")
      .select(postColumns)
      .select("u.display_name")
      .where("p.id", "=", postId)
      .executeTakeFirst();
    return row ? newsroomPostFromRow(row) : undefined;
  }

  async listRevisions(postId: string): Promise<LivePostRevision[]> {
    const rows = await this.#db
      .selectFrom("live_post_revisions as r")
      .leftJoin("users as u", "u.id", "r.created_by")
      .select([
        "r.post_id",
        "r.revision",
        "r.content",
        "r.created_at",
        "r.created_by",
        "u.display_name",
      ])
      .where("r.post_id", "=", postId)
      .orderBy("r.revision", "asc")
      // A bound on one response, far above any real post's history.
      .limit(maxRevisionsListed)
      .execute();
    return rows.map((row) => ({
      postId: row.post_id,
      revision: Number(row.revision),
      content: parseContent(row.content),
      createdAt: row.created_at,
      createdBy: row.created_by,
      createdByName: row.display_name ?? null,
    }));
  }

  async publishDraft(postId: string, postedAt: string): Promise<boolean> {
    const result = await this.#db
      .updateTable("live_posts")
      .set({ draft: 0, posted_at: postedAt })
      .where("id", "=", postId)
      .where("draft", "=", 1)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listOffered(sourcePostId: string): Promise<LivePost[]> {
    const rows = await this.#db
      .selectFrom("live_posts")
      .selectAll()
      .where("source_post_id", "=", sourcePostId)
      .execute();
    return rows.map(postFromRow);
  }

  async setStale(postIds: readonly string[], stale: boolean): Promise<void> {
    if (postIds.length === 0) return;
    await this.#db
      .updateTable("live_posts")
      .set({ stale: stale ? 1 : 0 })
      .where("id", "in", [...postIds])
      .execute();
  }

  /**
   * Newest first by (posted_at, id), from just after the cursor post: the row comparison is
   * spelled out so both dialects range-scan the index the same way.
   */
  #stream(storyId: string, before: string | undefined, limit: number, includeDeleted: boolean) {
    let q = this.#db.selectFrom("live_posts as p").where("p.story_id", "=", storyId);
    if (!includeDeleted) q = q.where("p.deleted_at", "is", null);
    if (before !== undefined) {
      const cursor = this.#db
        .selectFrom("live_posts as c")
        .where("c.id", "=", before)
        .where("c.story_id", "=", storyId);
      q = q.where((eb) =>
        eb.or([
          eb("p.posted_at", "<", cursor.select("c.posted_at")),
          eb.and([eb("p.posted_at", "=", cursor.select("c.posted_at")), eb("p.id", "<", before)]),
        ]),
      );
    }
    return q.orderBy("p.posted_at", "desc").orderBy("p.id", "desc").limit(limit);
  }
}

const maxRevisionsListed = 1000;

const postColumns = [
  "p.id",
  "p.story_id",
  "p.posted_at",
  "p.content",
  "p.key_event",
  "p.pinned",
  "p.revision",
  "p.edited_at",
  "p.deleted_at",
  "p.deleted_by",
  "p.delete_reason",
  "p.created_by",
  "p.source_post_id",
  "p.stale",
  "p.draft",
] as const;

/** The columns of a live page's row (the story repository writes the first one). */
export function livePageRow(page: LivePage, updatedAt: string, updatedBy: string | null) {
  return {
    story_id: page.storyId,
    status: page.status,
    key_points: JSON.stringify(page.keyPoints),
    reporters_may_post: page.reportersMayPost ? 1 : 0,
    coverage_start_time: page.coverageStartTime,
    coverage_end_time: page.coverageEndTime,
    version: page.version,
    updated_at: updatedAt,
    updated_by: updatedBy,
  };
}

/** Clears the page's pin (another post's), before `postId` becomes it. */
async function unpinOthers(trx: Db, storyId: string, postId: string): Promise<void> {
  await trx
    .updateTable("live_posts")
    .set({ pinned: 0 })
    .where("story_id", "=", storyId)
    .where("pinned", "=", 1)
    .where("id", "!=", postId)
    .execute();
}

function postRow(post: LivePost) {
  return {
    id: post.id,
    story_id: post.storyId,
    posted_at: post.postedAt,
    content: JSON.stringify(post.content),
    key_event: post.keyEvent ? 1 : 0,
    pinned: post.pinned ? 1 : 0,
    revision: post.revision,
    edited_at: post.editedAt,
    deleted_at: post.deletedAt,
    created_by: post.createdBy,
    source_post_id: post.sourcePostId,
    stale: 0,
    draft: post.draft ? 1 : 0,
  };
}

function livePageFromRow(row: Selectable<LivePagesTable>): LivePage {
  // JSON read back from the database is a boundary: parse it, never cast it.
  const keyPoints = livePointsSchema.parse(JSON.parse(row.key_points));
  return {
    storyId: row.story_id,
    status: statusOf(row.status),
    keyPoints,
    reportersMayPost: Number(row.reporters_may_post) === 1,
    coverageStartTime: row.coverage_start_time,
    coverageEndTime: row.coverage_end_time,
    version: Number(row.version),
  };
}

const livePointsSchema = liveSettingsSchema.shape.keyPoints;

function statusOf(value: string): LiveStatus {
  return (liveStatuses as readonly string[]).includes(value) ? (value as LiveStatus) : "ended";
}

/**
 * Parsed post bodies by their stored text: a live page's first page reads 40 posts on every
 * cache miss, and checking each one's JSON against the schema again was a twentieth of the
 * render. The same text always parses to the same content, which is frozen, so sharing it
 * between readers cannot leak an edit; bounded, so a million posts cannot grow it.
 */
const parsedContent = new Map<string, LivePostContent>();
const maxParsedContent = 2000;

function parseContent(text: string): LivePostContent {
  let content = parsedContent.get(text);
  if (content === undefined) {
    content = deepFreeze(livePostContentSchema.parse(JSON.parse(text)));
    if (parsedContent.size >= maxParsedContent) parsedContent.clear();
    parsedContent.set(text, content);
  }
  return content;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function postFromRow(row: Selectable<LivePostsTable>): LivePost {
  return {
    id: row.id,
    storyId: row.story_id,
    postedAt: row.posted_at,
    content: parseContent(row.content),
    keyEvent: Number(row.key_event) === 1,
    pinned: Number(row.pinned) === 1,
    revision: Number(row.revision),
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    createdBy: row.created_by,
    sourcePostId: row.source_post_id,
    ...(Number(row.draft) === 1 ? { draft: true } : {}),
  };
}

function newsroomPostFromRow(
  row: Selectable<LivePostsTable> & { display_name: string | null },
): NewsroomLivePost {
  return {
    ...postFromRow(row),
    createdByName: row.display_name ?? null,
    stale: Number(row.stale) === 1,
  };
}
