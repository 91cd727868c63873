import { z } from "zod";
import { type MirrorInput, mirrorKinds } from "../../domain/mirrors/mirror-schema.js";
import type { ApiClient } from "../shared/api-client.js";

/** A service's mirrors for administrators (docs/newsroom-api.md, "Mirrors"). */
const mirrorSchema = z.looseObject({
  id: z.string(),
  serviceId: z.string(),
  kind: z.enum(mirrorKinds),
  url: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type MirrorView = z.infer<typeof mirrorSchema>;

const path = (serviceId: string) => `/services/${encodeURIComponent(serviceId)}/mirrors`;

export async function listMirrors(api: ApiClient, serviceId: string): Promise<MirrorView[]> {
  return (
    await api.request("GET", path(serviceId), {
      schema: z.looseObject({ mirrors: z.array(mirrorSchema) }),
    })
  ).mirrors;
}

export async function addMirror(
  api: ApiClient,
  serviceId: string,
  input: MirrorInput,
): Promise<MirrorView> {
  return (
    await api.request("POST", path(serviceId), {
      json: input,
      schema: z.looseObject({ mirror: mirrorSchema }),
    })
  ).mirror;
}

export async function removeMirror(api: ApiClient, serviceId: string, id: string): Promise<void> {
  await api.request("DELETE", `${path(serviceId)}/${encodeURIComponent(id)}`);
}
