import { type Kysely, sql } from "kysely";
import type {
  CuratedListWrite,
  CurationRepository,
} from "../domain/curation/curation-repository.js";
import type { CuratedItem, CuratedList } from "../domain/curation/curation-schema.js";
import type { PublishedSummary } from "../domain/published/published-story-repository.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { DatabaseSchema } from "./database-schema.js";
import { likeContaining } from "./like-patterns.js";
import { summaryColumns, summaryFromRow } from "./published-stories.js";

/** Curated lists (migration 0017) on both dialects. */
export class CurationSqlRepository implements CurationRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async find(serviceId: ServiceId, listKey: string): Promise<CuratedList | undefined> {
    const head = await this.#db
      .selectFrom("curated_lists")
      .select(["version", "updated_at", "updated_by"])
      .where("service_id", "=", serviceId)
      .where("list_key", "=", listKey)
      .executeTakeFirst();
    if (!head) return undefined;
    const items = await this.#db
      .selectFrom("curated_list_items")
      .select("story_id")
      .where("service_id", "=", serviceId)
      .where("list_key", "=", listKey)
      .orderBy("position")
      .execute();
    return {
      version: Number(head.version),
      storyIds: items.map((i) => i.story_id),
      updatedAt: head.updated_at,
      updatedBy: head.updated_by,
    };
  }

  async save(write: CuratedListWrite): Promise<boolean> {
    const { serviceId, listKey } = write;
    return this.#db.transaction().execute(async (trx) => {
      if (write.expectedVersion === 0) {
        // The first save: a concurrent first save loses on the primary key.
        const inserted = await trx
          .insertInto("curated_lists")
          .values({
            service_id: serviceId,
            list_key: listKey,
            version: 1,
            updated_at: write.at,
            updated_by: write.by,
          })
          .onConflict((oc) => oc.columns(["service_id", "list_key"]).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      } else {
        const updated = await trx
          .updateTable("curated_lists")
          .set({ version: write.expectedVersion + 1, updated_at: write.at, updated_by: write.by })
          .where("service_id", "=", serviceId)
          .where("list_key", "=", listKey)
          .where("version", "=", write.expectedVersion)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
      }
      await trx
        .deleteFrom("curated_list_items")
        .where("service_id", "=", serviceId)
        .where("list_key", "=", listKey)
        .execute();
      if (write.storyIds.length > 0) {
        await trx
          .insertInto("curated_list_items")
          .values(
            write.storyIds.map((storyId, position) => ({
              service_id: serviceId,
              list_key: listKey,
              position,
              story_id: storyId,
            })),
          )
          .execute();
      }
      return true;
    });
  }

  async livePinned(serviceId: ServiceId, listKey: string): Promise<PublishedSummary[]> {
    const rows = await this.#db
      .selectFrom("curated_list_items as c")
      .innerJoin("stories", "stories.id", "c.story_id")
      .select(summaryColumns)
      .where("c.service_id", "=", serviceId)
      .where("c.list_key", "=", listKey)
      .where("stories.status", "=", "published")
      .orderBy("c.position")
      .execute();
    return rows.map(summaryFromRow);
  }

  async items(ids: readonly string[]): Promise<CuratedItem[]> {
    if (ids.length === 0) return [];
    const rows = await this.#itemQuery()
      .where("id", "in", [...ids])
      .execute();
    return rows.map(itemFromRow);
  }

  async searchPublished(
    serviceIds: readonly ServiceId[],
    text: string,
    limit: number,
  ): Promise<CuratedItem[]> {
    if (serviceIds.length === 0) return [];
    let query = this.#itemQuery()
      .where("service_id", "in", [...serviceIds])
      .where("status", "=", "published");
    // lower() on both sides: SQLite's LIKE folds ASCII case only, PostgreSQL's none.
    if (text !== "") query = query.where(likeContaining(sql`lower(headline)`, text.toLowerCase()));
    const rows = await query
      .orderBy("first_published_at", "desc")
      .orderBy("id", "desc")
      .limit(limit)
      .execute();
    return rows.map(itemFromRow);
  }

  #itemQuery() {
    return this.#db
      .selectFrom("stories")
      .select([
        "id",
        "service_id",
        "headline",
        "working_headline",
        "section",
        "status",
        "first_published_at",
      ]);
  }
}

function itemFromRow(row: {
  id: string;
  service_id: string;
  headline: string | null;
  working_headline: string | null;
  section: string | null;
  status: string;
  first_published_at: string | null;
}): CuratedItem {
  return {
    id: row.id,
    serviceId: row.service_id,
    headline: row.headline ?? row.working_headline ?? "",
    section: row.section,
    status: row.status,
    live: row.status === "published",
    firstPublishedAt: row.first_published_at,
  };
}
