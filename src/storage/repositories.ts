import type { BreakingNewsRepository } from "../domain/breaking/breaking-news-repository.js";
import type { MediaRepository } from "../domain/media/media-repository.js";
import type { CatalogRepository } from "../domain/people/catalog-repository.js";
import type { StoryRepository } from "../domain/stories/story-repository.js";
import { BreakingNewsSqlRepository } from "./breaking-news-sql-repository.js";
import { CatalogSqlRepository } from "./catalog-sql-repository.js";
import type { Database } from "./database.js";
import { MediaSqlRepository } from "./media-sql-repository.js";
import { StorySqlRepository } from "./story-sql-repository.js";

export interface Repositories {
  readonly stories: StoryRepository;
  readonly catalog: CatalogRepository;
  readonly media: MediaRepository;
  readonly breaking: BreakingNewsRepository;
}

export function sqlRepositories(database: Database): Repositories {
  return {
    stories: new StorySqlRepository(database.db),
    catalog: new CatalogSqlRepository(database.db),
    media: new MediaSqlRepository(database.db),
    breaking: new BreakingNewsSqlRepository(database.db),
  };
}

/** True once any story exists: the demo seed runs only into an empty newsroom. */
export async function hasAnyStory(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom("stories").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}
