import type { ClipView } from "../../domain/clips/clip-schema.js";
import type { EpisodeView } from "../../domain/episodes/episode-reader.js";
import type { StoryPageModel } from "../../domain/reader/reader-models.js";
import { enclosureOf } from "../feeds/podcast-feed.js";
import { clipFileUrl } from "../reader/EpisodeMedia.js";
import { programmeUrl, storyUrl } from "../reader-urls.js";
import type { StructuredDataContext } from "./news-article.js";

/** ISO 8601 duration (schema.org Duration), e.g. `PT12M5S`. */
function isoDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

/** The clip as schema.org AudioObject or VideoObject (Google's video structured data fields). */
function mediaObject(
  clip: ClipView,
  name: string,
  description: string,
  uploadDate: string | null,
  abs: (path: string) => string,
): object | undefined {
  const duration = clip.clip.durationMs !== null ? isoDuration(clip.clip.durationMs) : undefined;
  if (clip.clip.kind === "video") {
    const hls = clip.renditions.find((r) => r.role === "hls-master");
    const poster = clip.renditions.find((r) => r.role === "poster");
    if (!hls) return undefined;
    return {
      "@type": "VideoObject",
      name,
      description: description || name,
      contentUrl: abs(clipFileUrl(clip.clip.id, hls.name)),
      encodingFormat: "application/vnd.apple.mpegurl",
      ...(poster ? { thumbnailUrl: abs(clipFileUrl(clip.clip.id, poster.name)) } : {}),
      ...(uploadDate ? { uploadDate } : {}),
      ...(duration ? { duration } : {}),
    };
  }
  const file = enclosureOf(clip);
  if (!file) return undefined;
  return {
    "@type": "AudioObject",
    name,
    contentUrl: abs(clipFileUrl(clip.clip.id, file.name)),
    encodingFormat: file.mime.split(";")[0],
    contentSize: String(file.bytes),
    bitrate: `${Math.round(file.bitrate / 1000)} kbps`,
    ...(uploadDate ? { uploadDate } : {}),
    ...(duration ? { duration } : {}),
  };
}

/**
 * schema.org PodcastEpisode for an episode page: part of its programme (PodcastSeries), with
 * its clip as `associatedMedia` (AudioObject or VideoObject).
 */
export function podcastEpisodeJsonLd(
  model: StoryPageModel,
  view: EpisodeView,
  ctx: StructuredDataContext,
): object {
  const { service, publicUrl } = ctx;
  const abs = (path: string) => `${publicUrl}${path}`;
  const { story, content } = model;
  const media = view.clip
    ? mediaObject(view.clip, content.headline, content.standfirst, story.firstPublishedAt, abs)
    : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "PodcastEpisode",
    url: abs(storyUrl(service, { id: story.id, slug: content.slug, section: content.section })),
    name: content.headline,
    description: content.standfirst,
    ...(story.firstPublishedAt ? { datePublished: story.firstPublishedAt } : {}),
    ...(view.episode.episodeNumber !== null ? { episodeNumber: view.episode.episodeNumber } : {}),
    partOfSeries: {
      "@type": "PodcastSeries",
      name: view.programme.title,
      url: abs(programmeUrl(service, view.programme.slug)),
    },
    ...(media ? { associatedMedia: media } : {}),
  };
}
