import { Server as NetServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { sql } from "kysely";
import { type Logger, pino } from "pino";
import { cdnPurgeAdapter } from "./cache/cdn-purge-adapters.js";
import { type CdnPurgeMetrics, CdnPurgeQueue } from "./cache/cdn-purge-queue.js";
import {
  type ChangeBus,
  ClusterChangeBus,
  LocalChangeBus,
  PgChangeBus,
} from "./cache/change-bus.js";
import { LivePostUpdates } from "./cache/live-post-updates.js";
import { LiveUpdates } from "./cache/live-updates.js";
import { PageCache } from "./cache/page-cache.js";
import { ClusterPageShare } from "./cache/page-share.js";
import type { Config } from "./config/config.js";
import { demoAccounts } from "./demo/demo-accounts.js";
import { demoMediaJobKind, seedDemoMedia } from "./demo/demo-media.js";
import { seedDemo } from "./demo/seed-demo.js";
import { systemActor } from "./domain/actor.js";
import { ApiKeyService } from "./domain/api/api-key-service.js";
import { RateLimiter } from "./domain/api/rate-limiter.js";
import { AuditLog } from "./domain/audit/audit-log.js";
import { BreakingAlertService } from "./domain/breaking/breaking-alert.js";
import {
  type BannerChangeListener,
  BreakingNewsService,
} from "./domain/breaking/breaking-news-service.js";
import { cacheTags } from "./domain/cache/cache-tags.js";
import type { TaggedMemo } from "./domain/cache/tagged-memo.js";
import { defaultClipLimits } from "./domain/clips/clip-schema.js";
import { ClipService, transcodeJobKind } from "./domain/clips/clip-service.js";
import { type Clock, systemClock } from "./domain/clock.js";
import { CommentService } from "./domain/comments/comment-service.js";
import { CuratedStories } from "./domain/curation/curated-stories.js";
import { CurationService } from "./domain/curation/curation-service.js";
import { DistributionService } from "./domain/distribution/distribution-service.js";
import { WebhookService } from "./domain/distribution/webhook-service.js";
import { EpisodeReader } from "./domain/episodes/episode-reader.js";
import { EpisodeService } from "./domain/episodes/episode-service.js";
import { newId } from "./domain/ids.js";
import { JobRunner } from "./domain/jobs/job-queue.js";
import { LiveReader } from "./domain/live/live-reader.js";
import type { LiveEventListener } from "./domain/live/live-schema.js";
import { LiveService } from "./domain/live/live-service.js";
import { LivePostsReader } from "./domain/live/published-live-posts.js";
import type { ImageProcessor } from "./domain/media/image-processor.js";
import type { MediaObjectStore } from "./domain/media/media-object-store.js";
import { MediaObjects } from "./domain/media/media-objects.js";
import { defaultMediaLimits, MediaService } from "./domain/media/media-service.js";
import { clipObjectStore } from "./domain/media/migrating-object-store.js";
import { MirrorDirectory } from "./domain/mirrors/mirror-directory.js";
import { MirrorListPublisher } from "./domain/mirrors/mirror-list.js";
import type { MirrorReadRepository } from "./domain/mirrors/mirror-schema.js";
import { MirrorService } from "./domain/mirrors/mirror-service.js";
import { CatalogService } from "./domain/people/catalog-service.js";
import { PresenceService } from "./domain/presence/presence-service.js";
import { ProgrammeReader } from "./domain/programmes/programme-reader.js";
import { ProgrammeService } from "./domain/programmes/programme-service.js";
import { PublishedStories } from "./domain/published/published-stories.js";
import { ReaderService } from "./domain/reader/reader-service.js";
import { SearchService } from "./domain/search/search-service.js";
import { editionsOf, isServiceId, type ServiceId } from "./domain/services/service-registry.js";
import { publicKeyBase64, publicKeyOf } from "./domain/signing/minisign.js";
import type { StoryEventListener } from "./domain/stories/story-events.js";
import { StoryService } from "./domain/stories/story-service.js";
import { TranslationService } from "./domain/translations/translation-service.js";
import { type AuthPolicy, AuthService, defaultAuthPolicy } from "./domain/users/auth-service.js";
import type { PasswordHasher } from "./domain/users/password-hasher.js";
import type { CommonPasswords } from "./domain/users/password-policy.js";
import { SecondFactorService } from "./domain/users/second-factor-service.js";
import { UserService } from "./domain/users/user-service.js";
import { type WireEventListener, WireEvents, type WireLogger } from "./domain/wire/wire-events.js";
import { WireFlags } from "./domain/wire/wire-flags.js";
import { WireIngest } from "./domain/wire/wire-ingest.js";
import { WireQueue } from "./domain/wire/wire-queue.js";
import { WireSourceService } from "./domain/wire/wire-source-service.js";
import { WireStories } from "./domain/wire/wire-stories.js";
import { WritingSettingsService } from "./domain/writing/writing-settings-service.js";
import { DailyPackages } from "./export/daily-packages.js";
import { MirrorSync } from "./export/mirror-sync.js";
import { latestPackages } from "./export/package-directory.js";
import { withAccessLog } from "./http/access-log.js";
import { buildApp } from "./http/app.js";
import { trustedProxies } from "./http/client-ip.js";
import { LiveHub } from "./http/live-hub.js";
import { metricsEndpoint, NewsdeskMetrics, startMetricsServer } from "./http/metrics.js";
import { NewsroomEvents } from "./http/newsroom/events.js";
import { newsroomApi as createNewsroomApi } from "./http/newsroom/mount.js";
import type { NewsroomRouter } from "./http/newsroom/newsroom-router.js";
import { fastPathReach } from "./http/reach.js";
import { securityHeaderOptions } from "./http/security-headers.js";
import { createHttpServer, createRequestHandler } from "./http/server.js";
import { wirePushRoutes } from "./http/wire-push-routes.js";
import { DropRoots } from "./ingest/drop-directory.js";
import { WireParseThread } from "./ingest/wire-parse-thread.js";
import { WireScheduler } from "./ingest/wire-scheduler.js";
import { wireSourceLocations } from "./ingest/wire-source-locations.js";
import { executableOnPath } from "./media/executable-on-path.js";
import { FfmpegClipTranscoder } from "./media/ffmpeg-clip-transcoder.js";
import { FfprobeMediaProber } from "./media/ffprobe-media-prober.js";
import { openMediaStores } from "./media/media-stores.js";
import { SharpImageProcessor } from "./media/sharp-image-processor.js";
import { livePostOut } from "./render/feeds/live-post-out.js";
import { ninjsDocument, ninjsWithdrawal } from "./render/feeds/ninjs-document.js";
import { livePostFrames } from "./render/reader/live-post-frames.js";
import { renderMirrorLine } from "./render/reader/MirrorLine.js";
import { storyUrl } from "./render/reader-urls.js";
import { Argon2PasswordHasher } from "./security/argon2-password-hasher.js";
import { BundledCommonPasswords } from "./security/common-password-list.js";
import { OutboundHttp } from "./security/outbound-http.js";
import { type KeyRing, readKeyRing } from "./security/signing-key-file.js";
import { type Database, migrateToLatest, migratorFor, openDatabase } from "./storage/database.js";
import { hasAnyStory, type Repositories, sqlRepositories } from "./storage/repositories.js";

/** The running newsroom: every stateful piece, built once here and passed down. */
export interface Newsdesk {
  readonly config: Config;
  readonly database: Database;
  readonly repositories: Repositories;
  readonly services: NewsroomServices;
  readonly app: Hono;
  /** The newsroom API's router: its declared routes are the API's inventory. */
  readonly newsroomApi: NewsroomRouter;
  readonly logger: Logger;
  readonly pageCache: PageCache;
  /** Every service's mirrors, in memory for reader requests (issue 16). */
  readonly mirrorDirectory: MirrorDirectory;
  /** Server-Sent Events to open reader pages. */
  readonly live: LiveHub;
  /** The newsroom's own event streams (wire queue, flags, notifications). */
  readonly newsroomEvents: NewsroomEvents;
  readonly liveUpdates: LiveUpdates;
  /** Live pages' posts: cache invalidation and open pages (a LiveEventListener). */
  readonly livePosts: LivePostUpdates;
  /** This instance's Prometheus metrics (its own registry); served by `startServer`. */
  readonly metrics: NewsdeskMetrics;
  /** Demo accounts present in this database (printed at start), or none. */
  readonly demoAccounts: readonly { email: string; password: string; role: string }[];
  /** Starts background work: scheduled publishing, AVIF renditions, wire polling, other jobs. */
  startBackground(intervalMs?: number): void;
  /** Shutdown has begun: /readyz answers 503 so load balancers move traffic away. */
  readonly lifecycle: { draining: boolean };
  /** Stops background work (a running job finishes first), closes streams and the database. */
  close(): Promise<void>;
  /** Issue 16: the signing key (if its file exists), the mirrors and the signed mirror list. */
  readonly reach: {
    readonly keyRing: KeyRing | undefined;
    readonly mirrors: MirrorReadRepository;
    readonly mirrorList: MirrorListPublisher;
  };
}

/** The wire desk: one service per job, the parser thread and the background scheduler. */
interface WireDesk {
  /** The one ingest command every transport (push, pull, drop directory) calls. */
  readonly ingest: WireIngest;
  readonly queue: WireQueue;
  /** Wire copy used in stories, and a story's lineage. */
  readonly stories: WireStories;
  readonly flags: WireFlags;
  readonly sources: WireSourceService;
  /** Parses wire files in a worker thread; `close()` it on shutdown. */
  readonly parser: WireParseThread;
  /** Not started: `startBackground` starts it with the other background work. */
  readonly scheduler: WireScheduler;
}

/** The domain services, shared by HTTP, CLI and background jobs. */
export interface NewsroomServices {
  /** People, desks, topics, sections and agencies as the newsroom manages them. */
  readonly catalogAdmin: CatalogService;
  readonly stories: StoryService;
  readonly media: MediaService;
  readonly breaking: BreakingNewsService;
  readonly alerts: BreakingAlertService;
  readonly reader: ReaderService;
  /** Pinned stories of home and section pages, and picked related stories. */
  readonly curation: CurationService;
  /** Programmes (shows, podcasts) and the broadcast schedule. */
  readonly programmes: ProgrammeService;
  /** Episodes: a story of kind `episode`'s programme, clip, chapters (issue 17). */
  readonly episodes: EpisodeService;
  readonly auth: AuthService;
  /** TOTP enrolment, recovery codes, second-factor checks. */
  readonly secondFactors: SecondFactorService;
  readonly users: UserService;
  readonly audit: AuditLog;
  readonly presence: PresenceService;
  readonly jobs: JobRunner;
  /** Linked translations, flagged stale when their source is updated or corrected. */
  readonly translations: TranslationService;
  /** Full-text search within and across services. */
  readonly search: SearchService;
  /** Feeds', sitemaps' and the content API's read models. */
  readonly distribution: DistributionService;
  /** Content-API keys. */
  readonly apiKeys: ApiKeyService;
  /** The content API's per-key rate limits, shared by every instance. */
  readonly rateLimiter: RateLimiter;
  /** Partner webhooks: deliveries are rows, sent by whichever instance polls first. */
  readonly webhooks: WebhookService;
  /** Wire ingest: the queue, sources and the pull/drop-directory scheduler. */
  readonly wire: WireDesk;
  /** Each service's writing guidance: lengths and the house-style list. */
  readonly writingSettings: WritingSettingsService;
  /** Everyone told about committed story changes; features add themselves here. */
  readonly storyListeners: StoryEventListener[];
  /** Editor-to-editor comments on stories, mentions and notifications. */
  readonly comments: CommentService;
  /** Live pages (issue 15): settings, posts, their revisions. */
  readonly livePages: LiveService;
  /**
   * Everyone told about committed live-page changes (posts, settings): the newsroom's
   * stream, webhooks, and readers' pages and caches add themselves here.
   */
  readonly liveListeners: LiveEventListener[];
  /** Published live pages' posts with their images and people (distribution, readers). */
  readonly livePosts: LivePostsReader;
  /** Audio and video clips; present when a media object store is configured. */
  readonly clips?: ClipService;
  /** Each service's mirrors (issue 16): administrators list, add and remove them. */
  readonly mirrors: MirrorService;
}

export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({ level: config.logLevel, base: { service: "newsdesk" } });
}

export interface CreateNewsdeskOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly seed?: boolean;
  /**
   * Whether the demo seed queues the `demo.media` job (generated recordings for the demo
   * episodes); on unless false. Tests that drive the job runner themselves turn it off.
   */
  readonly demoMedia?: boolean;
  /** Lower argon2 cost for tests; production uses the OWASP minimum. */
  readonly passwordHasher?: PasswordHasher;
  /** Where audio and video bytes go; without one, clips are not offered. */
  readonly mediaStore?: MediaObjectStore;
}

/** What the services read from the configuration. */
type ServiceConfig = Pick<
  Config,
  | "publicUrl"
  | "publisherName"
  | "sessionIdleMs"
  | "sessionAbsoluteMs"
  | "requireSecondFactor"
  | "wireAllowPrivate"
  | "wireDropRoots"
  | "webhookAllowPrivate"
  | "clipLimits"
>;

/**
 * Every domain service, built once from the repositories: HTTP, CLI and jobs share them.
 * @public The ingest benchmark (bench/lib/ingest-bench.js) builds the wire desk through it.
 */
export function buildServices(
  repositories: Repositories,
  deps: {
    config: ServiceConfig;
    clock: Clock;
    logger: Logger;
    hasher: PasswordHasher;
    commonPasswords: CommonPasswords;
    images: ImageProcessor;
    /** Media bytes in MEDIA_STORE (and the previous store during a migration). */
    mediaObjects: MediaObjects;
    /** Told when a service's breaking-news banner changes (live updates to reader pages). */
    onBannerChange: BannerChangeListener;
    /** Told after wire commits (the newsroom's live events). */
    wireListeners: readonly WireEventListener[];
    /** Told whom new notifications are for (the newsroom's live events). */
    onNotified?: (userIds: readonly string[]) => void;
    /** Told which cached reader pages a catalogue change (topic merge, section rename) touched. */
    onCatalogChange?: (tags: readonly string[]) => Promise<void>;
    /** Told the cache tags of the pages a curation save changed. */
    onCurationChange: (tags: readonly string[]) => Promise<void>;
    /** Where audio and video bytes go; clips are built only with one. */
    mediaStore?: MediaObjectStore;
    /** Told after a service's mirror list changed (reader pages' directory and cache). */
    onMirrorChange?: (serviceId: ServiceId) => Promise<void>;
    /** Told the cache tags of the pages a programme or schedule change affects. */
    onProgrammeChange?: (tags: readonly string[]) => Promise<void>;
    /** Keeps values reader pages share between renders (the server's page cache). */
    memo?: TaggedMemo;
  },
): NewsroomServices {
  const { clock, logger, config } = deps;
  const jobs = new JobRunner({ repository: repositories.jobs, clock, logger });
  const audit = new AuditLog({ repository: repositories.audit, clock });
  const storyListeners: StoryEventListener[] = [audit];
  const stories = new StoryService({
    ...repositories,
    clock,
    listeners: storyListeners,
    onListenerError: (error, event) =>
      logger.error(
        { err: error, story: event.story.id, event: event.type },
        "story listener failed",
      ),
  });
  jobs.everyPoll(async () => {
    const published = await stories.publishDue();
    if (published.length > 0)
      logger.info({ stories: published.map((s) => s.id) }, "scheduled stories published");
  });
  const media = new MediaService({
    repository: repositories.media,
    objects: deps.mediaObjects,
    images: deps.images,
    clock,
    scheduleBackground: async (mediaId) => {
      await jobs.enqueue("media.avif", { mediaId });
    },
  });
  jobs.handle("media.avif", async (job) => {
    await media.makeAvifRenditions(String(job.payload.mediaId));
  });
  const breaking = new BreakingNewsService({
    repository: repositories.breaking,
    clock,
    onChange: deps.onBannerChange,
  });
  const authPolicy: AuthPolicy = {
    ...defaultAuthPolicy,
    idleMs: config.sessionIdleMs,
    sessionMs: config.sessionAbsoluteMs,
    requireSecondFactor: config.requireSecondFactor,
  };
  const secondFactors = new SecondFactorService({
    factors: repositories.secondFactors,
    clock,
    // Shown in authenticator apps above the account: the publisher's name.
    issuer: config.publisherName,
    recentAuthenticationMs: authPolicy.recentAuthenticationMs,
  });
  const reader = new ReaderService({
    ...repositories,
    clock,
    ...(deps.memo ? { memo: deps.memo } : {}),
  });
  const curation = new CurationService({
    repository: repositories.curation,
    curated: new CuratedStories(repositories),
    stories: repositories.stories,
    catalog: repositories.catalog,
    users: repositories.users,
    audit,
    clock,
    onChange: deps.onCurationChange,
    viewable: (actor, storyId) => stories.viewable(actor, storyId),
  });
  const distribution = new DistributionService(repositories);
  // Live pages' published posts with their images and people (content API, ninjs, webhooks).
  const assembled = new PublishedStories(repositories);
  const livePosts = new LivePostsReader({
    live: repositories.live,
    resolveMedia: (ids) => assembled.resolveMedia(ids),
    findPeople: (ids) => repositories.catalog.findPeople(ids),
    resolveEmbeds: (serviceId, ids) => assembled.resolveEmbeds(serviceId, ids),
  });
  const webhooks = new WebhookService({
    repository: repositories.distribution,
    clock,
    outbound: new OutboundHttp({ allowPrivate: config.webhookAllowPrivate }),
    // Partners get the story as ninjs; a kill or unpublish sends pubStatus canceled/withheld.
    payload: async (event) => {
      const story = await distribution.availability(event.story.id);
      return story.kind === "published"
        ? ninjsDocument(story.story, config.publicUrl, config.publisherName)
        : ninjsWithdrawal(event.story, config.publicUrl);
    },
    // A post reaches partners only once its live page is published (as readers see it).
    livePayload: async (event) => {
      const page = await distribution.availability(event.storyId);
      const found =
        event.postId && page.kind === "published"
          ? await livePosts.post(event.postId, page.story.service.id)
          : undefined;
      const post = found?.posts[0];
      if (page.kind !== "published" || !found || !post) return null;
      const { story, content, service } = page.story;
      const pageUrl = `${config.publicUrl}${storyUrl(service, { id: story.id, slug: content.slug, section: content.section })}`;
      return post.deletedAt
        ? { id: post.id, url: `${pageUrl}#post-${post.id}`, deleted: true }
        : livePostOut(post, { ...found, service, pageUrl, publicUrl: config.publicUrl });
    },
  });
  storyListeners.push(webhooks);
  // Deliveries are database rows: every poll sends what is due, so retries survive
  // restarts and any instance can send them.
  jobs.everyPoll(() => webhooks.deliverDue());
  const translations = new TranslationService({
    stories,
    storyRepository: repositories.stories,
    translations: repositories.translations,
    catalog: repositories.catalog,
    clock,
  });
  storyListeners.push(translations);
  const comments = new CommentService({
    comments: repositories.comments,
    stories: repositories.stories,
    translations: repositories.translations,
    audit,
    clock,
    ...(deps.onNotified ? { onNotified: deps.onNotified } : {}),
  });
  // Block comments follow their paragraphs from revision to revision.
  storyListeners.push(comments);
  // Live pages: posts and settings; listeners are appended by whoever needs to hear of them.
  const liveListeners: LiveEventListener[] = [];
  // Partners hear of each post of a published live page.
  liveListeners.push(webhooks);
  const livePages = new LiveService({
    live: repositories.live,
    stories: repositories.stories,
    viewable: (actor, storyId) => stories.viewable(actor, storyId),
    catalog: repositories.catalog,
    media: repositories.media,
    audit,
    clock,
    listeners: liveListeners,
    onListenerError: (error, event) =>
      logger.error(
        { err: error, story: event.storyId, post: event.postId, event: event.type },
        "live listener failed",
      ),
  });
  const clips = deps.mediaStore ? buildClips(repositories, jobs, deps.mediaStore, deps) : undefined;
  const episodes = new EpisodeService({
    episodes: repositories.episodes,
    programmes: repositories.programmes,
    clips: repositories.clips,
    viewable: (actor, storyId) => stories.viewable(actor, storyId),
    clock,
    audit,
    onChange: deps.onProgrammeChange ?? (async () => {}),
  });
  if (clips) {
    // Queued with the demo seed (createNewsdesk): the demo episodes' generated recordings.
    jobs.handle(demoMediaJobKind, async () => {
      const { attached } = await seedDemoMedia({
        clips,
        episodes,
        episodeRepository: repositories.episodes,
        programmes: repositories.programmes,
        log: (message) => logger.warn(message),
      });
      if (attached > 0) logger.info({ attached }, "demo media generated; transcoding queued");
    });
  }
  return {
    ...(clips ? { clips } : {}),
    stories,
    media,
    breaking,
    catalogAdmin: new CatalogService({
      repository: repositories.catalog,
      media: repositories.media,
      audit,
      ...(deps.onCatalogChange ? { invalidate: deps.onCatalogChange } : {}),
    }),
    alerts: new BreakingAlertService({
      alerts: repositories.alerts,
      banners: breaking,
      bannerRepository: repositories.breaking,
      clock,
    }),
    reader,
    curation,
    programmes: new ProgrammeService({
      repository: repositories.programmes,
      audit,
      clock,
      onChange: deps.onProgrammeChange ?? (async () => {}),
      personExists: async (id) => (await repositories.catalog.findPeople([id])).length === 1,
      imageSize: async (mediaId) => repositories.media.find(mediaId),
    }),
    episodes,
    auth: new AuthService({
      users: repositories.users,
      hasher: deps.hasher,
      clock,
      secondFactors,
      commonPasswords: deps.commonPasswords,
      policy: authPolicy,
    }),
    secondFactors,
    users: new UserService({
      users: repositories.users,
      catalog: repositories.catalog,
      hasher: deps.hasher,
      clock,
      commonPasswords: deps.commonPasswords,
    }),
    audit,
    presence: new PresenceService({ repository: repositories.presence, clock }),
    jobs,
    translations,
    search: new SearchService({ search: repositories.search, clock }),
    distribution,
    apiKeys: new ApiKeyService({ repository: repositories.distribution, clock }),
    rateLimiter: new RateLimiter({ clock, store: repositories.rateWindows }),
    webhooks,
    wire: buildWireDesk(repositories, stories, deps),
    writingSettings: new WritingSettingsService({
      repository: repositories.writingSettings,
      audit,
      clock,
    }),
    storyListeners,
    comments,
    livePages,
    liveListeners,
    livePosts,
    mirrors: new MirrorService({
      repository: repositories.mirrors,
      audit,
      clock,
      ...(deps.onMirrorChange ? { onChange: deps.onMirrorChange } : {}),
    }),
  };
}

/** Audio and video clips: ffprobe checks, ffmpeg transcoding as a job, bytes in the store. */
function buildClips(
  repositories: Repositories,
  jobs: JobRunner,
  store: MediaObjectStore,
  deps: {
    config: Pick<Config, "clipLimits">;
    clock: Clock;
    onProgrammeChange?: (tags: readonly string[]) => Promise<void>;
  },
): ClipService {
  const limits = { ...defaultClipLimits, ...deps.config.clipLimits };
  const clips = new ClipService({
    repository: repositories.clips,
    store,
    prober: new FfprobeMediaProber({ timeoutMs: limits.probeTimeoutMs }),
    // One ffmpeg run may take up to 6 h of wall time (a 4 h video on a busy machine);
    // the job's lock is renewed meanwhile, so no other instance starts it again.
    // HE-AAC for the low AAC rendition when the FDK encoder is installed (Debian non-free
    // `aac-enc`); AAC-LC otherwise (ffmpeg-clip-transcoder.ts).
    transcoder: new FfmpegClipTranscoder({
      timeoutMs: 6 * 3_600_000,
      heAacEncoder: executableOnPath("aac-enc"),
    }),
    // External stream URLs are never fetched by Newsdesk, but must be public addresses.
    outbound: new OutboundHttp({ allowPrivate: false }),
    clock: deps.clock,
    limits,
    enqueueTranscode: async (clipId) => {
      await jobs.enqueue(transcodeJobKind, { clipId });
    },
    onChange: deps.onProgrammeChange ?? (async () => {}),
    playedBy: (clipId) => repositories.episodes.storiesPlaying(clipId),
  });
  jobs.handle(transcodeJobKind, (job) =>
    clips.transcode(String(job.payload.clipId), {
      finalAttempt: job.attempts + 1 >= JobRunner.maxAttempts,
    }),
  );
  return clips;
}

/**
 * The wire desk's services: HTTP and the scheduler read and decode (src/ingest), the
 * injected parser maps, one domain command (`WireIngest`) stores through the repositories.
 */
function buildWireDesk(
  repositories: Repositories,
  stories: StoryService,
  deps: {
    config: Pick<Config, "wireAllowPrivate" | "wireDropRoots">;
    clock: Clock;
    logger: WireLogger;
    wireListeners: readonly WireEventListener[];
  },
): WireDesk {
  const { clock, logger } = deps;
  const { sources: sourceRepository, ledger, items, lineage } = repositories.wire;
  // The outbound guard for pull sources: WIRE_ALLOW_PRIVATE decides what it refuses.
  const outbound = new OutboundHttp({ allowPrivate: deps.config.wireAllowPrivate });
  const dropRoots = new DropRoots(deps.config.wireDropRoots);
  const events = new WireEvents({ listeners: deps.wireListeners, logger });
  const parser = new WireParseThread();
  const ingest = new WireIngest({ ledger, items, lineage, parser, clock, logger, events });
  return {
    ingest,
    queue: new WireQueue({ items, lineage, ledger, sources: sourceRepository, clock }),
    stories: new WireStories({
      items,
      sources: sourceRepository,
      lineage,
      stories,
      storyRepository: repositories.stories,
      catalog: repositories.catalog,
      clock,
      events,
    }),
    flags: new WireFlags({ lineage, storyRepository: repositories.stories, clock }),
    sources: new WireSourceService({
      repository: sourceRepository,
      catalog: repositories.catalog,
      clock,
      locations: wireSourceLocations(dropRoots, outbound),
    }),
    parser,
    scheduler: new WireScheduler({
      ingest,
      sources: sourceRepository,
      clock,
      logger,
      outbound,
      dropRoots,
    }),
  };
}

/** The composition root: open the database, migrate, build services and the HTTP app. */
export async function createNewsdesk(
  config: Config,
  options: CreateNewsdeskOptions = {},
): Promise<Newsdesk> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl, { create: config.createDatabase });
  try {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");
    const repositories = sqlRepositories(database);
    const images = new SharpImageProcessor({ maxPixels: defaultMediaLimits.maxPixels });
    const mediaStores = openMediaStores(config.media);
    const mediaObjects = new MediaObjects({ repository: repositories.media, stores: mediaStores });
    // Live updates: page cache, fan-out between instances, and SSE to open reader pages.
    // The page cache reads the same clock as everything else: entries that expire with the
    // broadcast on air or a banner expire on the clock those were computed with.
    // Workers of one machine (start --workers) hand each other the pages they render, so a
    // page is rendered once per machine, not once per worker (page-share.ts).
    let pageShare: ClusterPageShare | undefined;
    const pageCache = new PageCache({
      maxBytes: config.pageCacheBytes,
      now: () => clock.now().getTime(),
      onStored: (entry, ticket) => pageShare?.offer(entry, ticket),
    });
    if (config.clusterWorker) pageShare = new ClusterPageShare(pageCache, newId());
    const bus: ChangeBus =
      database.dialect === "postgres"
        ? await PgChangeBus.connect(config.databaseUrl, logger)
        : config.clusterWorker
          ? new ClusterChangeBus()
          : new LocalChangeBus();
    // The newsroom's live wire queue and kill flags (GET /newsroom/api/events), relayed
    // between instances over the change bus.
    const newsroomEvents = new NewsroomEvents({
      findItem: (itemId) => repositories.wire.items.findItem(itemId),
      relay: (event, data) => {
        bus.publish({ kind: "newsroom", event, data }).catch((error: unknown) => {
          logger.warn({ err: error }, "could not relay a newsroom event");
        });
      },
    });
    bus.subscribe((message) => {
      if (message.kind === "newsroom") {
        newsroomEvents.deliver(
          message.event,
          message.data as Parameters<NewsroomEvents["deliver"]>[1],
        );
      }
    });
    const metrics = new NewsdeskMetrics();
    // Mirror hosts, known to every reader request without a query (src/http/reach.ts).
    const mirrorDirectory = new MirrorDirectory({
      repository: repositories.mirrors,
      onError: (error) => logger.warn({ err: error }, "could not reload the mirror list"),
    });
    await mirrorDirectory.refresh();
    let live: LiveUpdates | undefined;
    const services = buildServices(repositories, {
      config,
      clock,
      logger,
      memo: pageCache,
      hasher: options.passwordHasher ?? new Argon2PasswordHasher(),
      commonPasswords: new BundledCommonPasswords(),
      images,
      mediaObjects,
      onBannerChange: async (serviceId, banner, previous) =>
        live?.onBannerChange(serviceId, banner, previous),
      wireListeners: [newsroomEvents, metrics],
      onNotified: (userIds) => newsroomEvents.notify(userIds),
      onCatalogChange: async (tags) => live?.invalidate(tags),
      onCurationChange: async (tags) => live?.invalidate(tags),
      // Clips write to MEDIA_STORE's primary store (a test may give its own), and read the
      // previous one too while `newsdesk media migrate` moves them.
      mediaStore: options.mediaStore ?? clipObjectStore(mediaStores),
      onMirrorChange: async (serviceId) => {
        await mirrorDirectory.changed();
        await live?.invalidate([cacheTags.mirrors(serviceId)]);
      },
      onProgrammeChange: async (tags) => live?.invalidate(tags),
    });
    const hub = new LiveHub({ current: (serviceId) => services.breaking.active(serviceId) });
    const purge = cdnPurgeQueue(config, logger, metrics);
    live = new LiveUpdates({
      cache: pageCache,
      bus,
      stories: repositories.stories,
      banners: hub,
      logger,
      ...(purge ? { purge } : {}),
      onVisible: (event) =>
        metrics.storyVisible(event.type, (clock.now().getTime() - Date.parse(event.at)) / 1000),
    });
    services.storyListeners.push(live);
    // Live pages (issue 15): readers' pages of posts, and each post's way to open pages.
    const publishedStories = new PublishedStories(repositories);
    const liveReader = new LiveReader({
      live: repositories.live,
      findPeople: (ids) => repositories.catalog.findPeople(ids),
      resolveMedia: (ids) => publishedStories.resolveMedia(ids),
      resolveEmbeds: (serviceId, ids) => publishedStories.resolveEmbeds(serviceId, ids),
    });
    const livePosts = new LivePostUpdates({
      cache: pageCache,
      bus,
      sink: hub,
      logger,
      statusOf: async (storyId) => (await liveReader.livePage(storyId))?.status,
      findPost: (postId) => repositories.live.findPost(postId),
      frames: (event) =>
        livePostFrames(
          {
            live: liveReader,
            // Two point reads, not the whole page model: this runs before every fan-out.
            storyAddress: async (storyId) => {
              const story = await repositories.stories.findStory(storyId);
              if (story?.status !== "published" || !story.publishedRevisionId) return undefined;
              return (await repositories.stories.findRevision(story.publishedRevisionId))?.content;
            },
            publicUrl: config.publicUrl,
            publisherName: config.publisherName,
            now: () => clock.now(),
          },
          event,
        ),
      ...(purge ? { purge } : {}),
    });
    // Programme pages and podcast feeds list their published episodes.
    services.storyListeners.push(services.episodes);
    // Live pages: who hears of each committed post and settings change. Open reader pages
    // first: listeners run one after another, and a post's reach to 19,000 readers (issue 15)
    // should not wait for partners' webhooks to be queued or the newsroom's stream.
    services.liveListeners.unshift(livePosts);
    services.liveListeners.push(newsroomEvents);
    metrics.watch({
      pageCache,
      sseConnections: () => ({ reader: hub.connections, newsroom: newsroomEvents.connections }),
      jobs: services.jobs,
      database,
      onCollectError: (error) => logger.warn({ err: error }, "a metrics collector failed"),
    });
    const shouldSeed =
      options.seed ??
      (config.seedDemo === "always" ||
        (config.seedDemo === "auto" && !(await hasAnyStory(database))));
    if (shouldSeed) {
      const seeded = await seedDemo({ repositories, images, mediaObjects, now: clock.now() });
      for (const account of demoAccounts) {
        if (!(await services.users.findByEmail(account.email))) {
          await services.users.create(systemActor("demo seed"), account);
        }
      }
      logger.info(seeded, "demo newsroom seeded");
      // Recordings for the demo episodes, made in the background: start stays fast.
      if (services.clips && config.demoMedia && options.demoMedia !== false) {
        await services.jobs.enqueue(demoMediaJobKind, {});
      }
    }
    const present =
      config.seedDemo === "never"
        ? []
        : (
            await Promise.all(
              demoAccounts.map(async (a) =>
                (await services.users.findByEmail(a.email)) ? [a] : [],
              ),
            )
          ).flat();
    const newsroomApi = createNewsroomApi({
      ...services,
      logger,
      onSecurityOutcome: (event, outcome) => metrics.securityOutcome(event, outcome),
      catalog: repositories.catalog,
      events: newsroomEvents,
      clock,
      publicUrl: config.publicUrl,
      trustedProxies: trustedProxies(config.trustedProxies),
      publisherName: config.publisherName,
      maxUploadBytes: defaultMediaLimits.maxBytes,
    });
    const clipMedia = services.clips
      ? { clips: services.clips, store: options.mediaStore ?? clipObjectStore(mediaStores) }
      : undefined;
    const lifecycle = { draining: false };
    let migrationsKnownCurrent = false;
    const keyRing = await readKeyRing(config.signingKeyFile);
    if (!keyRing) {
      logger.warn(
        { signingKeyFile: config.signingKeyFile },
        "no signing key: /mirrors.json is not served until `newsdesk keys generate`",
      );
    }
    const mirrors: MirrorReadRepository = repositories.mirrors;
    const mirrorSync =
      keyRing && config.mirrorSync.targets.length > 0
        ? new MirrorSync({
            ...config.mirrorSync,
            fetchPage: async (path) => app.request(path),
            publicUrl: config.publicUrl,
            key: keyRing.current,
            clock,
            logger,
          })
        : undefined;
    if (mirrorSync) services.jobs.everyPoll(() => mirrorSync.poll());
    else if (config.mirrorSync.targets.length > 0) {
      logger.warn("MIRROR_SYNC is set but there is no signing key: mirrors are not synced");
    }
    // Daily offline packages (PACKAGES_DAILY), built on the job runner's poll.
    const dailyPackages =
      keyRing && config.packagesDaily.serviceIds.length > 0
        ? new DailyPackages({
            ...config.packagesDaily,
            dir: config.packagesDir,
            fetchPage: async (path) => app.request(path),
            publicUrl: config.publicUrl,
            key: keyRing.current,
            clock,
            logger,
          })
        : undefined;
    if (dailyPackages) services.jobs.everyPoll(() => dailyPackages.poll());
    else if (config.packagesDaily.serviceIds.length > 0) {
      logger.warn("PACKAGES_DAILY is set but there is no signing key: no packages are built");
    }
    const mirrorList = new MirrorListPublisher({
      mirrors,
      publicUrl: config.publicUrl,
      publisherName: config.publisherName,
      key: keyRing?.current,
    });
    const episodeReader = new EpisodeReader(repositories);
    const app = buildApp({
      pageCache,
      reader: services.reader,
      programmes: new ProgrammeReader({ ...repositories, clock }),
      episodes: episodeReader,
      languages: { translations: services.translations, search: services.search },
      live: liveReader,
      media: mediaObjects,
      clock,
      logger,
      publicUrl: config.publicUrl,
      publisherName: config.publisherName,
      distribution: {
        liveFeed: async (service, storyId) => {
          const found = await services.reader.story(service, storyId);
          if (found.kind !== "published" || found.model.story.kind !== "live") return undefined;
          const page = await liveReader.livePage(storyId);
          const stream = page
            ? await liveReader.stream(page, { kind: "latest" }, service.id)
            : undefined;
          if (!stream) return undefined;
          const { story, content } = found.model;
          return {
            service,
            story: { ...content, id: story.id, lastModifiedAt: story.lastModifiedAt },
            posts: stream.posts,
            people: stream.people,
            media: stream.media,
            embeds: stream.embeds,
          };
        },
        distribution: services.distribution,
        apiKeys: services.apiKeys,
        rateLimiter: services.rateLimiter,
        livePosts: services.livePosts,
        episodes: episodeReader,
        clock,
        publicUrl: config.publicUrl,
        publisherName: config.publisherName,
      },
      newsroom: newsroomApi,
      ...(clipMedia ? { clipMedia } : {}),
      wirePush: wirePushRoutes({
        ingest: services.wire.ingest,
        sources: services.wire.sources,
        logger,
      }),
      newsroomUiDir: fileURLToPath(new URL("../dist/newsroom-ui/", import.meta.url)),
      mirrorList,
      readiness: {
        checkDatabase: async () => {
          await sql`select 1`.execute(database.db);
        },
        migrationsCurrent: async () => {
          // Migrations never un-apply: once current, this instance stays current.
          if (migrationsKnownCurrent) return true;
          const migrations = await (await migratorFor(database)).getMigrations();
          migrationsKnownCurrent = migrations.every((m) => m.executedAt !== undefined);
          return migrationsKnownCurrent;
        },
        draining: () => lifecycle.draining,
      },
      reach: {
        publicUrl: config.publicUrl,
        mirrors: mirrorDirectory,
        trusted: trustedProxies(config.trustedProxies),
        mirrorLine: renderMirrorLine,
      },
      reachPage: {
        mirrors: repositories.mirrors,
        // One key signs for every edition (the site's key); shown on each "Can't reach us?".
        publicKey: async () =>
          keyRing ? publicKeyBase64(publicKeyOf(keyRing.current)) : undefined,
        // The latest signed offline package of each format (issue 16, `newsdesk package`).
        packages: (serviceId) =>
          latestPackages(config.packagesDir, isServiceId(serviceId) ? editionsOf(serviceId) : []),
      },
      packagesDir: config.packagesDir,
    });
    return {
      config,
      database,
      repositories,
      services,
      app,
      newsroomApi,
      logger,
      pageCache,
      mirrorDirectory,
      live: hub,
      newsroomEvents,
      liveUpdates: live,
      livePosts,
      metrics,
      demoAccounts: present.map((a) => ({ email: a.email, password: a.password, role: a.role })),
      lifecycle,
      reach: { keyRing, mirrors, mirrorList },
      startBackground: (intervalMs) => {
        services.jobs.start(intervalMs);
        services.wire.scheduler.start();
      },
      close: async () => {
        await services.jobs.stop();
        await mirrorSync?.settle();
        await dailyPackages?.settle();
        hub.close();
        // Purges already queued (the last publishes) get a few seconds to reach the CDN.
        await settleWithin(purge?.idle(), 5000);
        await bus.close();
        await services.wire.scheduler.stop();
        await services.wire.parser.close();
        mediaStores.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The services without the HTTP app or background work, for one-shot commands (`newsdesk
 * user|source|api-key|webhook`): the same composition as the server, so the CLI is no way
 * around a rule the server enforces (outbound guard, drop roots, password policy).
 */
export async function openServices(
  config: Config,
  options: { readonly logger?: Logger } = {},
): Promise<{ readonly services: NewsroomServices; close(): Promise<void> }> {
  const database = await openDatabase(config.databaseUrl, { create: config.createDatabase });
  let bus: PgChangeBus | undefined;
  let mediaStores: ReturnType<typeof openMediaStores> | undefined;
  try {
    await migrateToLatest(database);
    const logger = options.logger ?? createLogger(config);
    const purge = cdnPurgeQueue(config, logger);
    // On PostgreSQL the running servers listen on the change bus: a catalogue change made
    // here (a topic merge) still invalidates the reader pages they cached.
    if (database.dialect === "postgres")
      bus = await PgChangeBus.connect(config.databaseUrl, logger);
    const repositories = sqlRepositories(database);
    mediaStores = openMediaStores(config.media);
    const services = buildServices(repositories, {
      config,
      clock: systemClock,
      logger,
      hasher: new Argon2PasswordHasher(),
      commonPasswords: new BundledCommonPasswords(),
      images: new SharpImageProcessor({ maxPixels: defaultMediaLimits.maxPixels }),
      mediaObjects: new MediaObjects({ repository: repositories.media, stores: mediaStores }),
      // A one-shot command has no reader pages open to tell; the server's change bus
      // picks banner rows up on its next read.
      onBannerChange: async () => {},
      wireListeners: [],
      onCatalogChange: async (tags) => {
        // The servers drop the pages from their own caches; the CDN is purged from here,
        // where the change was made (only the originating instance purges).
        purge?.enqueue(tags);
        await bus?.publish({ kind: "invalidate", tags });
      },
      // The server's page cache is not reachable from a one-shot command; CLI commands do
      // not curate, so nothing is lost.
      onCurationChange: async () => {},
      onProgrammeChange: async (tags) => bus?.publish({ kind: "invalidate", tags }),
    });
    return {
      services,
      close: async () => {
        await services.wire.parser.close();
        await settleWithin(purge?.idle(), 5000);
        await bus?.close();
        mediaStores?.close();
        await database.close();
      },
    };
  } catch (error) {
    mediaStores?.close();
    await bus?.close();
    await database.close();
    throw error;
  }
}

/** Listens on the configured port; resolves once the socket is bound. */
export interface RunningServer {
  readonly port: number;
  /** The separate metrics listener's port (METRICS_PORT), when there is one. */
  readonly metricsPort: number | undefined;
  /** Requests whose response has not finished (live streams included). */
  readonly inFlight: number;
  /**
   * Graceful stop: marks the instance not ready, stops accepting, tells live streams to
   * reconnect elsewhere, and waits (at most `timeoutMs`) for in-flight requests to finish
   * before cutting what is left. Resolves with what happened, for the shutdown log.
   */
  drain(timeoutMs: number): Promise<{ readonly finished: boolean; readonly cut: number }>;
  /** Immediate stop (tests): every connection is closed at once. */
  stop(): Promise<void>;
}

/**
 * How long a draining server still answers requests on connections kept alive from before:
 * long enough for a client that was mid-exchange to send its next request and be told the
 * connection ends; idle connections that send nothing in it are closed.
 */
const keepAliveGraceMs = 1000;

export async function startServer(newsdesk: Newsdesk): Promise<RunningServer> {
  const { config, metrics } = newsdesk;
  const pages = createRequestHandler({
    app: newsdesk.app,
    cache: newsdesk.pageCache,
    live: newsdesk.live,
    security: securityHeaderOptions(newsdesk.config.publicUrl),
    reach: fastPathReach({
      mirrors: newsdesk.mirrorDirectory,
      trusted: trustedProxies(config.trustedProxies),
    }),
  });
  // With METRICS_TOKEN, /metrics is answered before the page cache and the router; without
  // it the path is unknown like any other (404).
  const scrape = config.metricsToken ? metricsEndpoint(metrics, config.metricsToken) : undefined;
  const handler = withAccessLog(
    metrics.instrument(
      scrape
        ? (req, res) => {
            if (!scrape(req, res)) pages(req, res);
          }
        : pages,
    ),
    {
      logger: newsdesk.logger,
      trusted: trustedProxies(config.trustedProxies),
      sample: config.accessLogSample,
    },
  );
  // Requests whose response has not finished, and open connections: what a drain waits for.
  let inFlight = 0;
  let connections = 0;
  let draining = false;
  const changed = new Set<() => void>();
  const notify = () => {
    for (const check of changed) check();
  };
  /** Resolves true once `done()` holds, false when `ms` pass first. */
  const until = (done: () => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      if (done()) return resolve(true);
      const finish = (result: boolean) => {
        clearTimeout(timer);
        changed.delete(check);
        resolve(result);
      };
      const check = () => {
        if (done()) finish(true);
      };
      const timer = setTimeout(() => finish(false), Math.max(0, ms));
      timer.unref();
      changed.add(check);
    });
  const server = createHttpServer((req, res) => {
    inFlight++;
    res.once("close", () => {
      inFlight--;
      notify();
    });
    // While draining, a request that arrives on a kept-alive connection is answered, and the
    // answer says the connection ends (RFC 9112 §9.6): the client opens its next one elsewhere.
    if (draining) res.setHeader("Connection", "close");
    handler(req, res);
  });
  server.on("connection", (socket) => {
    connections++;
    socket.once("close", () => {
      connections--;
      notify();
    });
  });
  const closed = new Promise<void>((resolve) => server.once("close", () => resolve()));
  const metricsServer = config.metricsListen
    ? await startMetricsServer(metrics, config.metricsListen)
    : undefined;
  return new Promise((resolve, reject) => {
    server.once("error", (error) => {
      void metricsServer?.close();
      reject(error);
    });
    // A deep accept queue: under a spike, a full queue makes clients retry their SYN after a
    // second, which is what readers would see as the slowest page loads.
    server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : config.port,
        metricsPort: metricsServer?.port,
        get inFlight() {
          return inFlight;
        },
        drain: async (timeoutMs) => {
          const deadline = Date.now() + timeoutMs;
          newsdesk.lifecycle.draining = true;
          draining = true;
          // Stops accepting new connections but keeps the idle keep-alive ones: http.Server's
          // own close() would drop those at once, and a client whose next request is already
          // on the wire would see its connection reset instead of an answer.
          NetServer.prototype.close.call(server);
          newsdesk.live.close({ retryMs: 1000 });
          newsdesk.newsroomEvents.close(1000);
          // The grace window: each connection that carries one more request gets its answer
          // with `Connection: close` and ends; those still silent after it are closed idle.
          await until(() => connections === 0, Math.min(keepAliveGraceMs, timeoutMs));
          server.closeIdleConnections();
          const finished = await until(() => inFlight === 0, deadline - Date.now());
          const cut = inFlight;
          server.closeAllConnections();
          // http.Server's close() now, for its timers (the connections are gone already).
          server.close();
          await closed;
          // Scraped until the end: the drain itself shows on the dashboards.
          await metricsServer?.close();
          return { finished, cut };
        },
        stop: async () => {
          newsdesk.live.close();
          server.closeAllConnections();
          server.close();
          await closed;
          await metricsServer?.close();
        },
      });
    });
  });
}

/** Waits for `work`, at most `ms`; never throws. */
async function settleWithin(work: Promise<void> | undefined, ms: number): Promise<void> {
  if (!work) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * The CDN purge queue for the configured provider (CDN_PURGE_PROVIDER), or none. Purges go
 * through the outbound guard; an endpoint the operator set in CDN_PURGE_URL may be a private
 * or loopback address (a Varnish beside Newsdesk, an egress proxy): the guard is against
 * addresses that users choose (webhooks, wire sources), and this one comes from the
 * deployment's own environment. Fastly's and Cloudflare's own API hosts are public, and a
 * private answer for them (a poisoned resolver) is refused.
 */
function cdnPurgeQueue(
  config: Config,
  logger: Logger,
  metrics?: CdnPurgeMetrics,
): CdnPurgeQueue | undefined {
  const settings = config.cdnPurge;
  if (!settings) return undefined;
  return new CdnPurgeQueue({
    adapter: cdnPurgeAdapter(settings),
    outbound: new OutboundHttp({ allowPrivate: settings.url !== undefined }),
    logger,
    ...(metrics ? { metrics } : {}),
  });
}
