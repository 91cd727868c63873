import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, setCookie } from "hono/cookie";
import { z } from "zod";
import type { Actor } from "../domain/actor.js";
import type { AuditLog } from "../domain/audit/audit-log.js";
import type { BreakingAlertService } from "../domain/breaking/breaking-alert.js";
import type { BreakingNewsService } from "../domain/breaking/breaking-news-service.js";
import type { Clock } from "../domain/clock.js";
import { NewsdeskError } from "../domain/error-catalogue.js";
import type { MediaRepository } from "../domain/media/media-repository.js";
import { renditionName } from "../domain/media/media-schema.js";
import type { MediaService } from "../domain/media/media-service.js";
import { parseOrThrow } from "../domain/parse-or-throw.js";
import type { CatalogRepository } from "../domain/people/catalog-repository.js";
import type { PresenceService } from "../domain/presence/presence-service.js";
import type { ReaderService } from "../domain/reader/reader-service.js";
import { type ServiceId, serviceIds, services } from "../domain/services/service-registry.js";
import { blocksToPmDoc } from "../domain/stories/prosemirror-mapping.js";
import { diffRevisions } from "../domain/stories/revision-diff.js";
import type { StoryRepository } from "../domain/stories/story-repository.js";
import { type Story, storyStatuses } from "../domain/stories/story-schema.js";
import { factsOf, type StoryService } from "../domain/stories/story-service.js";
import { assertCan, can } from "../domain/users/access-policy.js";
import type { AuthService } from "../domain/users/auth-service.js";
import { tokenScopes } from "../domain/users/user-schema.js";
import type { UserService } from "../domain/users/user-service.js";
import { locales } from "../i18n/locale-registry.js";
import { htmlToBlocks } from "../ingest/html-to-blocks.js";
import { renderContext } from "../render/reader/render-context.js";
import { StoryPage } from "../render/reader/StoryPage.js";
import { storyUrl } from "../render/reader-urls.js";
import { renderHtml } from "../render/render-html.js";
import {
  clientIp,
  type NewsroomEnv,
  newsroomSession,
  requireScope,
  sessionCookie,
} from "./newsroom-session.js";
import { problemResponse } from "./problem-json.js";

export interface NewsroomDeps {
  readonly auth: AuthService;
  readonly users: UserService;
  readonly stories: StoryService;
  readonly storyRepository: StoryRepository;
  readonly catalog: CatalogRepository;
  readonly media: MediaService;
  readonly mediaRepository: MediaRepository;
  readonly breaking: BreakingNewsService;
  readonly alerts: BreakingAlertService;
  readonly presence: PresenceService;
  readonly audit: AuditLog;
  readonly reader: ReaderService;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly publisherName: string;
  /** Upload limit for media, in bytes. */
  readonly maxUploadBytes: number;
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch (cause) {
    throw new NewsdeskError("VALIDATION_FAILED", {
      detail: "The request body is not valid JSON.",
      cause,
    });
  }
}

const listQuery = z.object({
  service: z.enum(serviceIds).optional(),
  status: z.enum(storyStatuses).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const createBody = z.object({ serviceId: z.enum(serviceIds), content: z.unknown() });
const draftBody = z.object({
  baseRevisionId: z.string().min(1).max(64),
  content: z.unknown(),
  note: z.string().max(500).optional(),
  autosave: z.boolean().optional(),
});
const bannerBody = z.object({ text: z.unknown(), url: z.unknown(), expiresAt: z.unknown() });
const tokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(tokenScopes)).min(1),
});

/** The newsroom's JSON API (docs/newsroom-api.md). Handlers validate, call the domain, serialize. */
export function newsroomRoutes(deps: NewsroomDeps): Hono {
  const open = new Hono();
  const secure = new Hono<NewsroomEnv>();
  const https = deps.publicUrl.startsWith("https:");

  open.post("/session", async (c) => {
    const { token, session } = await deps.auth.login(await readJson(c), clientIp(c));
    // SameSite=Strict: the newsroom is never entered from another site's link with a session.
    setCookie(c, sessionCookie, token, {
      path: "/newsroom",
      httpOnly: true,
      sameSite: "Strict",
      secure: https,
      maxAge: 7 * 24 * 3600,
    });
    await deps.audit.record(session.actor, "session.login", {}, { ip: clientIp(c) });
    return c.json(
      { user: session.user, grants: session.grants, csrfToken: session.csrfToken },
      200,
      {
        "Cache-Control": "no-store",
      },
    );
  });

  secure.use(newsroomSession(deps.auth, { publicUrl: deps.publicUrl }));

  secure.get("/session", (c) => {
    const { session } = c.get("auth");
    if (!session)
      throw new NewsdeskError("AUTH_REQUIRED", { detail: "API tokens have no browser session." });
    return c.json(
      { user: session.user, grants: session.grants, csrfToken: session.csrfToken },
      200,
      {
        "Cache-Control": "no-store",
      },
    );
  });

  secure.delete("/session", async (c) => {
    const token = c.req.header("cookie")?.match(/(?:^|;\s*)nd_session=([^;]+)/)?.[1];
    if (token) await deps.auth.logout(decodeURIComponent(token));
    deleteCookie(c, sessionCookie, { path: "/newsroom" });
    return c.body(null, 204);
  });

  secure.post("/session/logout-everywhere", async (c) => {
    const { actor } = c.get("auth");
    if (actor.kind !== "user") throw new NewsdeskError("FORBIDDEN");
    await deps.auth.logoutEverywhere(actor.userId);
    await deps.audit.record(actor, "session.logout-everywhere", {});
    deleteCookie(c, sessionCookie, { path: "/newsroom" });
    return c.body(null, 204);
  });

  secure.get("/services", (c) => {
    const { actor } = c.get("auth");
    const visible = serviceIds.filter((id) => can(actor, "story.view", id));
    return c.json(
      visible.map((id) => {
        const service = services[id];
        return {
          id,
          name: service.name,
          locale: service.locale,
          dir: locales[service.locale].dir,
          urlPrefix: service.urlPrefix,
          roles:
            actor.kind === "user"
              ? actor.grants.filter((g) => g.serviceId === id).map((g) => g.role)
              : [],
          isAdmin: actor.kind === "system" || actor.isAdmin,
        };
      }),
    );
  });

  secure.get("/catalog/:serviceId", async (c) => {
    const serviceId = parseOrThrow(z.enum(serviceIds), c.req.param("serviceId"));
    assertCan(c.get("auth").actor, "story.view", serviceId);
    const [sections, catalog] = await Promise.all([
      deps.catalog.listSections(serviceId),
      deps.catalog.listForService(serviceId),
    ]);
    return c.json({ sections, ...catalog });
  });

  secure.get("/stories", async (c) => {
    const actor = requireScope(c, "stories:read");
    const query = parseOrThrow(listQuery, c.req.query());
    const visible = serviceIds.filter((id) => can(actor, "story.view", id));
    const scoped = query.service ? visible.filter((id) => id === query.service) : visible;
    const result = await deps.storyRepository.listForNewsroom({
      serviceIds: scoped,
      ...(query.status ? { status: query.status } : {}),
      ...(query.q ? { q: query.q } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({
      total: result.total,
      items: result.items.map(({ story, workingHeadline }) => ({
        id: story.id,
        serviceId: story.serviceId,
        status: story.status,
        headline: workingHeadline,
        currentRevisionNumber: story.currentRevisionNumber,
        lastModifiedAt: story.lastModifiedAt,
        firstPublishedAt: story.firstPublishedAt,
        updatedAt: story.updatedAt,
        scheduledAt: story.scheduledAt,
        embargoUntil: story.embargoUntil,
        flags:
          story.publishedRevisionId && story.publishedRevisionId !== story.currentRevisionId
            ? ["unpublished-changes"]
            : [],
      })),
    });
  });

  secure.post("/stories", async (c) => {
    const actor = requireScope(c, "stories:write");
    const body = parseOrThrow(createBody, await readJson(c));
    const created = await deps.stories.create(actor, {
      serviceId: body.serviceId,
      content: body.content,
    });
    return c.json(created, 201);
  });

  const loadStory = async (c: Context<NewsroomEnv>): Promise<{ actor: Actor; story: Story }> => {
    const actor = c.get("auth").actor;
    const story = await deps.storyRepository.findStory(c.req.param("id") ?? "");
    if (!story) throw new NewsdeskError("STORY_NOT_FOUND");
    assertCan(actor, "story.view", story.serviceId, factsOf(story));
    return { actor, story };
  };

  secure.get("/stories/:id", async (c) => {
    requireScope(c, "stories:read");
    const { story } = await loadStory(c);
    const [revision, corrections] = await Promise.all([
      deps.storyRepository.findRevision(story.currentRevisionId),
      deps.storyRepository.listCorrections(story.id),
    ]);
    if (!revision) throw new NewsdeskError("STORY_NOT_FOUND");
    return c.json({
      story,
      revision,
      editorDoc: blocksToPmDoc(revision.content.body),
      publishedRevisionId: story.publishedRevisionId,
      corrections,
      readerUrl:
        story.status === "published"
          ? `${deps.publicUrl}${storyUrl(services[story.serviceId], { id: story.id, slug: revision.content.slug, section: revision.content.section })}`
          : null,
    });
  });

  secure.put("/stories/:id/draft", async (c) => {
    const actor = requireScope(c, "stories:write");
    const body = parseOrThrow(draftBody, await readJson(c));
    const { story } = await loadStory(c);
    const revision = await deps.stories.saveDraft(actor, story.id, {
      baseRevisionId: body.baseRevisionId,
      content: body.content,
      ...(body.note ? { note: body.note } : body.autosave ? { note: "Autosave" } : {}),
    });
    return c.json({ revision, story: await deps.storyRepository.findStory(story.id) });
  });

  const workflow = (
    path: string,
    run: (actor: Actor, id: string, body: unknown) => Promise<unknown>,
    scope: "stories:write" | "stories:publish",
  ) =>
    secure.post(`/stories/:id/${path}`, async (c) => {
      const actor = requireScope(c, scope);
      const { story } = await loadStory(c);
      const body = c.req.header("content-type")?.includes("json") ? await readJson(c) : {};
      return c.json(await run(actor, story.id, body));
    });

  workflow(
    "submit",
    async (actor, id) => ({ story: await deps.stories.submit(actor, id) }),
    "stories:write",
  );
  workflow(
    "publish",
    async (actor, id, body) => ({ story: await deps.stories.publish(actor, id, body) }),
    "stories:publish",
  );
  workflow(
    "schedule",
    async (actor, id, body) => ({
      story: await deps.stories.schedule(actor, id, (body as { at?: unknown }).at ?? null),
    }),
    "stories:publish",
  );
  workflow(
    "embargo",
    async (actor, id, body) => ({
      story: await deps.stories.setEmbargo(actor, id, (body as { until?: unknown }).until ?? null),
    }),
    "stories:publish",
  );
  workflow(
    "kill",
    async (actor, id, body) => ({
      story: await deps.stories.kill(
        actor,
        id,
        parseOrThrow(z.object({ reason: z.string().trim().min(1).max(500) }), body).reason,
      ),
    }),
    "stories:publish",
  );
  workflow(
    "unpublish",
    async (actor, id) => ({ story: await deps.stories.unpublish(actor, id) }),
    "stories:publish",
  );

  secure.post("/stories/:id/corrections", async (c) => {
    const actor = requireScope(c, "stories:publish");
    const { story } = await loadStory(c);
    const correction = await deps.stories.correct(actor, story.id, await readJson(c));
    return c.json({ correction }, 201);
  });

  secure.get("/stories/:id/revisions", async (c) => {
    requireScope(c, "stories:read");
    const { story } = await loadStory(c);
    const revisions = await deps.storyRepository.listRevisions(story.id);
    return c.json(
      revisions
        .map((r) => ({
          id: r.id,
          number: r.number,
          createdAt: r.createdAt,
          createdBy: r.createdBy,
          note: r.note,
          baseRevisionId: r.baseRevisionId,
        }))
        .reverse(),
    );
  });

  secure.get("/stories/:id/revisions/:a/diff/:b", async (c) => {
    requireScope(c, "stories:read");
    const { story } = await loadStory(c);
    const [a, b] = await Promise.all([
      deps.storyRepository.findRevision(c.req.param("a")),
      deps.storyRepository.findRevision(c.req.param("b")),
    ]);
    if (!a || !b || a.storyId !== story.id || b.storyId !== story.id) {
      throw new NewsdeskError("NOT_FOUND", { detail: "No such revision of this story." });
    }
    // SQLite reads are synchronous: yield once so loading two long revisions and diffing
    // them are two short turns of the event loop, not one long one (issue 10, item 4).
    await new Promise((resolve) => setImmediate(resolve));
    return c.json({ from: a.number, to: b.number, ...diffRevisions(a.content, b.content) });
  });

  secure.post("/stories/:id/revisions/:revisionId/restore", async (c) => {
    const actor = requireScope(c, "stories:write");
    const { story } = await loadStory(c);
    const { baseRevisionId } = parseOrThrow(
      z.object({ baseRevisionId: z.string().min(1) }),
      await readJson(c),
    );
    const revision = await deps.stories.restore(
      actor,
      story.id,
      c.req.param("revisionId"),
      baseRevisionId,
    );
    return c.json({ revision });
  });

  secure.post("/stories/:id/presence", async (c) => {
    const { actor, story } = await loadStory(c);
    if (actor.kind !== "user") return c.json({ others: [] });
    return c.json({ others: await deps.presence.beat(story.id, actor.userId) });
  });

  secure.get("/stories/:id/preview", async (c) => {
    const { story } = await loadStory(c);
    const model = await deps.reader.preview(
      story,
      c.req.query("revision") ?? story.currentRevisionId,
    );
    if (!model) throw new NewsdeskError("NOT_FOUND", { detail: "No such revision of this story." });
    const ctx = renderContext({
      service: services[story.serviceId],
      textSize: "md",
      path: "/",
      publicUrl: deps.publicUrl,
      publisherName: deps.publisherName,
      now: deps.clock.now(),
    });
    const html = renderHtml(<StoryPage ctx={ctx} model={model} />);
    return c.html(html, 200, { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });
  });

  secure.get("/audit", async (c) => {
    const { actor } = c.get("auth");
    const query = parseOrThrow(
      z.object({
        storyId: z.string().max(64).optional(),
        serviceId: z.enum(serviceIds).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      c.req.query(),
    );
    let serviceId: ServiceId | undefined = query.serviceId;
    if (query.storyId) {
      const story = await deps.storyRepository.findStory(query.storyId);
      if (!story) throw new NewsdeskError("STORY_NOT_FOUND");
      serviceId = story.serviceId;
    }
    if (serviceId) assertCan(actor, "story.view", serviceId);
    else if (actor.kind === "user" && !actor.isAdmin) {
      throw new NewsdeskError("FORBIDDEN", {
        detail: "Only administrators can read the whole audit log.",
      });
    }
    return c.json(
      await deps.audit.list({
        ...(query.storyId ? { storyId: query.storyId } : {}),
        ...(serviceId && !query.storyId ? { serviceId } : {}),
        limit: query.limit,
      }),
    );
  });

  secure.post("/paste", async (c) => {
    const { html } = parseOrThrow(z.object({ html: z.string().max(2_000_000) }), await readJson(c));
    // The client is never trusted: pasted markup is sanitized here into the block model.
    const { body, warnings } = htmlToBlocks(html);
    return c.json({ doc: blocksToPmDoc(body), warnings });
  });

  secure.get("/banners/:serviceId", async (c) => {
    const serviceId = parseOrThrow(z.enum(serviceIds), c.req.param("serviceId"));
    assertCan(c.get("auth").actor, "story.view", serviceId);
    return c.json({ banner: (await deps.breaking.active(serviceId)) ?? null });
  });

  secure.put("/banners/:serviceId", async (c) => {
    const actor = requireScope(c, "stories:publish");
    const serviceId = parseOrThrow(z.enum(serviceIds), c.req.param("serviceId"));
    assertCan(actor, "banner.manage", serviceId);
    const body = parseOrThrow(bannerBody, await readJson(c));
    const banner = await deps.breaking.raise(actor, { serviceId, ...body });
    await deps.audit.record(
      actor,
      "banner.raise",
      { serviceId },
      { text: banner.text, expiresAt: banner.expiresAt },
    );
    return c.json({ banner });
  });

  secure.delete("/banners/:serviceId", async (c) => {
    const actor = requireScope(c, "stories:publish");
    const serviceId = parseOrThrow(z.enum(serviceIds), c.req.param("serviceId"));
    assertCan(actor, "banner.manage", serviceId);
    await deps.breaking.clear(actor, serviceId);
    await deps.audit.record(actor, "banner.clear", { serviceId });
    return c.body(null, 204);
  });

  secure.get("/alerts", async (c) => {
    requireScope(c, "stories:read");
    return c.json(await deps.alerts.list(50));
  });

  secure.post("/alerts", async (c) => {
    const actor = requireScope(c, "stories:publish");
    const alert = await deps.alerts.raise(actor, await readJson(c));
    await deps.audit.record(
      actor,
      "alert.raise",
      {},
      { alertId: alert.id, services: alert.entries.map((e) => e.serviceId) },
    );
    return c.json({ alert }, 201);
  });

  secure.put("/alerts/:id/services/:serviceId", async (c) => {
    const actor = requireScope(c, "stories:write");
    const serviceId = parseOrThrow(z.enum(serviceIds), c.req.param("serviceId"));
    const { text } = parseOrThrow(z.object({ text: z.unknown() }), await readJson(c));
    const alert = await deps.alerts.translate(actor, c.req.param("id"), serviceId, text);
    await deps.audit.record(actor, "alert.translate", { serviceId }, { alertId: alert.id });
    return c.json({ alert });
  });

  secure.post(
    "/media",
    bodyLimit({
      maxSize: deps.maxUploadBytes + 64 * 1024,
      onError: (c) =>
        problemResponse(
          c,
          "MEDIA_TOO_LARGE",
          `Files may be at most ${Math.round(deps.maxUploadBytes / 1048576)} MB.`,
        ),
    }),
    async (c) => {
      const actor = requireScope(c, "media:write");
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File))
        throw new NewsdeskError("VALIDATION_FAILED", { detail: "Choose a file to upload." });
      const field = (name: string) =>
        typeof form[name] === "string" ? (form[name] as string) : "";
      const asset = await deps.media.upload(actor, new Uint8Array(await file.arrayBuffer()), {
        caption: field("caption"),
        credit: field("credit"),
        alt: field("alt"),
        focalX: field("focalX") === "" ? 0.5 : Number(field("focalX")),
        focalY: field("focalY") === "" ? 0.5 : Number(field("focalY")),
        rightsSource: field("rightsSource"),
        rightsUsage: field("rightsUsage"),
      });
      await deps.audit.record(actor, "media.upload", {}, { mediaId: asset.id, bytes: asset.bytes });
      const renditions =
        (await deps.mediaRepository.listRenditions([asset.id])).get(asset.id) ?? [];
      return c.json(
        {
          asset,
          renditions: renditions.map((r) => ({
            ...r,
            url: `/media/${asset.id}/${renditionName(r)}`,
          })),
        },
        201,
      );
    },
  );

  secure.get("/media", async (c) => {
    requireScope(c, "stories:read");
    const query = parseOrThrow(
      z.object({
        q: z.string().max(200).optional(),
        limit: z.coerce.number().int().min(1).max(100).default(40),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      c.req.query(),
    );
    const result = await deps.mediaRepository.list({
      ...(query.q ? { q: query.q } : {}),
      limit: query.limit,
      offset: query.offset,
    });
    const renditions = await deps.mediaRepository.listRenditions(result.items.map((a) => a.id));
    return c.json({
      total: result.total,
      items: result.items.map((asset) => {
        const thumb = (renditions.get(asset.id) ?? []).find(
          (r) => r.shape === "16x9" && r.format === "jpeg",
        );
        return { asset, thumbnailUrl: thumb ? `/media/${asset.id}/${renditionName(thumb)}` : null };
      }),
    });
  });

  secure.patch("/media/:id", async (c) => {
    const actor = requireScope(c, "media:write");
    const asset = await deps.media.updateMetadata(actor, c.req.param("id"), await readJson(c));
    return c.json({ asset });
  });

  secure.get("/users", async (c) => c.json(await deps.users.list(c.get("auth").actor)));

  secure.post("/users", async (c) => {
    const { actor } = c.get("auth");
    const user = await deps.users.create(actor, await readJson(c));
    await deps.audit.record(actor, "user.create", {}, { userId: user.id, email: user.email });
    return c.json({ user }, 201);
  });

  secure.put("/users/:id/grants", async (c) => {
    const { actor } = c.get("auth");
    const body = parseOrThrow(z.object({ grants: z.unknown() }), await readJson(c));
    const grants = await deps.users.setGrants(actor, c.req.param("id"), body.grants);
    await deps.audit.record(actor, "user.grants", {}, { userId: c.req.param("id"), grants });
    return c.json({ grants });
  });

  secure.post("/users/:id/reset-password", async (c) => {
    const { actor } = c.get("auth");
    const body = parseOrThrow(z.object({ password: z.unknown() }), await readJson(c));
    await deps.users.resetPassword(actor, c.req.param("id"), body.password);
    await deps.audit.record(actor, "user.reset-password", {}, { userId: c.req.param("id") });
    return c.body(null, 204);
  });

  secure.post("/tokens", async (c) => {
    const { actor } = c.get("auth");
    const body = parseOrThrow(tokenBody, await readJson(c));
    const created = await deps.auth.createApiToken(actor, body.name, body.scopes);
    await deps.audit.record(
      actor,
      "token.create",
      {},
      { tokenId: created.id, scopes: body.scopes },
    );
    return c.json(created, 201, { "Cache-Control": "no-store" });
  });

  secure.get("/tokens", async (c) => {
    const tokens = await deps.auth.listApiTokens(c.get("auth").actor);
    return c.json(tokens, 200, { "Cache-Control": "no-store" });
  });

  secure.delete("/tokens/:id", async (c) => {
    const { actor } = c.get("auth");
    if (!(await deps.auth.revokeApiToken(actor, c.req.param("id"))))
      throw new NewsdeskError("NOT_FOUND");
    return c.body(null, 204);
  });

  open.route("/", secure);
  return open;
}
