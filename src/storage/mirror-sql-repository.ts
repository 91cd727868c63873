import type { Kysely, Selectable } from "kysely";
import type { MirrorRepository } from "../domain/mirrors/mirror-repository.js";
import { type Mirror, mirrorKinds } from "../domain/mirrors/mirror-schema.js";
import type { DatabaseSchema } from "./database-schema.js";

type MirrorRow = Selectable<DatabaseSchema["service_mirrors"]>;

/** Mirrors (migration 0024): one row per origin, listed oldest first within a service. */
export class MirrorSqlRepository implements MirrorRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async listAll(): Promise<Mirror[]> {
    const rows = await this.#db
      .selectFrom("service_mirrors")
      .selectAll()
      .orderBy("service_id")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toMirror);
  }

  async listForService(serviceId: string): Promise<Mirror[]> {
    const rows = await this.#db
      .selectFrom("service_mirrors")
      .selectAll()
      .where("service_id", "=", serviceId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map(toMirror);
  }

  async insert(mirror: Mirror, createdBy: string | null): Promise<boolean> {
    // The unique URL decides a race between two admins adding the same origin.
    const result = await this.#db
      .insertInto("service_mirrors")
      .values({
        id: mirror.id,
        service_id: mirror.serviceId,
        kind: mirror.kind,
        url: mirror.url,
        note: mirror.note,
        created_at: mirror.createdAt,
        created_by: createdBy,
      })
      .onConflict((oc) => oc.column("url").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async remove(serviceId: string, id: string): Promise<Mirror | undefined> {
    const row = await this.#db
      .deleteFrom("service_mirrors")
      .where("service_id", "=", serviceId)
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirst();
    return row ? toMirror(row) : undefined;
  }
}

function toMirror(row: MirrorRow): Mirror {
  const kind = mirrorKinds.find((k) => k === row.kind);
  if (!kind) throw new Error(`Unknown mirror kind in the database: ${row.kind}`);
  return {
    id: row.id,
    serviceId: row.service_id,
    kind,
    url: row.url,
    note: row.note,
    createdAt: row.created_at,
  };
}
