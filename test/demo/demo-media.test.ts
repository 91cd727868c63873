import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoMedia } from "../../src/demo/demo-media.js";
import { systemActor } from "../../src/domain/actor.js";
import { ffmpegPresent } from "../support/ffmpeg-fixtures.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Newsdesk = Awaited<ReturnType<typeof startTestNewsdesk>>;

/** The demo's programmes and the episode numbers that get recordings (demo-media.ts). */
const demoEpisodes = [
  { serviceId: "en", slug: "daybreak", numbers: [1, 2, 3] },
  { serviceId: "fa", slug: "بامداد", numbers: [1] },
  { serviceId: "en", slug: "the-world-tonight", numbers: [1] },
] as const;

async function episodeClips(newsdesk: Newsdesk): Promise<(string | null)[]> {
  const clips: (string | null)[] = [];
  for (const { serviceId, slug } of demoEpisodes) {
    const programme = await newsdesk.repositories.programmes.findBySlug(serviceId, slug);
    const { items } = await newsdesk.repositories.episodes.listPublished(programme?.id ?? "", {
      limit: 100,
      offset: 0,
    });
    clips.push(...items.map((row) => row.episode.clipId));
  }
  return clips;
}

function services(newsdesk: Newsdesk) {
  const clips = newsdesk.services.clips;
  if (!clips) throw new Error("the test newsdesk has no clip service");
  return {
    clips,
    episodes: newsdesk.services.episodes,
    episodeRepository: newsdesk.repositories.episodes,
    programmes: newsdesk.repositories.programmes,
  };
}

describe("demo media without ffmpeg", () => {
  let newsdesk: Newsdesk;
  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("logs one line, makes no clip and leaves the episodes as they were", async () => {
    const lines: string[] = [];
    const result = await seedDemoMedia({
      ...services(newsdesk),
      log: (line) => lines.push(line),
      tools: { ffmpeg: "newsdesk-test-no-such-ffmpeg", ffprobe: "ffprobe" },
    });
    expect(result).toEqual({ attached: 0 });
    expect(lines).toEqual([
      "demo media skipped: newsdesk-test-no-such-ffmpeg is not installed, so demo episodes have no players",
    ]);
    const { total } = await services(newsdesk).clips.list(systemActor("test"), {
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(0);
    expect(await episodeClips(newsdesk)).toEqual([null, null, null, null, null]);
  });
});

describe.runIf(ffmpegPresent())("demo media with ffmpeg", () => {
  let newsdesk: Newsdesk;
  beforeAll(async () => {
    // As `npm start` does: the seed queues the job; here the test runs the job runner.
    newsdesk = await startTestNewsdesk("sqlite", { demoMedia: true });
    await newsdesk.services.jobs.runOnce();
  }, 240_000);
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("gives every demo episode a transcoded, captioned recording through the clip pipeline", async () => {
    const ids = await episodeClips(newsdesk);
    expect(ids).toHaveLength(5);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    const views = await services(newsdesk).clips.forReaders(ids.filter((id) => id !== null));
    expect(views.size).toBe(5);
    const byKind = [...views.values()].map((v) => ({
      kind: v.clip.kind,
      status: v.clip.status,
      roles: v.renditions.map((r) => r.role).sort(),
      captions: v.captions.map((c) => c.lang),
    }));
    const audioRoles = ["audio-low-aac", "audio-low-opus", "audio-standard"];
    expect(byKind.filter((c) => c.kind === "audio")).toEqual([
      { kind: "audio", status: "ready", roles: audioRoles, captions: ["en"] },
      { kind: "audio", status: "ready", roles: audioRoles, captions: ["en"] },
      { kind: "audio", status: "ready", roles: audioRoles, captions: ["en"] },
      { kind: "audio", status: "ready", roles: audioRoles, captions: ["fa"] },
    ]);
    expect(byKind.filter((c) => c.kind === "video")).toEqual([
      {
        kind: "video",
        status: "ready",
        // The audio renditions too: a video episode's podcast enclosure is its audio.
        roles: [
          "audio-low-aac",
          "audio-low-opus",
          "audio-standard",
          "hls-master",
          "poster",
          "poster",
          "video-progressive",
        ],
        captions: ["en"],
      },
    ]);
    // Every recording lasts as long as its chapters need (the last Daybreak chapter is at 15 s).
    for (const view of views.values()) expect(view.clip.durationMs).toBeGreaterThanOrEqual(12_000);
  });

  it("shows the recordings on the episode pages: audio in both languages, the TV video", async () => {
    const daybreak = await (await newsdesk.app.request("/english/programmes/daybreak")).text();
    const first = /<li><a href="([^"]+)">Daybreak: ports reopen/.exec(daybreak)?.[1] ?? "";
    const english = await (await newsdesk.app.request(first)).text();
    expect(english).toContain('<audio controls preload="none"');
    expect(english).toContain("Good morning, this is Daybreak. I'm Lena Okafor.");
    const bamdad = await (
      await newsdesk.app.request(`/persian/programmes/${encodeURIComponent("بامداد")}`)
    ).text();
    const persianPath = /<li><a href="(\/persian\/[^"]+)">بامداد: /.exec(bamdad)?.[1] ?? "";
    const persian = await (await newsdesk.app.request(persianPath)).text();
    expect(persian).toContain('<div lang="fa" class="transcript">');
    expect(persian).toContain("صبح بخیر، اینجا بامداد است.");
    const tonight = await (
      await newsdesk.app.request("/english/programmes/the-world-tonight")
    ).text();
    const tvPath = /<li><a href="([^"]+)">The World Tonight: /.exec(tonight)?.[1] ?? "";
    const tv = await (await newsdesk.app.request(tvPath)).text();
    expect(tv).toMatch(/<video controls preload="none"[^>]*poster="[^"]+"/);
    expect(tv).toMatch(/<source src="[^"]+\/video-240p\.mp4" type="video\/mp4; codecs=/);
  });

  it("changes nothing when it runs again (the episodes keep their clips)", async () => {
    const before = await episodeClips(newsdesk);
    const lines: string[] = [];
    expect(await seedDemoMedia({ ...services(newsdesk), log: (line) => lines.push(line) })).toEqual(
      { attached: 0 },
    );
    expect(lines).toEqual([]);
    expect(await episodeClips(newsdesk)).toEqual(before);
  });
});

describe.runIf(ffmpegPresent())("demo media racing an editor", () => {
  let newsdesk: Newsdesk;
  beforeAll(async () => {
    newsdesk = await startTestNewsdesk("sqlite");
  });
  afterAll(async () => {
    await newsdesk?.dispose();
  });

  it("leaves an episode an editor saved meanwhile alone and removes the recording it made", async () => {
    const editor = systemActor("test editor");
    const real = newsdesk.services.episodes;
    const result = await seedDemoMedia({
      ...services(newsdesk),
      // The editor saves each episode (new chapters, no clip) just before the job does.
      episodes: {
        save: async (actor, storyId, raw) => {
          const { updatedAt: _, storyId: __, ...current } = await real.get(editor, storyId);
          await real.save(editor, storyId, {
            ...current,
            chapters: [{ startSeconds: 0, title: "Edited" }],
          });
          return real.save(actor, storyId, raw);
        },
      },
      log: () => undefined,
    });
    expect(result).toEqual({ attached: 0 });
    expect(await episodeClips(newsdesk)).toEqual([null, null, null, null, null]);
    const { total } = await services(newsdesk).clips.list(systemActor("test"), {
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(0);
  }, 120_000);
});
