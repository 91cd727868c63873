import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { cacheTags, embedTags } from "../domain/cache/cache-tags.js";
import type {
  DistributionService,
  FeedScope,
} from "../domain/distribution/distribution-service.js";
import { liveCacheTags } from "../domain/live/live-cache-tags.js";
import { type ServiceConfig, serviceByUrlPrefix } from "../domain/services/service-registry.js";
import { atomFeed } from "../render/feeds/atom-feed.js";
import { feedDocument } from "../render/feeds/feed-document.js";
import {
  type FeedFormat,
  feedPaths,
  feedPathsForPage,
  scopePagePath,
} from "../render/feeds/feed-urls.js";
import { jsonFeed } from "../render/feeds/json-feed.js";
import { type LiveFeedInput, liveFeedDocument } from "../render/feeds/live-feed-document.js";
import { rssFeed } from "../render/feeds/rss-feed.js";
import { parseStorySegment, storyUrl } from "../render/reader-urls.js";
import { entityTag, httpDate, isNotModified } from "./conditional-get.js";
import {
  type CacheHeaders,
  cacheExpiresHeader,
  declareCacheQuery,
  pageCacheHeaders,
} from "./page-cache-middleware.js";
import { problemResponse } from "./problem-json.js";

export interface FeedRoutesDeps {
  readonly distribution: DistributionService;
  readonly publicUrl: string;
  readonly publisherName: string;
  /** A published live page and its latest posts, for its own feeds. */
  readonly liveFeed?: (
    service: ServiceConfig,
    storyId: string,
  ) => Promise<
    Omit<LiveFeedInput, "publicUrl" | "publisherName" | "fullText" | "selfPaths"> | undefined
  >;
}

const file = ":file{rss\\.xml|atom\\.xml|feed\\.json}";
const formatByFile: Record<string, FeedFormat> = {
  "rss.xml": "rss",
  "atom.xml": "atom",
  "feed.json": "json",
};
const mediaTypes: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};
const feedQuery = z.object({ content: z.enum(["summary", "full"]).default("summary") });

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 for a service and for each section, topic, person
 * and desk in it. Handlers validate, ask the DistributionService, and serialize.
 */
export function feedRoutes(deps: FeedRoutesDeps): Hono {
  const app = new Hono();

  const serve = async (c: Context, scopeOf: (c: Context) => FeedScope) => {
    const service = serviceByUrlPrefix(c.req.param("prefix") ?? "");
    if (!service) return c.notFound();
    const query = feedQuery.safeParse(c.req.query());
    if (!query.success) {
      return problemResponse(c, "VALIDATION_FAILED", "content must be summary or full.");
    }
    const format = formatByFile[c.req.param("file") ?? ""] ?? "rss";
    const wanted = scopeOf(c);
    const movedScope = async (
      kind: "topic" | "section" | "person",
      key: string,
      scope: (key: string) => FeedScope,
    ) => {
      const to = await deps.distribution.movedTo(service, kind, key);
      return to === undefined ? undefined : scope(to);
    };
    const resolved = await deps.distribution.resolveScope(service, wanted);
    if (!resolved) {
      // A merged or renamed topic, or a renamed section: its feeds move with it (RFC 9110
      // §15.4.2), so subscribers follow without losing the feed.
      const moved =
        wanted.kind === "topic" || wanted.kind === "section"
          ? await movedScope(wanted.kind, wanted.slug, (slug) => ({ kind: wanted.kind, slug }))
          : wanted.kind === "person"
            ? await movedScope("person", wanted.id, (id) => ({ kind: "person", id }))
            : undefined;
      if (moved !== undefined) {
        const paths = feedPaths(service, moved);
        return c.redirect(`${paths[format]}${new URL(c.req.url).search}`, 301);
      }
      return problemResponse(c, "NOT_FOUND", "There is no such feed.");
    }
    const [stories, lastWithdrawnAt] = await Promise.all([
      deps.distribution.feedStories(service, resolved.scope),
      deps.distribution.lastWithdrawnAt(service),
    ]);
    const document = feedDocument(stories, {
      service,
      scope: resolved,
      publicUrl: deps.publicUrl,
      publisherName: deps.publisherName,
      fullText: query.data.content === "full",
      homePath: scopePagePath(service, resolved.scope),
      selfPaths: withQuery(feedPaths(service, resolved.scope), query.data.content),
      lastWithdrawnAt,
    });
    const body =
      format === "rss"
        ? rssFeed(document)
        : format === "atom"
          ? atomFeed(document)
          : jsonFeed(document);
    // Any public change in the service may change its feeds (they carry full text).
    return conditional(c, body, mediaTypes[format], document.updated, undefined, {
      tags: [
        cacheTags.feeds(service.id),
        // Full text shows embedded stories, which may belong to another service.
        ...(query.data.content === "full" ? stories.flatMap((s) => embedTags(s.embeds)) : []),
      ],
      query: { content: query.data.content },
    });
  };

  app.get(`/:prefix/feeds/${file}`, (c) => serve(c, () => ({ kind: "service" })));
  app.get(`/:prefix/topics/:slug/feeds/${file}`, (c) =>
    serve(c, () => ({ kind: "topic", slug: c.req.param("slug") })),
  );
  app.get(`/:prefix/people/:id/feeds/${file}`, (c) =>
    serve(c, () => ({ kind: "person", id: c.req.param("id") })),
  );
  app.get(`/:prefix/desks/:id/feeds/${file}`, (c) =>
    serve(c, () => ({ kind: "desk", id: c.req.param("id") })),
  );
  app.get(`/:prefix/:section/feeds/${file}`, (c) =>
    serve(c, () => ({ kind: "section", slug: c.req.param("section") })),
  );
  // A live page's own feeds, under its address: its posts are the items. Registered last,
  // so topic, person and desk feeds (same shape of path) are matched first.
  app.get(`/:prefix/:section/:segment/feeds/${file}`, async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    const parsed = parseStorySegment(c.req.param("segment"));
    if (!service || !parsed || !deps.liveFeed) return c.notFound();
    const query = feedQuery.safeParse(c.req.query());
    if (!query.success) {
      return problemResponse(c, "VALIDATION_FAILED", "content must be summary or full.");
    }
    const found = await deps.liveFeed(service, parsed.id);
    if (!found) return problemResponse(c, "NOT_FOUND", "There is no such feed.");
    const format = formatByFile[c.req.param("file") ?? ""] ?? "rss";
    const document = liveFeedDocument({
      ...found,
      publicUrl: deps.publicUrl,
      publisherName: deps.publisherName,
      fullText: query.data.content === "full",
      selfPaths: withQuery(feedPathsForPage(storyUrl(service, found.story)), query.data.content),
    });
    const body =
      format === "rss"
        ? rssFeed(document)
        : format === "atom"
          ? atomFeed(document)
          : jsonFeed(document);
    return conditional(c, body, mediaTypes[format], document.updated, undefined, {
      tags: [
        cacheTags.story(found.story.id),
        liveCacheTags.feeds(found.story.id),
        ...(query.data.content === "full" ? embedTags(found.embeds) : []),
      ],
      query: { content: query.data.content },
    });
  });
  return app;
}

function withQuery(
  paths: { rss: string; atom: string; json: string },
  content: "summary" | "full",
) {
  if (content === "summary") return paths;
  return {
    rss: `${paths.rss}?content=full`,
    atom: `${paths.atom}?content=full`,
    json: `${paths.json}?content=full`,
  };
}

/**
 * Sends `body` with a strong ETag and Last-Modified, or 304 Not Modified when the
 * client's validators still match (RFC 9110 §13, §15.4.5).
 */
export function conditional(
  c: Context,
  body: string,
  contentType: string,
  lastModified: string | undefined,
  caching: CacheHeaders = pageCacheHeaders,
  cache?: {
    tags: readonly string[];
    maxAgeMs?: number;
    /** The query parameters the response was built from (see declareCacheQuery). */
    query?: Readonly<Record<string, string | number>>;
  },
): Response {
  const etag = entityTag(body);
  const headers: Record<string, string> = { ETag: etag, "Cache-Control": caching.cacheControl };
  if (caching.surrogateControl) headers["Surrogate-Control"] = caching.surrogateControl;
  if (cache) {
    // Page-cache dependency tags (see src/domain/cache/cache-tags.ts) and CDN purge keys.
    headers["Surrogate-Key"] = cache.tags.join(" ");
    if (cache.maxAgeMs !== undefined)
      headers[cacheExpiresHeader] = String(Date.now() + cache.maxAgeMs);
    declareCacheQuery(c, cache.query ?? {});
  }
  if (lastModified) headers["Last-Modified"] = httpDate(lastModified);
  const request = {
    method: c.req.method,
    ifNoneMatch: c.req.header("If-None-Match"),
    ifModifiedSince: c.req.header("If-Modified-Since"),
  };
  if (isNotModified(request, { status: 200, etag, lastModified })) {
    return c.body(null, 304, headers);
  }
  return c.body(body, 200, { ...headers, "Content-Type": contentType });
}
