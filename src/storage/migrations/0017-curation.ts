import type { Kysely, Migration } from "kysely";

/**
 * Curated lists: the pinned stories of a service's home page and of each section, and the
 * related stories an editor picked for one story. One head row per list carries the version
 * for optimistic locking and who saved it last; the items are its ordered story ids.
 *
 * `list_key` is `home`, `section:<slug>` or `related:<story id>` (copied here, not imported:
 * migrations are frozen).
 */
export function curationMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("curated_lists")
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("list_key", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("updated_by", "text")
        .addPrimaryKeyConstraint("curated_lists_pk", ["service_id", "list_key"])
        .execute();
      await db.schema
        .createTable("curated_list_items")
        .addColumn("service_id", "text", (c) => c.notNull())
        .addColumn("list_key", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("story_id", "text", (c) =>
          c.notNull().references("stories.id").onDelete("cascade"),
        )
        .addPrimaryKeyConstraint("curated_list_items_pk", ["service_id", "list_key", "position"])
        .execute();
      await db.schema
        .createIndex("curated_list_items_story")
        .on("curated_list_items")
        .column("story_id")
        .execute();
    },
  };
}
