import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { ClipRendition, ClipView } from "../../src/domain/clips/clip-schema.js";
import type { PublishedEpisode } from "../../src/domain/episodes/episode-reader.js";
import type { Mirror } from "../../src/domain/mirrors/mirror-schema.js";
import type { Programme } from "../../src/domain/programmes/programme-schema.js";
import { serviceByUrlPrefix } from "../../src/domain/services/service-registry.js";
import { type PodcastFeedInput, podcastFeed } from "../../src/render/feeds/podcast-feed.js";
import { checkFeed } from "../support/feed-rules.js";
import { checkPodcastFeed } from "../support/podcast-rules.js";

const service = serviceByUrlPrefix("english");
if (!service) throw new Error("no English service");

const programme: Programme = {
  id: "prog0001",
  serviceId: "en",
  slug: "daybreak",
  title: "Daybreak",
  description: "The morning's news & the day ahead.",
  kind: "radio",
  artworkMediaId: "art00001",
  presenterIds: [],
  links: [],
  liveStreamUrl: null,
  ownerName: "Meridian Audio Desk",
  ownerEmail: "podcasts@news.example.org",
  version: 3,
  createdAt: "2026-11-01T06:00:00.000Z",
  updatedAt: "2026-11-20T06:00:00.000Z",
};

const rendition = (over: Partial<ClipRendition> & Pick<ClipRendition, "name" | "role">) =>
  ({
    key: `clips/x/${over.name}`,
    mime: "audio/mp4; codecs=mp4a.40.2",
    codecs: "mp4a.40.2",
    bitrate: 96_000,
    bytes: 1000,
    width: null,
    height: null,
    ...over,
  }) satisfies ClipRendition;

const audioRenditions = (scale: number) => [
  rendition({
    name: "audio-opus-24k.ogg",
    role: "audio-low-opus",
    mime: "audio/ogg; codecs=opus",
    codecs: "opus",
    bitrate: 24_310,
    bytes: 52_117 * scale,
  }),
  rendition({
    name: "audio-aac-32k.m4a",
    role: "audio-low-aac",
    bitrate: 32_744,
    bytes: 70_301 * scale,
  }),
  rendition({
    name: "audio-aac-96k.m4a",
    role: "audio-standard",
    bitrate: 96_412,
    bytes: 207_333 * scale,
  }),
];

const clip = (id: string, kind: "audio" | "video", renditions: ClipRendition[]): ClipView => ({
  clip: {
    id,
    kind,
    title: "",
    source: "upload",
    externalUrl: null,
    durationMs: 17_400,
    width: kind === "video" ? 1280 : null,
    height: kind === "video" ? 720 : null,
    originalKey: `clips/${id}/original`,
    originalFormat: "mov,mp4,m4a,3gp,3g2,mj2",
    originalBytes: 1,
    sha256: null,
    status: "ready",
    error: null,
    progress: null,
    createdAt: "2026-11-20T05:00:00.000Z",
    updatedAt: "2026-11-20T05:10:00.000Z",
  },
  renditions,
  captions:
    kind === "audio"
      ? [
          {
            lang: "en",
            vtt: "WEBVTT\n\n00:00.000 --> 00:02.000\nGood morning.\n",
            transcript: "Good morning.",
            transcriptEdited: false,
            cueCount: 1,
            updatedAt: "2026-11-20T05:20:00.000Z",
          },
        ]
      : [],
});

const episode = (
  storyId: string,
  headline: string,
  at: string,
  view: ClipView,
  over: Partial<PublishedEpisode["episode"]> = {},
): PublishedEpisode => ({
  episode: {
    storyId,
    programmeId: programme.id,
    clipId: view.clip.id,
    chapters: [],
    episodeNumber: null,
    season: null,
    explicit: false,
    updatedAt: at,
    ...over,
  },
  firstPublishedAt: at,
  serviceId: "en",
  headline,
  standfirst: `${headline}: the notes.`,
  slug: "daybreak",
  section: "world",
  clip: view,
});

const mirrors: Mirror[] = [
  {
    id: "m1",
    serviceId: "en",
    kind: "https",
    url: "https://mirror.example.net/meridian",
    note: "",
    createdAt: "2026-11-01T00:00:00.000Z",
  },
  {
    id: "m2",
    serviceId: "en",
    kind: "onion",
    url: "http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion",
    note: "Tor Browser",
    createdAt: "2026-11-01T00:00:00.000Z",
  },
  {
    id: "m3",
    serviceId: "en",
    kind: "static",
    url: "https://static.example.com/en",
    note: "",
    createdAt: "2026-11-01T00:00:00.000Z",
  },
];

const input = (): PodcastFeedInput => ({
  service,
  programme,
  publicUrl: "https://news.example.org",
  publisherName: "Meridian News",
  artworkUrl: "https://news.example.org/media/art00001/original-1600.jpg",
  presenters: ["Lena Okafor"],
  mirrors,
  episodes: [
    episode(
      "video0000001",
      "Tonight: the flood",
      "2026-11-21T19:00:00.000Z",
      clip("clipvid1", "video", [
        ...audioRenditions(2),
        rendition({
          name: "hls/master.m3u8",
          role: "hls-master",
          mime: "application/vnd.apple.mpegurl",
          codecs: "avc1.4d401f,mp4a.40.2",
          bitrate: 2_791_000,
          bytes: 512,
          width: 1280,
          height: 720,
        }),
        rendition({
          name: "video-240p.mp4",
          role: "video-progressive",
          mime: 'video/mp4; codecs="avc1.42c015,mp4a.40.2"',
          codecs: "avc1.42c015,mp4a.40.2",
          bitrate: 412_000,
          bytes: 896_401,
          width: 426,
          height: 240,
        }),
        rendition({
          name: "poster.jpg",
          role: "poster",
          mime: "image/jpeg",
          codecs: "",
          bitrate: 0,
        }),
      ]),
    ),
    episode(
      "audio0000001",
      "Daybreak: ports reopen",
      "2026-11-20T06:30:00.000Z",
      // Transcoded since renditions' SHA-256 is recorded: the standard one has its integrity.
      clip("clipaud1", "audio", [
        ...audioRenditions(1).slice(0, 2),
        {
          ...(audioRenditions(1)[2] as ClipRendition),
          sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        },
      ]),
      { episodeNumber: 12, chapters: [{ startSeconds: 0, title: "Headlines" }] },
    ),
  ],
});

/** The whole feed, as Apple Podcasts and Podcasting 2.0 apps read it. */
const expected = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel>
<title>Daybreak</title>
<link>https://news.example.org/english/programmes/daybreak</link>
<description>The morning&amp;#39;s news &amp;amp; the day ahead.</description>
<atom:link href="https://news.example.org/english/programmes/daybreak/podcast.xml" rel="self" type="application/rss+xml"/>
<language>en</language>
<copyright>© Meridian News</copyright>
<generator>Newsdesk</generator>
<docs>https://www.rssboard.org/rss-specification</docs>
<lastBuildDate>Sat, 21 Nov 2026 19:00:00 GMT</lastBuildDate>
<itunes:author>Lena Okafor</itunes:author>
<itunes:summary>The morning&apos;s news &amp; the day ahead.</itunes:summary>
<itunes:owner>
<itunes:name>Meridian Audio Desk</itunes:name>
<itunes:email>podcasts@news.example.org</itunes:email>
</itunes:owner>
<itunes:image href="https://news.example.org/media/art00001/original-1600.jpg"/>
<itunes:category text="News"/>
<itunes:explicit>false</itunes:explicit>
<itunes:type>episodic</itunes:type>
<podcast:guid>c827adbc-1ba1-5783-96f1-c3b197e4d41b</podcast:guid>
<podcast:medium>podcast</podcast:medium>
<item>
<title>Tonight: the flood</title>
<link>https://news.example.org/english/world/daybreak-video0000001</link>
<description>Tonight: the flood: the notes.</description>
<guid isPermaLink="false">urn:newsdesk:episode:video0000001</guid>
<pubDate>Sat, 21 Nov 2026 19:00:00 GMT</pubDate>
<enclosure url="https://news.example.org/media/clips/clipvid1/audio-aac-96k.m4a" length="414666" type="audio/x-m4a"/>
<itunes:duration>17</itunes:duration>
<itunes:episodeType>full</itunes:episodeType>
<itunes:explicit>false</itunes:explicit>
<podcast:alternateEnclosure type="audio/ogg" length="104234" bitrate="24310" codecs="opus" title="24 kbit/s">
<podcast:source uri="https://news.example.org/media/clips/clipvid1/audio-opus-24k.ogg"/>
<podcast:source uri="https://mirror.example.net/meridian/media/clips/clipvid1/audio-opus-24k.ogg"/>
<podcast:source uri="http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/media/clips/clipvid1/audio-opus-24k.ogg"/>
</podcast:alternateEnclosure>
<podcast:alternateEnclosure type="audio/mp4" length="140602" bitrate="32744" codecs="mp4a.40.2" title="33 kbit/s">
<podcast:source uri="https://news.example.org/media/clips/clipvid1/audio-aac-32k.m4a"/>
<podcast:source uri="https://mirror.example.net/meridian/media/clips/clipvid1/audio-aac-32k.m4a"/>
<podcast:source uri="http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/media/clips/clipvid1/audio-aac-32k.m4a"/>
</podcast:alternateEnclosure>
<podcast:alternateEnclosure type="audio/mp4" length="414666" bitrate="96412" codecs="mp4a.40.2" default="true" title="96 kbit/s">
<podcast:source uri="https://news.example.org/media/clips/clipvid1/audio-aac-96k.m4a"/>
<podcast:source uri="https://mirror.example.net/meridian/media/clips/clipvid1/audio-aac-96k.m4a"/>
<podcast:source uri="http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/media/clips/clipvid1/audio-aac-96k.m4a"/>
</podcast:alternateEnclosure>
<podcast:alternateEnclosure type="video/mp4" length="896401" bitrate="412000" height="240" codecs="avc1.42c015,mp4a.40.2" title="Video, 240p">
<podcast:source uri="https://news.example.org/media/clips/clipvid1/video-240p.mp4"/>
<podcast:source uri="https://mirror.example.net/meridian/media/clips/clipvid1/video-240p.mp4"/>
<podcast:source uri="http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/media/clips/clipvid1/video-240p.mp4"/>
</podcast:alternateEnclosure>
<podcast:alternateEnclosure type="application/x-mpegURL" bitrate="2791000" height="720" codecs="avc1.4d401f,mp4a.40.2" title="Video, up to 720p">
<podcast:source uri="https://news.example.org/media/clips/clipvid1/hls/master.m3u8" contentType="application/x-mpegURL"/>
<podcast:source uri="https://mirror.example.net/meridian/media/clips/clipvid1/hls/master.m3u8" contentType="application/x-mpegURL"/>
<podcast:source uri="http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/media/clips/clipvid1/hls/master.m3u8" contentType="application/x-mpegURL"/>
</podcast:alternateEnclosure>
</item>
<item>
<title>Daybreak: ports reopen</title>
<link>https://news.example.org/english/world/daybreak-audio0000001</link>
<description>Daybreak: ports reopen: the notes.</description>
<guid isPermaLink="false">urn:newsdesk:episode:audio0000001</guid>
<pubDate>Fri, 20 Nov 2026 06:30:00 GMT</pubDate>
<enclosure url="https://news.example.org/media/clips/clipaud1/audio-aac-96k.m4a" length="207333" type="audio/x-m4a"/>
<itunes:duration>17</itunes:duration>
<itunes:episode>12</itunes:episode>
<podcast:episode>12</podcast:episode>
<itunes:episodeType>full</itunes:episodeType>
<itunes:explicit>false</itunes:explicit>
<podcast:transcript url="https://news.example.org/media/clips/clipaud1/captions/en.vtt" type="text/vtt" language="en" rel="captions"/>
<podcast:chapters url="https://news.example.org/english/episodes/audio0000001/chapters.json" type="application/json+chapters"/>
<podcast:alternateEnclosure type="audio/ogg" length="52117" bitrate="24310" codecs="opus" title="24 kbit/s">
<podcast:source uri="https://news.example.org/media/clips/clipaud1/audio-opus-24k.ogg"/>
<podcast:source uri="https://mirror.example.net/meridian/media/clips/clipaud1/audio-opus-24k.ogg"/>
<podcast:source uri="http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/media/clips/clipaud1/audio-opus-24k.ogg"/>
</podcast:alternateEnclosure>
<podcast:alternateEnclosure type="audio/mp4" length="70301" bitrate="32744" codecs="mp4a.40.2" title="33 kbit/s">
<podcast:source uri="https://news.example.org/media/clips/clipaud1/audio-aac-32k.m4a"/>
<podcast:source uri="https://mirror.example.net/meridian/media/clips/clipaud1/audio-aac-32k.m4a"/>
<podcast:source uri="http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/media/clips/clipaud1/audio-aac-32k.m4a"/>
</podcast:alternateEnclosure>
<podcast:alternateEnclosure type="audio/mp4" length="207333" bitrate="96412" codecs="mp4a.40.2" default="true" title="96 kbit/s">
<podcast:source uri="https://news.example.org/media/clips/clipaud1/audio-aac-96k.m4a"/>
<podcast:source uri="https://mirror.example.net/meridian/media/clips/clipaud1/audio-aac-96k.m4a"/>
<podcast:source uri="http://meridianxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx.onion/media/clips/clipaud1/audio-aac-96k.m4a"/>
<podcast:integrity type="sri" value="sha256-n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="/>
</podcast:alternateEnclosure>
</item>
</channel>
</rss>
`;

describe("podcast feed", () => {
  it("renders the channel and items exactly", () => {
    expect(podcastFeed(input())).toBe(expected);
  });

  it("passes the RSS rules, Apple's requirements and the Podcasting 2.0 namespace rules", () => {
    const xml = podcastFeed(input());
    expect(checkFeed(xml).filter((i) => i.severity === "error")).toEqual([]);
    expect(checkPodcastFeed(xml)).toEqual([]);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(
      xml,
    ) as { rss: { channel: { item: Record<string, unknown>[] } } };
    // A video episode: its enclosure is the audio, its picture an HLS alternate.
    const video = parsed.rss.channel.item[0] ?? {};
    const alternates = video["podcast:alternateEnclosure"] as Record<string, unknown>[];
    const hls = alternates.find((a) => a["@type"] === "application/x-mpegURL");
    expect(hls?.["@height"]).toBe("720");
    expect(hls?.["@length"]).toBeUndefined();
    // Enclosure lengths are exact, and the default alternate is the enclosure itself.
    const enclosure = video.enclosure as Record<string, unknown>;
    const standard = alternates.find((a) => a["@default"] === "true");
    expect(standard?.["@length"]).toBe(enclosure["@length"]);
  });

  it("names no owner without an e-mail, and Apple's rules catch missing artwork", () => {
    const xml = podcastFeed({
      ...input(),
      artworkUrl: null,
      programme: { ...programme, ownerName: "Meridian Audio Desk", ownerEmail: null },
    });
    expect(xml).not.toContain("itunes:owner");
    expect(checkPodcastFeed(xml)).toEqual([
      { rule: "apple-itunes-image-https", where: "channel" },
      { rule: "apple-itunes-image-format", where: "channel" },
    ]);
    // Without mirrors each file has one source: five in the video item, three in the audio.
    const plain = podcastFeed({ ...input(), mirrors: [] });
    expect(plain.match(/<podcast:source /g)).toHaveLength(8);
  });

  it("leaves out an episode whose clip has no audio file to enclose", () => {
    const hlsOnly = clip("cliphls1", "video", [
      rendition({
        name: "hls/master.m3u8",
        role: "hls-master",
        mime: "application/vnd.apple.mpegurl",
        codecs: "avc1.4d401f,mp4a.40.2",
        height: 720,
      }),
    ]);
    const xml = podcastFeed({
      ...input(),
      episodes: [episode("hlsonly00001", "Old video", "2026-11-22T19:00:00.000Z", hlsOnly)],
    });
    expect(xml).not.toContain("<item>");
  });
});
