import type { Context, MiddlewareHandler } from "hono";
import { Hono } from "hono";
import type { z } from "zod";
import { decodeCursor, encodeCursor } from "../domain/api/api-cursor.js";
import type { ApiKeyService } from "../domain/api/api-key-service.js";
import {
  livePostPageOutSchema,
  livePostsQuerySchema,
  peopleOutSchema,
  sectionsOutSchema,
  servicesOutSchema,
  storyListQuerySchema,
  storyOutSchema,
  storyPageOutSchema,
  topicsOutSchema,
} from "../domain/api/api-schemas.js";
import { apiOperations, openApiDocument } from "../domain/api/openapi-document.js";
import type { RateLimiter } from "../domain/api/rate-limiter.js";
import { bcp47 } from "../domain/distribution/language-tags.js";
import type { EpisodeReader } from "../domain/episodes/episode-reader.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import type { LivePage } from "../domain/live/live-schema.js";
import type { LivePostsReader } from "../domain/live/published-live-posts.js";
import { parseOrThrow } from "../domain/parse-or-throw.js";
import { noStoryEmbeds, type PublishedStory } from "../domain/published/published-stories.js";
import { isServiceId, services } from "../domain/services/service-registry.js";
import { locales } from "../i18n/locale-registry.js";
import { isoSeconds } from "../render/feeds/feed-document.js";
import { livePostOut } from "../render/feeds/live-post-out.js";
import { ninjsDocument, ninjsUri, ninjsWithdrawal } from "../render/feeds/ninjs-document.js";
import { withEpisodeMedia } from "../render/feeds/ninjs-episode.js";
import { feedImage, storyHtml } from "../render/feeds/story-html.js";
import {
  deskUrl,
  homeUrl,
  mediaUrl,
  personUrl,
  sectionUrl,
  storyUrl,
  topicUrl,
} from "../render/reader-urls.js";
import { conditional, type FeedRoutesDeps } from "./feed-routes.js";
import { problemResponse } from "./problem-json.js";
import type { SitemapRoutesDeps } from "./sitemap-routes.js";

/** Everything the distribution routes (feeds, sitemaps, API) need; built in src/main.ts. */
export interface DistributionHttpDeps extends FeedRoutesDeps, SitemapRoutesDeps {
  readonly apiKeys: ApiKeyService;
  readonly rateLimiter: RateLimiter;
  /** Live pages' posts (issue 15). */
  readonly livePosts: LivePostsReader;
  /** Episodes' clips as ninjs associations (issue 17). */
  readonly episodes?: EpisodeReader;
}

const jsonType = "application/json; charset=utf-8";
/** API responses may be stored but must be revalidated: the ETag makes that cheap. */
const apiCache = { cacheControl: "no-cache" };

/**
 * The read-only content API (/api/v1), its OpenAPI 3.1 document and a docs page. Every
 * data route needs an API key and counts against that key's per-minute limit.
 */
export function apiRoutes(deps: DistributionHttpDeps): Hono {
  const app = new Hono();
  const { distribution, publicUrl } = deps;
  const abs = (path: string) => `${publicUrl}${path}`;

  const send = <T extends z.ZodType>(c: Context, schema: T, value: z.input<T>) =>
    conditional(c, JSON.stringify(schema.parse(value)), jsonType, undefined, apiCache);

  const requireKey: MiddlewareHandler = async (c, next) => {
    const header = c.req.header("Authorization");
    const presented = header?.startsWith("Bearer ")
      ? header.slice(7).trim()
      : c.req.header("X-Api-Key");
    let key: Awaited<ReturnType<ApiKeyService["verify"]>>;
    try {
      key = await deps.apiKeys.verify(presented);
    } catch (error) {
      if (isNewsdeskError(error)) {
        const response = problemResponse(c, error.code);
        response.headers.set("WWW-Authenticate", 'Bearer realm="newsdesk"');
        return response;
      }
      throw error;
    }
    const decision = await deps.rateLimiter.take(key.id, key.rateLimitPerMinute);
    if (!decision.allowed) {
      const response = problemResponse(
        c,
        "RATE_LIMITED",
        `This key allows ${decision.limit} requests per minute.`,
      );
      response.headers.set("Retry-After", String(decision.resetSeconds));
      response.headers.set("RateLimit-Limit", String(decision.limit));
      response.headers.set("RateLimit-Remaining", "0");
      return response;
    }
    await next();
    c.res.headers.set("RateLimit-Limit", String(decision.limit));
    c.res.headers.set("RateLimit-Remaining", String(decision.remaining));
    c.res.headers.set("RateLimit-Reset", String(decision.resetSeconds));
  };

  app.get("/api/openapi.json", (c) =>
    conditional(c, JSON.stringify(openApiDocument(publicUrl)), jsonType, undefined, {
      cacheControl: "public, max-age=300",
    }),
  );
  app.get("/api/docs", (c) =>
    c.html(docsPage(publicUrl), 200, { "Cache-Control": "public, max-age=300" }),
  );

  app.use("/api/v1/*", requireKey);

  app.get("/api/v1/services", (c) =>
    send(c, servicesOutSchema, {
      data: Object.values(services).map((s) => ({
        id: s.id,
        name: s.name,
        language: bcp47(s.locale),
        direction: locales[s.locale].dir,
        url: abs(homeUrl(s)),
      })),
    }),
  );

  app.get("/api/v1/services/:service/sections", async (c) => {
    const service = serviceParam(c.req.param("service"));
    if (!service) return problemResponse(c, "SERVICE_NOT_FOUND");
    const chrome = await distribution.sections(service);
    return send(c, sectionsOutSchema, {
      data: chrome.map((s) => ({
        slug: s.slug,
        name: s.name,
        url: abs(sectionUrl(service, s.slug)),
      })),
    });
  });

  app.get("/api/v1/services/:service/topics", async (c) => {
    const service = serviceParam(c.req.param("service"));
    if (!service) return problemResponse(c, "SERVICE_NOT_FOUND");
    const topics = await distribution.repository.listTopics(service.id);
    return send(c, topicsOutSchema, {
      data: topics.map((t) => ({
        slug: t.slug,
        name: t.name,
        url: abs(topicUrl(service, t.slug)),
      })),
    });
  });

  app.get("/api/v1/services/:service/people", async (c) => {
    const service = serviceParam(c.req.param("service"));
    if (!service) return problemResponse(c, "SERVICE_NOT_FOUND");
    const [people, desks] = await Promise.all([
      distribution.repository.listPeople(service.id),
      distribution.repository.listDesks(service.id),
    ]);
    return send(c, peopleOutSchema, {
      data: [
        ...people.map((p) => ({
          id: p.id,
          kind: "person" as const,
          name: p.name,
          description: p.title,
          url: abs(personUrl(service, p.id)),
        })),
        ...desks.map((d) => ({
          id: d.id,
          kind: "desk" as const,
          name: d.name,
          description: d.description,
          url: abs(deskUrl(service, d.id)),
        })),
      ],
    });
  });

  app.get("/api/v1/stories", async (c) => {
    const query = parseOrThrow(storyListQuerySchema, c.req.query());
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await distribution.listByModified(
      {
        serviceId: query.service,
        ...(query.section ? { section: query.section } : {}),
        ...(query.topic ? { topic: query.topic } : {}),
        ...(query.person ? { personId: query.person } : {}),
        ...(query.desk ? { deskId: query.desk } : {}),
        ...(query.updated_since
          ? { modifiedSince: new Date(query.updated_since).toISOString() }
          : {}),
      },
      query.limit + 1,
      after,
    );
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    let next: string | null = null;
    if (rows.length > query.limit && last) {
      const params = new URLSearchParams(c.req.query());
      params.set("cursor", encodeCursor(last));
      next = abs(`/api/v1/stories?${params.toString()}`);
    }
    return send(c, storyPageOutSchema, {
      data: items.map((row) => {
        const service = services[row.serviceId];
        return {
          id: row.id,
          service: row.serviceId,
          language: bcp47(service.locale),
          headline: row.headline,
          standfirst: row.standfirst,
          section: row.section,
          url: abs(storyUrl(service, row)),
          firstPublishedAt: isoSeconds(row.firstPublishedAt),
          updatedAt: row.updatedAt ? isoSeconds(row.updatedAt) : null,
          lastModifiedAt: isoSeconds(row.lastModifiedAt),
        };
      }),
      next,
    });
  });

  app.get("/api/v1/stories/:id", async (c) => {
    const availability = await distribution.availability(c.req.param("id"));
    if (availability.kind !== "published") return problemResponse(c, "STORY_NOT_FOUND");
    const live = await deps.livePosts.settings(availability.story.story.id);
    return send(c, storyOutSchema, storyOut(availability.story, publicUrl, live));
  });

  // A live page's posts, newest first (issue 15); a published story of another kind has none.
  app.get("/api/v1/stories/:id/posts", async (c) => {
    const query = parseOrThrow(livePostsQuerySchema, c.req.query());
    const availability = await distribution.availability(c.req.param("id"));
    if (availability.kind !== "published") return problemResponse(c, "STORY_NOT_FOUND");
    const { story } = availability.story;
    if (query.before) {
      const cursor = await deps.livePosts.post(query.before, availability.story.service.id);
      const post = cursor?.posts[0];
      if (!post || post.storyId !== story.id || post.deletedAt) {
        return problemResponse(c, "CURSOR_INVALID");
      }
    }
    const page = await deps.livePosts.page(story.id, availability.story.service.id, {
      ...(query.before ? { before: query.before } : {}),
      limit: query.limit,
    });
    const pageUrl = abs(
      storyUrl(availability.story.service, {
        id: story.id,
        slug: availability.story.content.slug,
        section: availability.story.content.section,
      }),
    );
    const service = availability.story.service;
    let next: string | null = null;
    if (page?.nextBefore) {
      const params = new URLSearchParams(c.req.query());
      params.set("before", page.nextBefore);
      next = abs(`/api/v1/stories/${story.id}/posts?${params.toString()}`);
    }
    return send(c, livePostPageOutSchema, {
      data: (page?.posts ?? []).map((post) =>
        livePostOut(post, {
          service,
          pageUrl,
          publicUrl,
          media: page?.media ?? new Map(),
          embeds: page?.embeds ?? noStoryEmbeds,
          people: page?.people ?? new Map(),
        }),
      ),
      next,
    });
  });

  app.get("/api/v1/ninjs/stories/:id", async (c) => {
    const availability = await distribution.availability(c.req.param("id"));
    if (availability.kind === "missing") return problemResponse(c, "STORY_NOT_FOUND");
    // A live page carries its newest posts (the same 20 its structured data lists).
    const live =
      availability.kind === "published" && availability.story.story.kind === "live"
        ? await deps.livePosts.page(availability.story.story.id, availability.story.service.id, {
            limit: ninjsLivePosts,
          })
        : undefined;
    const episode =
      availability.kind === "published" &&
      availability.story.story.kind === "episode" &&
      deps.episodes
        ? await deps.episodes.forStory(availability.story.story.id)
        : undefined;
    const text =
      availability.kind === "published"
        ? ninjsDocument(availability.story, publicUrl, deps.publisherName, live)
        : ninjsWithdrawal(availability.story, publicUrl);
    const document = episode ? withEpisodeMedia(text, episode, publicUrl) : text;
    return conditional(c, JSON.stringify(document), jsonType, undefined, apiCache);
  });

  return app;
}

function serviceParam(value: string) {
  return isServiceId(value) ? services[value] : undefined;
}

/** Posts a live page's ninjs document carries: the newest, like its `liveBlogUpdate` list. */
const ninjsLivePosts = 20;

function storyOut(
  s: PublishedStory,
  publicUrl: string,
  live: LivePage | undefined,
): z.input<typeof storyOutSchema> {
  const { story, content, service } = s;
  const abs = (path: string) => `${publicUrl}${path}`;
  const lead = content.leadFigure ? s.media.get(content.leadFigure.mediaId) : undefined;
  const rendition = lead ? feedImage(lead) : undefined;
  return {
    id: story.id,
    service: service.id,
    language: bcp47(service.locale),
    headline: content.headline,
    standfirst: content.standfirst,
    section: content.section,
    url: abs(storyUrl(service, { id: story.id, slug: content.slug, section: content.section })),
    firstPublishedAt: isoSeconds(story.firstPublishedAt ?? story.createdAt),
    updatedAt: story.updatedAt ? isoSeconds(story.updatedAt) : null,
    lastModifiedAt: isoSeconds(story.lastModifiedAt),
    dateline: content.dateline,
    bodyHtml: storyHtml(s, publicUrl),
    bylines: [
      ...s.people.map((p) => ({
        id: p.id,
        kind: "person" as const,
        name: p.name,
        description: p.title,
        url: abs(personUrl(service, p.id)),
      })),
      ...s.desks.map((d) => ({
        id: d.id,
        kind: "desk" as const,
        name: d.name,
        description: d.description,
        url: abs(deskUrl(service, d.id)),
      })),
    ],
    agencies: s.agencies.map((a) => a.name),
    topics: s.topics.map((t) => ({
      slug: t.slug,
      name: t.name,
      url: abs(topicUrl(service, t.slug)),
    })),
    image:
      lead && rendition && content.leadFigure
        ? {
            url: abs(mediaUrl(lead.asset.id, rendition)),
            width: rendition.width,
            height: rendition.height,
            alt: content.leadFigure.alt,
            caption: content.leadFigure.caption,
            credit: content.leadFigure.credit,
          }
        : null,
    corrections: s.corrections.map((c) => ({ text: c.text, createdAt: isoSeconds(c.createdAt) })),
    ninjsUrl: ninjsUri(publicUrl, story.id),
    kind: story.kind,
    live: live
      ? {
          status: live.status,
          keyPoints: [...live.keyPoints],
          coverageStartTime: live.coverageStartTime ? isoSeconds(live.coverageStartTime) : null,
          coverageEndTime: live.coverageEndTime ? isoSeconds(live.coverageEndTime) : null,
          postsUrl: abs(`/api/v1/stories/${story.id}/posts`),
        }
      : null,
  };
}

/** A readable, script-free reference page generated from the same operation list. */
function docsPage(publicUrl: string): string {
  const esc = (t: string) =>
    t
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;");
  const rows = apiOperations
    .map(
      (op) =>
        `<section><h2><code>GET ${esc(op.path)}</code></h2><p>${esc(op.summary)}</p>${
          op.parameters.length > 0
            ? `<ul>${op.parameters
                .map(
                  (p) =>
                    `<li><code>${esc(String(p.name))}</code> (${esc(String(p.in))}${p.required ? ", required" : ""})</li>`,
                )
                .join("")}</ul>`
            : ""
        }<p>Response: <code>${esc(op.response)}</code></p></section>`,
    )
    .join("");
  return `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Newsdesk content API</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem;line-height:1.5}code{background:#f3f3f3;padding:0 .2em}</style></head><body><main><h1>Newsdesk content API</h1><p>Read-only access to published stories. Send your key as <code>Authorization: Bearer ndk_…</code>. Every response has an <code>ETag</code>; send it back as <code>If-None-Match</code> to get <code>304 Not Modified</code>. Lists are paginated with the opaque <code>next</code> URL. Errors are <code>application/problem+json</code> with a stable <code>code</code>; <code>429</code> comes with <code>Retry-After</code>.</p><p>The machine-readable description: <a href="${esc(publicUrl)}/api/openapi.json">OpenAPI 3.1 document</a>.</p>${rows}</main></body></html>`;
}
