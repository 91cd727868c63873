import { systemActor } from "../../src/domain/actor.js";
import type { StoryContent } from "../../src/domain/stories/story-schema.js";
import type { Newsdesk } from "../../src/main.js";
import { hostileFeedStrings } from "./hostile-feed-strings.js";

export interface HostileStory {
  readonly id: string;
  /** The hostile string placed in every text field of this story. */
  readonly text: string;
  /** The link href placed in its body (an attribute breakout attempt). */
  readonly href: string;
}

/** The topic every hostile story carries; its feeds hold these stories and nothing else. */
export const hostileTopicSlug = "hostile-corpus";

/**
 * Publishes one English story per hostile string, with the string as headline, standfirst,
 * dateline, lead-photo caption, credit and alt text, body paragraph, heading, list item,
 * quote and speaker, link text, correction, and as the name of its byline person and desk,
 * agency, topic and section. A demo story's lead photo is reused (so feeds carry images).
 */
export async function publishHostileStories(newsdesk: Newsdesk): Promise<HostileStory[]> {
  const actor = systemActor("hostile feed test");
  const { catalog, stories: storyRepo, published: publishedRepo } = newsdesk.repositories;
  let leadFigure: StoryContent["leadFigure"] = null;
  const demo = await publishedRepo.listPublished({ serviceId: "en", limit: 50, offset: 0 });
  for (const summary of demo) {
    const head = await storyRepo.findStory(summary.id);
    const revision = await storyRepo.findRevision(head?.publishedRevisionId ?? "");
    leadFigure = leadFigure ?? revision?.content.leadFigure ?? null;
  }
  if (!leadFigure) throw new Error("no demo story with a lead photo");
  await catalog.upsertSection({
    serviceId: "en",
    slug: "hostile",
    name: hostileFeedStrings[1] ?? "",
    position: 99,
  });
  await catalog.upsertTopic({
    serviceId: "en",
    slug: hostileTopicSlug,
    name: hostileFeedStrings[0] ?? "",
  });
  const published: HostileStory[] = [];
  for (const [i, text] of hostileFeedStrings.entries()) {
    await catalog.upsertPerson({ id: `hostile-p${i}`, serviceId: "en", name: text, title: text });
    await catalog.upsertDesk({
      id: `hostile-d${i}`,
      serviceId: "en",
      name: text,
      description: text,
    });
    await catalog.upsertAgency({ code: `HOSTILE${i}`, name: text });
    await catalog.upsertTopic({ serviceId: "en", slug: `hostile-t${i}`, name: text });
    const href = `https://example.org/${text}`;
    const { story } = await newsdesk.services.stories.create(actor, {
      serviceId: "en",
      content: {
        headline: text,
        standfirst: text,
        dateline: text,
        slug: `hostile-${i}`,
        section: "hostile",
        topics: [hostileTopicSlug, `hostile-t${i}`],
        leadFigure: { ...leadFigure, caption: text, credit: text, alt: text },
        body: [
          { type: "paragraph", content: [{ text }] },
          { type: "heading", level: 2, content: [{ text }] },
          {
            type: "paragraph",
            content: [
              { text, marks: [{ type: "strong" }] },
              { text, marks: [{ type: "link", href }] },
            ],
          },
          { type: "list", ordered: false, items: [[{ text, marks: [{ type: "em" }] }]] },
          { type: "quote", content: [{ text }], speaker: text },
        ],
        bylines: [
          { kind: "person", personId: `hostile-p${i}`, role: "author" },
          { kind: "desk", deskId: `hostile-d${i}` },
        ],
        agencies: [`HOSTILE${i}`],
      } satisfies StoryContent,
    });
    await newsdesk.services.stories.publish(actor, story.id, { mode: "first" });
    await newsdesk.services.stories.correct(actor, story.id, { text });
    published.push({ id: story.id, text, href });
  }
  return published;
}
