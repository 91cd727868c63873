import type { Kysely, Selectable } from "kysely";
import type {
  ProgrammeRepository,
  StoredSchedule,
} from "../domain/programmes/programme-repository.js";
import type {
  Programme,
  ProgrammeKind,
  ProgrammeLink,
  ScheduleException,
  ScheduleSlot,
} from "../domain/programmes/programme-schema.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { DatabaseSchema } from "./database-schema.js";

type ProgrammeRow = Selectable<DatabaseSchema["programmes"]>;

/** Programmes and schedules (migration 0027) on both dialects. */
export class ProgrammeSqlRepository implements ProgrammeRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async list(serviceId: ServiceId): Promise<Programme[]> {
    const rows = await this.#db
      .selectFrom("programmes")
      .selectAll()
      .where("service_id", "=", serviceId)
      .orderBy("title")
      .orderBy("id")
      .execute();
    return rows.map(fromRow);
  }

  async find(id: string): Promise<Programme | undefined> {
    const row = await this.#db
      .selectFrom("programmes")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async findBySlug(serviceId: ServiceId, slug: string): Promise<Programme | undefined> {
    const row = await this.#db
      .selectFrom("programmes")
      .selectAll()
      .where("service_id", "=", serviceId)
      .where("slug", "=", slug)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async insert(programme: Programme): Promise<boolean> {
    // The unique (service, slug) constraint decides a race between two creators.
    const result = await this.#db
      .insertInto("programmes")
      .values(toRow(programme))
      .onConflict((oc) => oc.columns(["service_id", "slug"]).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async update(programme: Programme): Promise<"saved" | "conflict" | "slug-taken"> {
    return this.#db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom("programmes")
        .select("id")
        .where("service_id", "=", programme.serviceId)
        .where("slug", "=", programme.slug)
        .where("id", "!=", programme.id)
        .executeTakeFirst();
      if (taken) return "slug-taken";
      const { id, service_id, created_at, ...changes } = toRow(programme);
      const result = await trx
        .updateTable("programmes")
        .set(changes)
        .where("id", "=", id)
        .where("version", "=", programme.version - 1)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? "saved" : "conflict";
    });
  }

  async remove(id: string): Promise<void> {
    await this.#db.deleteFrom("programmes").where("id", "=", id).execute();
  }

  async findSchedule(serviceId: ServiceId): Promise<StoredSchedule | undefined> {
    const row = await this.#db
      .selectFrom("service_schedules")
      .selectAll()
      .where("service_id", "=", serviceId)
      .executeTakeFirst();
    if (!row) return undefined;
    const document = JSON.parse(row.document) as {
      slots: ScheduleSlot[];
      exceptions: ScheduleException[];
    };
    return {
      slots: document.slots,
      exceptions: document.exceptions,
      version: Number(row.version),
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  async saveSchedule(
    serviceId: ServiceId,
    schedule: Pick<StoredSchedule, "slots" | "exceptions">,
    expectedVersion: number,
    at: string,
    by: string | null,
  ): Promise<boolean> {
    const document = JSON.stringify({ slots: schedule.slots, exceptions: schedule.exceptions });
    if (expectedVersion === 0) {
      // The first save: a concurrent first save loses on the primary key.
      const inserted = await this.#db
        .insertInto("service_schedules")
        .values({ service_id: serviceId, document, version: 1, updated_at: at, updated_by: by })
        .onConflict((oc) => oc.column("service_id").doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    }
    const updated = await this.#db
      .updateTable("service_schedules")
      .set({ document, version: expectedVersion + 1, updated_at: at, updated_by: by })
      .where("service_id", "=", serviceId)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }
}

function toRow(programme: Programme): ProgrammeRow {
  return {
    id: programme.id,
    service_id: programme.serviceId,
    slug: programme.slug,
    title: programme.title,
    description: programme.description,
    kind: programme.kind,
    artwork_media_id: programme.artworkMediaId,
    presenter_ids: JSON.stringify(programme.presenterIds),
    links: JSON.stringify(programme.links),
    live_stream_url: programme.liveStreamUrl,
    owner_name: programme.ownerName,
    owner_email: programme.ownerEmail,
    version: programme.version,
    created_at: programme.createdAt,
    updated_at: programme.updatedAt,
  };
}

function fromRow(row: ProgrammeRow): Programme {
  return {
    id: row.id,
    serviceId: row.service_id as ServiceId,
    slug: row.slug,
    title: row.title,
    description: row.description,
    kind: row.kind as ProgrammeKind,
    artworkMediaId: row.artwork_media_id,
    presenterIds: JSON.parse(row.presenter_ids) as string[],
    links: JSON.parse(row.links) as ProgrammeLink[],
    liveStreamUrl: row.live_stream_url,
    ownerName: row.owner_name,
    ownerEmail: row.owner_email,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
