import type { Kysely } from "kysely";
import type { PresenceRepository } from "../domain/presence/presence-service.js";
import type { DatabaseSchema } from "./database-schema.js";

export class PresenceSqlRepository implements PresenceRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async beat(storyId: string, userId: string, now: string): Promise<void> {
    await this.#db
      .insertInto("presence")
      .values({ story_id: storyId, user_id: userId, since: now, seen_at: now })
      .onConflict((oc) => oc.columns(["story_id", "user_id"]).doUpdateSet({ seen_at: now }))
      .execute();
  }

  async active(storyId: string, after: string) {
    const rows = await this.#db
      .selectFrom("presence")
      .innerJoin("users", "users.id", "presence.user_id")
      .select(["presence.user_id", "users.display_name", "presence.since", "presence.seen_at"])
      .where("presence.story_id", "=", storyId)
      .where("presence.seen_at", ">", after)
      .orderBy("presence.since")
      .execute();
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, since: r.since }));
  }
}
