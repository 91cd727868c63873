import { z } from "zod";
import type { ApiClient } from "../shared/api-client.js";

/** Audio and video clips (docs/newsroom-api.md, "Audio and video clips"). */

const renditionSchema = z.looseObject({
  name: z.string(),
  role: z.string(),
  mime: z.string(),
  bitrate: z.number(),
  bytes: z.number(),
  url: z.string(),
});

const captionSchema = z.looseObject({
  lang: z.string(),
  cueCount: z.number(),
  vtt: z.string(),
  transcript: z.string(),
  transcriptEdited: z.boolean(),
});

const clipSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(["audio", "video"]),
  title: z.string(),
  source: z.enum(["upload", "external"]),
  externalUrl: z.string().nullable(),
  durationMs: z.number().nullable(),
  status: z.enum(["queued", "running", "ready", "failed"]),
  error: z.string().nullable(),
  progress: z.number().nullable(),
  renditions: z.array(renditionSchema),
  captions: z.array(captionSchema),
});
export type ClipItem = z.infer<typeof clipSchema>;

const oneSchema = z.looseObject({ clip: clipSchema });
const listSchema = z.looseObject({ items: z.array(clipSchema), total: z.number() });
const captionResultSchema = z.looseObject({ caption: captionSchema });

/** One WebVTT mistake the server found, with its line. */
export const captionProblemsSchema = z.array(z.object({ line: z.number(), message: z.string() }));

export function listClips(api: ApiClient, query: { q?: string; offset?: number }) {
  return api.request("GET", "/media/clips", { schema: listSchema, query: { ...query, limit: 20 } });
}

export async function getClip(api: ApiClient, id: string): Promise<ClipItem> {
  return (await api.request("GET", `/media/clips/${encodeURIComponent(id)}`, { schema: oneSchema }))
    .clip;
}

export async function uploadClip(api: ApiClient, file: File, title: string): Promise<ClipItem> {
  return (
    await api.request("POST", "/media/clips", { schema: oneSchema, raw: file, query: { title } })
  ).clip;
}

export async function putCaptions(api: ApiClient, id: string, lang: string, vtt: string) {
  return (
    await api.request(
      "PUT",
      `/media/clips/${encodeURIComponent(id)}/captions/${encodeURIComponent(lang)}`,
      {
        schema: captionResultSchema,
        json: { vtt },
      },
    )
  ).caption;
}

/** Deletes the clip and its files; 409 CLIP_IN_USE while an episode plays it. */
export function deleteClip(api: ApiClient, id: string): Promise<void> {
  return api.request("DELETE", `/media/clips/${encodeURIComponent(id)}`);
}

export function deleteCaptions(api: ApiClient, id: string, lang: string): Promise<void> {
  return api.request(
    "DELETE",
    `/media/clips/${encodeURIComponent(id)}/captions/${encodeURIComponent(lang)}`,
  );
}

export async function putTranscript(api: ApiClient, id: string, lang: string, transcript: string) {
  return (
    await api.request(
      "PUT",
      `/media/clips/${encodeURIComponent(id)}/transcripts/${encodeURIComponent(lang)}`,
      {
        schema: captionResultSchema,
        json: { transcript },
      },
    )
  ).caption;
}
