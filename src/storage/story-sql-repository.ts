import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { LivePage } from "../domain/live/live-schema.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type {
  DraftByline,
  NewsroomListFilter,
  NewsroomListPage,
  NewsroomListQuery,
  NewsroomSort,
  NewsroomStoryRow,
  NewsroomTab,
  PublishedProjection,
  StoryHeadChange,
  StoryRepository,
} from "../domain/stories/story-repository.js";
import {
  type Correction,
  type NewRevision,
  type RevisionKind,
  type RevisionSummary,
  type Story,
  type StoryContent,
  type StoryKind,
  type StoryRevision,
  type StoryStatus,
  storyContentSchema,
  storyKinds,
  storyStatuses,
} from "../domain/stories/story-schema.js";
import { bodyWordCount } from "../domain/stories/word-count.js";
import type { DatabaseSchema, StoriesTable, StoryRevisionsTable } from "./database-schema.js";
import { likeContaining } from "./like-patterns.js";
import { livePageRow } from "./live-sql-repository.js";
import { syncSearchIndex } from "./search-index.js";

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export class StorySqlRepository implements StoryRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #countLimit: number;

  /** `countLimit`: where the dashboard's counts stop (tests lower it). */
  constructor(db: Kysely<DatabaseSchema>, options: { countLimit?: number } = {}) {
    this.#db = db;
    this.#countLimit = options.countLimit ?? defaultCountLimit;
  }

  async insertStory(
    story: Story,
    firstRevision: StoryRevision,
    livePage?: LivePage,
  ): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("stories")
        .values({ ...storyRow(story), ...workingColumns(firstRevision.content) })
        .execute();
      await trx.insertInto("story_revisions").values(revisionRow(firstRevision)).execute();
      await writeDraftBylines(trx, story.id, firstRevision.content);
      if (livePage) {
        await trx
          .insertInto("live_pages")
          .values(livePageRow(livePage, firstRevision.createdAt, firstRevision.createdBy))
          .execute();
      }
    });
  }

  async appendRevision(draft: NewRevision): Promise<StoryRevision | null> {
    return this.#db.transaction().execute(async (trx) => {
      // The conditional update is the optimistic lock: it matches only if nobody saved since
      // the editor's base revision. Both dialects serialize concurrent updates of one row, so
      // the number read next cannot be taken by another save of this story meanwhile.
      const result = await trx
        .updateTable("stories")
        .set({ current_revision_id: draft.id, ...workingColumns(draft.content) })
        .where("id", "=", draft.storyId)
        .where("current_revision_id", "=", draft.baseRevisionId ?? "")
        .where("trashed_at", "is", null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      const revision: StoryRevision = { ...draft, number: await nextNumber(trx, draft.storyId) };
      await trx
        .updateTable("stories")
        .set({ current_revision_number: revision.number })
        .where("id", "=", draft.storyId)
        .execute();
      await trx.insertInto("story_revisions").values(revisionRow(revision)).execute();
      await writeDraftBylines(trx, revision.storyId, revision.content);
      return revision;
    });
  }

  async insertNotMerged(draft: NewRevision): Promise<StoryRevision> {
    return this.#db.transaction().execute(async (trx) => {
      // A no-op update takes the story row's lock (PostgreSQL) or the write lock (SQLite):
      // the same lock a save takes, so numbers are handed out one at a time.
      await trx
        .updateTable("stories")
        .set((eb) => ({ current_revision_id: eb.ref("current_revision_id") }))
        .where("id", "=", draft.storyId)
        .execute();
      let sameBase = trx
        .selectFrom("story_revisions")
        .selectAll()
        .where("story_id", "=", draft.storyId)
        .where("kind", "=", "not_merged")
        .where("base_revision_id", "=", draft.baseRevisionId ?? "");
      sameBase =
        draft.createdBy === null
          ? sameBase.where("created_by", "is", null)
          : sameBase.where("created_by", "=", draft.createdBy);
      const previous = await sameBase.orderBy("number", "desc").limit(1).executeTakeFirst();
      if (previous && previous.content === JSON.stringify(draft.content)) {
        return revisionFromRow(previous);
      }
      const revision: StoryRevision = {
        ...draft,
        kind: "not_merged",
        number: await nextNumber(trx, draft.storyId),
      };
      await trx.insertInto("story_revisions").values(revisionRow(revision)).execute();
      return revision;
    });
  }

  async changeHead(change: StoryHeadChange): Promise<boolean> {
    return this.#db.transaction().execute((trx) => applyHeadChange(trx, change));
  }

  async insertCorrection(correction: Correction, change: StoryHeadChange): Promise<boolean> {
    return this.#db.transaction().execute(async (trx) => {
      if (!(await applyHeadChange(trx, change))) return false;
      await trx
        .insertInto("story_corrections")
        .values({
          id: correction.id,
          story_id: correction.storyId,
          text: correction.text,
          created_at: correction.createdAt,
        })
        .execute();
      return true;
    });
  }

  async findStory(id: string): Promise<Story | undefined> {
    const row = await this.#db
      .selectFrom("stories")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? storyFromRow(row) : undefined;
  }

  async setTrashed(
    expected: StoryHeadChange["expected"] & { readonly id: string },
    trashedAt: string | null,
    by: string | null,
  ): Promise<boolean> {
    const result = await this.#db
      .updateTable("stories")
      .set({ trashed_at: trashedAt, trashed_by: by })
      .where("id", "=", expected.id)
      .where("status", "=", expected.status)
      .where("current_revision_id", "=", expected.currentRevisionId)
      .where("trashed_at", trashedAt === null ? "is not" : "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * One page of the dashboard and the count of every tab under the same filters. Every query
   * is an index range (migration 0015): equality on service, trash and status, then the sort
   * column. The page reads ids from the index alone (`offset + limit` entries), then its rows
   * by id; each count stops after `countLimit` (the current tab's after `offset + limit +
   * countLimit`), so no request reads a whole 100,000-story service.
   */
  async listForNewsroom(query: NewsroomListQuery): Promise<NewsroomListPage> {
    if (query.serviceIds.length === 0) {
      return { items: [], total: 0, totalExact: true, counts: {}, over: [] };
    }
    const filtered = this.#filtered(query);
    const inTab = (tab: NewsroomTab | undefined) => {
      if (tab === "trash") return filtered.where("trashed_at", "is not", null);
      const live = filtered.where("trashed_at", "is", null);
      return tab ? live.where("status", "=", tab) : live;
    };
    const page = inTab(query.tab);
    const ordered =
      query.sort === "published"
        ? // Never-published stories last in both directions, the same on both dialects.
          page.orderBy(sql`first_published_at ${sql.raw(query.direction)} nulls last`)
        : page.orderBy(sortColumns[query.sort], query.direction);
    const ids = (
      await ordered
        .select("id")
        .orderBy("id", query.direction)
        .limit(query.limit)
        .offset(query.offset)
        .execute()
    ).map((row) => row.id);
    const cappedCount = async (tab: NewsroomTab | undefined, limit: number) => {
      const row = await this.#db
        .selectFrom(
          inTab(tab)
            .select(sql<number>`1`.as("one"))
            .limit(limit + 1)
            .as("capped"),
        )
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const countLimit = this.#countLimit;
    const counts: Partial<Record<NewsroomTab, number>> = {};
    const over: NewsroomTab[] = [];
    for (const tab of newsroomTabs) {
      const n = await cappedCount(tab, countLimit);
      if (n > countLimit) over.push(tab);
      if (n > 0) counts[tab] = Math.min(n, countLimit);
    }
    const totalLimit = query.offset + query.limit + countLimit;
    const counted = await cappedCount(query.tab, totalLimit);
    const [rows, bylines] = await Promise.all([
      ids.length > 0
        ? this.#db.selectFrom("stories").selectAll().where("id", "in", ids).execute()
        : Promise.resolve([]),
      this.#draftBylines(ids),
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return {
      total: Math.min(counted, totalLimit),
      totalExact: counted <= totalLimit,
      counts,
      over,
      items: ids.flatMap((id) => {
        const row = byId.get(id);
        return row
          ? [
              {
                story: storyFromRow(row),
                workingHeadline: row.working_headline ?? "",
                section: row.working_section,
                wordCount: Number(row.word_count),
                leadMediaId: row.working_lead_media_id,
                bylines: bylines.get(id) ?? [],
              },
            ]
          : [];
      }),
    };
  }

  #filtered(filter: NewsroomListFilter) {
    let q = this.#db.selectFrom("stories").where("service_id", "in", [...filter.serviceIds]);
    if (filter.q) {
      const headline = sql`lower(coalesce(working_headline, ''))`;
      q = q.where(likeContaining(headline, filter.q.toLocaleLowerCase("und")));
    }
    if (filter.createdBy !== undefined) q = q.where("created_by", "=", filter.createdBy);
    if (filter.section !== undefined) q = q.where("working_section", "=", filter.section);
    if (filter.personId !== undefined) {
      const personId = filter.personId;
      // EXISTS, not IN: probed per candidate row in index order, so a page stops early and
      // nothing materializes every story of a prolific author.
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("story_draft_bylines as b")
            .select("b.story_id")
            .whereRef("b.story_id", "=", "stories.id")
            .where("b.ref_id", "=", personId)
            .where("b.kind", "=", "person"),
        ),
      );
    }
    if (filter.changedFrom) q = q.where("last_modified_at", ">=", filter.changedFrom);
    if (filter.changedBefore) q = q.where("last_modified_at", "<", filter.changedBefore);
    return q;
  }

  async #draftBylines(storyIds: readonly string[]): Promise<Map<string, DraftByline[]>> {
    const byStory = new Map<string, DraftByline[]>();
    if (storyIds.length === 0) return byStory;
    const rows = await this.#db
      .selectFrom("story_draft_bylines as b")
      .leftJoin("people as p", (join) =>
        join.onRef("p.id", "=", "b.ref_id").on("b.kind", "=", "person"),
      )
      .leftJoin("desks as d", (join) =>
        join.onRef("d.id", "=", "b.ref_id").on("b.kind", "=", "desk"),
      )
      .select(["b.story_id", "b.kind", "b.ref_id", "p.name as person", "d.name as desk"])
      .where("b.story_id", "in", [...storyIds])
      .orderBy("b.story_id")
      .orderBy("b.position")
      .execute();
    for (const row of rows) {
      const list = byStory.get(row.story_id) ?? [];
      list.push({
        kind: row.kind,
        id: row.ref_id,
        name: (row.kind === "person" ? row.person : row.desk) ?? null,
      });
      byStory.set(row.story_id, list);
    }
    return byStory;
  }

  async listFamily(familyId: string): Promise<NewsroomStoryRow[]> {
    const rows = await this.#db
      .selectFrom("stories")
      .selectAll()
      .where("family_id", "=", familyId)
      .orderBy("created_at", "asc")
      .orderBy("id", "asc")
      .execute();
    return rows.map((row) => ({
      story: storyFromRow(row),
      workingHeadline: row.working_headline ?? "",
    }));
  }

  async listDueScheduled(now: string, limit: number): Promise<Story[]> {
    const rows = await this.#db
      .selectFrom("stories")
      .selectAll()
      .where("status", "=", "scheduled")
      .where("scheduled_at", "<=", now)
      .orderBy("scheduled_at", "asc")
      .limit(limit)
      .execute();
    return rows.map(storyFromRow);
  }

  async findRevision(id: string): Promise<StoryRevision | undefined> {
    const row = await this.#db
      .selectFrom("story_revisions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? revisionFromRow(row) : undefined;
  }

  async listRevisionSummaries(storyId: string): Promise<RevisionSummary[]> {
    // No content column: a long story's history would otherwise carry every full text.
    const rows = await this.#db
      .selectFrom("story_revisions as r")
      .leftJoin("users as u", "u.id", "r.created_by")
      .select([
        "r.id",
        "r.story_id",
        "r.number",
        "r.base_revision_id",
        "r.created_at",
        "r.created_by",
        "r.note",
        "r.kind",
        "u.display_name",
      ])
      .where("r.story_id", "=", storyId)
      .orderBy("r.number", "asc")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      storyId: r.story_id,
      number: r.number,
      baseRevisionId: r.base_revision_id,
      createdAt: r.created_at,
      createdBy: r.created_by,
      createdByName: r.display_name ?? null,
      note: r.note,
      kind: revisionKindOf(r.kind),
    }));
  }

  async listCorrections(storyId: string): Promise<Correction[]> {
    const rows = await this.#db
      .selectFrom("story_corrections")
      .selectAll()
      .where("story_id", "=", storyId)
      .orderBy("created_at", "asc")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      storyId: r.story_id,
      text: r.text,
      createdAt: r.created_at,
    }));
  }
}

async function applyHeadChange(trx: Db, change: StoryHeadChange): Promise<boolean> {
  const { next, expected, projection } = change;
  const row = storyRow(next);
  const projectionColumns =
    projection === undefined
      ? {}
      : projection === null
        ? {
            headline: null,
            standfirst: null,
            slug: null,
            section: null,
            lead_media_id: null,
          }
        : projectionRow(projection);
  const result = await trx
    .updateTable("stories")
    .set({ ...row, ...projectionColumns })
    .where("id", "=", next.id)
    .where("status", "=", expected.status)
    .where("current_revision_id", "=", expected.currentRevisionId)
    .where("trashed_at", "is", null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  // Search stays consistent with publish, update and kill: same transaction.
  if (projection !== undefined || next.status !== "published") {
    await syncSearchIndex(
      trx,
      projection
        ? {
            storyId: next.id,
            serviceId: next.serviceId,
            status: next.status,
            publishedAt: next.firstPublishedAt,
            updatedAt: next.updatedAt,
            headline: projection.headline,
            searchText: projection.searchText,
          }
        : null,
      next.id,
    );
  }
  if (projection !== undefined) {
    await trx.deleteFrom("story_topics").where("story_id", "=", next.id).execute();
    await trx.deleteFrom("story_contributors").where("story_id", "=", next.id).execute();
    if (projection) {
      const topics = [...new Set(projection.topics)];
      if (topics.length > 0) {
        await trx
          .insertInto("story_topics")
          .values(topics.map((topic) => ({ story_id: next.id, topic })))
          .execute();
      }
      const contributors = [
        ...[...new Set(projection.personIds)].map((ref_id) => ({
          kind: "person" as const,
          ref_id,
        })),
        ...[...new Set(projection.deskIds)].map((ref_id) => ({ kind: "desk" as const, ref_id })),
      ];
      if (contributors.length > 0) {
        await trx
          .insertInto("story_contributors")
          .values(contributors.map((c, position) => ({ story_id: next.id, position, ...c })))
          .execute();
      }
    }
  }
  return true;
}

/** Counts stop here: a tab with more shows "more than 1,000". */
const defaultCountLimit = 1_000;
const newsroomTabs: readonly NewsroomTab[] = [...storyStatuses, "trash"];

const sortColumns = {
  changed: "last_modified_at",
  created: "created_at",
  headline: "working_headline",
  published: "first_published_at",
} as const satisfies Record<NewsroomSort, string>;

/** What the dashboard shows of the working draft, written with every revision. */
function workingColumns(content: StoryContent) {
  return {
    working_headline: content.headline,
    working_section: content.section,
    working_lead_media_id: content.leadFigure?.mediaId ?? null,
    word_count: bodyWordCount(content.body),
  };
}

async function writeDraftBylines(trx: Db, storyId: string, content: StoryContent) {
  await trx.deleteFrom("story_draft_bylines").where("story_id", "=", storyId).execute();
  const rows = content.bylines.map((b, position) => ({
    story_id: storyId,
    position,
    kind: b.kind,
    ref_id: b.kind === "person" ? b.personId : b.deskId,
  }));
  if (rows.length > 0) await trx.insertInto("story_draft_bylines").values(rows).execute();
}

function projectionRow(p: PublishedProjection) {
  return {
    headline: p.headline,
    standfirst: p.standfirst,
    slug: p.slug,
    section: p.section,
    lead_media_id: p.leadMediaId,
  };
}

function storyRow(story: Story) {
  return {
    id: story.id,
    kind: story.kind,
    service_id: story.serviceId,
    family_id: story.familyId,
    status: story.status,
    current_revision_id: story.currentRevisionId,
    current_revision_number: story.currentRevisionNumber,
    published_revision_id: story.publishedRevisionId,
    first_published_at: story.firstPublishedAt,
    updated_at: story.updatedAt,
    update_note: story.updateNote,
    last_modified_at: story.lastModifiedAt,
    scheduled_at: story.scheduledAt,
    embargo_until: story.embargoUntil,
    killed_at: story.killedAt,
    kill_reason: story.killReason,
    created_at: story.createdAt,
    created_by: story.createdBy,
  };
}

function revisionRow(revision: StoryRevision) {
  return {
    id: revision.id,
    story_id: revision.storyId,
    number: revision.number,
    base_revision_id: revision.baseRevisionId,
    content: JSON.stringify(revision.content),
    created_at: revision.createdAt,
    created_by: revision.createdBy,
    note: revision.note,
    kind: revision.kind,
  };
}

/** The story's next revision number; call it holding the story row's lock. */
async function nextNumber(trx: Db, storyId: string): Promise<number> {
  const row = await trx
    .selectFrom("story_revisions")
    .select((eb) => eb.fn.max("number").as("n"))
    .where("story_id", "=", storyId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

function storyKindOf(value: string): StoryKind {
  return (storyKinds as readonly string[]).includes(value) ? (value as StoryKind) : "story";
}

function revisionKindOf(value: string): RevisionKind {
  return value === "not_merged" ? "not_merged" : "saved";
}

function storyFromRow(row: Selectable<StoriesTable>): Story {
  return {
    id: row.id,
    kind: storyKindOf(row.kind),
    serviceId: row.service_id as ServiceId,
    familyId: row.family_id,
    status: row.status as StoryStatus,
    currentRevisionId: row.current_revision_id,
    currentRevisionNumber: Number(row.current_revision_number),
    publishedRevisionId: row.published_revision_id,
    firstPublishedAt: row.first_published_at,
    updatedAt: row.updated_at,
    updateNote: row.update_note,
    lastModifiedAt: row.last_modified_at,
    scheduledAt: row.scheduled_at,
    embargoUntil: row.embargo_until,
    killedAt: row.killed_at,
    killReason: row.kill_reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.trashed_at ? { trashedAt: row.trashed_at } : {}),
  };
}

function revisionFromRow(row: Selectable<StoryRevisionsTable>): StoryRevision {
  return {
    id: row.id,
    storyId: row.story_id,
    number: Number(row.number),
    baseRevisionId: row.base_revision_id,
    // JSON read back from the database is a boundary: parse it, never cast it.
    content: storyContentSchema.parse(JSON.parse(row.content)),
    createdAt: row.created_at,
    createdBy: row.created_by,
    note: row.note,
    kind: revisionKindOf(row.kind),
  };
}
