import { createHash } from "node:crypto";
import type { ClipRendition, ClipView } from "../../domain/clips/clip-schema.js";
import { rssLanguage } from "../../domain/distribution/language-tags.js";
import type { PublishedEpisode } from "../../domain/episodes/episode-reader.js";
import type { Mirror } from "../../domain/mirrors/mirror-schema.js";
import type { Programme } from "../../domain/programmes/programme-schema.js";
import type { ServiceConfig } from "../../domain/services/service-registry.js";
import { captionUrl, clipFileUrl } from "../reader/EpisodeMedia.js";
import { episodeChaptersUrl, podcastFeedUrl, programmeUrl, storyUrl } from "../reader-urls.js";
import { element, emptyElement, htmlText } from "./xml-text.js";

/** The Podcasting 2.0 namespace's own UUID namespace for `podcast:guid` (podcast-namespace, guid). */
const podcastGuidNamespace = "ead4c236-bf58-58c6-a2c6-a6b28d128cb6";

/** RFC 9562 §5.5: SHA-1 of namespace + name, version and variant bits set. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replaceAll("-", ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The feed's `podcast:guid`: UUIDv5 of its URL without the scheme and trailing slashes. */
export function podcastGuid(feedUrl: string): string {
  return uuidV5(
    feedUrl.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, ""),
    podcastGuidNamespace,
  );
}

/** The enclosure: the standard rendition every podcast app plays, else a low one. */
export function enclosureOf(clip: ClipView): ClipRendition | undefined {
  const audio = clip.renditions.filter((r) => r.role.startsWith("audio-"));
  return (
    audio.find((r) => r.role === "audio-standard") ??
    audio.find((r) => r.role === "audio-low-aac") ??
    audio[0]
  );
}

/**
 * HLS's registered type (RFC 8216 §4, Apple's registration), as the Podcasting 2.0 namespace
 * writes it for streams in `podcast:alternateEnclosure`.
 */
const hlsType = "application/x-mpegURL";

/** A MIME type without its parameters (`audio/ogg; codecs=opus` → `audio/ogg`). */
function baseType(mime: string): string {
  return mime.split(";")[0]?.trim() ?? mime;
}

/**
 * The enclosure's type as Apple Podcasts lists it: audio/x-m4a for M4A, not the registered
 * audio/mp4 (RFC 4337), which its feed requirements do not name. Alternate enclosures, read
 * by Podcasting 2.0 apps, keep the registered type.
 */
function enclosureType(mime: string): string {
  const type = baseType(mime);
  return type === "audio/mp4" ? "audio/x-m4a" : type;
}

export interface PodcastFeedInput {
  readonly service: ServiceConfig;
  readonly programme: Programme;
  readonly publicUrl: string;
  readonly publisherName: string;
  /** Absolute https URL of the square artwork (1400–3000 px), if the programme has one. */
  readonly artworkUrl: string | null;
  /**
   * The service's mirrors (issue 16). Those that proxy this site (`https` hosts and `onion`
   * services) serve every clip file at the same path, so each alternate enclosure names
   * them as further sources; `static` exports hold only what their pages link, never the
   * HLS segments, and are left out.
   */
  readonly mirrors: readonly Mirror[];
  readonly presenters: readonly string[];
  /** Published episodes, newest first; those without a playable clip are left out. */
  readonly episodes: readonly PublishedEpisode[];
  /** Apple's category (podcasts.apple.com category list); news services are "News". */
  readonly category?: string;
}

/**
 * A programme's podcast feed: RSS 2.0 with Apple Podcasts' `itunes:` tags and the
 * Podcasting 2.0 namespace (github.com/Podcastindex-org/podcast-namespace): `podcast:guid`,
 * `podcast:transcript` (WebVTT), `podcast:chapters` (JSON chapters) and
 * `podcast:alternateEnclosure` naming the low-bitrate renditions for listeners on expensive
 * data, a video episode's HLS stream, and each file's copies on the service's mirrors and
 * onion service. Enclosure lengths are the renditions' exact byte counts. A video episode's
 * enclosure is its audio-only rendition: podcast apps download one file, and the video
 * exists only as HLS (ffmpeg-clip-transcoder.ts).
 */
export function podcastFeed(input: PodcastFeedInput): string {
  const { service, programme, publicUrl } = input;
  const abs = (path: string) => `${publicUrl}${path}`;
  const self = abs(podcastFeedUrl(service, programme.slug));
  const items = input.episodes.flatMap((item) => {
    const enclosure = item.clip ? enclosureOf(item.clip) : undefined;
    return item.clip && enclosure ? [{ item, clip: item.clip, enclosure }] : [];
  });
  const explicit = (flag: boolean) => (flag ? "true" : "false");
  const mirrorBases = input.mirrors.filter((m) => m.kind !== "static").map((m) => m.url);
  const owner = programme.ownerEmail
    ? [
        "<itunes:owner>",
        element("itunes:name", programme.ownerName ?? input.publisherName),
        element("itunes:email", programme.ownerEmail),
        "</itunes:owner>",
      ]
    : [];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">',
    "<channel>",
    element("title", programme.title),
    element("link", abs(programmeUrl(service, programme.slug))),
    element("description", htmlText(programme.description || programme.title)),
    emptyElement("atom:link", { href: self, rel: "self", type: "application/rss+xml" }),
    element("language", rssLanguage(service.locale)),
    element("copyright", `© ${input.publisherName}`),
    element("generator", "Newsdesk"),
    element("docs", "https://www.rssboard.org/rss-specification"),
    ...(items[0] ? [element("lastBuildDate", rfc822(items[0].item.firstPublishedAt))] : []),
    element(
      "itunes:author",
      input.presenters.length > 0 ? input.presenters.join(", ") : input.publisherName,
    ),
    element("itunes:summary", programme.description || programme.title),
    // Apple Podcasts: an owner's e-mail is how a directory verifies who submits the feed;
    // without one there is no owner to name.
    ...owner,
    ...(input.artworkUrl ? [emptyElement("itunes:image", { href: input.artworkUrl })] : []),
    emptyElement("itunes:category", { text: input.category ?? "News" }),
    element("itunes:explicit", explicit(items.some((i) => i.item.episode.explicit))),
    element(
      "itunes:type",
      items.some((i) => i.item.episode.season !== null) ? "serial" : "episodic",
    ),
    element("podcast:guid", podcastGuid(self)),
    element("podcast:medium", "podcast"),
  ];
  for (const { item, clip, enclosure } of items) {
    const { episode } = item;
    const page = abs(
      storyUrl(service, { id: episode.storyId, slug: item.slug, section: item.section }),
    );
    const file = (name: string) => abs(clipFileUrl(clip.clip.id, name));
    out.push("<item>");
    out.push(element("title", item.headline));
    out.push(element("link", page));
    out.push(element("description", htmlText(item.standfirst || item.headline)));
    out.push(element("guid", `urn:newsdesk:episode:${episode.storyId}`, { isPermaLink: "false" }));
    out.push(element("pubDate", rfc822(item.firstPublishedAt)));
    out.push(
      emptyElement("enclosure", {
        url: file(enclosure.name),
        length: enclosure.bytes,
        type: enclosureType(enclosure.mime),
      }),
    );
    if (clip.clip.durationMs !== null) {
      out.push(element("itunes:duration", String(Math.round(clip.clip.durationMs / 1000))));
    }
    if (episode.episodeNumber !== null) {
      out.push(element("itunes:episode", String(episode.episodeNumber)));
      out.push(element("podcast:episode", String(episode.episodeNumber)));
    }
    if (episode.season !== null) {
      out.push(element("itunes:season", String(episode.season)));
      out.push(element("podcast:season", String(episode.season)));
    }
    out.push(element("itunes:episodeType", "full"));
    out.push(element("itunes:explicit", explicit(episode.explicit)));
    for (const caption of clip.captions) {
      out.push(
        emptyElement("podcast:transcript", {
          url: abs(captionUrl(clip.clip.id, caption.lang)),
          type: "text/vtt",
          language: caption.lang,
          rel: "captions",
        }),
      );
    }
    if (episode.chapters.length > 0) {
      out.push(
        emptyElement("podcast:chapters", {
          url: abs(episodeChaptersUrl(service, episode.storyId)),
          type: "application/json+chapters",
        }),
      );
    }
    // Every audio rendition as an alternate, the enclosure's own marked default
    // (podcast-namespace, alternateEnclosure): apps on expensive data pick the low bitrate.
    // Each names its file here and on every mirror that proxies the site.
    const sources = (name: string, contentType?: string) =>
      [file(name), ...mirrorBases.map((base) => `${base}${clipFileUrl(clip.clip.id, name)}`)].map(
        (uri) => emptyElement("podcast:source", { uri, contentType }),
      );
    // A video episode's progressive MP4 (one file, the lowest rung) is one of them too.
    const files = clip.renditions.filter(
      (r) => r.role.startsWith("audio-") || r.role === "video-progressive",
    );
    for (const rendition of files) {
      const video = rendition.role === "video-progressive";
      out.push(
        `<podcast:alternateEnclosure${attributes({
          type: baseType(rendition.mime),
          length: rendition.bytes,
          bitrate: rendition.bitrate,
          ...(video && rendition.height !== null ? { height: rendition.height } : {}),
          codecs: rendition.codecs,
          ...(rendition === enclosure ? { default: "true" } : {}),
          title: !video
            ? `${Math.round(rendition.bitrate / 1000)} kbit/s`
            : rendition.height !== null
              ? `Video, ${rendition.height}p`
              : "Video",
        })}>`,
      );
      out.push(...sources(rendition.name));
      // W3C Subresource Integrity: apps check a copy from a mirror is the file we made.
      if (rendition.sha256) {
        const digest = Buffer.from(rendition.sha256, "hex").toString("base64");
        out.push(emptyElement("podcast:integrity", { type: "sri", value: `sha256-${digest}` }));
      }
      out.push("</podcast:alternateEnclosure>");
    }
    // A video episode's picture: the HLS master playlist, which adapts to the connection.
    // No length: a playlist's bytes are not the stream's.
    const hls = clip.renditions.find((r) => r.role === "hls-master");
    if (clip.clip.kind === "video" && hls) {
      out.push(
        `<podcast:alternateEnclosure${attributes({
          type: hlsType,
          bitrate: hls.bitrate,
          ...(hls.height !== null ? { height: hls.height } : {}),
          codecs: hls.codecs,
          title: hls.height !== null ? `Video, up to ${hls.height}p` : "Video",
        })}>`,
      );
      out.push(...sources(hls.name, hlsType));
      out.push("</podcast:alternateEnclosure>");
    }
    out.push("</item>");
  }
  out.push("</channel>", "</rss>");
  return `${out.join("\n")}\n`;
}

/** Podcasting 2.0 JSON chapters (jsonChapters.md, version 1.2.0). */
export function chaptersJson(
  title: string,
  chapters: readonly { startSeconds: number; title: string }[],
): string {
  return JSON.stringify({
    version: "1.2.0",
    title,
    chapters: chapters.map((c) => ({ startTime: c.startSeconds, title: c.title })),
  });
}

function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

function attributes(values: Record<string, string | number>): string {
  return emptyElement("x", values).slice(2, -2);
}
