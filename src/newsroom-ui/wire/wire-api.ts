import { z } from "zod";
import type { serviceIds } from "../../domain/services/service-registry.js";
import { storyBodySchema } from "../../domain/stories/story-body-schema.js";
import type { ApiClient } from "../shared/api-client.js";
import { revisionSchema, storyHeadSchema } from "../shared/api-schemas.js";

/**
 * The wire desk's API (`/newsroom/api/wire`, src/http/wire-routes.ts) for the newsroom app:
 * response schemas (loose: the server may add fields) and typed calls over `ApiClient`.
 */

/**
 * The source kinds of `src/domain/wire/wire-source-schema.ts`, repeated here: importing that
 * module would pull the wire parsers into the browser bundle.
 */
export const wireSourceKinds = ["http-pull", "drop-directory", "push"] as const;

export const wirePubStatuses = ["usable", "withheld", "canceled"] as const;
export type WirePubStatus = (typeof wirePubStatuses)[number];

const nullableString = z.string().nullable();

const wireQueueItemSchema = z.looseObject({
  id: z.string(),
  agencyCode: z.string(),
  guid: z.string(),
  sourceId: z.string(),
  serviceId: z.string(),
  headline: nullableString,
  language: nullableString,
  urgency: z.number().nullable(),
  pubStatus: z.enum(wirePubStatuses),
  embargoedUntil: nullableString,
  versionCreated: nullableString,
  receivedAt: z.string(),
  versionCount: z.number(),
  embargoed: z.boolean(),
});
export type WireQueueItem = z.infer<typeof wireQueueItemSchema>;

const wireQueueSchema = z.looseObject({
  items: z.array(wireQueueItemSchema),
  nextCursor: nullableString,
});
type WireQueue = z.infer<typeof wireQueueSchema>;

const conceptSchema = z.looseObject({
  code: z.string().optional(),
  name: z.string().optional(),
});

const wireItemContentSchema = z.looseObject({
  guid: z.string(),
  headline: z.string().optional(),
  standfirst: z.string().optional(),
  body: storyBodySchema,
  byline: z.string().optional(),
  dateline: z.string().optional(),
  language: z.string().optional(),
  direction: z.enum(["ltr", "rtl"]).optional(),
  urgency: z.number().optional(),
  subjects: z.array(conceptSchema),
  edNote: z.string().optional(),
  embargoedUntil: z.string().optional(),
  rights: z.looseObject({ usageTerms: z.string().optional() }).optional(),
});
export type WireItemContent = z.infer<typeof wireItemContentSchema>;

const wireVersionSummarySchema = z.looseObject({
  id: z.string(),
  number: z.number(),
  version: nullableString,
  versionCreated: nullableString,
  pubStatus: z.enum(wirePubStatuses),
  receivedAt: z.string(),
});

const wireVersionSchema = wireVersionSummarySchema.extend({
  item: wireItemContentSchema,
});
type WireVersion = z.infer<typeof wireVersionSchema>;

const wireLinkSchema = z.looseObject({
  storyId: z.string(),
  itemId: z.string(),
  versionId: z.string(),
  agencyCode: z.string(),
  mode: z.string(),
  usedAt: z.string(),
});

const wireItemDetailSchema = z.looseObject({
  item: wireQueueItemSchema,
  current: wireVersionSchema,
  versions: z.array(wireVersionSummarySchema),
  links: z.array(wireLinkSchema),
});
export type WireItemDetail = z.infer<typeof wireItemDetailSchema>;

const quarantineEntrySchema = z.looseObject({
  id: z.string(),
  sourceId: nullableString,
  filename: nullableString,
  code: z.string(),
  reason: z.string(),
  guid: nullableString,
  receivedAt: z.string(),
});
export type QuarantineEntry = z.infer<typeof quarantineEntrySchema>;
const quarantineListSchema = z.looseObject({
  entries: z.array(quarantineEntrySchema),
  nextCursor: nullableString,
});

const storyFlagSchema = z.looseObject({
  id: z.string(),
  storyId: z.string(),
  itemId: z.string(),
  guid: z.string(),
  agencyCode: z.string(),
  pubStatus: z.enum(["withheld", "canceled"]),
  reason: nullableString,
  flaggedAt: z.string(),
  acknowledgedAt: nullableString,
});
export type StoryFlag = z.infer<typeof storyFlagSchema>;

/** A flag in the dashboard's list: the server adds the story's service and headline. */
const listedFlagSchema = storyFlagSchema.extend({ serviceId: z.string(), headline: z.string() });
export type ListedStoryFlag = z.infer<typeof listedFlagSchema>;

const storyWireSchema = z.looseObject({
  links: z.array(wireLinkSchema),
  flags: z.array(storyFlagSchema),
});
export type StoryWire = z.infer<typeof storyWireSchema>;

const wireSourceSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(wireSourceKinds),
  name: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
  serviceId: z.string(),
  language: z.string().optional(),
  subjectSections: z.record(z.string(), z.string()),
  enabled: z.boolean(),
  url: z.string().optional(),
  directory: z.string().optional(),
  intervalSeconds: z.number().optional(),
  state: z.looseObject({
    nextPollAt: nullableString,
    failures: z.number(),
    lastPolledAt: nullableString,
    lastSuccessAt: nullableString,
    lastError: nullableString,
  }),
});
export type WireSource = z.infer<typeof wireSourceSchema>;

/** What the source form sends (POST and PUT take the whole configuration). */
export interface WireSourceInput {
  readonly kind: (typeof wireSourceKinds)[number];
  readonly name: string;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly serviceId: (typeof serviceIds)[number];
  readonly language?: string;
  readonly subjectSections: Readonly<Record<string, string>>;
  readonly enabled: boolean;
  readonly url?: string;
  readonly directory?: string;
  readonly intervalSeconds?: number;
}

export interface WireQueueFilters {
  readonly q?: string | undefined;
  readonly agency?: string | undefined;
  readonly language?: string | undefined;
  readonly urgency?: string | undefined;
  readonly subject?: string | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly status?: string | undefined;
}

const wire = (path: string) => `/wire${path}`;
const enc = encodeURIComponent;

export function listWireItems(
  api: ApiClient,
  filters: WireQueueFilters,
  cursor: string | null,
  limit = 50,
): Promise<WireQueue> {
  return api.request("GET", wire("/items"), {
    schema: wireQueueSchema,
    query: { ...filters, cursor: cursor ?? undefined, limit },
  });
}

export function getWireItem(api: ApiClient, itemId: string): Promise<WireItemDetail> {
  return api.request("GET", wire(`/items/${enc(itemId)}`), { schema: wireItemDetailSchema });
}

export function getWireVersion(
  api: ApiClient,
  itemId: string,
  versionId: string,
): Promise<WireVersion> {
  return api.request("GET", wire(`/items/${enc(itemId)}/versions/${enc(versionId)}`), {
    schema: wireVersionSchema,
  });
}

const usedSchema = z.looseObject({ story: storyHeadSchema, revision: revisionSchema });
const addedSchema = z.looseObject({ revision: revisionSchema });

export function useInNewStory(
  api: ApiClient,
  itemId: string,
  input: { serviceId: string; versionId?: string },
): Promise<z.infer<typeof usedSchema>> {
  return api.request("POST", wire(`/items/${enc(itemId)}/use`), {
    schema: usedSchema,
    json: input,
  });
}

export function addToStory(
  api: ApiClient,
  itemId: string,
  input: { storyId: string; versionId?: string },
): Promise<z.infer<typeof addedSchema>> {
  return api.request("POST", wire(`/items/${enc(itemId)}/add-to-story`), {
    schema: addedSchema,
    json: input,
  });
}

export function listQuarantine(
  api: ApiClient,
  cursor: string | null,
): Promise<z.infer<typeof quarantineListSchema>> {
  return api.request("GET", wire("/quarantine"), {
    schema: quarantineListSchema,
    query: { cursor: cursor ?? undefined, limit: 50 },
  });
}

export async function listFlags(api: ApiClient): Promise<ListedStoryFlag[]> {
  return (
    await api.request("GET", wire("/flags"), {
      schema: z.looseObject({ flags: z.array(listedFlagSchema) }),
    })
  ).flags;
}

export function acknowledgeFlag(api: ApiClient, flagId: string): Promise<StoryFlag> {
  return api.request("POST", wire(`/flags/${enc(flagId)}/acknowledge`), {
    schema: storyFlagSchema,
  });
}

export function storyWire(api: ApiClient, storyId: string): Promise<StoryWire> {
  return api.request("GET", wire(`/stories/${enc(storyId)}`), { schema: storyWireSchema });
}

export async function listSources(api: ApiClient): Promise<WireSource[]> {
  return (
    await api.request("GET", wire("/sources"), {
      schema: z.looseObject({ sources: z.array(wireSourceSchema) }),
    })
  ).sources;
}

export function addSource(
  api: ApiClient,
  input: WireSourceInput,
): Promise<{ source: WireSource; pushToken: string | null }> {
  return api.request("POST", wire("/sources"), {
    schema: z.looseObject({ source: wireSourceSchema, pushToken: nullableString }),
    json: input,
  });
}

export function updateSource(
  api: ApiClient,
  sourceId: string,
  input: WireSourceInput,
): Promise<WireSource> {
  return api.request("PUT", wire(`/sources/${enc(sourceId)}`), {
    schema: wireSourceSchema,
    json: input,
  });
}

export async function rotatePushToken(api: ApiClient, sourceId: string): Promise<string> {
  return (
    await api.request("POST", wire(`/sources/${enc(sourceId)}/token`), {
      schema: z.looseObject({ pushToken: z.string() }),
    })
  ).pushToken;
}
