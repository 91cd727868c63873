import { z } from "zod";
import type { Actor } from "../../domain/actor.js";
import type { AuditLog } from "../../domain/audit/audit-log.js";
import type { Clock } from "../../domain/clock.js";
import { NewsdeskError } from "../../domain/error-catalogue.js";
import { renditionName } from "../../domain/media/media-schema.js";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import type { CatalogRepository } from "../../domain/people/catalog-repository.js";
import type { PresenceService } from "../../domain/presence/presence-service.js";
import type { ReaderService } from "../../domain/reader/reader-service.js";
import { serviceIds, services } from "../../domain/services/service-registry.js";
import { blocksToPmDoc } from "../../domain/stories/prosemirror-mapping.js";
import { newsroomSorts } from "../../domain/stories/story-repository.js";
import { storyKinds, storyStatuses } from "../../domain/stories/story-schema.js";
import { bulkActions, type StoryService } from "../../domain/stories/story-service.js";
import type { TokenScope } from "../../domain/users/user-schema.js";
import { htmlToBlocks } from "../../ingest/html-to-blocks.js";
import { renderContext } from "../../render/reader/render-context.js";
import { StoryPage } from "../../render/reader/StoryPage.js";
import { storyUrl } from "../../render/reader-urls.js";
import { renderHtml } from "../../render/render-html.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

export interface StoryRouteDeps {
  readonly stories: StoryService;
  readonly catalog: CatalogRepository;
  readonly presence: PresenceService;
  readonly audit: AuditLog;
  readonly reader: ReaderService;
  readonly clock: Clock;
  readonly publicUrl: string;
  readonly publisherName: string;
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, "a date as YYYY-MM-DD");
const listQuery = z.object({
  service: z.enum(serviceIds).optional(),
  status: z.enum([...storyStatuses, "trash"]).optional(),
  q: z.string().max(200).optional(),
  mine: z.enum(["true", "false"]).optional(),
  section: z.string().min(1).max(64).optional(),
  author: z.string().min(1).max(64).optional(),
  from: day.optional(),
  to: day.optional(),
  sort: z.enum(newsroomSorts).default("changed"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const bulkBody = z.object({
  action: z.enum(bulkActions),
  storyIds: z.array(z.string().min(1).max(64)).min(1).max(200),
  section: z.string().min(1).max(64).optional(),
});
const createBody = z.object({
  serviceId: z.enum(serviceIds),
  content: z.unknown(),
  kind: z.enum(storyKinds).optional(),
});
const draftBody = z.object({
  baseRevisionId: z.string().min(1).max(64),
  content: z.unknown(),
  note: z.string().max(500).optional(),
  autosave: z.boolean().optional(),
});
const idParam = z.string().min(1).max(64);
const auditQuery = z.object({
  storyId: z.string().max(64).optional(),
  serviceId: z.enum(serviceIds).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Stories: the dashboard list, editing, the workflow, revisions, preview and the audit log. */
export function storyRoutes(r: NewsroomRouter, deps: StoryRouteDeps): void {
  const read = { scope: "stories:read" } as const;

  // The catalogue is reference data that reader pages publish anyway (people, desks,
  // sections, topics, agencies): anyone with a newsroom role (the router's check) reads any
  // service's, as a translator does opening the source of their translation.
  r.get("/catalog/:serviceId", { action: "story.view", ...read }, async (c) => {
    const serviceId = parseOrThrow(z.enum(serviceIds), pathParam(c, "serviceId"));
    const [sections, catalog] = await Promise.all([
      deps.catalog.listSections(serviceId),
      deps.catalog.listForService(serviceId),
    ]);
    return c.json({ sections, ...catalog });
  });

  r.get("/stories", { action: "story.view", ...read }, async (c, { actor }) => {
    const query = parseOrThrow(listQuery, c.req.query());
    const result = await deps.stories.list(actor, {
      ...(query.service ? { serviceId: query.service } : {}),
      ...(query.status ? { tab: query.status } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.mine === "true" ? { mine: true } : {}),
      ...(query.section ? { section: query.section } : {}),
      ...(query.author ? { personId: query.author } : {}),
      // Whole UTC days, both ends included.
      ...(query.from ? { changedFrom: `${query.from}T00:00:00.000Z` } : {}),
      ...(query.to ? { changedBefore: nextDay(query.to) } : {}),
      sort: query.sort,
      direction: query.dir,
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({
      total: result.total,
      totalExact: result.totalExact,
      counts: result.counts,
      over: result.over,
      items: result.items.map(
        ({ story, workingHeadline, section, wordCount, bylines, thumbnail, leadMediaId }) => ({
          id: story.id,
          kind: story.kind,
          serviceId: story.serviceId,
          status: story.status,
          headline: workingHeadline,
          section,
          wordCount,
          bylines,
          thumbnail:
            thumbnail && leadMediaId
              ? {
                  url: `/media/${leadMediaId}/${renditionName(thumbnail)}`,
                  width: thumbnail.width,
                  height: thumbnail.height,
                }
              : null,
          createdAt: story.createdAt,
          createdBy: story.createdBy,
          currentRevisionNumber: story.currentRevisionNumber,
          lastModifiedAt: story.lastModifiedAt,
          firstPublishedAt: story.firstPublishedAt,
          updatedAt: story.updatedAt,
          scheduledAt: story.scheduledAt,
          embargoUntil: story.embargoUntil,
          trashedAt: story.trashedAt ?? null,
          flags:
            story.publishedRevisionId && story.publishedRevisionId !== story.currentRevisionId
              ? ["unpublished-changes"]
              : [],
        }),
      ),
    });
  });

  r.post(
    "/stories",
    { action: "story.create", scope: "stories:write" },
    async (c, { actor, body }) => {
      const input = parseOrThrow(createBody, body);
      const created = await deps.stories.create(actor, {
        serviceId: input.serviceId,
        content: input.content,
        ...(input.kind ? { kind: input.kind } : {}),
      });
      return c.json(created, 201);
    },
  );

  r.post(
    "/stories/bulk",
    { action: "story.edit", scope: "stories:write" },
    async (c, { actor, body }) => {
      const input = parseOrThrow(bulkBody, body);
      const result = await deps.stories.bulk(actor, {
        action: input.action,
        storyIds: input.storyIds,
        ...(input.section ? { section: input.section } : {}),
      });
      return c.json({
        done: result.done.length,
        refused: result.refused.length,
        doneIds: result.done,
        refusals: result.refused,
      });
    },
  );

  r.get("/stories/:id", { action: "story.view", ...read }, async (c, { actor }) => {
    const { story, revision, corrections } = await deps.stories.view(actor, pathParam(c, "id"));
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

  r.put(
    "/stories/:id/draft",
    { action: "story.edit", scope: "stories:write" },
    async (c, { actor, body }) => {
      const input = parseOrThrow(draftBody, body);
      const storyId = pathParam(c, "id");
      const revision = await deps.stories.saveDraft(actor, storyId, {
        baseRevisionId: input.baseRevisionId,
        content: input.content,
        ...(input.note ? { note: input.note } : input.autosave ? { note: "Autosave" } : {}),
      });
      return c.json({ revision, story: await deps.stories.viewable(actor, storyId) });
    },
  );

  const workflow = (
    path: string,
    action:
      | "story.submit"
      | "story.publish"
      | "story.schedule"
      | "story.kill"
      | "story.unpublish"
      | "story.trash",
    scope: TokenScope,
    run: (actor: Actor, storyId: string, body: unknown) => Promise<unknown>,
  ) =>
    r.post(`/stories/:id/${path}`, { action, scope }, async (c, { actor, body }) =>
      c.json({ story: await run(actor, pathParam(c, "id"), body ?? {}) }),
    );

  workflow("submit", "story.submit", "stories:write", (actor, storyId) =>
    deps.stories.submit(actor, storyId),
  );
  workflow("publish", "story.publish", "stories:publish", (actor, storyId, body) =>
    deps.stories.publish(actor, storyId, body),
  );
  workflow("schedule", "story.schedule", "stories:publish", (actor, storyId, body) =>
    deps.stories.schedule(actor, storyId, (body as { at?: unknown }).at ?? null),
  );
  workflow("embargo", "story.schedule", "stories:publish", (actor, storyId, body) =>
    deps.stories.setEmbargo(actor, storyId, (body as { until?: unknown }).until ?? null),
  );
  workflow("kill", "story.kill", "stories:publish", (actor, storyId, body) =>
    deps.stories.kill(
      actor,
      storyId,
      parseOrThrow(z.object({ reason: z.string().trim().min(1).max(500) }), body).reason,
    ),
  );
  workflow("unpublish", "story.unpublish", "stories:publish", (actor, storyId) =>
    deps.stories.unpublish(actor, storyId),
  );
  workflow("trash", "story.trash", "stories:write", (actor, storyId) =>
    deps.stories.trash(actor, storyId),
  );
  workflow("untrash", "story.trash", "stories:write", (actor, storyId) =>
    deps.stories.untrash(actor, storyId),
  );

  r.post(
    "/stories/:id/corrections",
    { action: "story.correct", scope: "stories:publish" },
    async (c, { actor, body }) => {
      const correction = await deps.stories.correct(actor, pathParam(c, "id"), body);
      return c.json({ correction }, 201);
    },
  );

  r.get("/stories/:id/revisions", { action: "story.view", ...read }, async (c, { actor }) => {
    const revisions = await deps.stories.revisions(actor, pathParam(c, "id"));
    return c.json(
      revisions.map((rev) => ({
        id: rev.id,
        number: rev.number,
        createdAt: rev.createdAt,
        createdBy: rev.createdBy,
        createdByName: rev.createdByName,
        note: rev.note,
        baseRevisionId: rev.baseRevisionId,
        kind: rev.kind,
      })),
    );
  });

  // One revision with its content: "not merged" revisions are opened this way (ADR 0013).
  r.get(
    "/stories/:id/revisions/:revisionId",
    { action: "story.view", ...read },
    async (c, { actor }) =>
      c.json({
        revision: await deps.stories.revision(
          actor,
          pathParam(c, "id"),
          id(pathParam(c, "revisionId")),
        ),
      }),
  );

  r.get(
    "/stories/:id/revisions/:a/diff/:b",
    { action: "story.view", ...read },
    async (c, { actor }) =>
      c.json(
        await deps.stories.diff(actor, pathParam(c, "id"), pathParam(c, "a"), pathParam(c, "b")),
      ),
  );

  r.post(
    "/stories/:id/revisions/:revisionId/restore",
    { action: "story.edit", scope: "stories:write" },
    async (c, { actor, body }) => {
      const { baseRevisionId } = parseOrThrow(
        z.object({ baseRevisionId: z.string().min(1).max(64) }),
        body,
      );
      const revision = await deps.stories.restore(
        actor,
        pathParam(c, "id"),
        pathParam(c, "revisionId"),
        baseRevisionId,
      );
      return c.json({ revision });
    },
  );

  r.post(
    "/stories/:id/presence",
    { action: "story.view", scope: "session", body: "none" },
    async (c, { actor }) => {
      const story = await deps.stories.viewable(actor, pathParam(c, "id"));
      if (actor.kind !== "user") return c.json({ others: [] });
      return c.json({ others: await deps.presence.beat(story.id, actor.userId) });
    },
  );

  r.get("/stories/:id/preview", { action: "story.view", ...read }, async (c, { actor }) => {
    const storyId = pathParam(c, "id");
    const story = await deps.stories.viewable(actor, storyId);
    const revisionId = c.req.query("revision");
    const revision = await deps.stories.revision(
      actor,
      storyId,
      revisionId === undefined ? story.currentRevisionId : id(revisionId),
    );
    const model = await deps.reader.preview(story, revision.id);
    if (!model) throw new NewsdeskError("NOT_FOUND", { detail: "No such revision of this story." });
    const ctx = renderContext({
      service: services[story.serviceId],
      textSize: "md",
      path: "/",
      publicUrl: deps.publicUrl,
      publisherName: deps.publisherName,
      now: deps.clock.now(),
      // The newsroom's preview frame runs no script; a page without any logs no refusals.
      scriptless: true,
    });
    const html = renderHtml(<StoryPage ctx={ctx} model={model} />);
    return c.html(html, 200, { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });
  });

  r.get("/audit", { action: "audit.read", ...read }, async (c, { actor }) => {
    const query = parseOrThrow(auditQuery, c.req.query());
    const story = query.storyId ? await deps.stories.viewable(actor, query.storyId) : undefined;
    return c.json(
      await deps.audit.read(actor, {
        ...(story ? { story: { id: story.id, serviceId: story.serviceId } } : {}),
        ...(query.serviceId ? { serviceId: query.serviceId } : {}),
        limit: query.limit,
      }),
    );
  });

  // The audit-log screen: filters by user, action, service and time, a page at a time.
  r.get("/audit/entries", { action: "audit.browse", scope: "session" }, async (c, { actor }) =>
    c.json(await deps.audit.search(actor, c.req.query()), 200, { "Cache-Control": "no-store" }),
  );

  r.post(
    "/paste",
    { action: "story.edit", scope: "stories:write", maxBodyBytes: 2 * 1024 * 1024 },
    (c, { body }) => {
      const { html } = parseOrThrow(z.object({ html: z.string().max(2_000_000) }), body);
      // The client is never trusted: pasted markup is sanitized here into the block model.
      const { body: blocks, warnings } = htmlToBlocks(html);
      return c.json({ doc: blocksToPmDoc(blocks), warnings });
    },
  );
}

/** The first instant after the UTC day `date` (YYYY-MM-DD). */
function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

function id(value: string | undefined): string {
  return parseOrThrow(idParam, value);
}
