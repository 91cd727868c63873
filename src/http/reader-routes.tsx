import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import { savesData } from "../cache/page-cache.js";
import { cacheTags, embedTags } from "../domain/cache/cache-tags.js";
import type { Clock } from "../domain/clock.js";
import { listKeyText } from "../domain/curation/curation-schema.js";
import { type EpisodeReader, episodesPerPage } from "../domain/episodes/episode-reader.js";
import { liveCacheTags } from "../domain/live/live-cache-tags.js";
import type { LiveReader, LiveStreamRequest } from "../domain/live/live-reader.js";
import type { LiveStatus } from "../domain/live/live-schema.js";
import type { MirrorReadRepository } from "../domain/mirrors/mirror-schema.js";
import { scheduleCalendar } from "../domain/programmes/icalendar.js";
import type { ProgrammeReader } from "../domain/programmes/programme-reader.js";
import type { PageChrome, StoryListModel } from "../domain/reader/reader-models.js";
import type { ReaderService } from "../domain/reader/reader-service.js";
import type { SearchService } from "../domain/search/search-service.js";
import { negotiateEdition } from "../domain/services/edition-negotiation.js";
import {
  type ServiceConfig,
  serviceByUrlPrefix,
  services,
} from "../domain/services/service-registry.js";
import type { TranslationService } from "../domain/translations/translation-service.js";
import { serbianHtmlToLatin } from "../i18n/serbian-script.js";
import { compactUrls } from "../render/iri-urls.js";
import { homeVersions, scriptVersions, storyVersions } from "../render/page-versions.js";
import { transcriptOf } from "../render/reader/EpisodeMedia.js";
import { HomePage } from "../render/reader/HomePage.js";
import { LivePage } from "../render/reader/LivePage.js";
import { MessagePage } from "../render/reader/MessagePage.js";
import { ProgrammeListPage, ProgrammePage, SchedulePage } from "../render/reader/ProgrammePages.js";
import { type OfflinePackage, ReachPage } from "../render/reader/ReachPage.js";
import {
  defaultTextSize,
  type RenderContext,
  renderContext,
  type TextSize,
  textSizes,
} from "../render/reader/render-context.js";
import { SearchPage } from "../render/reader/SearchPage.js";
import { type ListPageAbout, StoryListPage } from "../render/reader/StoryListPage.js";
import { StoryPage } from "../render/reader/StoryPage.js";
import {
  deskUrl,
  editionChoicePath,
  homeUrl,
  parseStorySegment,
  personUrl,
  programmeUrl,
  sectionUrl,
  storyUrl,
  textSizeUrl,
  topicUrl,
} from "../render/reader-urls.js";
import { renderHtml } from "../render/render-html.js";
import { htmlResponse } from "./page-bytes.js";
import {
  cacheExpiresHeader,
  declareCacheQuery,
  pageCacheHeaders,
  revalidateAlways,
  setCacheHeaders,
} from "./page-cache-middleware.js";
import { sameOriginRedirect } from "./safe-redirect.js";

export interface ReaderRoutesDeps {
  readonly reader: ReaderService;
  readonly programmes: ProgrammeReader;
  readonly episodes?: EpisodeReader;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly publisherName: string;
  /** Language versions (switcher, hreflang) and full-text search. */
  readonly languages: ReaderLanguages;
  /** Live pages (stories of kind "live"): their posts, by a stable cursor. */
  readonly live?: LiveReader;
  /** What the "Can't reach us?" pages show; without it they list no mirrors. */
  readonly reachPage?: ReachPageSource;
}

/** How long the "Can't reach us?" page may show a package list before it is read again. */
const packagesRecheckMs = 5 * 60_000;

/**
 * The "Can't reach us?" page's data (issue 16): the service's mirrors, read fresh (the
 * page is cached and invalidated by `cacheTags.mirrors`), and, once the mirror list is
 * signed and packages are built, the public key and the latest offline packages.
 */
export interface ReachPageSource {
  readonly mirrors: MirrorReadRepository;
  publicKey?(serviceId: string): Promise<string | undefined>;
  packages?(serviceId: string): Promise<readonly OfflinePackage[]>;
}

export interface ReaderLanguages {
  readonly translations: Pick<TranslationService, "versions">;
  readonly search: Pick<SearchService, "inService">;
}

const textSizeCookie = "nd_ts";
/** Text-only mode, on when "1" (issue 16); the page cache keys on it (page-cache.ts). */
const liteCookie = "nd_lite";
/** How long an episode page waiting for its clip's transcode is kept in caches. */
const clipPendingMs = 10_000;
/** The edition the reader picked, by URL prefix; read only by `/`. */
const editionCookie = "nd_ed";

const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(500).default(1),
});
const searchQuery = pageQuery.extend({ q: z.string().max(200).default("") });
/** `return` is read apart: sameOriginRedirect checks it and falls back, never fails. */
const textSizeQuery = z.object({ size: z.enum(textSizes) });
/** A live page's older posts (`?before=`) or one shared post (`?post=`), never both. */
const postIdParam = z.string().regex(/^[0-9a-z]{1,64}$/);
const liveQuery = z
  .object({ before: postIdParam.optional(), post: postIdParam.optional() })
  .refine((q) => !(q.before && q.post));
const weekQuery = z.object({ week: z.iso.date().optional() });

/**
 * Every reader page, rendered, in its last form before the page cache stores it: Serbian's
 * Latin edition transliterated (ADR 0005: it is stored in Cyrillic), then links and
 * addresses written with their letters, not percent-encoded (a Persian home page's story
 * links alone are kilobytes of `%D8`; src/render/iri-urls.ts), after the transliteration,
 * which would otherwise rewrite the letters of Russian or Serbian Cyrillic addresses.
 */
function finalHtml(c: Context, rendered: string): string {
  const edition = serviceByUrlPrefix(c.req.param("prefix") ?? "");
  const text =
    edition?.locale === "sr-Latn" && edition.sourceLocale === "sr-Cyrl"
      ? serbianHtmlToLatin(rendered)
      : rendered;
  return compactUrls(text);
}

/** Reader pages. Handlers validate, ask the ReaderService, and render; nothing else. */
export function readerRoutes(deps: ReaderRoutesDeps): Hono {
  const app = new Hono();

  const ctxFor = (c: Context, service: ServiceConfig): RenderContext =>
    renderContext({
      service,
      textSize: readTextSize(c),
      path: new URL(c.req.url).pathname + new URL(c.req.url).search,
      publicUrl: deps.publicUrl,
      publisherName: deps.publisherName,
      now: deps.clock.now(),
      lite: liteMode(c),
    });

  /**
   * Sends a page. With `deps` tags it becomes cacheable: the page cache and CDNs key it
   * on path, the query parameters it declares in `query` (the ones it read), and text size,
   * and drop it when any tag is invalidated; a page showing a breaking-news banner is never
   * served past the banner's expiry.
   */
  const html = (
    c: Context,
    body: string,
    status: 200 | 400 | 404 | 410 = 200,
    cache?: {
      chrome: PageChrome;
      tags: readonly string[];
      query?: Readonly<Record<string, string | number>>;
      /** When the page changes by itself (the broadcast on air ends): cached until then. */
      changesAt?: Date | null;
    },
  ) => {
    // Pages differ by the text-size cookie only; shared caches must key on it.
    // Episode pages differ by Save-Data too (the low-bitrate sources first).
    c.header("Vary", "Cookie, Accept-Encoding, Save-Data");
    const page = finalHtml(c, body);
    if (!cache) {
      setCacheHeaders(c, revalidateAlways);
      return htmlResponse(c, page, status);
    }
    const { service, banner } = cache.chrome;
    const tags = [cacheTags.chrome(service.id), cacheTags.banner(service.id), ...cache.tags];
    setCacheHeaders(c, pageCacheHeaders);
    c.header("Surrogate-Key", [...new Set(tags)].join(" "));
    const expiries = [
      ...(banner ? [Date.parse(banner.expiresAt)] : []),
      ...(cache.changesAt ? [cache.changesAt.getTime()] : []),
    ];
    if (expiries.length > 0) c.header(cacheExpiresHeader, String(Math.min(...expiries)));
    declareCacheQuery(c, cache.query ?? {});
    return htmlResponse(c, page, status);
  };
  /** Lists show teasers; a teaser tag changes only when what the teaser shows does. */
  const storyTags = (stories: readonly { id: string }[]) =>
    stories.map((s) => cacheTags.teaser(s.id));

  const message = async (
    c: Context,
    service: ServiceConfig,
    kind: "notFound" | "badRequest" | "killed",
    chrome?: PageChrome,
    storyId?: string,
    /** A killed story's reason, as the editor wrote it. */
    reason?: string | null,
  ) => {
    const ctx = ctxFor(c, service);
    const pageChrome = chrome ?? (await deps.reader.chrome(service));
    const [title, body, status] =
      kind === "notFound"
        ? [ctx.t.t("notFound.title"), ctx.t.t("notFound.body"), 404 as const]
        : kind === "badRequest"
          ? [ctx.t.t("badRequest.title"), ctx.t.t("badRequest.body"), 400 as const]
          : [ctx.t.t("story.killedTitle"), ctx.t.t("story.killedBody"), 410 as const];
    const page = renderHtml(
      <MessagePage
        ctx={ctx}
        chrome={pageChrome}
        title={title}
        body={body}
        note={reason ? ctx.t.t("story.killedReason", { reason }) : undefined}
      />,
    );
    // Bad requests are not cached: their address space is unbounded.
    if (status === 400) return html(c, page, status);
    return html(c, page, status, {
      chrome: pageChrome,
      tags: storyId ? [cacheTags.story(storyId)] : [],
    });
  };

  // The front door: the edition the reader chose in the language picker, else the one their
  // browser's Accept-Language asks for (RFC 9110 §12.5.4), else English. The answer differs
  // per reader, so no shared cache may keep it (RFC 9111 §5.2.2.7, §4.1).
  app.get("/", (c) => {
    const chosen = serviceByUrlPrefix(getCookie(c, editionCookie) ?? "");
    const edition = chosen ?? negotiateEdition(c.req.header("Accept-Language"));
    c.header("Vary", "Accept-Language, Cookie");
    c.header("Cache-Control", "private, no-store");
    return c.redirect(homeUrl(edition), 302);
  });

  // A reader's own choices (edition, text size): a year, first-party, never read by scripts.
  const readerPreference = {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "Lax",
    httpOnly: true,
    secure: deps.publicUrl.startsWith("https:"),
  } as const;

  /**
   * Text-only mode: `?lite=1` turns it on and `?lite=0` off, remembered in a cookie for
   * later pages; the page cache keeps the two versions apart (cacheKeyFor) and never stores
   * the answer to a `lite=` request itself, which carries the cookie.
   */
  const liteMode = (c: Context): boolean => {
    const asked = c.req.query("lite");
    if (asked === "1") {
      setCookie(c, liteCookie, "1", readerPreference);
      return true;
    }
    if (asked === "0") {
      deleteCookie(c, liteCookie, { path: "/" });
      return false;
    }
    return getCookie(c, liteCookie) === "1";
  };

  // The language picker's links: remember the edition for `/`, then open it. The target is
  // looked up in the registry and the redirect built from it, never from the input.
  app.get(editionChoicePath, async (c) => {
    const edition = serviceByUrlPrefix(c.req.query("to") ?? "");
    if (!edition) return message(c, services.en, "badRequest");
    setCookie(c, editionCookie, edition.urlPrefix, readerPreference);
    c.header("Cache-Control", "no-store");
    return c.redirect(homeUrl(edition), 303);
  });

  // The no-JavaScript text-size control: a GET form sets the cookie and returns the reader.
  app.get(textSizeUrl, (c) => {
    const parsed = textSizeQuery.safeParse(c.req.query());
    const back = sameOriginRedirect(c.req.query("return"), {
      publicUrl: deps.publicUrl,
      fallback: "/",
    });
    if (!parsed.success) return c.redirect(back, 303);
    setCookie(c, textSizeCookie, parsed.data.size, readerPreference);
    c.header("Cache-Control", "no-store");
    return c.redirect(back, 303);
  });

  app.get("/:prefix", (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    return service ? c.redirect(homeUrl(service), 301) : c.notFound();
  });

  app.get("/:prefix/", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const [model, onAir] = await Promise.all([
      deps.reader.list(service, {}, 1),
      deps.programmes.onAir(service),
    ]);
    const liveStatuses = await deps.live?.statuses(model.stories);
    const live = liveStatuses && liveNow(liveStatuses);
    const home = (
      <HomePage
        ctx={ctxFor(c, service)}
        model={model}
        versions={homeVersions()}
        onAir={onAir}
        {...(live ? { live } : {})}
      />
    );
    return html(c, renderHtml(home), 200, {
      chrome: model,
      changesAt: onAir.changesAt,
      tags: [
        cacheTags.schedule(service.id),
        cacheTags.home(service.id),
        cacheTags.curated(service.id, listKeyText({ kind: "home" })),
        ...storyTags(model.stories),
        // Pins not live now: the page changes when one is published again.
        ...storyTags(model.curatedIds.map((id) => ({ id }))),
        ...[...(liveStatuses?.keys() ?? [])].map((id) => liveCacheTags.badge(id)),
      ],
    });
  });

  // "Can't reach us?": the edition's mirrors, in its language (issue 16).
  app.get("/:prefix/mirrors", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const source = deps.reachPage;
    const [chrome, mirrors, publicKey, packages] = await Promise.all([
      deps.reader.chrome(service),
      source ? source.mirrors.listForService(service.id) : [],
      source?.publicKey?.(service.id),
      source?.packages?.(service.id),
    ]);
    const page = (
      <ReachPage
        ctx={ctxFor(c, service)}
        chrome={chrome}
        mirrors={mirrors}
        {...(publicKey ? { publicKey } : {})}
        {...(packages ? { packages } : {})}
      />
    );
    return html(c, renderHtml(page), 200, {
      chrome,
      tags: [cacheTags.mirrors(service.id)],
      // Packages are written by `newsdesk package`, another process that cannot purge this
      // cache: the page looks at the packages directory again after a few minutes.
      changesAt: source?.packages ? new Date(deps.clock.now().getTime() + packagesRecheckMs) : null,
    });
  });

  app.get("/:prefix/search", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const query = searchQuery.safeParse(c.req.query());
    if (!query.success) return message(c, service, "badRequest");
    const [chrome, results] = await Promise.all([
      deps.reader.chrome(service),
      deps.languages.search.inService(service, query.data.q, query.data.page),
    ]);
    return html(
      c,
      renderHtml(<SearchPage ctx={ctxFor(c, service)} chrome={chrome} results={results} />),
    );
  });

  /**
   * The page under a moved key with the request's query (the page number) kept:
   * `/english/topics/old?page=2` → `/english/topics/new?page=2`.
   */
  const movedUrl = (c: Context, path: string) => `${path}${new URL(c.req.url).search}`;

  /**
   * Topic, person and desk pages: one page shape. Each differs only in how its subject is
   * found, which stories it lists, and how it is titled, described and tagged.
   */
  const subjectList = <Subject,>(
    segment: "topics" | "people" | "desks",
    page: {
      find(service: ServiceConfig, key: string): Promise<Subject | undefined>;
      /** The page of a subject that moved (a merged or renamed topic, a merged person). */
      movedTo?(service: ServiceConfig, key: string): Promise<string | undefined>;
      filter(subject: Subject): Parameters<ReaderService["list"]>[1];
      title(ctx: RenderContext, subject: Subject): string;
      description?(subject: Subject): string;
      /** A longer text (a person's bio) and a picture (their photo) under the title. */
      about?(subject: Subject): ListPageAbout;
      basePath(service: ServiceConfig, subject: Subject): string;
      tag(service: ServiceConfig, subject: Subject): string;
    },
  ) =>
    app.get(`/:prefix/${segment}/:key`, async (c) => {
      const service = serviceByUrlPrefix(c.req.param("prefix"));
      if (!service) return c.notFound();
      const query = pageQuery.safeParse(c.req.query());
      if (!query.success) return message(c, service, "badRequest");
      const subject = await page.find(service, c.req.param("key"));
      if (!subject) {
        const moved = await page.movedTo?.(service, c.req.param("key"));
        if (moved !== undefined) return c.redirect(movedUrl(c, moved), 301);
        return message(c, service, "notFound");
      }
      const ctx = ctxFor(c, service);
      const model = await deps.reader.list(service, page.filter(subject), query.data.page);
      if (pastTheEnd(model)) return message(c, service, "notFound", model);
      const description = page.description?.(subject);
      const about = page.about?.(subject);
      return html(
        c,
        renderHtml(
          <StoryListPage
            ctx={ctx}
            model={model}
            title={page.title(ctx, subject)}
            {...(description === undefined ? {} : { description })}
            {...(about === undefined ? {} : { about })}
            basePath={page.basePath(service, subject)}
            versions={scriptVersions(service, (e) =>
              paged(page.basePath(e, subject), query.data.page),
            )}
          />,
        ),
        200,
        {
          chrome: model,
          tags: [page.tag(service, subject), ...storyTags(model.stories)],
          query: { page: query.data.page },
        },
      );
    });

  subjectList("topics", {
    find: (service, slug) => deps.reader.topic(service, slug),
    movedTo: async (service, slug) => {
      const moved = await deps.reader.movedTo(service, "topic", slug);
      return moved === undefined ? undefined : topicUrl(service, moved);
    },
    filter: (topic) => ({ topic: topic.slug }),
    title: (ctx, topic) => ctx.t.t("list.topic", { name: topic.name }),
    basePath: (service, topic) => topicUrl(service, topic.slug),
    tag: (service, topic) => cacheTags.topic(service.id, topic.slug),
  });
  subjectList("people", {
    find: (service, id) => deps.reader.author(service, id),
    movedTo: async (service, id) => {
      const moved = await deps.reader.movedTo(service, "person", id);
      return moved === undefined ? undefined : personUrl(service, moved);
    },
    filter: ({ person }) => ({ personId: person.id }),
    title: (ctx, { person }) => ctx.t.t("list.author", { name: person.name }),
    description: ({ person }) => person.title,
    about: ({ person, photo }) => ({
      text: person.bio ?? "",
      ...(photo ? { photo, alt: person.name } : {}),
    }),
    basePath: (service, { person }) => personUrl(service, person.id),
    tag: (_service, { person }) => cacheTags.person(person.id),
  });
  subjectList("desks", {
    find: (service, id) => deps.reader.desk(service, id),
    filter: (desk) => ({ deskId: desk.id }),
    title: (ctx, desk) => ctx.t.t("list.author", { name: desk.name }),
    description: (desk) => desk.description,
    basePath: (service, desk) => deskUrl(service, desk.id),
    tag: (_service, desk) => cacheTags.desk(desk.id),
  });

  // Programmes and the broadcast schedule (before the section route: these segments are
  // reserved section slugs).
  app.get("/:prefix/schedule", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const query = weekQuery.safeParse(c.req.query());
    if (!query.success) return message(c, service, "badRequest");
    const [chrome, week] = await Promise.all([
      deps.reader.chrome(service),
      deps.programmes.week(service, query.data.week),
    ]);
    if (!week) return message(c, service, "notFound", chrome);
    return html(
      c,
      renderHtml(<SchedulePage ctx={ctxFor(c, service)} chrome={chrome} week={week} />),
      200,
      {
        chrome,
        changesAt: week.changesAt,
        query: query.data.week ? { week: query.data.week } : {},
        tags: [cacheTags.schedule(service.id), cacheTags.programmes(service.id)],
      },
    );
  });

  // iCalendar (RFC 5545) for listeners' calendar apps: the next four weeks, in UTC.
  app.get("/:prefix/schedule.ics", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const broadcasts = await deps.programmes.upcoming(service, 4);
    const ctx = ctxFor(c, service);
    const body = scheduleCalendar({
      name: `${service.name}: ${ctx.t.t("schedule.title")}`,
      uidDomain: new URL(deps.publicUrl).hostname,
      stamp: deps.clock.now(),
      events: broadcasts.map((b) => ({
        occurrence: b.occurrence,
        title: b.programme.title,
        description: b.programme.description,
        url: `${deps.publicUrl}${programmeUrl(service, b.programme.slug)}`,
      })),
    });
    setCacheHeaders(c, revalidateAlways);
    return c.body(body, 200, { "Content-Type": "text/calendar; charset=utf-8" });
  });

  app.get("/:prefix/programmes", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const [chrome, programmes] = await Promise.all([
      deps.reader.chrome(service),
      deps.programmes.list(service),
    ]);
    return html(
      c,
      renderHtml(
        <ProgrammeListPage ctx={ctxFor(c, service)} chrome={chrome} programmes={programmes} />,
      ),
      200,
      { chrome, tags: [cacheTags.programmes(service.id)] },
    );
  });

  app.get("/:prefix/programmes/:slug", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const query = pageQuery.safeParse(c.req.query());
    if (!query.success) return message(c, service, "badRequest");
    const [chrome, found] = await Promise.all([
      deps.reader.chrome(service),
      deps.programmes.programme(service, c.req.param("slug")),
    ]);
    if (!found) return message(c, service, "notFound", chrome);
    const { page } = query.data;
    const episodes = deps.episodes
      ? await deps.episodes.published(found.programme, {
          limit: episodesPerPage,
          offset: (page - 1) * episodesPerPage,
        })
      : undefined;
    if (page > 1 && (episodes?.items.length ?? 0) === 0) {
      return message(c, service, "notFound", chrome);
    }
    return html(
      c,
      renderHtml(
        <ProgrammePage
          ctx={ctxFor(c, service)}
          chrome={chrome}
          {...found}
          {...(episodes
            ? {
                episodes: {
                  items: episodes.items,
                  page,
                  hasMore: page * episodesPerPage < episodes.total,
                },
              }
            : {})}
        />,
      ),
      200,
      {
        chrome,
        changesAt: found.onAir.changesAt,
        query: { page },
        tags: [
          // Each episode by headline, standfirst and first publication (ProgrammePage).
          ...(episodes?.items ?? []).map((i) => cacheTags.summary(i.episode.storyId)),
          cacheTags.programme(found.programme.id),
          cacheTags.programmeEpisodes(found.programme.id),
          cacheTags.programmes(service.id),
          cacheTags.schedule(service.id),
          // Presenters' names: catalogue edits, not their new stories, change them.
          ...found.presenters.map((p) => cacheTags.personName(p.id)),
        ],
      },
    );
  });

  app.get("/:prefix/:section", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const query = pageQuery.safeParse(c.req.query());
    if (!query.success) return message(c, service, "badRequest");
    const chrome = await deps.reader.chrome(service);
    const section = deps.reader.section(chrome, c.req.param("section"));
    if (!section) {
      const moved = await deps.reader.movedTo(service, "section", c.req.param("section"));
      if (moved !== undefined) return c.redirect(movedUrl(c, sectionUrl(service, moved)), 301);
      return message(c, service, "notFound", chrome);
    }
    const model = await deps.reader.list(service, { section: section.slug }, query.data.page);
    if (pastTheEnd(model)) return message(c, service, "notFound", model);
    const liveStatuses = await deps.live?.statuses(model.stories);
    const live = liveStatuses && liveNow(liveStatuses);
    return html(
      c,
      renderHtml(
        <StoryListPage
          ctx={ctxFor(c, service)}
          model={model}
          {...(live ? { live } : {})}
          title={section.name}
          basePath={sectionUrl(service, section.slug)}
          currentSection={section.slug}
          versions={scriptVersions(service, (e) =>
            paged(sectionUrl(e, section.slug), query.data.page),
          )}
        />,
      ),
      200,
      {
        chrome: model,
        tags: [
          cacheTags.section(service.id, section.slug),
          cacheTags.curated(service.id, listKeyText({ kind: "section", slug: section.slug })),
          ...storyTags(model.stories),
          ...storyTags(model.curatedIds.map((id) => ({ id }))),
          ...[...(liveStatuses?.keys() ?? [])].map((id) => liveCacheTags.badge(id)),
        ],
        query: { page: query.data.page },
      },
    );
  });

  app.get("/:prefix/:section/:segment", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return c.notFound();
    const parsed = parseStorySegment(c.req.param("segment"));
    if (!parsed) return message(c, service, "notFound");
    const lookup = await deps.reader.story(service, parsed.id);
    if (lookup.kind === "missing") return message(c, service, "notFound", lookup.chrome, parsed.id);
    if (lookup.kind === "killed") {
      return message(c, service, "killed", lookup.chrome, parsed.id, lookup.reason);
    }
    const { model } = lookup;
    const canonical = storyUrl(service, {
      id: model.story.id,
      slug: model.content.slug,
      section: model.content.section,
    });
    // Old links keep working after a headline or section change.
    if (new URL(c.req.url).pathname !== canonical) return c.redirect(canonical, 301);
    const { story, content } = model;
    // The related block shows the editors' live picks, or else the automatic list drawn from
    // the story's section and topics: only a page showing the automatic list changes when a
    // story is published there (src/domain/curation/curated-stories.ts).
    const showsPicks = model.related.some((s) => model.curatedRelatedIds.includes(s.id));
    const versions = storyVersions(
      await deps.languages.translations.versions(model.story.familyId),
      model.story.familyId,
    );
    const livePage =
      deps.live && story.kind === "live" ? await deps.live.livePage(story.id) : undefined;
    if (deps.live && livePage) {
      const query = liveQuery.safeParse(c.req.query());
      if (!query.success) return message(c, service, "badRequest", model);
      const request: LiveStreamRequest = query.data.before
        ? { kind: "before", postId: query.data.before }
        : query.data.post
          ? { kind: "around", postId: query.data.post }
          : { kind: "latest" };
      const stream = await deps.live.stream(livePage, request, service.id);
      if (!stream) return message(c, service, "notFound", model);
      const live = (
        <LivePage ctx={ctxFor(c, service)} model={model} stream={stream} versions={versions} />
      );
      return html(c, renderHtml(live), 200, {
        chrome: model,
        // Older and share pages do not carry the first page's tag: a new post leaves them be.
        tags: [
          cacheTags.story(story.id),
          cacheTags.family(story.familyId),
          liveCacheTags.status(story.id),
          ...(stream.request.kind === "latest"
            ? [liveCacheTags.first(story.id), ...embedTags(model.embeds)]
            : []),
          ...stream.dependsOn.map((id) => liveCacheTags.post(id)),
          // Posts' story embeds show those stories' headlines (StoryBody).
          ...embedTags(stream.embeds),
        ],
        query: {
          ...(query.data.before ? { before: query.data.before } : {}),
          ...(query.data.post ? { post: query.data.post } : {}),
        },
      });
    }
    // An episode (issue 17) plays its clip; a reader saving data gets the low bitrates first.
    const episode =
      story.kind === "episode" && deps.episodes
        ? await deps.episodes.forStory(story.id)
        : undefined;
    const shownClip = episode?.clip;
    const shownCaption = shownClip
      ? transcriptOf(shownClip, ctxFor(c, service).locale.tag)
      : undefined;
    const shownTranscript =
      shownClip && shownCaption
        ? { clipId: shownClip.clip.id, lang: shownCaption.lang }
        : undefined;
    // Text-only pages and episode pages list related stories by headline (StoryPage).
    const headlinesOnly = ctxFor(c, service).lite === true || episode !== undefined;
    const relatedTags = (stories: readonly { id: string }[]) =>
      headlinesOnly ? stories.map((s) => cacheTags.headline(s.id)) : storyTags(stories);
    const page = (
      <StoryPage
        ctx={ctxFor(c, service)}
        model={model}
        versions={versions}
        {...(episode ? { episode } : {})}
        lowFirst={savesData(c.req.header("save-data"))}
      />
    );
    return html(c, renderHtml(page), 200, {
      chrome: model,
      // A clip still transcoding tells no one when it is ready: keep the page briefly.
      ...(episode?.episode.clipId && !episode.clip
        ? { changesAt: new Date(deps.clock.now().getTime() + clipPendingMs) }
        : {}),
      tags: [
        ...(episode ? [cacheTags.programme(episode.programme.id)] : []),
        // Its player and downloads (the clip's renditions and caption languages), and the
        // one transcript it shows.
        ...(episode?.episode.clipId ? [cacheTags.clip(episode.episode.clipId)] : []),
        ...(shownTranscript
          ? [cacheTags.clipTranscript(shownTranscript.clipId, shownTranscript.lang)]
          : []),
        cacheTags.story(story.id),
        cacheTags.family(story.familyId),
        // Story embeds in the body show those stories' headlines (StoryBody).
        ...embedTags(model.embeds),
        // Topic names and links show whatever the related block does.
        ...content.topics.map((slug) => cacheTags.topicName(service.id, slug)),
        ...(showsPicks
          ? []
          : [
              cacheTags.section(service.id, content.section),
              ...content.topics.map((slug) => cacheTags.topic(service.id, slug)),
            ]),
        // Text-only pages list related stories by headline alone (StoryPage).
        ...relatedTags(model.related),
        // The editors' related picks, live or not (a pick published again comes back).
        cacheTags.curated(service.id, listKeyText({ kind: "related", storyId: story.id })),
        ...relatedTags(model.curatedRelatedIds.map((id) => ({ id }))),
      ],
    });
  });

  return app;
}

/** The live pages covering events now, whose teasers carry a LIVE badge. */
function liveNow(statuses: ReadonlyMap<string, LiveStatus>): Set<string> {
  return new Set([...statuses].flatMap(([id, status]) => (status === "live" ? [id] : [])));
}

/** A page number beyond the last page: no such page (an empty first page is a real one). */
function pastTheEnd(model: StoryListModel): boolean {
  return model.page > 1 && model.stories.length === 0;
}

/** A list page's address: page 1 has no `page` parameter (it is the canonical). */
function paged(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

function readTextSize(c: Context): TextSize {
  const value = getCookie(c, textSizeCookie);
  return (textSizes as readonly string[]).includes(value ?? "")
    ? (value as TextSize)
    : defaultTextSize;
}
