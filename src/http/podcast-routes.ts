import { Hono } from "hono";
import { cacheTags } from "../domain/cache/cache-tags.js";
import { type EpisodeReader, episodesPerFeed } from "../domain/episodes/episode-reader.js";
import type { MirrorReadRepository } from "../domain/mirrors/mirror-schema.js";
import type { ProgrammeReader } from "../domain/programmes/programme-reader.js";
import type { ReaderService } from "../domain/reader/reader-service.js";
import { serviceByUrlPrefix } from "../domain/services/service-registry.js";
import { chaptersJson, enclosureOf, podcastFeed } from "../render/feeds/podcast-feed.js";
import { conditional } from "./feed-routes.js";
import { problemResponse } from "./problem-json.js";

export interface PodcastRoutesDeps {
  readonly reader: ReaderService;
  readonly programmes: ProgrammeReader;
  readonly episodes: EpisodeReader;
  readonly publicUrl: string;
  readonly publisherName: string;
  /** The services' mirrors: enclosures name their copies there (issue 16); none without. */
  readonly mirrors?: Pick<MirrorReadRepository, "listForService">;
}

const storyIdPattern = /^[0-9a-z]{8,32}$/;

/** Podcast feeds per programme and episodes' JSON chapters (issue 17). */
export function podcastRoutes(deps: PodcastRoutesDeps): Hono {
  const app = new Hono();

  app.get("/:prefix/programmes/:slug/podcast.xml", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    if (!service) return problemResponse(c, "NOT_FOUND", "There is no such feed.");
    const found = await deps.programmes.programme(service, c.req.param("slug"));
    if (!found) return problemResponse(c, "PROGRAMME_NOT_FOUND");
    const [{ items }, artwork, mirrors] = await Promise.all([
      deps.episodes.published(found.programme, { limit: episodesPerFeed, offset: 0 }),
      deps.programmes.podcastArtwork(found.programme),
      deps.mirrors?.listForService(service.id) ?? [],
    ]);
    const body = podcastFeed({
      service,
      programme: found.programme,
      publicUrl: deps.publicUrl,
      publisherName: deps.publisherName,
      artworkUrl: artwork ? `${deps.publicUrl}${artwork}` : null,
      mirrors,
      presenters: found.presenters.map((p) => p.name),
      episodes: items,
    });
    return conditional(
      c,
      body,
      "application/rss+xml; charset=utf-8",
      items[0]?.firstPublishedAt ?? found.programme.updatedAt,
      undefined,
      {
        tags: [
          cacheTags.programme(found.programme.id),
          cacheTags.programmeFeed(found.programme.id),
          cacheTags.programmes(service.id),
          // Mirror sources of every enclosure.
          cacheTags.mirrors(service.id),
          // An item shows its story's headline, standfirst, address and first publication:
          // a correction, a silent fix or a republication changes the story's page, not this.
          // Only the items the feed carries: an episode with a playable clip (enclosureOf).
          ...items.flatMap((i) =>
            i.clip && enclosureOf(i.clip) ? [cacheTags.summary(i.episode.storyId)] : [],
          ),
          // Enclosures, alternates and transcripts come from the clips.
          ...items.flatMap((i) => (i.episode.clipId ? [cacheTags.clip(i.episode.clipId)] : [])),
        ],
      },
    );
  });

  app.get("/:prefix/episodes/:id/chapters.json", async (c) => {
    const service = serviceByUrlPrefix(c.req.param("prefix"));
    const id = c.req.param("id");
    if (!service || !storyIdPattern.test(id)) return problemResponse(c, "NOT_FOUND");
    const lookup = await deps.reader.story(service, id);
    const episode = lookup.kind === "published" ? await deps.episodes.forStory(id) : undefined;
    if (lookup.kind !== "published" || !episode || episode.episode.chapters.length === 0) {
      return problemResponse(c, "NOT_FOUND", "The episode has no chapters.");
    }
    return conditional(
      c,
      chaptersJson(lookup.model.content.headline, episode.episode.chapters),
      "application/json+chapters",
      episode.episode.updatedAt,
      undefined,
      { tags: [cacheTags.story(id)] },
    );
  });

  return app;
}
