import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryObjectStore } from "../../src/media/directory-object-store.js";
import { ffmpeg, ffmpegPresent } from "../support/ffmpeg-fixtures.js";
import { NewsroomClient } from "../support/newsroom-client.js";
import { dialects } from "../support/test-databases.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

type Newsdesk = Awaited<ReturnType<typeof startTestNewsdesk>>;
interface ClipJson {
  id: string;
  status: string;
}
interface EpisodeJson {
  storyId: string;
  updatedAt: string;
}
interface AuditJson {
  action: string;
  storyId: string | null;
  serviceId: string | null;
  actorName: string | null;
  details: Record<string, unknown>;
}
interface ProblemJson {
  code: string;
  storyIds?: string[];
}

const content = (headline: string, slug: string) => ({
  headline,
  standfirst: `Show notes: ${headline}.`,
  dateline: "LONDON",
  slug,
  section: "world",
  topics: [],
  leadFigure: null,
  body: [{ type: "paragraph", content: [{ text: "What we talk about." }] }],
  bylines: [{ kind: "person", personId: "lena-okafor", role: "author" }],
  agencies: [],
});

const vtt = "WEBVTT\n\n00:00.000 --> 00:01.500\nGood evening.\n";

/**
 * Issue 17: episode saves and caption edits are audited like story saves, an episode save
 * names the version it started from, and a clip is deleted with all its stored files unless
 * an episode still plays it.
 */
describe.runIf(ffmpegPresent()).each(dialects)("episodes and clip lifecycle on %s", (dialect) => {
  let newsdesk: Newsdesk;
  let editor: NewsroomClient;
  let reporter: NewsroomClient;
  let admin: NewsroomClient;
  let dir: string;
  let store: DirectoryObjectStore;
  let programmeId: string;

  async function upload(frequency: number, title: string): Promise<ClipJson> {
    const file = join(dir, `tone-${frequency}.mp3`);
    ffmpeg(["-f", "lavfi", "-i", `sine=frequency=${frequency}:duration=2`, "-b:a", "64k", file]);
    const body = new Uint8Array(readFileSync(file));
    const response = await newsdesk.app.request(
      `/newsroom/api/media/clips?title=${encodeURIComponent(title)}`,
      {
        method: "POST",
        headers: {
          Cookie: editor.cookie,
          "X-CSRF-Token": editor.csrfToken,
          Origin: "https://news.example.org",
          "Content-Type": "audio/mpeg",
          "Content-Length": String(body.byteLength),
        },
        body: body as Uint8Array<ArrayBuffer>,
      },
    );
    expect(response.status).toBe(201);
    const { clip } = (await response.json()) as { clip: ClipJson };
    await newsdesk.services.jobs.runOnce();
    return clip;
  }

  async function storedKeys(clipId: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const key of store.list(`clips/${clipId}/`)) keys.push(key);
    return keys;
  }

  async function episodeStory(slug: string, by: NewsroomClient = editor): Promise<string> {
    const created = await by.json<{ story: { id: string } }>("POST", "/stories", {
      serviceId: "en",
      kind: "episode",
      content: content(`Evening edition ${slug}`, slug),
    });
    return created.story.id;
  }

  const episode = (clipId: string | null, over: Record<string, unknown> = {}) => ({
    programmeId,
    clipId,
    chapters: [
      { startSeconds: 0, title: "Headlines" },
      { startSeconds: 1, title: "Sport" },
    ],
    episodeNumber: 4,
    season: 1,
    explicit: false,
    ...over,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "episode-clip-"));
    store = new DirectoryObjectStore({ root: join(dir, "store"), publicBaseUrl: undefined });
    newsdesk = await startTestNewsdesk(dialect, { mediaStore: store });
    editor = new NewsroomClient(newsdesk.app);
    reporter = new NewsroomClient(newsdesk.app);
    admin = new NewsroomClient(newsdesk.app);
    await editor.login("editor@newsdesk.test", "demo-password-elif");
    await reporter.login("reporter@newsdesk.test", "demo-password-rafael");
    await admin.login("admin@newsdesk.test", "demo-password-ada");
    const programme = await editor.json<{ id: string }>("POST", "/programmes/en", {
      slug: "evening-edition",
      title: "Evening Edition",
      description: "",
      kind: "radio",
      artworkMediaId: null,
      presenterIds: [],
      links: [],
      liveStreamUrl: null,
    });
    programmeId = programme.id;
  });
  afterAll(async () => {
    await newsdesk?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("audits an episode save with its story, service, programme, clip and chapters", async () => {
    const clip = await upload(500, "Evening one");
    const storyId = await episodeStory("evening-one");
    await editor.json("PUT", `/stories/${storyId}/episode`, episode(clip.id));
    const log = await editor.json<AuditJson[]>("GET", `/audit?storyId=${storyId}`);
    const saved = log.filter((e) => e.action === "episode.saved");
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      storyId,
      serviceId: "en",
      actorName: "Elif Editor",
      details: { programmeId, clipId: clip.id, chapters: 2 },
    });
    // A refused save writes nothing.
    const refused = await editor.request("PUT", `/stories/${storyId}/episode`, {
      ...episode(clip.id),
      clipId: "nosuchclip00",
    });
    expect(refused.status).toBe(422);
    const after = await editor.json<AuditJson[]>("GET", `/audit?storyId=${storyId}`);
    expect(after.filter((e) => e.action === "episode.saved")).toHaveLength(1);
  });

  it("refuses a save made from a version someone else has replaced", async () => {
    const storyId = await episodeStory("evening-conflict");
    const first = await editor.json<EpisodeJson>(
      "PUT",
      `/stories/${storyId}/episode`,
      episode(null, { since: null }),
    );
    // Someone who opened the panel before the first save still believes there is none.
    const stale = await editor.request(
      "PUT",
      `/stories/${storyId}/episode`,
      episode(null, { since: null, episodeNumber: 9 }),
    );
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    expect(((await stale.json()) as ProblemJson).code).toBe("EPISODE_CONFLICT");
    const current = await editor.json<EpisodeJson & { episodeNumber: number }>(
      "PUT",
      `/stories/${storyId}/episode`,
      episode(null, { since: first.updatedAt, episodeNumber: 5 }),
    );
    expect(current.episodeNumber).toBe(5);
    const older = await editor.request(
      "PUT",
      `/stories/${storyId}/episode`,
      episode(null, { since: "2000-01-01T00:00:00.000Z" }),
    );
    expect(((await older.json()) as ProblemJson).code).toBe("EPISODE_CONFLICT");
    expect(
      (await editor.json<{ episodeNumber: number }>("GET", `/stories/${storyId}/episode`))
        .episodeNumber,
    ).toBe(5);
  });

  it("lets a reporter save the episode of their own draft, not an editor's", async () => {
    const own = await episodeStory("reporter-own", reporter);
    expect((await reporter.request("PUT", `/stories/${own}/episode`, episode(null))).status).toBe(
      200,
    );
    const theirs = await episodeStory("editor-theirs");
    const refused = await reporter.request("PUT", `/stories/${theirs}/episode`, episode(null));
    expect(refused.status).toBe(403);
  });

  it("audits caption edits and removals", async () => {
    const clip = await upload(520, "Captioned");
    await editor.json("PUT", `/media/clips/${clip.id}/captions/en`, { vtt });
    await editor.json("PUT", `/media/clips/${clip.id}/captions/en`, {
      vtt: `${vtt}\n00:01.500 --> 00:02.000\nGoodnight.\n`,
    });
    const invalid = await editor.request("PUT", `/media/clips/${clip.id}/captions/en`, {
      vtt: "not captions",
    });
    expect(invalid.status).toBe(422);
    expect((await editor.request("DELETE", `/media/clips/${clip.id}/captions/en`)).status).toBe(
      204,
    );
    const log = await admin.json<AuditJson[]>("GET", "/audit?limit=200");
    const mine = log.filter((e) => e.details.clipId === clip.id && e.action.startsWith("clip."));
    expect(mine.map((e) => [e.action, e.details.lang, e.details.cues])).toEqual([
      ["clip.captions-removed", "en", undefined],
      ["clip.captions-saved", "en", 2],
      ["clip.captions-saved", "en", 1],
    ]);
    expect(mine[0]?.actorName).toBe("Elif Editor");
  });

  it("refuses to delete a clip an episode plays, and deletes an unused one with its files", async () => {
    const used = await upload(540, "Used");
    const storyId = await episodeStory("evening-used");
    await editor.json("PUT", `/stories/${storyId}/episode`, episode(used.id));
    const inUse = await editor.request("DELETE", `/media/clips/${used.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await inUse.json()) as ProblemJson;
    expect(problem.code).toBe("CLIP_IN_USE");
    expect(problem.storyIds).toEqual([storyId]);
    expect((await storedKeys(used.id)).length).toBeGreaterThan(0);

    const unused = await upload(560, "Unused");
    await editor.json("PUT", `/media/clips/${unused.id}/captions/fa`, { vtt });
    expect(await storedKeys(unused.id)).toEqual(
      expect.arrayContaining([`clips/${unused.id}/original`]),
    );
    // Reporters upload clips but do not delete them.
    const forbidden = await reporter.request("DELETE", `/media/clips/${unused.id}`);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as ProblemJson).code).toBe("FORBIDDEN");

    expect((await editor.request("DELETE", `/media/clips/${unused.id}`)).status).toBe(204);
    expect(await storedKeys(unused.id)).toEqual([]);
    const gone = await editor.request("GET", `/media/clips/${unused.id}`);
    expect(gone.status).toBe(404);
    expect(((await gone.json()) as ProblemJson).code).toBe("CLIP_NOT_FOUND");
    expect((await newsdesk.app.request(`/media/clips/${unused.id}/captions/fa.vtt`)).status).toBe(
      404,
    );
    const again = await editor.request("DELETE", `/media/clips/${unused.id}`);
    expect(((await again.json()) as ProblemJson).code).toBe("CLIP_NOT_FOUND");
    const log = await admin.json<AuditJson[]>("GET", "/audit?limit=200");
    expect(
      log.filter((e) => e.action === "clip.deleted").map((e) => [e.details.clipId, e.actorName]),
    ).toEqual([[unused.id, "Elif Editor"]]);

    // Once the episode plays another clip, the first one may go.
    await editor.json("PUT", `/stories/${storyId}/episode`, episode(null));
    expect((await editor.request("DELETE", `/media/clips/${used.id}`)).status).toBe(204);
    expect(await storedKeys(used.id)).toEqual([]);
  });
});
