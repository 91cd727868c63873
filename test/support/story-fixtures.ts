import type { StoryContent } from "../../src/domain/stories/story-schema.js";
import type { Repositories } from "../../src/storage/repositories.js";

/** Reference data the fixture stories point at. */
export async function seedCatalog(repos: Repositories): Promise<void> {
  await repos.catalog.upsertAgency({ code: "AFP", name: "AFP" });
  await repos.catalog.upsertAgency({ code: "REUTERS", name: "Reuters" });
  await repos.catalog.upsertSection({ serviceId: "en", slug: "world", name: "World", position: 0 });
  await repos.catalog.upsertSection({
    serviceId: "en",
    slug: "economy",
    name: "Economy",
    position: 1,
  });
  await repos.catalog.upsertSection({ serviceId: "fa", slug: "world", name: "جهان", position: 0 });
  await repos.catalog.upsertTopic({ serviceId: "en", slug: "diplomacy", name: "Diplomacy" });
  await repos.catalog.upsertTopic({ serviceId: "en", slug: "climate", name: "Climate" });
  await repos.catalog.upsertPerson({
    id: "ana",
    serviceId: "en",
    name: "Ana Ruiz",
    title: "Reporter",
  });
  await repos.catalog.upsertPerson({ id: "bo", serviceId: "en", name: "Bo Chen", title: "Editor" });
  await repos.catalog.upsertDesk({
    id: "desk",
    serviceId: "en",
    name: "Meridian News",
    description: "Stories by several of our journalists.",
  });
}

export function storyContent(overrides: Partial<StoryContent> = {}): StoryContent {
  return {
    headline: "Harbour talks resume",
    standfirst: "Negotiators return to the table.",
    dateline: "KESSARA",
    slug: "harbour-talks-resume",
    section: "world",
    topics: ["diplomacy"],
    leadFigure: null,
    body: [
      { type: "paragraph", content: [{ text: "Talks resumed on Monday." }] },
      { type: "quote", content: [{ text: "We are hopeful." }], speaker: "A mediator" },
    ],
    bylines: [
      { kind: "person", personId: "ana", role: "author" },
      { kind: "desk", deskId: "desk" },
    ],
    agencies: ["AFP", "REUTERS"],
    ...overrides,
  };
}
