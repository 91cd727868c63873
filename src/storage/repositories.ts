import type { RateWindowStore } from "../domain/api/rate-limiter.js";
import type { AuditRepository } from "../domain/audit/audit-log.js";
import type { AlertRepository } from "../domain/breaking/breaking-alert.js";
import type { BreakingNewsRepository } from "../domain/breaking/breaking-news-repository.js";
import type { ClipRepository } from "../domain/clips/clip-repository.js";
import type { CommentRepository } from "../domain/comments/comment-repository.js";
import type { CurationRepository } from "../domain/curation/curation-repository.js";
import type { ApiKeyRepository } from "../domain/distribution/api-key-repository.js";
import type { DistributionRepository } from "../domain/distribution/distribution-repository.js";
import type { WebhookRepository } from "../domain/distribution/webhook-repository.js";
import type { EpisodeRepository } from "../domain/episodes/episode-repository.js";
import type { JobRepository } from "../domain/jobs/job-queue.js";
import type { LiveRepository } from "../domain/live/live-repository.js";
import type { MediaRepository } from "../domain/media/media-repository.js";
import type { MirrorRepository } from "../domain/mirrors/mirror-repository.js";
import type { CatalogRepository } from "../domain/people/catalog-repository.js";
import type { PresenceRepository } from "../domain/presence/presence-service.js";
import type { ProgrammeRepository } from "../domain/programmes/programme-repository.js";
import type { PublishedStoryRepository } from "../domain/published/published-story-repository.js";
import type { SearchRepository } from "../domain/search/search-repository.js";
import type { StoryRepository } from "../domain/stories/story-repository.js";
import type { TranslationRepository } from "../domain/translations/translation-repository.js";
import type { SecondFactorRepository } from "../domain/users/second-factor-repository.js";
import type { UserRepository } from "../domain/users/user-repository.js";
import type { WireRepositories } from "../domain/wire/wire-repository.js";
import type { WritingSettingsRepository } from "../domain/writing/writing-settings-service.js";
import { AlertSqlRepository } from "./alert-sql-repository.js";
import { AuditSqlRepository } from "./audit-sql-repository.js";
import { BreakingNewsSqlRepository } from "./breaking-news-sql-repository.js";
import { CatalogSqlRepository } from "./catalog-sql-repository.js";
import { ClipSqlRepository } from "./clip-sql-repository.js";
import { CommentSqlRepository } from "./comment-sql-repository.js";
import { CurationSqlRepository } from "./curation-sql-repository.js";
import type { Database } from "./database.js";
import { DistributionSqlRepository } from "./distribution-sql-repository.js";
import { EpisodeSqlRepository } from "./episode-sql-repository.js";
import { JobSqlRepository } from "./job-sql-repository.js";
import { LiveSqlRepository } from "./live-sql-repository.js";
import { MediaSqlRepository } from "./media-sql-repository.js";
import { MirrorSqlRepository } from "./mirror-sql-repository.js";
import { PresenceSqlRepository } from "./presence-sql-repository.js";
import { ProgrammeSqlRepository } from "./programme-sql-repository.js";
import { PublishedStorySqlRepository } from "./published-story-sql-repository.js";
import { RateWindowSqlStore } from "./rate-window-sql-store.js";
import { SearchSqlRepository } from "./search-sql-repository.js";
import { SecondFactorSqlRepository } from "./second-factor-sql-repository.js";
import { StorySqlRepository } from "./story-sql-repository.js";
import { TranslationSqlRepository } from "./translation-sql-repository.js";
import { UserSqlRepository } from "./user-sql-repository.js";
import { WireItemSqlRepository } from "./wire-item-sql-repository.js";
import { WireLedgerSqlRepository } from "./wire-ledger-sql-repository.js";
import { WireLineageSqlRepository } from "./wire-lineage-sql-repository.js";
import { WireSourceSqlRepository } from "./wire-source-sql-repository.js";
import { WritingSettingsSqlRepository } from "./writing-settings-sql-repository.js";

export interface Repositories {
  readonly stories: StoryRepository;
  /** Lists and counts of published stories: reader pages, feeds, sitemaps, content API. */
  readonly published: PublishedStoryRepository;
  readonly catalog: CatalogRepository;
  readonly media: MediaRepository;
  readonly breaking: BreakingNewsRepository;
  readonly users: UserRepository;
  readonly secondFactors: SecondFactorRepository;
  readonly audit: AuditRepository;
  readonly presence: PresenceRepository;
  readonly jobs: JobRepository;
  readonly alerts: AlertRepository;
  /** Feeds' and the content API's extra reads, content-API keys and partner webhooks. */
  readonly distribution: DistributionRepository & ApiKeyRepository & WebhookRepository;
  readonly translations: TranslationRepository;
  readonly search: SearchRepository;
  /** Content-API rate windows, shared by every instance. */
  readonly rateWindows: RateWindowStore;
  /** The wire desk's storage, one repository per table group. */
  readonly wire: WireRepositories;
  /** Each service's headline lengths and house-style list. */
  readonly writingSettings: WritingSettingsRepository;
  /** Story comments and the notifications mentions create. */
  readonly comments: CommentRepository;
  /** Pinned stories of home and section pages, and stories' picked related stories. */
  readonly curation: CurationRepository;
  /** Live pages: settings, posts and post revisions (readers use its LiveReadRepository side). */
  readonly live: LiveRepository;
  /** Audio and video clips: metadata, renditions' store keys, captions. */
  readonly clips: ClipRepository;
  /** Each service's mirror origins (issue 16): read by pages and exports, changed by admins. */
  readonly mirrors: MirrorRepository;
  /** Programmes and broadcast schedules. */
  readonly programmes: ProgrammeRepository;
  /** Episodes: a story of kind `episode`'s programme, clip and chapters. */
  readonly episodes: EpisodeRepository;
}

export function sqlRepositories(database: Database): Repositories {
  return {
    stories: new StorySqlRepository(database.db),
    published: new PublishedStorySqlRepository(database.db, database.dialect),
    catalog: new CatalogSqlRepository(database.db),
    media: new MediaSqlRepository(database.db),
    breaking: new BreakingNewsSqlRepository(database.db),
    users: new UserSqlRepository(database.db),
    secondFactors: new SecondFactorSqlRepository(database.db),
    audit: new AuditSqlRepository(database.db),
    presence: new PresenceSqlRepository(database.db),
    jobs: new JobSqlRepository(database.db, database.dialect),
    alerts: new AlertSqlRepository(database.db),
    distribution: new DistributionSqlRepository(database.db),
    translations: new TranslationSqlRepository(database.db),
    search: new SearchSqlRepository(database.db, database.dialect),
    rateWindows: new RateWindowSqlStore(database.db),
    writingSettings: new WritingSettingsSqlRepository(database.db),
    wire: {
      sources: new WireSourceSqlRepository(database.db),
      ledger: new WireLedgerSqlRepository(database.db),
      items: new WireItemSqlRepository(database.db, database.dialect),
      lineage: new WireLineageSqlRepository(database.db, database.dialect),
    },
    comments: new CommentSqlRepository(database.db),
    curation: new CurationSqlRepository(database.db),
    live: new LiveSqlRepository(database.db),
    clips: new ClipSqlRepository(database.db),
    mirrors: new MirrorSqlRepository(database.db),
    programmes: new ProgrammeSqlRepository(database.db),
    episodes: new EpisodeSqlRepository(database.db),
  };
}

/** True once any story exists: the demo seed runs only into an empty newsroom. */
export async function hasAnyStory(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom("stories").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}
