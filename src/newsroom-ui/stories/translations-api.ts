import { z } from "zod";
import type { ApiClient } from "../shared/api-client.js";
import {
  correctionSchema,
  revisionSchema,
  storyHeadSchema,
  storyStatusSchema,
  tooLargeDiffSchema,
} from "../shared/api-schemas.js";

/** Linked translations (docs/newsroom-api.md, "Translations") for the newsroom app. */

const nullableString = z.string().nullable();

const translationLinkSchema = z.looseObject({
  storyId: z.string(),
  sourceStoryId: z.string(),
  sourceServiceId: z.string(),
  targetServiceId: z.string(),
  status: z.enum(["current", "stale", "waived"]),
  waiverReason: nullableString.optional(),
  updatedAt: z.string().optional(),
  staleEvents: z
    .array(
      z.looseObject({
        kind: z.string(),
        at: z.string(),
        note: nullableString,
      }),
    )
    .optional(),
});
export type TranslationLink = z.infer<typeof translationLinkSchema>;

const familyMemberSchema = z.looseObject({
  storyId: z.string(),
  serviceId: z.string(),
  status: storyStatusSchema,
  headline: z.string(),
  role: z.enum(["source", "translation"]),
  stale: z.boolean(),
  staleSince: nullableString.optional(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

const staleReportSchema = z.looseObject({
  link: translationLinkSchema,
  source: z.looseObject({ id: z.string(), serviceId: z.string() }),
  fromRevisionId: z.string(),
  toRevisionId: z.string(),
  diff: z.array(
    z.looseObject({
      op: z.string(),
      field: z.string().optional(),
      text: z.string(),
    }),
  ),
  diffTooLarge: tooLargeDiffSchema.nullable().default(null),
  corrections: z.array(correctionSchema),
  events: z.array(z.looseObject({ kind: z.string(), at: z.string(), note: nullableString })),
});
export type StaleReport = z.infer<typeof staleReportSchema>;

const story = (id: string) => `/stories/${encodeURIComponent(id)}`;

export function translateStory(
  api: ApiClient,
  storyId: string,
  serviceId: string,
): Promise<{ story: z.infer<typeof storyHeadSchema> }> {
  return api.request("POST", `${story(storyId)}/translations`, {
    schema: z.looseObject({ story: storyHeadSchema, revision: revisionSchema.optional() }),
    json: { serviceId },
  });
}

export async function storyFamily(api: ApiClient, storyId: string): Promise<FamilyMember[]> {
  return (
    await api.request("GET", `${story(storyId)}/translations`, {
      schema: z.looseObject({ family: z.array(familyMemberSchema) }),
    })
  ).family;
}

export function staleReport(api: ApiClient, storyId: string): Promise<StaleReport> {
  return api.request("GET", `${story(storyId)}/translation/stale`, { schema: staleReportSchema });
}

/** Both names for the compared source revision: the contract's and the domain's. */
export async function markUpToDate(
  api: ApiClient,
  storyId: string,
  sourceRevisionId: string,
): Promise<void> {
  await api.request("POST", `${story(storyId)}/translation/up-to-date`, {
    json: { revisionId: sourceRevisionId, sourceRevisionId },
  });
}

export async function waiveTranslation(
  api: ApiClient,
  storyId: string,
  reason: string,
): Promise<void> {
  await api.request("POST", `${story(storyId)}/translation/waive`, { json: { reason } });
}

export function staleTranslations(
  api: ApiClient,
  serviceId: string | null,
): Promise<TranslationLink[]> {
  return api.request("GET", "/translations/stale", {
    schema: z.array(translationLinkSchema),
    query: { serviceId: serviceId ?? undefined },
  });
}

const sideBySideSchema = z.looseObject({
  link: translationLinkSchema,
  source: z.looseObject({ storyId: z.string(), serviceId: z.string(), revisionId: z.string() }),
  translation: z.looseObject({
    storyId: z.string(),
    serviceId: z.string(),
    revisionId: z.string(),
  }),
  fields: z.array(
    z.looseObject({
      field: z.enum(["headline", "standfirst", "dateline"]),
      source: z.string(),
      previous: nullableString,
      translation: z.string(),
    }),
  ),
  rows: z.array(
    z.looseObject({
      change: z.enum(["same", "changed", "added", "removed"]),
      source: nullableString,
      previous: nullableString,
      translation: nullableString,
    }),
  ),
  tooLarge: z.boolean(),
});
export type SideBySide = z.infer<typeof sideBySideSchema>;

/** The translator view: source and translation block by block, the source's changes inline. */
export function sideBySide(api: ApiClient, storyId: string): Promise<SideBySide> {
  return api.request("GET", `${story(storyId)}/translation/side-by-side`, {
    schema: sideBySideSchema,
  });
}
