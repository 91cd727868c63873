import type { Kysely, Selectable } from "kysely";
import { isServiceId, type ServiceId } from "../domain/services/service-registry.js";
import type {
  FamilyVersion,
  TranslationRepository,
} from "../domain/translations/translation-repository.js";
import {
  type StaleEvent,
  staleEventsSchema,
  type TranslationLink,
  type TranslationStatus,
  translationStatuses,
} from "../domain/translations/translation-schema.js";
import type { DatabaseSchema } from "./database-schema.js";
import type { SearchTables, StoryTranslationsTable } from "./search-schema.js";

type Db = Kysely<DatabaseSchema & SearchTables>;

export class TranslationSqlRepository implements TranslationRepository {
  readonly #db: Db;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db.withTables<SearchTables>();
  }

  async insertLink(link: TranslationLink): Promise<void> {
    await this.#db
      .insertInto("story_translations")
      .values({
        story_id: link.storyId,
        family_id: link.familyId,
        source_story_id: link.sourceStoryId,
        source_service_id: link.sourceServiceId,
        target_service_id: link.targetServiceId,
        synced_revision_id: link.syncedRevisionId,
        reviewed_revision_id: link.reviewedRevisionId,
        reviewed_at: link.reviewedAt,
        status: link.status,
        stale_events: JSON.stringify(link.staleEvents),
        waiver_reason: link.waiverReason,
        created_at: link.createdAt,
        created_by: link.createdBy,
        updated_at: link.updatedAt,
      })
      .execute();
  }

  async findLink(storyId: string): Promise<TranslationLink | undefined> {
    const row = await this.#db
      .selectFrom("story_translations")
      .selectAll()
      .where("story_id", "=", storyId)
      .executeTakeFirst();
    return row ? linkFromRow(row) : undefined;
  }

  async listLinksFromSource(sourceStoryId: string): Promise<TranslationLink[]> {
    const rows = await this.#db
      .selectFrom("story_translations")
      .selectAll()
      .where("source_story_id", "=", sourceStoryId)
      .orderBy("target_service_id")
      .execute();
    return rows.map(linkFromRow);
  }

  async listStale(serviceId: ServiceId | null): Promise<TranslationLink[]> {
    let q = this.#db.selectFrom("story_translations").selectAll().where("status", "=", "stale");
    if (serviceId) q = q.where("target_service_id", "=", serviceId);
    const rows = await q.orderBy("updated_at", "asc").execute();
    return rows.map(linkFromRow);
  }

  async markStale(sourceStoryId: string, event: StaleEvent, at: string): Promise<number> {
    // Read-modify-write per link inside one transaction; the JSON column holds few events.
    return this.#db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom("story_translations")
        .select(["story_id", "stale_events"])
        .where("source_story_id", "=", sourceStoryId)
        .execute();
      for (const row of rows) {
        const events = [...parseEvents(row.stale_events), event];
        await trx
          .updateTable("story_translations")
          .set({ status: "stale", stale_events: JSON.stringify(events), updated_at: at })
          .where("story_id", "=", row.story_id)
          .where("stale_events", "=", row.stale_events)
          .execute();
      }
      return rows.length;
    });
  }

  async resolve(
    storyId: string,
    expectedReviewedRevisionId: string,
    next: Parameters<TranslationRepository["resolve"]>[2],
    expectedEvents?: readonly StaleEvent[],
  ): Promise<boolean> {
    let q = this.#db
      .updateTable("story_translations")
      .set({
        status: next.status,
        synced_revision_id: next.syncedRevisionId,
        reviewed_revision_id: next.reviewedRevisionId,
        reviewed_at: next.reviewedAt,
        waiver_reason: next.waiverReason,
        stale_events: "[]",
        updated_at: next.updatedAt,
      })
      .where("story_id", "=", storyId)
      .where("status", "=", "stale")
      .where("reviewed_revision_id", "=", expectedReviewedRevisionId);
    // A correction arriving after the translator's review keeps the link stale.
    if (expectedEvents) q = q.where("stale_events", "=", JSON.stringify(expectedEvents));
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async listPublishedFamily(familyId: string): Promise<FamilyVersion[]> {
    const rows = await this.#db
      .selectFrom("stories")
      .select(["id", "service_id", "headline", "slug", "section"])
      .where("family_id", "=", familyId)
      .where("status", "=", "published")
      .execute();
    // Sorted here, not in SQL: an ORDER BY service_id tempted SQLite into walking the whole
    // service index instead of the family's few rows (80 ms per page at 200k stories).
    rows.sort((a, b) => (a.service_id < b.service_id ? -1 : a.service_id > b.service_id ? 1 : 0));
    return rows.flatMap((r) =>
      isServiceId(r.service_id)
        ? [
            {
              storyId: r.id,
              serviceId: r.service_id,
              headline: r.headline ?? "",
              slug: r.slug ?? "story",
              section: r.section ?? "",
            },
          ]
        : [],
    );
  }

  /** Any story of the family in the service, whatever its status. */
  async findFamilyMember(familyId: string, serviceId: ServiceId): Promise<string | undefined> {
    const row = await this.#db
      .selectFrom("stories")
      .select("id")
      .where("family_id", "=", familyId)
      .where("service_id", "=", serviceId)
      .where("status", "<>", "killed")
      .executeTakeFirst();
    return row?.id;
  }
}

function parseEvents(json: string): StaleEvent[] {
  // JSON read back from the database is a boundary (STYLE rule 3).
  return staleEventsSchema.parse(JSON.parse(json));
}

function linkFromRow(row: Selectable<StoryTranslationsTable>): TranslationLink {
  const status = (translationStatuses as readonly string[]).includes(row.status)
    ? (row.status as TranslationStatus)
    : "stale";
  return {
    storyId: row.story_id,
    familyId: row.family_id,
    sourceStoryId: row.source_story_id,
    sourceServiceId: row.source_service_id as ServiceId,
    targetServiceId: row.target_service_id as ServiceId,
    syncedRevisionId: row.synced_revision_id,
    reviewedRevisionId: row.reviewed_revision_id,
    reviewedAt: row.reviewed_at,
    status,
    staleEvents: parseEvents(row.stale_events),
    waiverReason: row.waiver_reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}
