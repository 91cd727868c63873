import type { Kysely } from "kysely";
import type { ServiceId } from "../domain/services/service-registry.js";
import { writingSettingsSchema } from "../domain/writing/writing-settings.js";
import type {
  StoredWritingSettings,
  WritingSettingsRepository,
} from "../domain/writing/writing-settings-service.js";
import type { DatabaseSchema } from "./database-schema.js";

/** One row per service that changed its writing guidance; upserted whole. */
export class WritingSettingsSqlRepository implements WritingSettingsRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async find(serviceId: ServiceId): Promise<StoredWritingSettings | undefined> {
    const row = await this.#db
      .selectFrom("service_writing_settings")
      .selectAll()
      .where("service_id", "=", serviceId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      settings: writingSettingsSchema.parse(JSON.parse(row.settings)),
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  async save(serviceId: ServiceId, stored: StoredWritingSettings): Promise<void> {
    const values = {
      settings: JSON.stringify(stored.settings),
      updated_at: stored.updatedAt,
      updated_by: stored.updatedBy,
    };
    await this.#db
      .insertInto("service_writing_settings")
      .values({ service_id: serviceId, ...values })
      .onConflict((oc) => oc.column("service_id").doUpdateSet(values))
      .execute();
  }
}
