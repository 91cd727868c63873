import type { Kysely } from "kysely";
import type { RateWindowStore } from "../domain/api/rate-limiter.js";
import type { DatabaseSchema } from "./database-schema.js";

export class RateWindowSqlStore implements RateWindowStore {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async increment(key: string, windowStart: string): Promise<number> {
    // One atomic upsert: concurrent instances serialize on the row.
    const row = await this.#db
      .insertInto("api_rate_windows")
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) =>
        oc
          .columns(["key", "window_start"])
          .doUpdateSet((eb) => ({ count: eb("api_rate_windows.count", "+", 1) })),
      )
      .returning("count")
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async sweep(before: string): Promise<void> {
    await this.#db.deleteFrom("api_rate_windows").where("window_start", "<", before).execute();
  }
}
