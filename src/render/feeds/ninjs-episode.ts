import type { EpisodeView } from "../../domain/episodes/episode-reader.js";
import { clipFileUrl } from "../reader/EpisodeMedia.js";
import type { NinjsDocument } from "./ninjs-document.js";

/**
 * An episode's clip as a ninjs 3.1 association of the story's document: `type` `audio` or
 * `video`, one rendition per playable file with its MIME type (with codecs), exact size in
 * bytes and duration in seconds, so partners can pick the low-bitrate file.
 */
export function withEpisodeMedia(
  document: NinjsDocument,
  view: EpisodeView,
  publicUrl: string,
): NinjsDocument {
  const { clip } = view;
  if (!clip) return document;
  const duration =
    clip.clip.durationMs !== null ? Math.round(clip.clip.durationMs / 100) / 10 : undefined;
  const renditions = clip.renditions
    .filter((r) => r.role !== "poster")
    .map((r) => ({
      name: r.role,
      href: `${publicUrl}${clipFileUrl(clip.clip.id, r.name)}`,
      contentType: r.role === "hls-master" ? "application/vnd.apple.mpegurl" : r.mime,
      ...(r.role === "hls-master" ? {} : { sizeInBytes: r.bytes }),
      ...(duration !== undefined ? { duration } : {}),
      ...(r.width && r.height ? { width: r.width, height: r.height } : {}),
    }));
  const association = {
    name: "episodeMedia",
    rel: "episode",
    uri: `${publicUrl}/media/clips/${clip.clip.id}`,
    type: clip.clip.kind,
    ...(clip.clip.title
      ? { headlines: [{ role: "main", contentType: "text/plain", value: clip.clip.title }] }
      : {}),
    renditions,
  };
  const existing = Array.isArray(document.associations) ? document.associations : [];
  return { ...document, associations: [...existing, association] };
}
