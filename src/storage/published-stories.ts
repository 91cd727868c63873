import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { DatabaseSchema } from "./database-schema.js";

/** Which published stories of a service a reader list, feed, sitemap or API page shows. */
export interface PublishedStoriesFilter {
  readonly serviceId: string;
  readonly section?: string | undefined;
  readonly topic?: string | undefined;
  readonly personId?: string | undefined;
  readonly deskId?: string | undefined;
}

/**
 * The one WHERE clause for "published stories in this service, section, topic, person or
 * desk", shared by reader lists and distribution (feeds, sitemaps, the content API).
 */
export function publishedStoriesIn(filter: PublishedStoriesFilter) {
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
    return eb.and(conditions);
  };
}
