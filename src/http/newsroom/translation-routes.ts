import { z } from "zod";
import { parseOrThrow } from "../../domain/parse-or-throw.js";
import { serviceIds } from "../../domain/services/service-registry.js";
import type { TranslationService } from "../../domain/translations/translation-service.js";
import { type NewsroomRouter, pathParam } from "./newsroom-router.js";

/**
 * Translations (docs/newsroom-api.md, "Translations"): translate into a service, see a story's
 * language family, review what changed in a stale translation's source, and bring it up to
 * date or waive the change.
 */
export function translationRoutes(
  r: NewsroomRouter,
  deps: { readonly translations: TranslationService },
): void {
  r.post(
    "/stories/:id/translations",
    { action: "translation.create", scope: "stories:write" },
    async (c, { actor, body }) => {
      const { serviceId } = parseOrThrow(z.object({ serviceId: z.enum(serviceIds) }), body);
      const created = await deps.translations.translateInto(actor, pathParam(c, "id"), serviceId);
      return c.json(created, 201);
    },
  );

  r.get(
    "/stories/:id/translations",
    { action: "story.view", scope: "stories:read" },
    async (c, { actor }) =>
      c.json({ family: await deps.translations.family(actor, pathParam(c, "id")) }),
  );

  r.get(
    "/stories/:id/translation/stale",
    { action: "translation.edit", scope: "stories:read" },
    async (c, { actor }) => c.json(await deps.translations.staleReport(actor, pathParam(c, "id"))),
  );

  r.get(
    "/stories/:id/translation/side-by-side",
    { action: "translation.edit", scope: "stories:read" },
    async (c, { actor }) => c.json(await deps.translations.sideBySide(actor, pathParam(c, "id"))),
  );

  r.post(
    "/stories/:id/translation/up-to-date",
    { action: "translation.edit", scope: "stories:write" },
    async (c, { actor, body }) =>
      c.json({ link: await deps.translations.markUpToDate(actor, pathParam(c, "id"), body) }),
  );

  r.post(
    "/stories/:id/translation/waive",
    { action: "translation.edit", scope: "stories:write" },
    async (c, { actor, body }) =>
      c.json({ link: await deps.translations.waive(actor, pathParam(c, "id"), body) }),
  );

  r.get(
    "/translations/stale",
    { action: "translation.edit", scope: "stories:read" },
    async (c, { actor }) => {
      const { serviceId } = parseOrThrow(
        z.object({ serviceId: z.enum(serviceIds).optional() }),
        c.req.query(),
      );
      return c.json(await deps.translations.staleQueue(actor, serviceId ?? null));
    },
  );
}
