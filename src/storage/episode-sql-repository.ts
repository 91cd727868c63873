import type { Kysely, Selectable } from "kysely";
import type {
  EpisodeRepository,
  PublishedEpisodeRow,
} from "../domain/episodes/episode-repository.js";
import type { Chapter, Episode } from "../domain/episodes/episode-schema.js";
import type { DatabaseSchema } from "./database-schema.js";
import { syncEpisodeTranscripts } from "./search-index.js";

type EpisodeRow = Selectable<DatabaseSchema["story_episodes"]>;

/** Episodes (migration 0028) on both dialects. */
export class EpisodeSqlRepository implements EpisodeRepository {
  readonly #db: Kysely<DatabaseSchema>;

  constructor(db: Kysely<DatabaseSchema>) {
    this.#db = db;
  }

  async find(storyId: string): Promise<Episode | undefined> {
    const row = await this.#db
      .selectFrom("story_episodes")
      .selectAll()
      .where("story_id", "=", storyId)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async findMany(storyIds: readonly string[]): Promise<Episode[]> {
    const found: Episode[] = [];
    // Chunked: SQLite and PostgreSQL both bound the parameters of one statement.
    for (let i = 0; i < storyIds.length; i += 500) {
      const rows = await this.#db
        .selectFrom("story_episodes")
        .selectAll()
        .where("story_id", "in", storyIds.slice(i, i + 500))
        .execute();
      found.push(...rows.map(fromRow));
    }
    return found;
  }

  async save(episode: Episode, expectedUpdatedAt?: string | null): Promise<boolean> {
    const row = toRow(episode);
    const { story_id, ...changes } = row;
    // A published episode given another clip is found by the new clip's transcript at once:
    // the index changes in the transaction that saves the episode.
    return this.#db.transaction().execute(async (trx) => {
      let saved: boolean;
      if (expectedUpdatedAt === undefined) {
        await trx
          .insertInto("story_episodes")
          .values(row)
          .onConflict((oc) => oc.column("story_id").doUpdateSet(changes))
          .execute();
        saved = true;
      } else if (expectedUpdatedAt === null) {
        const inserted = await trx
          .insertInto("story_episodes")
          .values(row)
          .onConflict((oc) => oc.column("story_id").doNothing())
          .returning("story_id")
          .executeTakeFirst();
        saved = inserted !== undefined;
      } else {
        const updated = await trx
          .updateTable("story_episodes")
          .set(changes)
          .where("story_id", "=", story_id)
          .where("updated_at", "=", expectedUpdatedAt)
          .executeTakeFirst();
        saved = Number(updated.numUpdatedRows) > 0;
      }
      if (saved) await syncEpisodeTranscripts(trx, { storyId: episode.storyId });
      return saved;
    });
  }

  async storiesPlaying(clipId: string): Promise<string[]> {
    const rows = await this.#db
      .selectFrom("story_episodes")
      .select("story_id")
      .where("clip_id", "=", clipId)
      .orderBy("story_id")
      .execute();
    return rows.map((r) => r.story_id);
  }

  async listPublished(
    programmeId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: PublishedEpisodeRow[]; total: number }> {
    const base = this.#db
      .selectFrom("story_episodes")
      .innerJoin("stories", "stories.id", "story_episodes.story_id")
      .where("story_episodes.programme_id", "=", programmeId)
      .where("stories.status", "=", "published")
      .where("stories.kind", "=", "episode")
      .where("stories.first_published_at", "is not", null);
    const [rows, count] = await Promise.all([
      base
        .selectAll("story_episodes")
        .select([
          "stories.first_published_at",
          "stories.service_id",
          "stories.headline",
          "stories.standfirst",
          "stories.slug",
          "stories.section",
        ])
        .orderBy("stories.first_published_at", "desc")
        .orderBy("stories.id", "desc")
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      base.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => ({
        episode: fromRow(row),
        firstPublishedAt: row.first_published_at ?? "",
        serviceId: row.service_id,
        headline: row.headline ?? "",
        standfirst: row.standfirst ?? "",
        slug: row.slug ?? "",
        section: row.section ?? "",
      })),
      total: Number(count.n),
    };
  }
}

function toRow(episode: Episode): EpisodeRow {
  return {
    story_id: episode.storyId,
    programme_id: episode.programmeId,
    clip_id: episode.clipId,
    chapters: JSON.stringify(episode.chapters),
    episode_number: episode.episodeNumber,
    season: episode.season,
    explicit: episode.explicit ? 1 : 0,
    updated_at: episode.updatedAt,
  };
}

function fromRow(row: EpisodeRow): Episode {
  return {
    storyId: row.story_id,
    programmeId: row.programme_id,
    clipId: row.clip_id,
    chapters: JSON.parse(row.chapters) as Chapter[],
    episodeNumber: row.episode_number === null ? null : Number(row.episode_number),
    season: row.season === null ? null : Number(row.season),
    explicit: Number(row.explicit) === 1,
    updatedAt: row.updated_at,
  };
}
