import type { Kysely } from "kysely";
import type { AuditEntry, AuditRepository } from "../domain/audit/audit-log.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { DatabaseSchema } from "./database-schema.js";

export class AuditSqlRepository implements AuditRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async insert(entry: AuditEntry): Promise<void> {
    await this.#db
      .insertInto("audit_log")
      .values({
        id: entry.id,
        at: entry.at,
        actor_id: entry.actorId,
        action: entry.action,
        story_id: entry.storyId,
        service_id: entry.serviceId,
        details: JSON.stringify(entry.details),
      })
      .execute();
  }

  async list(filter: { storyId?: string; serviceId?: ServiceId; limit: number }) {
    let q = this.#db
      .selectFrom("audit_log")
      .leftJoin("users", "users.id", "audit_log.actor_id")
      .select([
        "audit_log.id",
        "audit_log.at",
        "audit_log.actor_id",
        "audit_log.action",
        "audit_log.story_id",
        "audit_log.service_id",
        "audit_log.details",
        "users.display_name",
      ]);
    if (filter.storyId) q = q.where("audit_log.story_id", "=", filter.storyId);
    if (filter.serviceId) q = q.where("audit_log.service_id", "=", filter.serviceId);
    const rows = await q
      .orderBy("audit_log.at", "desc")
      .orderBy("audit_log.id", "desc")
      .limit(filter.limit)
      .execute();
    return rows.map((r) => {
      const details: unknown = JSON.parse(r.details);
      return {
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorName: r.display_name ?? null,
        action: r.action,
        storyId: r.story_id,
        serviceId: r.service_id as ServiceId | null,
        details: details && typeof details === "object" ? (details as Record<string, unknown>) : {},
      };
    });
  }
}
