import type { Expression, ExpressionBuilder, Selectable, SqlBool } from "kysely";
import type {
  PublishedStoryFilter,
  PublishedSummary,
} from "../domain/published/published-story-repository.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { StorySummary } from "../domain/stories/story-repository.js";
import type { DatabaseSchema, StoriesTable } from "./database-schema.js";

/**
 * The one WHERE clause for "published stories in this service, section, topic, person or
 * desk" (changed or first published since a time), shared by reader lists and distribution
 * (feeds, sitemaps, the content API).
 */
export function publishedStoriesIn(filter: PublishedStoryFilter) {
  return (eb: ExpressionBuilder<DatabaseSchema, "stories">): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [
      eb("stories.service_id", "=", filter.serviceId),
      eb("stories.status", "=", "published"),
    ];
    if (filter.section) conditions.push(eb("stories.section", "=", filter.section));
    if (filter.topic) {
      conditions.push(
        eb(
          "stories.id",
          "in",
          eb.selectFrom("story_topics").select("story_id").where("topic", "=", filter.topic),
        ),
      );
    }
    const contributor = filter.personId
      ? { kind: "person" as const, ref: filter.personId }
      : filter.deskId
        ? { kind: "desk" as const, ref: filter.deskId }
        : undefined;
    if (contributor) {
      conditions.push(
        eb(
          "stories.id",
          "in",
          eb
            .selectFrom("story_contributors")
            .select("story_id")
            .where("kind", "=", contributor.kind)
            .where("ref_id", "=", contributor.ref),
        ),
      );
    }
    if (filter.modifiedSince) {
      conditions.push(eb("stories.last_modified_at", ">=", filter.modifiedSince));
    }
    if (filter.excludeIds && filter.excludeIds.length > 0) {
      conditions.push(eb("stories.id", "not in", [...filter.excludeIds]));
    }
    if (filter.publishedSince) {
      conditions.push(eb("stories.first_published_at", ">=", filter.publishedSince));
    }
    return eb.and(conditions);
  };
}

/** The columns of a story summary: the reader projection written at publish time. */
export const summaryColumns = [
  "stories.id",
  "stories.service_id",
  "stories.family_id",
  "stories.headline",
  "stories.standfirst",
  "stories.slug",
  "stories.section",
  "stories.lead_media_id",
  "stories.first_published_at",
  "stories.updated_at",
  "stories.last_modified_at",
] as const;

export type SummaryRow = Pick<
  Selectable<StoriesTable>,
  | "id"
  | "service_id"
  | "family_id"
  | "headline"
  | "standfirst"
  | "slug"
  | "section"
  | "lead_media_id"
  | "first_published_at"
  | "updated_at"
  | "last_modified_at"
>;

/** A summary from its row; the projection is null only while nothing is published. */
export function summaryFromRow(row: SummaryRow): PublishedSummary {
  return { ...storySummaryFromRow(row), familyId: row.family_id };
}

/** The summary without its family, as search results carry it. */
export function storySummaryFromRow(row: Omit<SummaryRow, "family_id">): StorySummary {
  return {
    id: row.id,
    serviceId: row.service_id as ServiceId,
    headline: row.headline ?? "",
    standfirst: row.standfirst ?? "",
    slug: row.slug ?? "story",
    section: row.section ?? "",
    leadMediaId: row.lead_media_id,
    firstPublishedAt: row.first_published_at ?? row.last_modified_at,
    updatedAt: row.updated_at,
    lastModifiedAt: row.last_modified_at,
  };
}
