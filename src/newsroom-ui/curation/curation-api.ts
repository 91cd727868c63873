import { z } from "zod";
import type { ApiClient } from "../shared/api-client.js";

/**
 * Front-page, section and related-story curation (docs/newsroom-api.md, "Curation"): the
 * pinned or picked stories of one list, saved against the version they were loaded at.
 */

const curatedItemSchema = z.looseObject({
  id: z.string(),
  serviceId: z.string(),
  headline: z.string(),
  section: z.string().nullable(),
  status: z.string(),
  live: z.boolean(),
  firstPublishedAt: z.string().nullable(),
});
export type CuratedItem = z.infer<typeof curatedItemSchema>;

const curationViewSchema = z.looseObject({
  serviceId: z.string(),
  list: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
  updatedBy: z.looseObject({ id: z.string(), name: z.string() }).nullable(),
  limit: z.number(),
  items: z.array(curatedItemSchema),
});
export type CurationView = z.infer<typeof curationViewSchema>;

const candidatesSchema = z.looseObject({ items: z.array(curatedItemSchema) });

/** Which list: a service's home page or one section, or one story's related stories. */
export type CuratedListRef =
  | { readonly kind: "front"; readonly serviceId: string; readonly section: string | null }
  | { readonly kind: "related"; readonly storyId: string };

function pathOf(list: CuratedListRef): string {
  if (list.kind === "related") return `/stories/${encodeURIComponent(list.storyId)}/related`;
  const service = encodeURIComponent(list.serviceId);
  return list.section === null
    ? `/curation/${service}/home`
    : `/curation/${service}/sections/${encodeURIComponent(list.section)}`;
}

export function loadCuratedList(api: ApiClient, list: CuratedListRef): Promise<CurationView> {
  return api.request("GET", pathOf(list), { schema: curationViewSchema });
}

export function saveCuratedList(
  api: ApiClient,
  list: CuratedListRef,
  version: number,
  storyIds: readonly string[],
): Promise<CurationView> {
  return api.request("PUT", pathOf(list), {
    schema: curationViewSchema,
    json: { version, storyIds },
  });
}

/** Published stories whose headline contains `q`, newest first (all when `q` is empty). */
export async function findCandidates(
  api: ApiClient,
  query: { readonly serviceId: string; readonly q: string; readonly anyService: boolean },
): Promise<CuratedItem[]> {
  const result = await api.request("GET", "/curation/candidates", {
    schema: candidatesSchema,
    query: { service: query.serviceId, q: query.q, any: query.anyService ? "1" : "0" },
  });
  return result.items;
}
