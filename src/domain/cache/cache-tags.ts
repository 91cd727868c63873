import type { StoryEmbeds } from "../published/published-stories.js";
import type { ServiceId } from "../services/service-registry.js";
import type { StoryEventType } from "../stories/story-events.js";
import type { Story, StoryContent } from "../stories/story-schema.js";

/**
 * Dependency tags for cached responses. A page carries the tag of every story it shows
 * and of every list it was built from; a change invalidates exactly the tags it touches:
 * the story itself (so every page that showed it is rebuilt, including lists it leaves),
 * and the lists it now belongs to (so lists it enters are rebuilt). Nothing else.
 */
export const cacheTags = {
  /** The story's own page. */
  story: (id: string) => `story:${id}`,
  /** The story as a teaser in lists (home, section, related…). */
  teaser: (id: string) => `teaser:${id}`,
  /**
   * The story as a bare headline link (text-only pages list related stories by headline
   * alone): only its headline and address, or its going on or off the site, change it.
   */
  headline: (id: string) => `headline:${id}`,
  /**
   * The story as headline, address and standfirst, dated by its first publication
   * (programme pages and podcast feeds list episodes so): a republication's new "updated"
   * time or a new lead picture does not change it.
   */
  summary: (id: string) => `summary:${id}`,
  /** Language versions of one story: their language switchers list each other. */
  family: (familyId: string) => `family:${familyId}`,
  home: (serviceId: ServiceId) => `list:home:${serviceId}`,
  section: (serviceId: ServiceId, slug: string) => `list:section:${serviceId}:${slug}`,
  topic: (serviceId: ServiceId, slug: string) => `list:topic:${serviceId}:${slug}`,
  /**
   * A topic's name and address, shown on the page of every story that carries it: changed
   * by catalogue edits only, not by publications (those change the topic's list).
   */
  topicName: (serviceId: ServiceId, slug: string) => `topic:${serviceId}:${slug}`,
  person: (id: string) => `list:person:${id}`,
  /**
   * A person's name and details where they are named outside bylines (a programme's
   * presenters): changed by catalogue edits only, not by the stories they write.
   */
  personName: (id: string) => `person:${id}`,
  desk: (id: string) => `list:desk:${id}`,
  /** Feeds and sitemaps of a service: every publication can change them. */
  feeds: (serviceId: ServiceId) => `feeds:${serviceId}`,
  /** The breaking-news bar shown on every page of a service. */
  banner: (serviceId: ServiceId) => `banner:${serviceId}`,
  /**
   * A curated list: a home page's or a section's pinned stories (`home`, `section:<slug>`), or
   * one story's picked related stories (`related:<id>`). Only the page showing the list
   * carries it (all pages of a section, since pins shift the pages after them).
   */
  curated: (serviceId: ServiceId, listKey: string) => `curated:${serviceId}:${listKey}`,
  /** Navigation and other per-service page furniture. */
  chrome: (serviceId: ServiceId) => `chrome:${serviceId}`,
  /** A service's mirror list: its "Can't reach us?" page (issue 16). */
  mirrors: (serviceId: ServiceId) => `mirrors:${serviceId}`,
  /** The service's programme list and every programme page (a slot or programme changed). */
  programmes: (serviceId: ServiceId) => `programmes:${serviceId}`,
  /** One programme's own details (title, links), shown on its page, feed and episodes. */
  programme: (id: string) => `programme:${id}`,
  /**
   * The list of a programme's published episodes: its page and podcast feed, not the
   * episodes' own pages (another episode's correction changes none of those).
   */
  programmeEpisodes: (id: string) => `programme-episodes:${id}`,
  /**
   * The episodes a programme's podcast feed carries: only those with a clip, so publishing
   * or killing an episode that has none leaves the feed be.
   */
  programmeFeed: (id: string) => `programme-feed:${id}`,
  /**
   * One clip's renditions and which caption languages it has: the pages of the episodes
   * that play it and their programmes' podcast feeds (enclosures, alternates, the list of
   * transcripts). A clip change touches no story, so without it those would go stale.
   */
  clip: (id: string) => `clip:${id}`,
  /** One language's WebVTT file of a clip: `/media/clips/<id>/captions/<lang>.vtt`. */
  clipCaptions: (id: string, lang: string) => `clip-captions:${id}:${lang}`,
  /** One language's reading transcript of a clip, on the episode pages that show it. */
  clipTranscript: (id: string, lang: string) => `clip-transcript:${id}:${lang}`,
  /** The broadcast schedule: the schedule page, and the home page's "on now" line. */
  schedule: (serviceId: ServiceId) => `schedule:${serviceId}`,
} as const;

/**
 * The tags of a page showing story embeds: an embed shows a headline and an address only
 * (like text-only related lists), so it changes with the embedded story's headline or its
 * going on or off the site, and, for another service's story, with a translation appearing
 * or going in the page's service.
 */
export function embedTags(embeds: StoryEmbeds): string[] {
  return [
    ...embeds.headlineIds.map((id) => cacheTags.headline(id)),
    ...embeds.familyIds.map((id) => cacheTags.family(id)),
  ];
}

/** The lists a published story belongs to, from its content. */
function listTagsFor(serviceId: ServiceId, content: StoryContent): string[] {
  return [
    cacheTags.home(serviceId),
    cacheTags.section(serviceId, content.section),
    ...content.topics.map((slug) => cacheTags.topic(serviceId, slug)),
    ...content.bylines.map((b) =>
      b.kind === "person" ? cacheTags.person(b.personId) : cacheTags.desk(b.deskId),
    ),
  ];
}

/** What a teaser (a story in a list) shows; lists change only if one of these does. */
function headlineOf(content: StoryContent): string {
  return JSON.stringify([content.headline, content.slug, content.section]);
}

/** What a headline-and-summary list shows (its first-publication date never changes). */
function summaryOf(content: StoryContent): string {
  return JSON.stringify([content.headline, content.slug, content.section, content.standfirst]);
}

function teaserOf(head: Story, content: StoryContent): string {
  return JSON.stringify([
    content.headline,
    content.standfirst,
    content.slug,
    content.section,
    content.leadFigure?.mediaId ?? null,
    head.firstPublishedAt,
    head.updatedAt,
  ]);
}

export interface StoryChange {
  readonly type: StoryEventType;
  readonly before: Story | null;
  readonly after: Story;
  /** Published content before and after the change; null when not public. */
  readonly beforeContent: StoryContent | null;
  readonly afterContent: StoryContent | null;
}

/**
 * Tags to invalidate for a story change, and only those:
 * - the story's own page whenever readers can see a difference;
 * - its teaser (every list showing it) only if a teaser field changed or it left the public;
 * - lists it enters (first publication, a new section, topic or byline), since the newest
 *   story always enters the top of a list;
 * - its language family's switchers only when a version appears or disappears.
 */
export function tagsForStoryChange(change: StoryChange): string[] {
  const { after, afterContent, before, beforeContent } = change;
  const serviceId = after.serviceId;
  const tags = new Set<string>([cacheTags.story(after.id)]);
  const wasPublic = beforeContent !== null && before?.status === "published";
  const isPublic = afterContent !== null && after.status === "published";
  if (wasPublic !== isPublic) tags.add(cacheTags.family(after.familyId));
  if (!isPublic || !wasPublic || !before || !beforeContent || !afterContent) {
    tags.add(cacheTags.teaser(after.id));
    tags.add(cacheTags.headline(after.id));
    tags.add(cacheTags.summary(after.id));
    tags.add(cacheTags.feeds(serviceId));
    if (afterContent && isPublic)
      for (const tag of listTagsFor(serviceId, afterContent)) tags.add(tag);
    return [...tags];
  }
  if (teaserOf(before, beforeContent) !== teaserOf(after, afterContent)) {
    tags.add(cacheTags.teaser(after.id));
  }
  if (headlineOf(beforeContent) !== headlineOf(afterContent)) {
    tags.add(cacheTags.headline(after.id));
  }
  if (summaryOf(beforeContent) !== summaryOf(afterContent)) {
    tags.add(cacheTags.summary(after.id));
  }
  // Feeds carry full text, so any public change reaches them.
  tags.add(cacheTags.feeds(serviceId));
  const old = new Set(listTagsFor(serviceId, beforeContent));
  const now = new Set(listTagsFor(serviceId, afterContent));
  for (const tag of now) if (!old.has(tag)) tags.add(tag);
  // Leaving a list that showed it: those pages carry the teaser tag.
  if ([...old].some((tag) => !now.has(tag))) tags.add(cacheTags.teaser(after.id));
  return [...tags];
}
