import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemActor } from "../domain/actor.js";
import type { ClipService } from "../domain/clips/clip-service.js";
import type { EpisodeRepository } from "../domain/episodes/episode-repository.js";
import type { EpisodeService } from "../domain/episodes/episode-service.js";
import { isNewsdeskError } from "../domain/error-catalogue.js";
import type { ProgrammeRepository } from "../domain/programmes/programme-repository.js";
import type { ServiceId } from "../domain/services/service-registry.js";
import { runProcess } from "../media/run-process.js";

/**
 * The job that gives the demo episodes their recordings (issue 17); payload `{}`. Queued
 * once, with the demo seed, so `npm start` serves at once and the clips appear when ready;
 * the jobs table keeps it across restarts, and a restart after it ran generates nothing.
 */
export const demoMediaJobKind = "demo.media";

/** One demo recording: generated sound (and picture), its captions, and its episode. */
interface DemoRecording {
  readonly kind: "audio" | "video";
  readonly title: string;
  readonly seconds: number;
  /** The "voice": the tone's base pitch in Hz (a different one per programme's presenter). */
  readonly pitch: number;
  readonly episode: { serviceId: ServiceId; programmeSlug: string; episodeNumber: number };
  readonly captions: { lang: string; cues: readonly [start: number, end: number, text: string][] };
}

/**
 * Our own transcripts, written to fit the show notes and chapters of the demo episodes in
 * demo-programmes.ts; the sound under them is a tone, so the captions are what to read.
 */
const demoRecordings: readonly DemoRecording[] = [
  {
    kind: "audio",
    title: "Daybreak 1: ports reopen",
    seconds: 20,
    pitch: 196,
    episode: { serviceId: "en", programmeSlug: "daybreak", episodeNumber: 1 },
    captions: {
      lang: "en",
      cues: [
        [0, 3, "Good morning, this is Daybreak. I'm Lena Okafor."],
        [3, 6, "The storm has moved north, and the ports are open again."],
        [6, 10, "At first light the harbour master gave the all-clear for the ferries."],
        [10, 14, "Crews say the quays held, though two cranes will need checking."],
        [14, 17, "Tomás has the weather: rain clearing by noon, winds easing."],
        [17, 20, "That's Daybreak. We're back at the same time tomorrow."],
      ],
    },
  },
  {
    kind: "audio",
    title: "Daybreak 2: the vaccine trial and the river",
    seconds: 22,
    pitch: 220,
    episode: { serviceId: "en", programmeSlug: "daybreak", episodeNumber: 2 },
    captions: {
      lang: "en",
      cues: [
        [0, 4, "This is Daybreak with Tomás Reyes. Here are this morning's headlines."],
        [4, 8, "The regional vaccine trial has published its first results."],
        [8, 12, "Researchers say the early numbers are encouraging, but small."],
        [12, 15, "A larger group will be followed for another six months."],
        [15, 19, "On the Meridian, the river crested overnight just below the flood wall."],
        [19, 22, "Volunteers are still on the bank this morning, filling sandbags."],
      ],
    },
  },
  {
    kind: "audio",
    title: "Daybreak 3: budget talks resume",
    seconds: 16,
    pitch: 174,
    episode: { serviceId: "en", programmeSlug: "daybreak", episodeNumber: 3 },
    captions: {
      lang: "en",
      cues: [
        [0, 4, "Good morning. Budget negotiators are back at the table today."],
        [4, 7, "Both sides say they want a deal before the end of the month."],
        [7, 10, "The sticking point is still money for rural schools."],
        [10, 13, "And you asked why fuel costs more in one town than the next."],
        [13, 16, "The short answer: transport, taxes, and how many stations compete."],
      ],
    },
  },
  {
    kind: "audio",
    title: "بامداد ۱: بازگشایی بندرها",
    seconds: 20,
    pitch: 247,
    episode: { serviceId: "fa", programmeSlug: "بامداد", episodeNumber: 1 },
    captions: {
      lang: "fa",
      cues: [
        [0, 3, "صبح بخیر، اینجا بامداد است. من نسرین احمدی هستم."],
        [3, 7, "توفان به سمت شمال رفته و بندرها دوباره باز شده‌اند."],
        [7, 11, "مسئول بندر می‌گوید نخستین کشتی‌ها با طلوع آفتاب حرکت کردند."],
        [11, 14, "کارکنان بندر امروز اسکله‌ها را یکی‌یکی بازدید می‌کنند."],
        [14, 17, "هوای امروز: باران تا ظهر بند می‌آید و باد آرام‌تر می‌شود."],
        [17, 20, "این بامداد بود. فردا صبح دوباره با شما هستیم."],
      ],
    },
  },
  {
    kind: "video",
    title: "The World Tonight: the harbour after the storm",
    seconds: 12,
    pitch: 185,
    episode: { serviceId: "en", programmeSlug: "the-world-tonight", episodeNumber: 1 },
    captions: {
      lang: "en",
      cues: [
        [0, 3, "Good evening. Tonight, the harbour the storm left behind."],
        [3, 6, "The water has gone down, but the damage along the quay is plain to see."],
        [6, 9, "Fishing crews spent the day counting what they lost."],
        [9, 12, "Insurers say claims will take weeks. Tomás Reyes, The World Tonight."],
      ],
    },
  },
];

/** The media tools to run; other names only in tests (a tool that is not installed). */
export interface DemoMediaTools {
  readonly ffmpeg: string;
  readonly ffprobe: string;
}

/**
 * Generates each demo recording with ffmpeg's lavfi sources, uploads it through the clip
 * service exactly as an editor's upload goes (probe, store, `clip.transcode` job), captions
 * it, and picks it as its episode's clip. An episode that already has a clip keeps it, so
 * running again changes nothing. Without ffmpeg or ffprobe it logs one line and does nothing:
 * the demo stays usable, with show notes and chapters but no players.
 */
export async function seedDemoMedia(deps: {
  clips: ClipService;
  episodes: Pick<EpisodeService, "save">;
  episodeRepository: EpisodeRepository;
  programmes: ProgrammeRepository;
  log: (message: string) => void;
  tools?: DemoMediaTools;
}): Promise<{ attached: number }> {
  const tools = deps.tools ?? { ffmpeg: "ffmpeg", ffprobe: "ffprobe" };
  const missing = await missingTool(tools);
  if (missing) {
    deps.log(`demo media skipped: ${missing} is not installed, so demo episodes have no players`);
    return { attached: 0 };
  }
  const actor = systemActor("demo seed");
  const dir = await mkdtemp(join(tmpdir(), "newsdesk-demo-media-"));
  let attached = 0;
  try {
    for (const [index, recording] of demoRecordings.entries()) {
      const target = await findEpisode(deps, recording.episode);
      if (!target || target.clipId) continue;
      const path = join(dir, `${index}.${recording.kind === "audio" ? "mp3" : "mp4"}`);
      await generate(tools.ffmpeg, recording, path);
      const { view, reused } = await deps.clips.upload(
        actor,
        { path, ...(await hashed(path)), read: () => createReadStream(path) },
        recording.title,
      );
      await deps.clips.putCaptions(actor, view.clip.id, recording.captions.lang, webVtt(recording));
      const { storyId, updatedAt, ...episode } = target;
      try {
        // `since`: an editor who saved the episode meanwhile keeps their choice.
        await deps.episodes.save(actor, storyId, {
          ...episode,
          clipId: view.clip.id,
          since: updatedAt,
        });
      } catch (error) {
        if (!isNewsdeskError(error) || error.code !== "EPISODE_CONFLICT") throw error;
        // The recording made for it would sit unused in the library (unless it was there).
        if (!reused) await deps.clips.delete(actor, view.clip.id);
        continue;
      }
      attached++;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { attached };
}

async function findEpisode(
  deps: { episodeRepository: EpisodeRepository; programmes: ProgrammeRepository },
  where: DemoRecording["episode"],
) {
  const programme = await deps.programmes.findBySlug(where.serviceId, where.programmeSlug);
  if (!programme) return undefined;
  const { items } = await deps.episodeRepository.listPublished(programme.id, {
    limit: 100,
    offset: 0,
  });
  return items.find((row) => row.episode.episodeNumber === where.episodeNumber)?.episode;
}

/** The first of the tools that cannot be run, or undefined when both can. */
async function missingTool(tools: DemoMediaTools): Promise<string | undefined> {
  for (const tool of [tools.ffmpeg, tools.ffprobe]) {
    try {
      const result = await runProcess(tool, ["-version"], { timeoutMs: 10_000, nice: false });
      if (result.code !== 0) return tool;
    } catch (error) {
      if (isNewsdeskError(error) && error.code === "MEDIA_TOOLS_MISSING") return tool;
      throw error;
    }
  }
  return undefined;
}

/**
 * A tone that sounds like someone talking rather than a test signal: the pitch wanders a
 * little, the level rises and falls about four times a second (syllables), and a slower gate
 * leaves short pauses between "sentences". Video is ffmpeg's moving test pattern at 360p, so
 * the HLS ladder has two rungs (240p and 360p; never scaled up) and the poster a picture.
 */
async function generate(ffmpeg: string, recording: DemoRecording, path: string): Promise<void> {
  const { seconds, pitch } = recording;
  const voice =
    `aevalsrc=0.3*sin(2*PI*${pitch}*t+4*sin(2*PI*0.6*t))` +
    `*(0.55+0.45*sin(2*PI*4.1*t))*gt(sin(2*PI*0.37*t+1)\\,-0.65):s=44100:d=${seconds}`;
  const args =
    recording.kind === "audio"
      ? ["-f", "lavfi", "-i", voice, "-c:a", "libmp3lame", "-b:a", "64k", "-ac", "1"]
      : [
          ...["-f", "lavfi", "-i", `testsrc2=size=640x360:rate=25:duration=${seconds}`],
          ...["-f", "lavfi", "-i", voice],
          ...["-c:v", "libx264", "-preset", "veryfast", "-crf", "28", "-pix_fmt", "yuv420p"],
          ...["-c:a", "aac", "-b:a", "64k", "-shortest", "-movflags", "+faststart"],
        ];
  const result = await runProcess(
    ffmpeg,
    ["-nostdin", "-hide_banner", "-v", "error", "-y", ...args, `file:${path}`],
    { timeoutMs: 120_000 },
  );
  if (result.code !== 0) {
    throw new Error(`ffmpeg could not make a demo recording: ${result.stderr.slice(-300)}`);
  }
}

async function hashed(path: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return { bytes: (await stat(path)).size, sha256: hash.digest("hex") };
}

/** The recording's cues as a WebVTT file (W3C WebVTT §4.1: `mm:ss.ttt` timestamps). */
function webVtt(recording: DemoRecording): string {
  const time = (s: number) =>
    `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}.000`;
  const cues = recording.captions.cues.map(
    ([start, end, text]) => `${time(start)} --> ${time(end)}\n${text}`,
  );
  return `WEBVTT\n\n${cues.join("\n\n")}\n`;
}
