import type { Kysely, Migration } from "kysely";

/**
 * Media bytes move out of the database (ADR 0014): each file of an asset records where its
 * bytes are (`store`: `db` until `newsdesk media migrate` moves them, then `dir` or `s3`),
 * its key, size and SHA-256. Rows from before keep their bytes in `data` and say `db`, so an
 * upgraded install keeps serving every image before and during the move.
 *
 * `data` stays NOT NULL and holds zero bytes once the object is in a store: making it
 * nullable would mean rebuilding the table on SQLite (no ALTER COLUMN), copying every byte
 * this change exists to move out, under one write lock.
 */
export function mediaObjectKeysMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("media_renditions")
        .addColumn("store", "text", (c) => c.notNull().defaultTo("db"))
        .execute();
      await db.schema.alterTable("media_renditions").addColumn("object_key", "text").execute();
      await db.schema.alterTable("media_renditions").addColumn("byte_length", "bigint").execute();
      await db.schema.alterTable("media_renditions").addColumn("sha256", "text").execute();
      // `newsdesk media migrate` pages through what is not yet in the target store.
      await db.schema
        .createIndex("media_renditions_store_idx")
        .on("media_renditions")
        .columns(["store", "media_id", "name"])
        .execute();
    },
  };
}
