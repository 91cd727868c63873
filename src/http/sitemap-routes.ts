import type { Context } from "hono";
import { Hono } from "hono";
import { cacheTags } from "../domain/cache/cache-tags.js";
import type { ClipView } from "../domain/clips/clip-schema.js";
import type { Clock } from "../domain/clock.js";
import type { DistributionService } from "../domain/distribution/distribution-service.js";
import type { EpisodeReader } from "../domain/episodes/episode-reader.js";
import {
  type ServiceConfig,
  serviceByUrlPrefix,
  serviceEditions,
} from "../domain/services/service-registry.js";
import { clipFileUrl } from "../render/reader/EpisodeMedia.js";
import {
  newsEntries,
  pageUrlEntries,
  sitemapPaths,
  storyUrlEntries,
} from "../render/sitemaps/sitemap-entries.js";
import {
  newsSitemapXml,
  packSitemaps,
  robotsTxt,
  sitemapIndexXml,
  type UrlEntry,
  urlsetXml,
} from "../render/sitemaps/sitemap-xml.js";
import { conditional } from "./feed-routes.js";
import { pageCacheHeaders, sharedCacheHeaders } from "./page-cache-middleware.js";

export interface SitemapRoutesDeps {
  readonly distribution: DistributionService;
  readonly clock: Clock;
  readonly publicUrl: string;
  /** Episodes' videos, listed as `video:video` of their pages (issue 17). */
  readonly episodes?: EpisodeReader;
}

const xmlType = "application/xml; charset=utf-8";
const twoDays = 2 * 24 * 3_600_000;
const robotsCaching = sharedCacheHeaders(3600);

/** robots.txt, and per service: a sitemap index, page and story sitemaps, a news sitemap. */
export function sitemapRoutes(deps: SitemapRoutesDeps): Hono {
  const app = new Hono();
  const abs = (path: string) => `${deps.publicUrl}${path}`;

  const storyPages = async (service: ServiceConfig) => {
    const { rows, families } = await deps.distribution.sitemapStories(service);
    const entries = storyUrlEntries(service, rows, families, deps.publicUrl);
    const videos = deps.episodes ? await deps.episodes.videos(rows.map((r) => r.id)) : new Map();
    return packSitemaps(
      videos.size === 0
        ? entries
        : entries.map((entry, i) => {
            const row = rows[i];
            const clip = row ? videos.get(row.id) : undefined;
            const video = clip
              ? videoEntry(clip, row?.headline ?? "", row?.standfirst ?? "", deps.publicUrl)
              : undefined;
            return video ? { ...entry, video } : entry;
          }),
    );
  };
  const latest = (entries: readonly UrlEntry[]) =>
    entries
      .map((e) => e.lastmod)
      .sort()
      .at(-1);

  app.get("/robots.txt", (c) =>
    c.text(
      robotsTxt(
        // Every edition, script editions included: each has its own URLs.
        serviceEditions.flatMap((s) => [abs(sitemapPaths(s).index), abs(sitemapPaths(s).news)]),
      ),
      200,
      // An hour at the CDN; browsers do not matter for robots.txt, but the rule is one.
      {
        "Cache-Control": robotsCaching.cacheControl,
        "Surrogate-Control": robotsCaching.surrogateControl,
      },
    ),
  );

  app.get("/:prefix/:file{sitemap(?:-pages|-news|-stories-[1-9][0-9]{0,5})?\\.xml}", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const name = c.req.param("file");
    const paths = sitemapPaths(service);
    if (name === "sitemap.xml") return index(c, service);
    if (name === "sitemap-pages.xml") {
      const entries = pageUrlEntries(
        service,
        await deps.distribution.pageModifications(service),
        deps.publicUrl,
      );
      return conditional(c, urlsetXml(entries), xmlType, latest(entries), undefined, {
        tags: [cacheTags.feeds(service.id)],
      });
    }
    if (name === "sitemap-news.xml") {
      const since = new Date(deps.clock.now().getTime() - twoDays).toISOString();
      const rows = await deps.distribution.newsStories(service, since);
      // The news sitemap is updated in place and read often; a short cache keeps it fresh.
      return conditional(
        c,
        newsSitemapXml(newsEntries(service, rows, deps.publicUrl)),
        xmlType,
        undefined,
        pageCacheHeaders,
        // Stories age out of the two-day window without any event: re-render each minute.
        { tags: [cacheTags.feeds(service.id)], maxAgeMs: 60_000 },
      );
    }
    const n = Number(/-(\d+)\.xml$/.exec(name)?.[1] ?? "0");
    const page = (await storyPages(service))[n - 1];
    if (!page || paths.stories(n) !== new URL(c.req.url).pathname) return c.notFound();
    return conditional(c, urlsetXml(page), xmlType, latest(page), undefined, {
      tags: [cacheTags.feeds(service.id)],
    });
  });

  const index = async (c: Context, service: ServiceConfig) => {
    const paths = sitemapPaths(service);
    const pages = await storyPages(service);
    const body = sitemapIndexXml([
      { loc: abs(paths.pages) },
      ...pages.map((page, i) => ({
        loc: abs(paths.stories(i + 1)),
        lastmod: latest(page),
      })),
      { loc: abs(paths.news) },
    ]);
    return conditional(c, body, xmlType, undefined, undefined, {
      tags: [cacheTags.feeds(service.id)],
    });
  };

  return app;
}

/** A video clip as Google's `video:video`: it needs a thumbnail and a playable file. */
function videoEntry(clip: ClipView, title: string, description: string, publicUrl: string) {
  const abs = (path: string) => `${publicUrl}${path}`;
  const poster = clip.renditions.find((r) => r.role === "poster");
  const hls = clip.renditions.find((r) => r.role === "hls-master");
  if (!poster || !hls) return undefined;
  return {
    thumbnailLoc: abs(clipFileUrl(clip.clip.id, poster.name)),
    title,
    description: description || title,
    contentLoc: abs(clipFileUrl(clip.clip.id, hls.name)),
    ...(clip.clip.durationMs !== null
      ? { durationSeconds: Math.round(clip.clip.durationMs / 1000) }
      : {}),
  };
}
