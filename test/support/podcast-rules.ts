import { XMLParser } from "fast-xml-parser";

/**
 * Checks of a podcast feed beyond RSS 2.0 (feed-rules.ts): what Apple Podcasts requires of
 * its `itunes:` tags (podcasters.apple.com, "Podcast RSS feed requirements") and the
 * Podcasting 2.0 namespace's rules for the `podcast:` tags we write
 * (github.com/Podcastindex-org/podcast-namespace, docs/1.0.md). Each problem names the rule.
 */
export interface PodcastIssue {
  readonly rule: string;
  readonly where: string;
}

type Node = Record<string, unknown>;

const itunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";
const podcastNs = "https://podcastindex.org/namespace/1.0";
/** Apple's enclosure types (M4A, MP3, MOV, MP4, M4V, PDF). */
const appleEnclosureTypes = new Set([
  "audio/x-m4a",
  "audio/mpeg",
  "video/quicktime",
  "video/mp4",
  "video/x-m4v",
  "application/pdf",
]);
const media = new Set(["podcast", "music", "video", "film", "audiobook", "newsletter", "blog"]);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const mimeType = /^[a-z]+\/[a-z0-9.+-]+$/i;
const positiveInteger = /^[1-9]\d*$/;
const arrays = new Set([
  "rss.channel.item",
  "rss.channel.itunes:category",
  "rss.channel.item.podcast:alternateEnclosure",
  "rss.channel.item.podcast:alternateEnclosure.podcast:source",
  "rss.channel.item.podcast:transcript",
]);

export function checkPodcastFeed(xml: string): PodcastIssue[] {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    isArray: (_name, path) => arrays.has(String(path)),
  }).parse(xml) as { rss?: Node & { channel?: Node } };
  const issues: PodcastIssue[] = [];
  const fail = (rule: string, where: string) => issues.push({ rule, where });
  const rss = parsed.rss;
  const channel = rss?.channel;
  if (!rss || !channel) return [{ rule: "rss-channel", where: "rss" }];
  if (rss["@xmlns:itunes"] !== itunesNs) fail("itunes-namespace", "rss");
  if (rss["@xmlns:podcast"] !== podcastNs) fail("podcast-namespace", "rss");
  // An element with attributes parses as an object holding its text in `#text`.
  const text = (node: Node, name: string) => {
    const value = node[name];
    if (value && typeof value === "object") return (value as Node)["#text"] as string | undefined;
    return typeof value === "string" ? value : undefined;
  };
  const attr = (node: unknown, name: string) =>
    node && typeof node === "object"
      ? ((node as Node)[`@${name}`] as string | undefined)
      : undefined;

  // Apple: required channel tags.
  for (const name of ["title", "description", "language"]) {
    if (!text(channel, name)) fail(`apple-channel-${name}`, "channel");
  }
  const image = attr(channel["itunes:image"], "href");
  if (!image?.startsWith("https://")) fail("apple-itunes-image-https", "channel");
  if (!/\.(?:jpe?g|png)$/i.test(image ?? "")) fail("apple-itunes-image-format", "channel");
  const categories = (channel["itunes:category"] ?? []) as Node[];
  if (categories.length === 0 || categories.some((c) => !attr(c, "text"))) {
    fail("apple-itunes-category", "channel");
  }
  if (!["true", "false"].includes(text(channel, "itunes:explicit") ?? "")) {
    fail("apple-itunes-explicit", "channel");
  }
  const type = text(channel, "itunes:type");
  if (type !== undefined && !["episodic", "serial"].includes(type))
    fail("apple-itunes-type", "channel");
  const owner = channel["itunes:owner"] as Node | undefined;
  if (owner && !/^[^@\s]+@[^@\s]+$/.test(text(owner, "itunes:email") ?? "")) {
    fail("apple-itunes-owner-email", "channel");
  }
  // Podcasting 2.0: the feed's GUID is a UUIDv5; the medium one of the listed values.
  if (!uuid.test(text(channel, "podcast:guid") ?? "")) fail("podcast-guid-uuidv5", "channel");
  const medium = text(channel, "podcast:medium");
  if (medium !== undefined && !media.has(medium)) fail("podcast-medium", "channel");

  const items = (channel.item ?? []) as Node[];
  items.forEach((item, index) => {
    const where = `item ${index + 1}`;
    if (!text(item, "title")) fail("apple-item-title", where);
    const enclosure = item.enclosure;
    if (!attr(enclosure, "url")?.startsWith("https://")) fail("apple-enclosure-url", where);
    if (!positiveInteger.test(attr(enclosure, "length") ?? "")) fail("enclosure-length", where);
    if (!appleEnclosureTypes.has(attr(enclosure, "type") ?? ""))
      fail("apple-enclosure-type", where);
    if (!text(item, "guid")) fail("apple-item-guid", where);
    const duration = text(item, "itunes:duration");
    if (duration !== undefined && !/^(?:\d+|(?:\d+:)?[0-5]?\d:[0-5]\d)$/.test(duration)) {
      fail("apple-itunes-duration", where);
    }
    for (const name of ["itunes:episode", "itunes:season", "podcast:episode", "podcast:season"]) {
      const value = text(item, name);
      if (value !== undefined && !positiveInteger.test(value)) fail(`number-${name}`, where);
    }
    const episodeType = text(item, "itunes:episodeType");
    if (episodeType !== undefined && !["full", "trailer", "bonus"].includes(episodeType)) {
      fail("apple-itunes-episodeType", where);
    }
    const explicit = text(item, "itunes:explicit");
    if (explicit !== undefined && !["true", "false"].includes(explicit)) {
      fail("apple-itunes-explicit", where);
    }
    for (const transcript of (item["podcast:transcript"] ?? []) as Node[]) {
      if (!attr(transcript, "url") || !mimeType.test(attr(transcript, "type") ?? "")) {
        fail("podcast-transcript-url-type", where);
      }
    }
    const chapters = item["podcast:chapters"];
    if (
      chapters &&
      (!attr(chapters, "url") || attr(chapters, "type") !== "application/json+chapters")
    ) {
      fail("podcast-chapters-url-type", where);
    }
    const alternates = (item["podcast:alternateEnclosure"] ?? []) as Node[];
    if (alternates.filter((a) => attr(a, "default") === "true").length > 1) {
      fail("podcast-alternateEnclosure-one-default", where);
    }
    for (const alternate of alternates) {
      if (!mimeType.test(attr(alternate, "type") ?? ""))
        fail("podcast-alternateEnclosure-type", where);
      for (const name of ["length", "bitrate", "height"]) {
        const value = attr(alternate, name);
        if (value !== undefined && !/^\d+(?:\.\d+)?$/.test(value)) {
          fail(`podcast-alternateEnclosure-${name}`, where);
        }
      }
      const fallback = attr(alternate, "default");
      if (fallback !== undefined && !["true", "false"].includes(fallback)) {
        fail("podcast-alternateEnclosure-default", where);
      }
      const sources = (alternate["podcast:source"] ?? []) as Node[];
      if (sources.length === 0) fail("podcast-alternateEnclosure-source", where);
      for (const source of sources) {
        if (!URL.canParse(attr(source, "uri") ?? "")) fail("podcast-source-uri", where);
      }
      const integrity = alternate["podcast:integrity"];
      if (
        integrity &&
        (!["sri", "pgp-signature"].includes(attr(integrity, "type") ?? "") ||
          !attr(integrity, "value"))
      ) {
        fail("podcast-integrity", where);
      }
    }
  });
  return issues;
}
