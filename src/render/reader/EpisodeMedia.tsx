import type { ClipCaption, ClipRendition, ClipView } from "../../domain/clips/clip-schema.js";
import type { EpisodeView } from "../../domain/episodes/episode-reader.js";
import { intlLocaleFor } from "../../i18n/locale-registry.js";
import { programmeUrl } from "../reader-urls.js";
import type { RenderContext } from "./render-context.js";
import { videoScript } from "./video-script.js";

/** Where readers fetch a clip's file (src/http/clip-media-routes.ts serves it). */
export function clipFileUrl(clipId: string, name: string): string {
  return `/media/clips/${clipId}/${name}`;
}

export function captionUrl(clipId: string, lang: string): string {
  return `/media/clips/${clipId}/captions/${lang}.vtt`;
}

const lowRoles = new Set(["audio-low-opus", "audio-low-aac"]);

/**
 * The audio sources in the order a browser should try them. A browser plays the first
 * `<source>` whose type it supports (HTML §4.8.11.5), so a reader on expensive data (lite
 * edition or `Save-Data: on`) gets the ~24–32 kbit/s renditions first; everyone else the
 * standard one, with the low ones after it for browsers that cannot play it.
 */
function audioSources(view: ClipView, lowFirst: boolean): ClipRendition[] {
  const audio = view.renditions.filter((r) => r.role.startsWith("audio-"));
  const low = audio.filter((r) => lowRoles.has(r.role));
  const standard = audio.filter((r) => !lowRoles.has(r.role));
  return lowFirst ? [...low, ...standard] : [...standard, ...low];
}

/** The captions in the page's language, else the first there are (the transcript shown). */
export function transcriptOf(view: ClipView, lang: string): ClipCaption | undefined {
  const base = lang.split("-")[0];
  return (
    view.captions.find((c) => c.lang === lang) ??
    view.captions.find((c) => c.lang.split("-")[0] === base) ??
    view.captions[0]
  );
}

function clockTime(totalSeconds: number): string {
  const s = Math.floor(totalSeconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

const formatNames: Record<string, string> = {
  "audio-low-opus": "Opus",
  "audio-low-aac": "AAC",
  "audio-standard": "AAC",
};

/**
 * An episode's player, downloads, chapters and transcript (issue 17). Everything works
 * without JavaScript: native `<audio>`/`<video>` with `preload="none"` (nothing is fetched
 * until the reader presses play), typed sources (video: HLS, then a progressive MP4 for
 * browsers without native HLS), captions as `<track>`, and the transcript as text for readers
 * who cannot afford to play anything. Video pages add `videoScript`, which brings hls.js
 * only when the reader presses play in a browser without native HLS.
 */
export function EpisodeMedia(props: { ctx: RenderContext; view: EpisodeView; lowFirst: boolean }) {
  const { ctx, view } = props;
  const { t, service } = ctx;
  const { episode, programme, clip } = view;
  const lang = ctx.locale.tag;
  const numbers = new Intl.NumberFormat(intlLocaleFor(ctx.locale.tag), {
    maximumFractionDigits: 1,
  });
  const size = (bytes: number) =>
    bytes >= 1_000_000
      ? `${numbers.format(bytes / 1_000_000)} MB`
      : `${numbers.format(Math.ceil(bytes / 1000))} kB`;
  const sources = clip ? audioSources(clip, props.lowFirst) : [];
  const hls = clip?.renditions.find((r) => r.role === "hls-master");
  const progressive = clip?.renditions.find((r) => r.role === "video-progressive");
  const poster = clip?.renditions.find((r) => r.role === "poster");
  const transcript = clip ? transcriptOf(clip, lang) : undefined;
  const tracks = clip
    ? clip.captions.map((c) => (
        <track
          key={c.lang}
          kind="captions"
          srclang={c.lang}
          label={c.lang}
          src={captionUrl(clip.clip.id, c.lang)}
          default={c === transcript}
        />
      ))
    : [];
  // Chapter links are media fragments (W3C Media Fragments URI 1.0 §4.2.1, `#t=`) on the
  // file a reader plays; they open the recording at that time in any browser.
  const fragmentBase = clip
    ? clip.clip.kind === "video" && hls
      ? clipFileUrl(clip.clip.id, hls.name)
      : sources[0]
        ? clipFileUrl(clip.clip.id, sources[0].name)
        : null
    : null;
  return (
    <div class="episode">
      <p class="kicker">
        <a href={programmeUrl(service, programme.slug)}>{programme.title}</a>
      </p>
      {clip && clip.clip.kind === "audio" && sources.length > 0 ? (
        // biome-ignore lint/a11y/useMediaCaption: the captions are {tracks}, one per language the clip has; the transcript follows as text.
        <audio controls preload="none" class="episode-player">
          {sources.map((r) => (
            <source key={r.name} src={clipFileUrl(clip.clip.id, r.name)} type={r.mime} />
          ))}
          {tracks}
        </audio>
      ) : null}
      {clip && clip.clip.kind === "video" && hls ? (
        <video
          controls
          preload="none"
          class="episode-player"
          {...(poster ? { poster: clipFileUrl(clip.clip.id, poster.name) } : {})}
          {...(clip.clip.width && clip.clip.height
            ? { width: clip.clip.width, height: clip.clip.height }
            : {})}
        >
          <source src={clipFileUrl(clip.clip.id, hls.name)} type="application/vnd.apple.mpegurl" />
          {progressive ? (
            <source src={clipFileUrl(clip.clip.id, progressive.name)} type={progressive.mime} />
          ) : null}
          {tracks}
        </video>
      ) : null}
      {clip && clip.clip.kind === "video" && hls && !ctx.scriptless && !ctx.lite ? (
        <script
          // Our own constant script (hls.js on play where HLS is not native), allowed by its
          // CSP hash; text-only and lite pages play the MP4 without it.
          dangerouslySetInnerHTML={{ __html: videoScript }}
        />
      ) : null}
      {clip && sources.length > 0 ? (
        <p class="downloads">
          {`${t.t("episodes.download")}: `}
          {sources.map((r, i) => (
            <span key={r.name}>
              {i > 0 ? " · " : ""}
              <a
                href={clipFileUrl(clip.clip.id, r.name)}
                type={r.mime}
                download
                data-bytes={String(r.bytes)}
              >
                {`${formatNames[r.role] ?? r.codecs} ${Math.round(r.bitrate / 1000)} kbit/s`}
              </a>{" "}
              <span dir="ltr">{`(${size(r.bytes)})`}</span>
            </span>
          ))}
        </p>
      ) : null}
      {episode.chapters.length > 0 ? (
        <section aria-labelledby="chapters-h">
          <h2 id="chapters-h">{t.t("episodes.chapters")}</h2>
          <ol class="chapters">
            {episode.chapters.map((c) => (
              <li key={c.startSeconds}>
                {fragmentBase ? (
                  <a href={`${fragmentBase}#t=${c.startSeconds}`}>
                    <span dir="ltr">{clockTime(c.startSeconds)}</span>
                  </a>
                ) : (
                  <span dir="ltr">{clockTime(c.startSeconds)}</span>
                )}{" "}
                {c.title}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {transcript ? (
        <section aria-labelledby="transcript-h">
          <h2 id="transcript-h">{t.t("episodes.transcript")}</h2>
          <div lang={transcript.lang} class="transcript">
            {transcript.transcript
              .split(/\n{2,}/)
              .filter((p) => p.trim() !== "")
              .map((p, i) => (
                <p key={i}>{p}</p>
              ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
