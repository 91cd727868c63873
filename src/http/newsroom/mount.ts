import type { Logger } from "pino";
import type { ApiKeyService } from "../../domain/api/api-key-service.js";
import type { AuditLog } from "../../domain/audit/audit-log.js";
import type { BreakingAlertService } from "../../domain/breaking/breaking-alert.js";
import type { BreakingNewsService } from "../../domain/breaking/breaking-news-service.js";
import type { ClipService } from "../../domain/clips/clip-service.js";
import type { Clock } from "../../domain/clock.js";
import type { CommentService } from "../../domain/comments/comment-service.js";
import type { CurationService } from "../../domain/curation/curation-service.js";
import type { WebhookService } from "../../domain/distribution/webhook-service.js";
import type { EpisodeService } from "../../domain/episodes/episode-service.js";
import type { LiveService } from "../../domain/live/live-service.js";
import type { MediaService } from "../../domain/media/media-service.js";
import type { MirrorService } from "../../domain/mirrors/mirror-service.js";
import type { CatalogRepository } from "../../domain/people/catalog-repository.js";
import type { CatalogService } from "../../domain/people/catalog-service.js";
import type { PresenceService } from "../../domain/presence/presence-service.js";
import type { ProgrammeService } from "../../domain/programmes/programme-service.js";
import type { ReaderService } from "../../domain/reader/reader-service.js";
import type { SearchService } from "../../domain/search/search-service.js";
import type { StoryService } from "../../domain/stories/story-service.js";
import type { TranslationService } from "../../domain/translations/translation-service.js";
import type { AuthService } from "../../domain/users/auth-service.js";
import type { SecondFactorService } from "../../domain/users/second-factor-service.js";
import type { UserService } from "../../domain/users/user-service.js";
import type { WritingSettingsService } from "../../domain/writing/writing-settings-service.js";
import { clientIpOf, type TrustedProxies } from "../client-ip.js";
import { problemResponse } from "../problem-json.js";
import { accountRoutes } from "./account-routes.js";
import { sessionOrTokenAuthenticator } from "./authenticate.js";
import { breakingRoutes } from "./breaking-routes.js";
import { catalogRoutes } from "./catalog-routes.js";
import { clipRoutes } from "./clip-routes.js";
import { commentRoutes } from "./comment-routes.js";
import { curationRoutes } from "./curation-routes.js";
import { episodeRoutes } from "./episode-routes.js";
import { eventRoutes, type NewsroomEvents } from "./events.js";
import { liveRoutes } from "./live-routes.js";
import { mediaRoutes } from "./media-routes.js";
import { mirrorRoutes } from "./mirror-routes.js";
import { type Authenticator, NewsroomRouter, type RouterLimits } from "./newsroom-router.js";
import { programmeRoutes } from "./programme-routes.js";
import { searchRoutes } from "./search-routes.js";
import { sessionRoutes } from "./session-routes.js";
import { storyRoutes } from "./story-routes.js";
import { syndicationRoutes } from "./syndication-routes.js";
import { translationRoutes } from "./translation-routes.js";
import { userRoutes } from "./user-routes.js";
import { type WireRouteDeps, wireRoutes } from "./wire-routes.js";
import { writingRoutes } from "./writing-routes.js";

/** Everything the newsroom API calls: domain services only, no repositories. */
export interface NewsroomApiDeps {
  readonly auth: AuthService;
  readonly secondFactors: SecondFactorService;
  readonly users: UserService;
  readonly stories: StoryService;
  readonly catalog: CatalogRepository;
  /** Management of people, desks, topics, sections and agencies. */
  readonly catalogAdmin: CatalogService;
  readonly media: MediaService;
  readonly breaking: BreakingNewsService;
  readonly alerts: BreakingAlertService;
  readonly presence: PresenceService;
  readonly audit: AuditLog;
  readonly reader: ReaderService;
  readonly curation: CurationService;
  readonly programmes: ProgrammeService;
  /** Episodes beside the story editor (issue 17). */
  readonly episodes?: EpisodeService;
  readonly translations: TranslationService;
  readonly search: SearchService;
  readonly webhooks: WebhookService;
  readonly apiKeys: ApiKeyService;
  readonly writingSettings: WritingSettingsService;
  /** Each service's mirror list (issue 16), administrators only. */
  readonly mirrors: MirrorService;
  /** Story comments, mentions and notifications. */
  readonly comments: CommentService;
  /** Live pages: settings and posts (issue 15). */
  readonly livePages: LiveService;
  /** The wire desk's queue, story links, flags and sources. */
  readonly wire: WireRouteDeps;
  readonly events: NewsroomEvents;
  readonly clock: Clock;
  readonly publicUrl: string;
  /** TRUSTED_PROXIES: whose X-Forwarded-For names the client (log-in throttling, audit). */
  readonly trustedProxies: TrustedProxies;
  readonly publisherName: string;
  /** Upload limit for media, in bytes. */
  readonly maxUploadBytes: number;
  /** Audio and video clips; absent where no media object store is configured. */
  readonly clips?: ClipService;
  /** Where security events go (the app's pino logger); none in some unit tests. */
  readonly logger?: Logger;
  /** Told each security event's outcome as well (the metrics' log-in counters). */
  readonly onSecurityOutcome?: (event: string, outcome: SecurityOutcome) => void;
  /** Tests inject a stub; production resolves sessions and API tokens. */
  readonly authenticate?: Authenticator;
  readonly limits?: Partial<RouterLimits>;
}

/**
 * The routes whose every outcome goes to the security log (OWASP Logging Cheat Sheet: log-in
 * successes and failures, privilege changes, credentials issued or revoked, account
 * changes), with the actor, the client address and the request id.
 */
const securityEvents: ReadonlyMap<string, string> = new Map([
  ["POST /session", "login"],
  ["DELETE /session", "logout"],
  ["POST /session/logout-everywhere", "logout.everywhere"],
  ["POST /account/password", "password.changed"],
  ["POST /account/reauthenticate", "reauthenticated"],
  ["POST /account/2fa/confirm", "2fa.enabled"],
  ["POST /account/2fa/disable", "2fa.disabled"],
  ["POST /account/2fa/recovery-codes", "2fa.recovery-codes.regenerated"],
  ["POST /users", "user.created"],
  ["PUT /users/:id/grants", "user.grants.changed"],
  ["POST /users/:id/reset-password", "user.password.reset"],
  ["POST /users/:id/disable", "user.disabled"],
  ["POST /users/:id/enable", "user.enabled"],
  ["POST /users/:id/sessions/end", "user.sessions.ended"],
  ["POST /tokens", "token.created"],
  ["DELETE /tokens/:id", "token.revoked"],
  ["POST /api-keys", "api-key.created"],
  ["DELETE /api-keys/:id", "api-key.revoked"],
  ["POST /webhooks", "webhook.created"],
  ["DELETE /webhooks/:id", "webhook.removed"],
]);

export type SecurityOutcome = "success" | "throttled" | "failure";

/** 429 is a throttle (log-in attempts), any other 4xx/5xx a failure. */
function outcomeOf(status: number): SecurityOutcome {
  if (status === 429) return "throttled";
  return status < 400 ? "success" : "failure";
}

/**
 * The newsroom API, mounted at `/newsroom/api` by the app: one router, every route declared
 * (docs/newsroom-api.md lists them with their action and scope).
 */
export function newsroomApi(deps: NewsroomApiDeps): NewsroomRouter {
  const { logger, onSecurityOutcome } = deps;
  const router = new NewsroomRouter({
    authenticate: deps.authenticate ?? sessionOrTokenAuthenticator(deps.auth),
    publicUrl: deps.publicUrl,
    ...(deps.limits ? { limits: deps.limits } : {}),
    securityEvents,
    ...(logger || onSecurityOutcome
      ? {
          onSecurityEvent: (c, record) => {
            const outcome = outcomeOf(record.status);
            onSecurityOutcome?.(record.event, outcome);
            logger?.info(
              {
                security: record.event,
                outcome,
                status: record.status,
                actorId: record.actorId,
                ...(record.email ? { email: record.email } : {}),
                ip: clientIpOf(c, deps.trustedProxies),
                reqId: c.req.header("x-request-id"),
              },
              "security event",
            );
          },
        }
      : {}),
  });
  sessionRoutes(router, deps);
  accountRoutes(router, deps);
  storyRoutes(router, deps);
  commentRoutes(router, deps);
  breakingRoutes(router, deps);
  curationRoutes(router, deps);
  programmeRoutes(router, deps);
  if (deps.episodes) episodeRoutes(router, { episodes: deps.episodes });
  if (deps.clips) clipRoutes(router, { clips: deps.clips, audit: deps.audit });
  mediaRoutes(router, deps);
  userRoutes(router, deps);
  catalogRoutes(router, deps);
  translationRoutes(router, deps);
  searchRoutes(router, deps);
  syndicationRoutes(router, deps);
  wireRoutes(router, deps.wire);
  writingRoutes(router, deps);
  liveRoutes(router, deps);
  mirrorRoutes(router, deps);
  eventRoutes(router, deps);
  router.notFound((c) => problemResponse(c, "NOT_FOUND", "No such newsroom API route."));
  return router;
}
