import { z } from "zod";
import {
  type WritingSettings,
  writingSettingsSchema,
} from "../../domain/writing/writing-settings.js";
import type { ApiClient } from "../shared/api-client.js";

/** A service's writing guidance (docs/newsroom-api.md, "Writing settings"). */
const viewSchema = z.looseObject({
  serviceId: z.string(),
  settings: writingSettingsSchema,
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type WritingSettingsView = z.infer<typeof viewSchema>;

const path = (serviceId: string) => `/services/${encodeURIComponent(serviceId)}/writing-settings`;

export function getWritingSettings(
  api: ApiClient,
  serviceId: string,
): Promise<WritingSettingsView> {
  return api.request("GET", path(serviceId), { schema: viewSchema });
}

export function saveWritingSettings(
  api: ApiClient,
  serviceId: string,
  settings: WritingSettings,
): Promise<WritingSettingsView> {
  return api.request("PUT", path(serviceId), { schema: viewSchema, json: settings });
}
