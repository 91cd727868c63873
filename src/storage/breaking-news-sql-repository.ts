import type { Kysely } from "kysely";
import type { BreakingNewsRepository } from "../domain/breaking/breaking-news-repository.js";
import type { BreakingBanner } from "../domain/breaking/breaking-news-schema.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { DatabaseSchema } from "./database-schema.js";

export class BreakingNewsSqlRepository implements BreakingNewsRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async insert(banner: BreakingBanner): Promise<void> {
    await this.#db
      .insertInto("breaking_banners")
      .values({
        id: banner.id,
        service_id: banner.serviceId,
        text: banner.text,
        url: banner.url,
        created_at: banner.createdAt,
        expires_at: banner.expiresAt,
        cleared_at: banner.clearedAt,
      })
      .execute();
  }

  async clear(serviceId: ServiceId, at: string): Promise<number> {
    const result = await this.#db
      .updateTable("breaking_banners")
      .set({ cleared_at: at })
      .where("service_id", "=", serviceId)
      .where("cleared_at", "is", null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async findActive(serviceId: ServiceId, now: string): Promise<BreakingBanner | undefined> {
    const row = await this.#db
      .selectFrom("breaking_banners")
      .selectAll()
      .where("service_id", "=", serviceId)
      .where("cleared_at", "is", null)
      .where("expires_at", ">", now)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      serviceId: row.service_id as ServiceId,
      text: row.text,
      url: row.url,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      clearedAt: row.cleared_at,
    };
  }
}
