import type { Kysely, Migration } from "kysely";

/**
 * Language versions are looked up by family and service on every story page (language
 * switcher, hreflang) and on "translate into"; one composite index answers both.
 */
export function familyIndexMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("stories_family_service")
        .on("stories")
        .columns(["family_id", "service_id"])
        .execute();
    },
  };
}
