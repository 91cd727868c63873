import type { Actor } from "../domain/actor.js";
import type { ProgrammeService } from "../domain/programmes/programme-service.js";
import type { ServiceId } from "../domain/services/service-registry.js";

/**
 * The demo broadcaster's programmes and a week of its schedule, in English and Persian:
 * our own invented shows. Times are wall-clock times in each service's zone (English: UTC,
 * Persian: Asia/Tehran), repeating from a day before the seed, so "on now" works at once.
 */
const demoProgrammes: readonly {
  serviceId: ServiceId;
  programme: {
    slug: string;
    title: string;
    description: string;
    kind: "radio" | "tv" | "podcast";
    presenterIds: string[];
    links: { label: string; url: string }[];
    liveStreamUrl: string | null;
  };
  slots: { weekdays: number[]; start: string; durationMinutes: number }[];
}[] = [
  {
    serviceId: "en",
    programme: {
      slug: "daybreak",
      title: "Daybreak",
      description:
        "Half an hour of the morning's news from our correspondents, with the weather for the region and the papers.",
      kind: "radio",
      presenterIds: ["lena-okafor", "tomas-reyes"],
      links: [
        { label: "Apple Podcasts", url: "https://podcasts.example.com/meridian/daybreak" },
        { label: "Spotify", url: "https://open.example.com/show/meridian-daybreak" },
      ],
      liveStreamUrl: "https://stream.example.com/meridian/english/radio.m3u8",
    },
    slots: [
      { weekdays: [1, 2, 3, 4, 5], start: "06:00", durationMinutes: 30 },
      { weekdays: [6, 7], start: "08:00", durationMinutes: 30 },
    ],
  },
  {
    serviceId: "en",
    programme: {
      slug: "the-world-tonight",
      title: "The World Tonight",
      description:
        "The day's main stories, explained, with interviews from the places they happened.",
      kind: "tv",
      presenterIds: ["tomas-reyes"],
      links: [],
      liveStreamUrl: "https://stream.example.com/meridian/english/tv.m3u8",
    },
    slots: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: "19:00", durationMinutes: 30 }],
  },
  {
    serviceId: "en",
    programme: {
      slug: "open-line",
      title: "Open Line",
      description:
        "Listeners put their questions to reporters and to each other. Call in or send a voice note.",
      kind: "radio",
      presenterIds: ["lena-okafor"],
      links: [{ label: "RSS", url: "https://podcasts.example.com/meridian/open-line.xml" }],
      liveStreamUrl: "https://stream.example.com/meridian/english/radio.m3u8",
    },
    slots: [{ weekdays: [1, 3, 5], start: "12:00", durationMinutes: 60 }],
  },
  {
    serviceId: "fa",
    programme: {
      slug: "بامداد",
      title: "بامداد",
      description: "خبرهای صبحگاهی از خبرنگاران ما، همراه با وضعیت هوا و مرور روزنامه‌ها.",
      kind: "radio",
      presenterIds: ["nasrin-ahmadi"],
      links: [{ label: "Apple Podcasts", url: "https://podcasts.example.com/meridian/bamdad" }],
      liveStreamUrl: "https://stream.example.com/meridian/persian/radio.m3u8",
    },
    slots: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: "06:30", durationMinutes: 30 }],
  },
  {
    serviceId: "fa",
    programme: {
      slug: "شبنامه",
      title: "شب‌نامه",
      description: "مهم‌ترین خبرهای روز با گزارش و گفت‌وگو.",
      kind: "tv",
      presenterIds: ["kaveh-rad"],
      links: [],
      liveStreamUrl: "https://stream.example.com/meridian/persian/tv.m3u8",
    },
    slots: [{ weekdays: [6, 7, 1, 2, 3], start: "21:00", durationMinutes: 45 }],
  },
];

/** Creates the demo programmes and their services' schedules through the programme service. */
export async function seedDemoProgrammes(
  programmes: ProgrammeService,
  actor: Actor,
  now: Date,
): Promise<number> {
  const validFrom = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const slotsByService = new Map<ServiceId, unknown[]>();
  for (const demo of demoProgrammes) {
    const created = await programmes.create(actor, demo.serviceId, {
      ...demo.programme,
      artworkMediaId: null,
    });
    const slots = slotsByService.get(demo.serviceId) ?? [];
    for (const slot of demo.slots) {
      slots.push({
        ...slot,
        programmeId: created.id,
        validFrom,
        validUntil: null,
        streamUrl: null,
      });
    }
    slotsByService.set(demo.serviceId, slots);
  }
  for (const [serviceId, slots] of slotsByService) {
    await programmes.saveSchedule(actor, serviceId, { version: 0, slots, exceptions: [] });
  }
  return demoProgrammes.length;
}
