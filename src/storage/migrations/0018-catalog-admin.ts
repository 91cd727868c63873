import { type Kysely, type Migration, sql } from "kysely";

/**
 * Reference data managed in the newsroom: a person's bio, photo and the other services they
 * write for; desk members; a topic's description; an agency's credit line and link; and the
 * redirects left behind when a topic is merged or a topic or section slug changes, so old
 * reader URLs and feeds answer with a permanent redirect.
 */
export function catalogAdminMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("people")
        .addColumn("bio", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      await db.schema.alterTable("people").addColumn("photo_media_id", "text").execute();
      await db.schema
        .createTable("person_services")
        .addColumn("person_id", "text", (c) =>
          c.notNull().references("people.id").onDelete("cascade"),
        )
        .addColumn("service_id", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("person_services_pk", ["person_id", "service_id"])
        .execute();
      await db.schema
        .createIndex("person_services_service")
        .on("person_services")
        .column("service_id")
        .execute();
      await db.schema
        .createTable("desk_members")
        .addColumn("desk_id", "text", (c) => c.notNull().references("desks.id").onDelete("cascade"))
        .addColumn("person_id", "text", (c) =>
          c.notNull().references("people.id").onDelete("cascade"),
        )
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("desk_members_pk", ["desk_id", "person_id"])
        .execute();
      await db.schema
        .alterTable("topics")
        .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      await db.schema
        .alterTable("agencies")
        .addColumn("credit_line", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      await db.schema.alterTable("agencies").addColumn("link", "text").execute();
      await db.schema
        .createTable("catalog_redirects")
        .addColumn("service_id", "text", (c) => c.notNull())
        // "topic", "section" or "person": the reader URL segment the key lives in.
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("from_key", "text", (c) => c.notNull())
        .addColumn("to_key", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .addPrimaryKeyConstraint("catalog_redirects_pk", ["service_id", "kind", "from_key"])
        .execute();
      await db.schema
        .createIndex("catalog_redirects_target")
        .on("catalog_redirects")
        .columns(["service_id", "kind", "to_key"])
        .execute();
    },
  };
}
