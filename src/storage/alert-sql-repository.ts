import type { Kysely } from "kysely";
import type {
  AlertEntry,
  AlertRepository,
  BreakingAlert,
} from "../domain/breaking/breaking-alert.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { DatabaseSchema } from "./database-schema.js";

export class AlertSqlRepository implements AlertRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async insert(alert: BreakingAlert): Promise<void> {
    await this.#db.transaction().execute(async (trx) => {
      await trx
        .insertInto("breaking_alerts")
        .values({
          id: alert.id,
          created_at: alert.createdAt,
          created_by: alert.createdBy,
          expires_at: alert.expiresAt,
          url: alert.url,
        })
        .execute();
      await trx
        .insertInto("breaking_alert_entries")
        .values(
          alert.entries.map((e) => ({
            alert_id: alert.id,
            service_id: e.serviceId,
            text: e.text,
            banner_id: e.bannerId,
          })),
        )
        .execute();
    });
  }

  async setEntry(alertId: string, entry: AlertEntry): Promise<void> {
    await this.#db
      .updateTable("breaking_alert_entries")
      .set({ text: entry.text, banner_id: entry.bannerId })
      .where("alert_id", "=", alertId)
      .where("service_id", "=", entry.serviceId)
      .execute();
  }

  async find(id: string): Promise<BreakingAlert | undefined> {
    const [alert] = await this.#load(
      this.#db.selectFrom("breaking_alerts").selectAll().where("id", "=", id).execute(),
    );
    return alert;
  }

  async listRecent(limit: number): Promise<BreakingAlert[]> {
    return this.#load(
      this.#db
        .selectFrom("breaking_alerts")
        .selectAll()
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute(),
    );
  }

  async #load(
    rowsPromise: Promise<
      {
        id: string;
        created_at: string;
        created_by: string | null;
        expires_at: string;
        url: string | null;
      }[]
    >,
  ): Promise<BreakingAlert[]> {
    const rows = await rowsPromise;
    if (rows.length === 0) return [];
    const entries = await this.#db
      .selectFrom("breaking_alert_entries")
      .selectAll()
      .where(
        "alert_id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("service_id")
      .execute();
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      createdBy: r.created_by,
      expiresAt: r.expires_at,
      url: r.url,
      entries: entries
        .filter((e) => e.alert_id === r.id)
        .map((e) => ({
          serviceId: e.service_id as ServiceId,
          text: e.text,
          bannerId: e.banner_id,
        })),
    }));
  }
}
