import type { Actor } from "../domain/actor.js";
import type { EpisodeRepository } from "../domain/episodes/episode-repository.js";
import type { ProgrammeRepository } from "../domain/programmes/programme-repository.js";
import type { ProgrammeService } from "../domain/programmes/programme-service.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import type { StoryService } from "../domain/stories/story-service.js";
import { slugify } from "../domain/stories/story-slug.js";

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

/**
 * Demo episodes (issue 17): three of Daybreak in English and one of بامداد in Persian, linked
 * to the first English one as its translation, and one of the TV programme The World Tonight
 * (its video is what readers see of the demo's TV). Show notes are the story body; chapters
 * are seconds into the recordings demo-media.ts generates.
 */
const demoEpisodes: readonly {
  serviceId: ServiceId;
  programmeSlug: string;
  /** Hours before the seed's `now` that the episode was published. */
  hoursAgo: number;
  headline: string;
  standfirst: string;
  notes: string[];
  chapters: { startSeconds: number; title: string }[];
  episodeNumber: number;
  bylinePersonId: string;
  /** Links the episode to this English episode (same story family). */
  translates?: { programmeSlug: string; episodeNumber: number };
}[] = [
  {
    serviceId: "en",
    programmeSlug: "daybreak",
    hoursAgo: 46,
    headline: "Daybreak: ports reopen as the storm moves north",
    standfirst: "Harbour crews return to work, the morning papers, and the weather for the coast.",
    notes: [
      "Lena Okafor talks to harbour masters along the coast as the first ferries sail again.",
      "Tomás Reyes reads the morning papers and the regional weather.",
    ],
    chapters: [
      { startSeconds: 0, title: "Headlines" },
      { startSeconds: 6, title: "Ports reopen" },
      { startSeconds: 14, title: "Weather" },
    ],
    episodeNumber: 1,
    bylinePersonId: "lena-okafor",
  },
  {
    serviceId: "en",
    programmeSlug: "daybreak",
    hoursAgo: 44,
    headline: "Daybreak: a vaccine trial reports, and the river crests",
    standfirst: "Results from the regional vaccine trial, and flood defences along the Meridian.",
    notes: [
      "Our science correspondent explains what the trial's first results do and do not show.",
      "Reporters on the riverbank describe the night the water reached the defences.",
    ],
    chapters: [
      { startSeconds: 0, title: "Headlines" },
      { startSeconds: 8, title: "The vaccine trial" },
      { startSeconds: 15, title: "The river" },
    ],
    episodeNumber: 2,
    bylinePersonId: "tomas-reyes",
  },
  {
    serviceId: "en",
    programmeSlug: "daybreak",
    hoursAgo: 42,
    headline: "Daybreak: budget talks resume",
    standfirst: "Negotiators return to the table, and listeners' questions about fuel prices.",
    notes: [
      "What is on the table as budget talks resume, and what each side says it needs.",
      "Listeners ask why fuel prices differ between neighbouring towns.",
    ],
    chapters: [
      { startSeconds: 0, title: "Headlines" },
      { startSeconds: 10, title: "Budget talks" },
    ],
    episodeNumber: 3,
    bylinePersonId: "lena-okafor",
  },
  {
    serviceId: "en",
    programmeSlug: "the-world-tonight",
    hoursAgo: 40,
    headline: "The World Tonight: the harbour after the storm",
    standfirst: "What the storm left on the quay, and what the fishing crews lost.",
    notes: [
      "Tomás Reyes walks the harbour wall with the crews who sat the storm out ashore.",
      "Insurers explain why the first claims will take weeks to settle.",
    ],
    chapters: [
      { startSeconds: 0, title: "Tonight" },
      { startSeconds: 6, title: "The fishing crews" },
    ],
    episodeNumber: 1,
    bylinePersonId: "tomas-reyes",
  },
  {
    serviceId: "fa",
    programmeSlug: "بامداد",
    hoursAgo: 45,
    headline: "بامداد: بندرها پس از توفان بازگشایی شدند",
    standfirst: "بازگشت کارکنان بندر به کار، مرور روزنامه‌های صبح و پیش‌بینی هوای سواحل.",
    notes: [
      "نسرین احمدی با مسئولان بندرها دربارهٔ حرکت نخستین کشتی‌ها پس از توفان گفت‌وگو می‌کند.",
      "مرور روزنامه‌های صبح و پیش‌بینی هوای منطقه.",
    ],
    chapters: [
      { startSeconds: 0, title: "سرخط خبرها" },
      { startSeconds: 7, title: "بازگشایی بندرها" },
      { startSeconds: 14, title: "هوا" },
    ],
    episodeNumber: 1,
    bylinePersonId: "nasrin-ahmadi",
    translates: { programmeSlug: "daybreak", episodeNumber: 1 },
  },
];

/**
 * Seeds the demo episodes through the story service (created, then published at their time)
 * and saves each one's programme, chapters and numbering. Returns how many were seeded.
 */
export async function seedDemoEpisodes(deps: {
  stories: StoryService;
  episodes: EpisodeRepository;
  programmes: ProgrammeRepository;
  actor: Actor;
  now: Date;
  setTime: (at: number) => void;
}): Promise<number> {
  const families = new Map<string, string>();
  const familyKey = (slug: string, episodeNumber: number) => `${slug}#${episodeNumber}`;
  for (const demo of demoEpisodes) {
    const programme = await deps.programmes.findBySlug(demo.serviceId, demo.programmeSlug);
    if (!programme) continue;
    const publishedAt = deps.now.getTime() - demo.hoursAgo * 3_600_000;
    deps.setTime(publishedAt - 1_800_000);
    const familyId = demo.translates
      ? families.get(familyKey(demo.translates.programmeSlug, demo.translates.episodeNumber))
      : undefined;
    const { story } = await deps.stories.create(deps.actor, {
      serviceId: demo.serviceId,
      kind: "episode",
      ...(familyId ? { familyId } : {}),
      content: {
        headline: demo.headline,
        standfirst: demo.standfirst,
        dateline: "",
        slug: slugify(demo.headline),
        section: "world",
        topics: [],
        leadFigure: null,
        body: demo.notes.map((text) => ({ type: "paragraph", content: [{ text }] })),
        bylines: [{ kind: "person", personId: demo.bylinePersonId, role: "author" }],
        agencies: [],
      },
    });
    if (demo.serviceId === "en") {
      families.set(familyKey(demo.programmeSlug, demo.episodeNumber), story.familyId);
    }
    await deps.episodes.save({
      storyId: story.id,
      programmeId: programme.id,
      // The seed has no clip service (clips need MEDIA_STORE and ffmpeg's transcoder): the
      // `demo.media` job gives each its recording once the server runs (demo-media.ts).
      clipId: null,
      chapters: demo.chapters,
      episodeNumber: demo.episodeNumber,
      season: null,
      explicit: false,
      updatedAt: new Date(publishedAt).toISOString(),
    });
    deps.setTime(publishedAt);
    await deps.stories.publish(deps.actor, story.id, { mode: "first" });
  }
  return demoEpisodes.length;
}
