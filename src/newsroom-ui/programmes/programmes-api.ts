import { z } from "zod";
import type { ApiClient } from "../shared/api-client.js";

/** Programmes and the broadcast schedule (docs/newsroom-api.md, "Programmes and schedule"). */
const linkSchema = z.object({ label: z.string(), url: z.string() });
const programmeSchema = z.looseObject({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(["radio", "tv", "podcast"]),
  artworkMediaId: z.string().nullable(),
  presenterIds: z.array(z.string()),
  links: z.array(linkSchema),
  liveStreamUrl: z.string().nullable(),
  ownerName: z.string().nullable().optional(),
  ownerEmail: z.string().nullable().optional(),
  version: z.number(),
});
export type ProgrammeView = z.infer<typeof programmeSchema>;
export interface ProgrammeDraft {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly kind: ProgrammeView["kind"];
  readonly artworkMediaId: string | null;
  readonly presenterIds: readonly string[];
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly liveStreamUrl: string | null;
  /** The podcast feed's itunes:owner (Apple Podcasts writes to the e-mail). */
  readonly ownerName: string | null;
  readonly ownerEmail: string | null;
  readonly version?: number;
}

const slotSchema = z.looseObject({
  id: z.string().optional(),
  programmeId: z.string(),
  weekdays: z.array(z.number()),
  start: z.string(),
  durationMinutes: z.number(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  streamUrl: z.string().nullable(),
});
export type SlotDraft = z.infer<typeof slotSchema>;

const exceptionSchema = z.union([
  z.looseObject({ kind: z.literal("cancelled"), slotId: z.string(), date: z.string() }),
  z.looseObject({
    kind: z.literal("moved"),
    slotId: z.string(),
    date: z.string(),
    start: z.string(),
    durationMinutes: z.number(),
    programmeId: z.string().nullable(),
  }),
]);
export type ExceptionDraft = z.infer<typeof exceptionSchema>;

const scheduleSchema = z.looseObject({
  version: z.number(),
  slots: z.array(slotSchema),
  exceptions: z.array(exceptionSchema),
});
export type ScheduleView = z.infer<typeof scheduleSchema>;

const service = (serviceId: string) => encodeURIComponent(serviceId);

export const programmesApi = {
  async list(api: ApiClient, serviceId: string): Promise<ProgrammeView[]> {
    const schema = z.looseObject({ items: z.array(programmeSchema) });
    return (await api.request("GET", `/programmes/${service(serviceId)}`, { schema })).items;
  },
  save(api: ApiClient, serviceId: string, id: string | null, draft: ProgrammeDraft) {
    return id
      ? api.request("PUT", `/programme/${encodeURIComponent(id)}`, {
          schema: programmeSchema,
          json: draft,
        })
      : api.request("POST", `/programmes/${service(serviceId)}`, {
          schema: programmeSchema,
          json: draft,
        });
  },
  async remove(api: ApiClient, id: string): Promise<void> {
    await api.request("DELETE", `/programme/${encodeURIComponent(id)}`);
  },
  schedule(api: ApiClient, serviceId: string): Promise<ScheduleView> {
    return api.request("GET", `/schedule/${service(serviceId)}`, { schema: scheduleSchema });
  },
  saveSchedule(api: ApiClient, serviceId: string, schedule: ScheduleView): Promise<ScheduleView> {
    return api.request("PUT", `/schedule/${service(serviceId)}`, {
      schema: scheduleSchema,
      json: { version: schedule.version, slots: schedule.slots, exceptions: schedule.exceptions },
    });
  },
};
