import { type Kysely, sql } from "kysely";
import type {
  FamilyMember,
  ModifiedCursor,
  PublishedStoryFilter,
  PublishedStoryQuery,
  PublishedStoryRepository,
  PublishedSummary,
} from "../domain/published/published-story-repository.js";
import { isServiceId, type ServiceId } from "../domain/services/service-registry.js";
import type { Story } from "../domain/stories/story-schema.js";
import type { SqlDialectName } from "./database.js";
import type { DatabaseSchema } from "./database-schema.js";
import { publishedStoriesIn, summaryColumns, summaryFromRow } from "./published-stories.js";

/** Lists and counts of published stories for reader pages and distribution, both dialects. */
export class PublishedStorySqlRepository implements PublishedStoryRepository {
  readonly #db: Kysely<DatabaseSchema>;
  readonly #dialect: SqlDialectName;

  constructor(db: Kysely<DatabaseSchema>, dialect: SqlDialectName) {
    this.#db = db;
    this.#dialect = dialect;
  }

  #published(filter: PublishedStoryFilter) {
    return this.#db.selectFrom("stories").select(summaryColumns).where(publishedStoriesIn(filter));
  }

  async listPublished(query: PublishedStoryQuery): Promise<PublishedSummary[]> {
    const rows = await this.#published(query)
      .orderBy("first_published_at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit)
      .offset(query.offset ?? 0)
      .execute();
    return rows.map(summaryFromRow);
  }

  async listByModified(
    filter: PublishedStoryFilter,
    limit: number,
    after?: ModifiedCursor,
  ): Promise<PublishedSummary[]> {
    let q = this.#published(filter);
    if (after) {
      // Keyset pagination: stable while stories change, unlike OFFSET.
      q = q.where((eb) =>
        eb.or([
          eb("last_modified_at", "<", after.lastModifiedAt),
          eb.and([eb("last_modified_at", "=", after.lastModifiedAt), eb("id", "<", after.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy("last_modified_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(summaryFromRow);
  }

  async listForSitemap(
    serviceId: ServiceId,
    offset: number,
    limit: number,
  ): Promise<PublishedSummary[]> {
    const rows = await this.#published({ serviceId })
      .orderBy("first_published_at", "asc")
      .orderBy("id", "asc")
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map(summaryFromRow);
  }

  async listRelated(
    story: Story,
    topics: readonly string[],
    section: string,
    limit: number,
  ): Promise<PublishedSummary[]> {
    const rows = await this.#published({ serviceId: story.serviceId })
      .where("id", "<>", story.id)
      .where((eb) => {
        const sameSection = eb("section", "=", section);
        if (topics.length === 0) return sameSection;
        // A correlated EXISTS lets the planner walk the newest stories and stop at `limit`;
        // `id IN (subquery)` made SQLite gather every story on those topics first (seconds
        // with a million stories).
        const onTopic = eb
          .selectFrom("story_topics as t")
          .select(sql<number>`1`.as("one"))
          .whereRef("t.story_id", "=", "stories.id")
          .where("t.topic", "in", [...topics]);
        // PostgreSQL turns an EXISTS under OR into a hashed subplan, gathering every story on
        // the topic first (111,117 rows, 63 ms at 200k stories). An OFFSET keeps the
        // subquery as it is written (simplify_EXISTS_query refuses one: src/backend/optimizer/
        // plan/subselect.c), so each story is probed by the (story_id, topic) key: 0.13 ms.
        return eb.or([
          sameSection,
          eb.exists(this.#dialect === "postgres" ? onTopic.offset(0) : onTopic),
        ]);
      })
      .orderBy("first_published_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(summaryFromRow);
  }

  async countPublished(serviceId: ServiceId): Promise<number> {
    const row = await this.#db
      .selectFrom("stories")
      .select((eb) => eb.fn.countAll().as("n"))
      .where(publishedStoriesIn({ serviceId }))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async lastWithdrawnAt(serviceId: ServiceId): Promise<string | null> {
    const row = await this.#db
      .selectFrom("stories")
      .select((eb) => eb.fn.max("last_modified_at").as("at"))
      .where("service_id", "=", serviceId)
      .where("status", "in", ["killed", "unpublished"])
      .executeTakeFirst();
    return row?.at ?? null;
  }

  async listFamilyMembers(familyIds: readonly string[]): Promise<FamilyMember[]> {
    if (familyIds.length === 0) return [];
    const members: FamilyMember[] = [];
    // Chunked so a 50,000-URL sitemap page never exceeds a driver's bound-parameter limit.
    for (let i = 0; i < familyIds.length; i += 500) {
      const rows = await this.#db
        .selectFrom("stories")
        .select(["family_id", "id", "service_id", "slug", "section"])
        .where("family_id", "in", [...new Set(familyIds.slice(i, i + 500))])
        .where("status", "=", "published")
        .orderBy("service_id")
        .orderBy("id")
        .execute();
      for (const r of rows) {
        if (!isServiceId(r.service_id) || r.slug === null || r.section === null) continue;
        members.push({
          familyId: r.family_id,
          id: r.id,
          serviceId: r.service_id,
          slug: r.slug,
          section: r.section,
        });
      }
    }
    return members;
  }
}
