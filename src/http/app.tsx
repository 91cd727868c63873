import { Hono } from "hono";
import type { Logger } from "pino";
import type { PageCache } from "../cache/page-cache.js";
import type { Clock } from "../domain/clock.js";
import type { EpisodeReader } from "../domain/episodes/episode-reader.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import type { LiveReader } from "../domain/live/live-reader.js";
import type { MediaObjects } from "../domain/media/media-objects.js";
import type { MirrorListPublisher } from "../domain/mirrors/mirror-list.js";
import type { ProgrammeReader } from "../domain/programmes/programme-reader.js";
import type { ReaderService } from "../domain/reader/reader-service.js";
import { serviceByUrlPrefix, services } from "../domain/services/service-registry.js";
import { MessagePage } from "../render/reader/MessagePage.js";
import { renderContext } from "../render/reader/render-context.js";
import { renderHtml } from "../render/render-html.js";
import { apiRoutes, type DistributionHttpDeps } from "./api-routes.js";
import { brandRoutes } from "./brand-routes.js";
import { type ClipMediaDeps, clipMediaRoutes } from "./clip-media-routes.js";
import { compressHtml } from "./compress-html.js";
import { feedRoutes } from "./feed-routes.js";
import { mediaRoutes } from "./media-routes.js";
import { mirrorListRoutes } from "./mirror-list-routes.js";
import type { NewsroomRouter } from "./newsroom/newsroom-router.js";
import { newsroomStatic } from "./newsroom-static.js";
import { packageRoutes } from "./package-routes.js";
import { pageCacheMiddleware, revalidateAlways, setCacheHeaders } from "./page-cache-middleware.js";
import { playerRoutes } from "./player-routes.js";
import { podcastRoutes } from "./podcast-routes.js";
import { problemResponse } from "./problem-json.js";
import { type ReachDeps, reachMiddleware } from "./reach.js";
import { type ReachPageSource, type ReaderLanguages, readerRoutes } from "./reader-routes.js";
import { securityHeaderOptions, securityHeadersToSet } from "./security-headers.js";
import { sitemapRoutes } from "./sitemap-routes.js";

export interface AppDeps {
  /** Rendered pages, feeds and API responses, invalidated by tag. */
  readonly pageCache: PageCache;
  readonly reader: ReaderService;
  /** Programme pages, the broadcast schedule and the home page's "on now". */
  readonly programmes: ProgrammeReader;
  /** Episode pages, programme pages' episodes and podcast feeds (issue 17). */
  readonly episodes?: EpisodeReader;
  /** Media bytes wherever they are (ADR 0014). */
  readonly media: MediaObjects;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly publicUrl: string;
  readonly publisherName: string;
  /** Feeds, sitemaps, robots.txt and the content API. */
  readonly distribution: DistributionHttpDeps;
  /** The newsroom API: one router, every route declared (src/http/newsroom/mount.ts). */
  readonly newsroom: NewsroomRouter;
  /** Where the built newsroom app (Vite output) lives. */
  readonly newsroomUiDir: string;
  /** `POST /ingest/push/:sourceId`: agencies push wire copy with their own token. */
  readonly wirePush: Hono;
  /** Language versions (switcher, hreflang) and full-text reader search. */
  readonly languages: ReaderLanguages;
  /** What /readyz reports: the database answers, migrations are current, not draining. */
  readonly readiness: Readiness;
  /** Audio and video files, HLS and captions for readers; absent without a media store. */
  readonly clipMedia?: ClipMediaDeps;
  /** Live pages' posts for readers (src/domain/live). */
  readonly live?: LiveReader;
  /** The signed `/mirrors.json` (issue 16). */
  readonly mirrorList: MirrorListPublisher;
  /** Mirror hosts and path prefixes (issue 16); without it pages are served as rendered. */
  readonly reach?: ReachDeps;
  /** The "Can't reach us?" pages' mirrors, public key and offline packages (issue 16). */
  readonly reachPage?: ReachPageSource;
  /** PACKAGES_DIR: signed offline packages served at /_/packages/ (issue 16). */
  readonly packagesDir?: string;
}

interface Readiness {
  /** Resolves when the database answers; rejects otherwise. */
  readonly checkDatabase: () => Promise<void>;
  /** Whether every migration this code knows has been applied. */
  readonly migrationsCurrent: () => Promise<boolean>;
  /** True once shutdown has begun: load balancers should send traffic elsewhere. */
  readonly draining: () => boolean;
}

/** Builds the whole HTTP app without listening (tests call `app.request()`). */
export function buildApp(deps: AppDeps): Hono {
  const app = new Hono();
  const security = securityHeaderOptions(deps.publicUrl);

  // The same function builds the page cache's replies, so hits and misses match.
  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeadersToSet(c.res.headers, security))) {
      c.header(name, value);
    }
  });

  // Outside the page cache and the compressor: the cache holds the host-independent page,
  // and each mirror host or path prefix gets its own links and footer line on the way out.
  if (deps.reach) app.use(reachMiddleware(deps.reach));
  // Outside the page cache, so what the cache stores is always the identity body.
  app.use(compressHtml());
  app.use(pageCacheMiddleware(deps.pageCache, security));

  // Liveness: the process answers. Kubernetes-style probes restart a process that fails it,
  // so it must not depend on the database (an outage would restart every instance at once).
  app.get("/healthz", (c) => c.json({ status: "ok" }, 200, { "Cache-Control": "no-store" }));

  // Readiness: whether this instance should get traffic now (docs/ops/README.md).
  app.get("/readyz", async (c) => {
    const noStore = { "Cache-Control": "no-store" };
    if (deps.readiness.draining()) {
      return c.json({ status: "draining" }, 503, { ...noStore, "Retry-After": "1" });
    }
    try {
      await deps.readiness.checkDatabase();
    } catch (error) {
      deps.logger.warn({ err: error }, "readiness: database unreachable");
      return c.json({ status: "unavailable", database: "unreachable" }, 503, noStore);
    }
    if (!(await deps.readiness.migrationsCurrent())) {
      return c.json({ status: "migrating", database: "ok", migrations: "pending" }, 503, noStore);
    }
    return c.json({ status: "ready", database: "ok", migrations: "current" }, 200, noStore);
  });

  if (deps.clipMedia) {
    app.route("/", clipMediaRoutes(deps.clipMedia));
    app.route("/", playerRoutes());
  }
  app.route("/", mediaRoutes({ media: deps.media, logger: deps.logger }));

  app.route("/", apiRoutes(deps.distribution));
  app.route("/", feedRoutes(deps.distribution));
  app.route("/", mirrorListRoutes({ mirrorList: deps.mirrorList, clock: deps.clock }));
  if (deps.packagesDir) app.route("/", packageRoutes({ dir: deps.packagesDir }));
  app.route("/", sitemapRoutes(deps.distribution));
  app.route("/newsroom/api", deps.newsroom.app);
  app.route("/ingest", deps.wirePush);
  const newsroomApp = newsroomStatic(deps.newsroomUiDir);
  app.get("/newsroom", (c) => c.redirect("/newsroom/", 301));
  app.get("/newsroom/*", newsroomApp);

  app.route("/", brandRoutes());
  if (deps.episodes) {
    app.route(
      "/",
      podcastRoutes({
        ...deps,
        episodes: deps.episodes,
        ...(deps.reachPage ? { mirrors: deps.reachPage.mirrors } : {}),
      }),
    );
  }
  app.route("/", readerRoutes(deps));

  app.notFound(async (c) => {
    const prefix = new URL(c.req.url).pathname.split("/")[1] ?? "";
    const service = serviceByUrlPrefix(prefix) ?? services.en;
    const ctx = renderContext({
      service,
      textSize: "md",
      path: new URL(c.req.url).pathname,
      publicUrl: deps.publicUrl,
      publisherName: deps.publisherName,
      now: deps.clock.now(),
    });
    const chrome = await deps.reader.chrome(service);
    // Not stored (an address anyone can invent) and revalidated: it may be published soon.
    setCacheHeaders(c, revalidateAlways);
    return c.html(
      renderHtml(
        <MessagePage
          ctx={ctx}
          chrome={chrome}
          title={ctx.t.t("notFound.title")}
          body={ctx.t.t("notFound.body")}
        />,
      ),
      404,
    );
  });

  app.onError((error, c) => {
    if (isNewsdeskError(error) && error.status < 500) {
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === "number") c.header("Retry-After", String(retryAfter));
      // Conflicts carry both versions so the editor can show them side by side.
      const extra =
        error.code === "REVISION_CONFLICT" ||
        error.code === "VALIDATION_FAILED" ||
        error.code === "LIVE_SETTINGS_CONFLICT" ||
        error.code === "LIVE_POST_CONFLICT" ||
        // Each WebVTT mistake with its line, for the captions editor to point at.
        error.code === "CAPTIONS_INVALID" ||
        // The episodes that still play a clip, for the newsroom to name.
        error.code === "CLIP_IN_USE"
          ? { ...error.details }
          : {};
      return problemResponse(c, error.code, error.message, extra);
    }
    deps.logger.error({ err: error, path: c.req.path }, "request failed");
    return problemResponse(c, "INTERNAL");
  });

  return app;
}
