import { fileURLToPath } from "node:url";
import type { Hono } from "hono";
import { sql } from "kysely";
import { type Logger, pino } from "pino";
import {
  type ChangeBus,
  ClusterChangeBus,
  LocalChangeBus,
  PgChangeBus,
} from "./cache/change-bus.js";
import { LiveUpdates } from "./cache/live-updates.js";
import { PageCache } from "./cache/page-cache.js";
import type { Config } from "./config/config.js";
import { demoAccounts } from "./demo/demo-accounts.js";
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
import { type Clock, systemClock } from "./domain/clock.js";
import { DistributionService } from "./domain/distribution/distribution-service.js";
import { WebhookService } from "./domain/distribution/webhook-service.js";
import { JobRunner } from "./domain/jobs/job-queue.js";
import { defaultMediaLimits, MediaService } from "./domain/media/media-service.js";
import { PresenceService } from "./domain/presence/presence-service.js";
import { ReaderService } from "./domain/reader/reader-service.js";
import { SearchService } from "./domain/search/search-service.js";
import type { StoryEventListener } from "./domain/stories/story-events.js";
import { StoryService } from "./domain/stories/story-service.js";
import { TranslationService } from "./domain/translations/translation-service.js";
import { type AuthPolicy, AuthService, defaultAuthPolicy } from "./domain/users/auth-service.js";
import type { PasswordHasher } from "./domain/users/password-hasher.js";
import type { CommonPasswords } from "./domain/users/password-policy.js";
import { SecondFactorService } from "./domain/users/second-factor-service.js";
import { UserService } from "./domain/users/user-service.js";
import { buildApp } from "./http/app.js";
import { trustedProxies } from "./http/client-ip.js";
import { LiveHub } from "./http/live-hub.js";
import { NewsroomEvents } from "./http/newsroom/events.js";
import { newsroomApi as createNewsroomApi } from "./http/newsroom/mount.js";
import type { NewsroomRouter } from "./http/newsroom/newsroom-router.js";
import { securityHeaderOptions } from "./http/security-headers.js";
import { createHttpServer, createRequestHandler } from "./http/server.js";
import { wirePushRoutes } from "./http/wire-push-routes.js";
import { DropRoots } from "./ingest/drop-directory.js";
import { SharpImageProcessor } from "./media/sharp-image-processor.js";
import { ninjsDocument, ninjsWithdrawal } from "./render/feeds/ninjs-document.js";
import { Argon2PasswordHasher } from "./security/argon2-password-hasher.js";
import { BundledCommonPasswords } from "./security/common-password-list.js";
import { OutboundHttp } from "./security/outbound-http.js";
import { type Database, migrateToLatest, openDatabase } from "./storage/database.js";
import { hasAnyStory, type Repositories, sqlRepositories } from "./storage/repositories.js";
import { createWireDesk, type WireDesk, wireSqlRepositories } from "./wire-desk.js";

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
  /** Server-Sent Events to open reader pages. */
  readonly live: LiveHub;
  readonly liveUpdates: LiveUpdates;
  /** Demo accounts present in this database (printed at start), or none. */
  readonly demoAccounts: readonly { email: string; password: string; role: string }[];
  /** Feeds, sitemaps and API read models, content-API keys and partner webhooks. */
  /** Linked translations (stale flags) and full-text search across services. */
  readonly languages: {
    readonly translations: TranslationService;
    readonly search: SearchService;
  };
  readonly distribution: {
    readonly service: DistributionService;
    readonly apiKeys: ApiKeyService;
    readonly webhooks: WebhookService;
  };
  /** Starts background work: scheduled publishing, AVIF renditions, other jobs. */
  startBackground(intervalMs?: number): void;
  /** Wire ingest: the queue, sources and the pull/drop-directory scheduler. */
  readonly wire: WireDesk;
  close(): Promise<void>;
}

/** The domain services, shared by HTTP, CLI and background jobs. */
export interface NewsroomServices {
  readonly stories: StoryService;
  readonly media: MediaService;
  readonly breaking: BreakingNewsService;
  readonly alerts: BreakingAlertService;
  readonly reader: ReaderService;
  readonly auth: AuthService;
  /** TOTP enrolment, recovery codes, second-factor checks. */
  readonly secondFactors: SecondFactorService;
  readonly users: UserService;
  readonly audit: AuditLog;
  readonly presence: PresenceService;
  readonly jobs: JobRunner;
  /** Everyone told about committed story changes; features add themselves here. */
  readonly storyListeners: StoryEventListener[];
}

export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({ level: config.logLevel, base: { service: "newsdesk" } });
}

export interface CreateNewsdeskOptions {
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly seed?: boolean;
  /** Lower argon2 cost for tests; production uses the OWASP minimum. */
  readonly passwordHasher?: PasswordHasher;
}

export function buildServices(
  repositories: Repositories,
  deps: {
    clock: Clock;
    logger: Logger;
    hasher: PasswordHasher;
    /** Session lifetimes and REQUIRE_2FA, from the config. */
    authPolicy: AuthPolicy;
    /** Shown in authenticator apps above the account: the publisher's name. */
    secondFactorIssuer: string;
    commonPasswords: CommonPasswords;
    onBannerChange?: BannerChangeListener;
  },
): NewsroomServices {
  const { clock, logger } = deps;
  const images = new SharpImageProcessor({ maxPixels: defaultMediaLimits.maxPixels });
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
  const media = new MediaService({
    repository: repositories.media,
    images,
    clock,
    scheduleBackground: async (mediaId) => {
      await jobs.enqueue("media.avif", { mediaId });
    },
  });
  const breaking = new BreakingNewsService({
    repository: repositories.breaking,
    clock,
    ...(deps.onBannerChange ? { onChange: deps.onBannerChange } : {}),
  });
  jobs.handle("media.avif", async (job) => {
    await media.makeAvifRenditions(String(job.payload.mediaId));
  });
  const secondFactors = new SecondFactorService({
    factors: repositories.secondFactors,
    clock,
    issuer: deps.secondFactorIssuer,
    recentAuthenticationMs: deps.authPolicy.recentAuthenticationMs,
  });
  jobs.everyPoll(async () => {
    const published = await stories.publishDue();
    if (published.length > 0)
      logger.info({ stories: published.map((s) => s.id) }, "scheduled stories published");
  });
  return {
    stories,
    media,
    breaking,
    alerts: new BreakingAlertService({
      alerts: repositories.alerts,
      banners: breaking,
      bannerRepository: repositories.breaking,
      clock,
    }),
    reader: new ReaderService({ ...repositories, clock }),
    auth: new AuthService({
      users: repositories.users,
      hasher: deps.hasher,
      clock,
      secondFactors,
      commonPasswords: deps.commonPasswords,
      policy: deps.authPolicy,
    }),
    secondFactors,
    users: new UserService({
      users: repositories.users,
      hasher: deps.hasher,
      clock,
      commonPasswords: deps.commonPasswords,
    }),
    audit,
    presence: new PresenceService({ repository: repositories.presence, clock }),
    jobs,
    storyListeners,
  };
}

/** The composition root: open the database, migrate, build services and the HTTP app. */
export async function createNewsdesk(
  config: Config,
  options: CreateNewsdeskOptions = {},
): Promise<Newsdesk> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(database);
    if (applied.length > 0) logger.info({ migrations: applied }, "database migrated");
    const repositories = sqlRepositories(database);
    const hasher = options.passwordHasher ?? new Argon2PasswordHasher();
    // Live updates: page cache, fan-out between instances, and SSE to open reader pages.
    const pageCache = new PageCache({ maxBytes: config.pageCacheBytes });
    const bus: ChangeBus =
      database.dialect === "postgres"
        ? await PgChangeBus.connect(config.databaseUrl, logger)
        : config.clusterWorker
          ? new ClusterChangeBus()
          : new LocalChangeBus();
    let live: LiveUpdates | undefined;
    const services = buildServices(repositories, {
      clock,
      logger,
      hasher,
      authPolicy: {
        ...defaultAuthPolicy,
        idleMs: config.sessionIdleMs,
        sessionMs: config.sessionAbsoluteMs,
        requireSecondFactor: config.requireSecondFactor,
      },
      secondFactorIssuer: config.publisherName,
      commonPasswords: new BundledCommonPasswords(),
      onBannerChange: async (serviceId, banner, previous) =>
        live?.onBannerChange(serviceId, banner, previous),
    });
    const hub = new LiveHub({ current: (serviceId) => services.breaking.active(serviceId) });
    live = new LiveUpdates({
      cache: pageCache,
      bus,
      stories: repositories.stories,
      banners: hub,
      logger,
      ...(config.cdnPurgeUrl ? { purge: cdnPurger(config.cdnPurgeUrl) } : {}),
    });
    services.storyListeners.push(live);
    // The newsroom's live wire queue and kill flags (GET /newsroom/api/events).
    const wireRepositories = wireSqlRepositories(database);
    const newsroomEvents = new NewsroomEvents({
      findItem: (itemId) => wireRepositories.items.findItem(itemId),
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
    const wire = createWireDesk({
      listeners: [newsroomEvents],
      repositories: wireRepositories,
      stories: services.stories,
      storyRepository: repositories.stories,
      catalog: repositories.catalog,
      clock,
      logger,
      outbound: new OutboundHttp({ allowPrivate: config.wireAllowPrivate }),
      dropRoots: new DropRoots(config.wireDropRoots),
    });
    const distribution = new DistributionService(repositories);
    const apiKeys = new ApiKeyService({ repository: repositories.distribution, clock });
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
    });
    services.storyListeners.push(webhooks);
    // Linked translations are flagged stale when their source is updated or corrected.
    const translations = new TranslationService({
      stories: services.stories,
      storyRepository: repositories.stories,
      translations: repositories.translations,
      catalog: repositories.catalog,
      clock,
    });
    services.storyListeners.push(translations);
    const search = new SearchService({
      search: repositories.search,
      clock,
    });
    // Deliveries are database rows: every poll sends what is due, so retries survive
    // restarts and any instance can send them.
    services.jobs.everyPoll(() => webhooks.deliverDue());
    const shouldSeed =
      options.seed ??
      (config.seedDemo === "always" ||
        (config.seedDemo === "auto" && !(await hasAnyStory(database))));
    if (shouldSeed) {
      const images = new SharpImageProcessor({ maxPixels: defaultMediaLimits.maxPixels });
      const seeded = await seedDemo({ repositories, images, now: clock.now() });
      for (const account of demoAccounts) {
        if (!(await services.users.findByEmail(account.email))) {
          await services.users.create(systemActor("demo seed"), account);
        }
      }
      logger.info(seeded, "demo newsroom seeded");
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
      catalog: repositories.catalog,
      translations,
      search,
      webhooks,
      apiKeys,
      wire,
      events: newsroomEvents,
      clock,
      publicUrl: config.publicUrl,
      trustedProxies: trustedProxies(config.trustedProxies),
      publisherName: config.publisherName,
      maxUploadBytes: defaultMediaLimits.maxBytes,
    });
    const app = buildApp({
      pageCache,
      reader: services.reader,
      languages: { translations, search },
      media: repositories.media,
      clock,
      logger,
      publicUrl: config.publicUrl,
      publisherName: config.publisherName,
      distribution: {
        distribution,
        apiKeys,
        rateLimiter: new RateLimiter({ clock, store: repositories.rateWindows }),
        clock,
        publicUrl: config.publicUrl,
        publisherName: config.publisherName,
      },
      newsroom: newsroomApi,
      wirePush: wirePushRoutes({ ingest: wire.ingest, sources: wire.sources, logger }),
      newsroomUiDir: fileURLToPath(new URL("../dist/newsroom-ui/", import.meta.url)),
      checkDatabase: async () => {
        await sql`select 1`.execute(database.db);
      },
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
      live: hub,
      liveUpdates: live,
      demoAccounts: present.map((a) => ({ email: a.email, password: a.password, role: a.role })),
      languages: { translations, search },
      distribution: { service: distribution, apiKeys, webhooks },
      wire,
      startBackground: (intervalMs) => {
        services.jobs.start(intervalMs);
        wire.scheduler.start();
      },
      close: async () => {
        services.jobs.stop();
        hub.close();
        await bus.close();
        await wire.scheduler.stop();
        await wire.parser.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Listens on the configured port; resolves once the socket is bound. */
export async function startServer(
  newsdesk: Newsdesk,
): Promise<{ port: number; stop(): Promise<void> }> {
  const { config } = newsdesk;
  const server = createHttpServer(
    createRequestHandler({
      app: newsdesk.app,
      cache: newsdesk.pageCache,
      live: newsdesk.live,
      security: securityHeaderOptions(newsdesk.config.publicUrl),
    }),
  );
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    // A deep accept queue: under a spike, a full queue makes clients retry their SYN after a
    // second, which is what readers would see as the slowest page loads.
    server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => {
      const address = server.address();
      resolve({
        port: typeof address === "object" && address ? address.port : config.port,
        stop: () =>
          new Promise<void>((done) => {
            newsdesk.live.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Purges CDN objects by tag: POSTs `{ "tags": [...] }` to the configured endpoint. */
function cdnPurger(url: string) {
  return async (tags: readonly string[]) => {
    await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ tags }),
      signal: AbortSignal.timeout(5000),
    });
  };
}
