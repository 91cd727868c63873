import type { Kysely } from "kysely";
import type {
  AuditEntry,
  AuditQuery,
  AuditRepository,
  ListedAuditEntry,
} from "../domain/audit/audit-log.js";
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

  async search(query: AuditQuery): Promise<{ entries: ListedAuditEntry[]; total: number }> {
    if (query.serviceIds?.length === 0) return { entries: [], total: 0 };
    let where = this.#db.selectFrom("audit_log");
    if (query.actorId) where = where.where("audit_log.actor_id", "=", query.actorId);
    if (query.action) where = where.where("audit_log.action", "=", query.action);
    if (query.serviceIds) where = where.where("audit_log.service_id", "in", query.serviceIds);
    if (query.from) where = where.where("audit_log.at", ">=", query.from);
    if (query.to) where = where.where("audit_log.at", "<", query.to);
    const [count, rows] = await Promise.all([
      where.select((eb) => eb.fn.countAll<number | string>().as("n")).executeTakeFirst(),
      where
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
        ])
        .orderBy("audit_log.at", "desc")
        .orderBy("audit_log.id", "desc")
        .limit(query.limit)
        .offset(query.offset)
        .execute(),
    ]);
    return { entries: rows.map(entryFromRow), total: Number(count?.n ?? 0) };
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
    return rows.map(entryFromRow);
  }
}

function entryFromRow(r: {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  story_id: string | null;
  service_id: string | null;
  details: string;
  display_name: string | null;
}): ListedAuditEntry {
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
}
