import { Hono } from "hono";
import { z } from "zod";
import { NewsdeskError } from "../domain/error-catalogue.js";
import { parseOrThrow } from "../domain/parse-or-throw.js";
import { serviceIds } from "../domain/services/service-registry.js";
import type { StoryRepository } from "../domain/stories/story-repository.js";
import { factsOf } from "../domain/stories/story-service.js";
import type { TranslationService } from "../domain/translations/translation-service.js";
import { assertCan } from "../domain/users/access-policy.js";
import type { AuthService } from "../domain/users/auth-service.js";
import { type NewsroomEnv, newsroomSession, requireScope } from "./newsroom-session.js";

export interface TranslationRoutesDeps {
  readonly translations: TranslationService;
  readonly storyRepository: StoryRepository;
  readonly auth: AuthService;
  readonly publicUrl: string;
}

/**
 * The newsroom's translation API (docs/newsroom-api.md, "Translations"): translate into a
 * service, see a story's language family, review what changed in a stale translation's
 * source, and bring it up to date or waive the change. Mounted under /newsroom/api.
 */
export function translationRoutes(deps: TranslationRoutesDeps): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  app.use(newsroomSession(deps.auth, { publicUrl: deps.publicUrl }));

  app.post("/stories/:id/translations", async (c) => {
    const actor = requireScope(c, "stories:write");
    const { serviceId } = parseOrThrow(
      z.object({ serviceId: z.enum(serviceIds) }),
      await json(c.req.raw),
    );
    const created = await deps.translations.translateInto(actor, c.req.param("id"), serviceId);
    return c.json(created, 201);
  });

  app.get("/stories/:id/translations", async (c) => {
    const actor = requireScope(c, "stories:read");
    const story = await deps.storyRepository.findStory(c.req.param("id"));
    if (!story) throw new NewsdeskError("STORY_NOT_FOUND");
    assertCan(actor, "story.view", story.serviceId, factsOf(story));
    const members = await deps.storyRepository.listFamily(story.familyId);
    const links = await Promise.all(
      members.map((m) => deps.translations.link(m.story.id).catch(() => null)),
    );
    return c.json({
      family: members.map((m, i) => ({
        storyId: m.story.id,
        serviceId: m.story.serviceId,
        status: m.story.status,
        headline: m.workingHeadline,
        role: m.story.id === story.familyId ? "source" : "translation",
        stale: links[i]?.status === "stale",
        staleSince: links[i]?.status === "stale" ? (links[i]?.staleEvents[0]?.at ?? null) : null,
      })),
    });
  });

  app.get("/stories/:id/translation/stale", async (c) => {
    const actor = requireScope(c, "stories:read");
    return c.json(await deps.translations.staleReport(actor, c.req.param("id")));
  });

  app.post("/stories/:id/translation/up-to-date", async (c) => {
    const actor = requireScope(c, "stories:write");
    return c.json({
      link: await deps.translations.markUpToDate(actor, c.req.param("id"), await json(c.req.raw)),
    });
  });

  app.post("/stories/:id/translation/waive", async (c) => {
    const actor = requireScope(c, "stories:write");
    return c.json({
      link: await deps.translations.waive(actor, c.req.param("id"), await json(c.req.raw)),
    });
  });

  app.get("/translations/stale", async (c) => {
    const actor = requireScope(c, "stories:read");
    const { serviceId } = parseOrThrow(
      z.object({ serviceId: z.enum(serviceIds).optional() }),
      c.req.query(),
    );
    return c.json(await deps.translations.staleQueue(actor, serviceId ?? null));
  });

  return app;
}

async function json(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch (cause) {
    throw new NewsdeskError("VALIDATION_FAILED", {
      detail: "The request body is not valid JSON.",
      cause,
    });
  }
}
