import { systemActor } from "../domain/actor.js";
import { AuditLog } from "../domain/audit/audit-log.js";
import { BreakingNewsService } from "../domain/breaking/breaking-news-service.js";
import type { Clock } from "../domain/clock.js";
import { LiveService } from "../domain/live/live-service.js";
import type { ImageProcessor } from "../domain/media/image-processor.js";
import type { MediaObjects } from "../domain/media/media-objects.js";
import { MediaService } from "../domain/media/media-service.js";
import { ProgrammeService } from "../domain/programmes/programme-service.js";
import { services } from "../domain/services/service-registry.js";
import type { StoryBlock } from "../domain/stories/story-body-schema.js";
import type { StoryContent } from "../domain/stories/story-schema.js";
import { StoryService } from "../domain/stories/story-service.js";
import { slugify } from "../domain/stories/story-slug.js";
import { storyUrl } from "../render/reader-urls.js";
import type { Repositories } from "../storage/repositories.js";
import {
  demoAgencies,
  demoBanners,
  demoDesks,
  demoImages,
  demoPeople,
  demoSections,
  demoStories,
  demoTopics,
  toBlocks,
} from "./demo-content.js";
import { drawDemoImage } from "./demo-images.js";
import { demoLiveEnglish, demoLivePersian, demoLiveStartedHoursAgo } from "./demo-live.js";
import { demoFamilies } from "./demo-more-services.js";
import { seedDemoEpisodes, seedDemoProgrammes } from "./demo-programmes.js";

const hour = 3_600_000;

/**
 * Seeds the demo newsroom through the same domain services editors use, so demo stories
 * have real revisions, publish times, updates and corrections. Times are relative to `now`.
 */
export async function seedDemo(deps: {
  repositories: Repositories;
  images: ImageProcessor;
  /** Where the photos' bytes go (MEDIA_STORE). */
  mediaObjects: MediaObjects;
  now: Date;
}): Promise<{ stories: number; images: number }> {
  const { repositories: repos } = deps;
  let current = deps.now.getTime() - 60 * hour;
  const clock: Clock = { now: () => new Date(current) };
  const actor = systemActor("demo seed");
  const storyService = new StoryService({ ...repos, clock });
  const mediaService = new MediaService({
    repository: repos.media,
    objects: deps.mediaObjects,
    images: deps.images,
    clock,
  });
  const breaking = new BreakingNewsService({ repository: repos.breaking, clock });

  for (const agency of demoAgencies) await repos.catalog.upsertAgency(agency);
  for (const section of demoSections) await repos.catalog.upsertSection(section);
  for (const topic of demoTopics) await repos.catalog.upsertTopic(topic);
  for (const person of demoPeople) await repos.catalog.upsertPerson(person);
  for (const desk of demoDesks) await repos.catalog.upsertDesk(desk);

  const mediaIds = new Map<string, string>();
  for (const [key, image] of Object.entries(demoImages)) {
    const bytes = await drawDemoImage(image.spec);
    const { asset } = await mediaService.upload(actor, bytes, {
      caption: "",
      credit: image.credit,
      alt: "",
      focalX: 0.5,
      focalY: 0.55,
      rightsSource: "Meridian News",
      rightsUsage: image.rights,
    });
    mediaIds.set(key, asset.id);
  }
  const mediaId = (key: string) => mediaIds.get(key) ?? key;
  const credit = (key: string) => demoImages[key]?.credit ?? "";

  const urls = new Map<string, string>();
  // Live posts embed demo stories by key (demo-live.ts).
  const storyIds = new Map<string, string>();
  // Language versions join their source's story family (reader language switcher, hreflang).
  const familyIds = new Map<string, string>();
  // Oldest first, so every step happens at its own point in time.
  const ordered = [...demoStories].sort((a, b) => b.publishedHoursAgo - a.publishedHoursAgo);
  for (const demo of ordered) {
    const content: StoryContent = {
      headline: demo.headline,
      standfirst: demo.standfirst,
      dateline: demo.dateline,
      slug: slugify(demo.headline),
      section: demo.section,
      topics: demo.topics,
      leadFigure: demo.lead
        ? {
            type: "figure",
            mediaId: mediaId(demo.lead.image),
            caption: demo.lead.caption,
            credit: credit(demo.lead.image),
            alt: demo.lead.alt,
          }
        : null,
      body: toBlocks(demo.body, credit).map((block) =>
        block.type === "figure" ? { ...block, mediaId: mediaId(block.mediaId) } : block,
      ),
      bylines: demo.bylines,
      agencies: demo.agencies,
    };
    const publishedAt = deps.now.getTime() - demo.publishedHoursAgo * hour;
    current = publishedAt - 0.5 * hour;
    const familyId = familyIds.get(demoFamilies[demo.key] ?? "");
    const { story, revision } = await storyService.create(actor, {
      serviceId: demo.serviceId,
      content,
      ...(familyId ? { familyId } : {}),
    });
    familyIds.set(demo.key, story.familyId);
    storyIds.set(demo.key, story.id);
    current = publishedAt;
    await storyService.publish(actor, story.id, { mode: "first" });
    urls.set(
      demo.key,
      storyUrl(services[demo.serviceId], {
        id: story.id,
        slug: content.slug,
        section: content.section,
      }),
    );
    for (const [index, text] of (demo.corrections ?? []).entries()) {
      current = publishedAt + (index + 1) * hour;
      await storyService.correct(actor, story.id, { text });
    }
    if (demo.update) {
      current = deps.now.getTime() - demo.update.hoursAgo * hour;
      const updated: StoryContent = {
        ...content,
        body: [
          ...content.body,
          { type: "paragraph", content: [{ text: demo.update.addParagraph }] },
        ],
      };
      await storyService.saveDraft(actor, story.id, {
        baseRevisionId: revision.id,
        content: updated,
        note: "Added the governor's statement.",
      });
      await storyService.publish(actor, story.id, { mode: "update", note: demo.update.note });
    }
  }

  const livePages = await seedDemoLivePages({
    repos,
    storyService,
    clock,
    setTime: (at) => {
      current = at;
    },
    now: deps.now,
    mediaId,
    credit,
    storyId: (key) => storyIds.get(key),
  });

  current = deps.now.getTime() - 0.5 * hour;
  for (const banner of demoBanners) {
    await breaking.raise(actor, {
      serviceId: banner.serviceId,
      text: banner.text,
      url: urls.get(banner.storyKey) ?? null,
      // Demo banners stay up for a week so a fresh install always shows one.
      expiresAt: new Date(deps.now.getTime() + 7 * 24 * hour).toISOString(),
    });
  }
  await seedDemoProgrammes(
    new ProgrammeService({
      repository: repos.programmes,
      audit: new AuditLog({ repository: repos.audit, clock }),
      clock,
      onChange: async () => {},
      personExists: async (id) => (await repos.catalog.findPeople([id])).length === 1,
      imageSize: async (mediaId) => repos.media.find(mediaId),
    }),
    actor,
    deps.now,
  );
  const episodes = await seedDemoEpisodes({
    stories: storyService,
    episodes: repos.episodes,
    programmes: repos.programmes,
    actor,
    now: deps.now,
    setTime: (at) => {
      current = at;
    },
  });
  return { stories: demoStories.length + livePages + episodes, images: mediaIds.size };
}

/**
 * The live page (issue 15) in English and, in the same story family, in Persian: published
 * when it went live, then each post at its own time through the live service, as a desk
 * would post them. Returns how many live pages were seeded.
 */
async function seedDemoLivePages(deps: {
  repos: Repositories;
  storyService: StoryService;
  clock: Clock;
  setTime: (at: number) => void;
  now: Date;
  mediaId: (key: string) => string;
  credit: (key: string) => string;
  /** The seeded demo story of this key, if any. */
  storyId: (key: string) => string | undefined;
}): Promise<number> {
  const { repos, storyService, clock } = deps;
  const actor = systemActor("demo seed");
  const livePages = new LiveService({
    live: repos.live,
    stories: repos.stories,
    viewable: (who, storyId) => storyService.viewable(who, storyId),
    catalog: repos.catalog,
    media: repos.media,
    audit: new AuditLog({ repository: repos.audit, clock }),
    clock,
  });
  const startedAt = deps.now.getTime() - demoLiveStartedHoursAgo * hour;
  let familyId: string | undefined;
  const pages = [demoLiveEnglish, demoLivePersian];
  for (const demo of pages) {
    deps.setTime(startedAt - 0.25 * hour);
    const { story } = await storyService.create(actor, {
      serviceId: demo.serviceId,
      kind: "live",
      ...(familyId ? { familyId } : {}),
      content: {
        headline: demo.headline,
        standfirst: demo.standfirst,
        dateline: demo.dateline,
        slug: slugify(demo.headline),
        section: demo.section,
        topics: demo.topics,
        leadFigure: null,
        body: demo.summary.map((text) => ({ type: "paragraph", content: [{ text }] })),
        bylines: [{ kind: "person", personId: demo.bylinePersonId, role: "author" }],
        agencies: [],
      },
    });
    familyId ??= story.familyId;
    deps.setTime(startedAt);
    await storyService.publish(actor, story.id, { mode: "first" });
    await livePages.updateSettings(actor, story.id, {
      status: "live",
      keyPoints: demo.keyPoints,
      reportersMayPost: true,
      version: 1,
    });
    for (const post of demo.posts) {
      deps.setTime(startedAt + post.minutes * 60_000);
      const text: StoryBlock[] = post.paragraphs.map((paragraph) => ({
        type: "paragraph",
        content: [{ text: paragraph }],
      }));
      const figure: StoryBlock[] = post.figure
        ? [
            {
              type: "figure",
              mediaId: deps.mediaId(post.figure.image),
              caption: post.figure.caption,
              credit: deps.credit(post.figure.image),
              alt: post.figure.alt,
            },
          ]
        : [];
      const embedded = post.embed ? deps.storyId(post.embed) : undefined;
      const embed: StoryBlock[] = embedded ? [{ type: "storyEmbed", storyId: embedded }] : [];
      await livePages.post(actor, story.id, {
        title: post.title,
        body: [...text, ...figure, ...embed],
        bylines: [{ personId: post.byline ?? demo.bylinePersonId }],
        ...(post.keyEvent ? { keyEvent: true } : {}),
        ...(post.pinned ? { pinned: true } : {}),
      });
    }
  }
  return pages.length;
}
